import EpuapDomain
import EpuapReport
import ScreenKit

/// The whole state of the wizard: what is on screen and what the journal says.
///
/// Changed only by `update`.
public struct WizardModel: Equatable, Sendable {
  public let procedure: Procedure
  public var size: ScreenSize
  /// The open unit's state as the journal has it (nil before a journal is open).
  public var unit: UnitState? {
    didSet { refreshDerived(previous: oldValue) }
  }
  /// The steps of the open unit with their status; follows `unit`.
  public private(set) var checklist: Checklist?
  /// Ids of the cards that `Validator.checkCard` finds errors in; follows `unit`.
  ///
  /// Kept here rather than
  /// worked out while drawing, because the card list shows it for every card on screen at every key,
  /// and only changed cards are checked again.
  public private(set) var cardsWithErrors: Set<String> = []
  /// How many cards have no decision yet (the card list's heading); follows `unit`, for the same reason.
  public private(set) var undecidedCardCount = 0
  /// Every error and warning of the open unit, and its verdict; follow `unit`, so that the overview and
  /// the finish screen do not check the whole state again at every key.
  public private(set) var issues: [ValidationIssue] = []
  public private(set) var verdict: Verdict?
  /// The unit's deadlines on `today`; follows `unit`.
  public private(set) var timeline: Timeline?
  public var journalPath: String?
  public var journals: [JournalSummary] = [] {
    didSet { journalsVersion &+= 1 }
  }
  /// Counts changes of `journals`, so that the start screen's rows are remade only when they change.
  private(set) var journalsVersion = 0
  /// The start screen's rows as drawn; remade (`refreshStartRows`) only when the journals, the filter,
  /// the order or the width change, so that a key that moves the cursor does no work that grows with the
  /// number of units.
  public internal(set) var startRows = StartRows()
  /// The card list's filtered cards; remade (`refreshCardRows`) only when the unit or the filter changes.
  public internal(set) var cardRows = CardRows()
  public var screen: Screen
  /// Screens to return to with Esc.
  public var backStack: [Screen] = []
  public var overlay: Overlay?
  public var message: StatusMessage?
  /// The printers the print menu offers, as `lpstat` last listed them.
  public var printers = PrinterList.none
  /// The draft the runtime last kept beside the journal (see `Draft`): `update` tells it when this
  /// changes.
  public var draftKept: Draft?
  /// `RRRR-MM-DD`, for date checks.
  public var today: String
  public var finished = false

  /// Built once: screens ask it on every frame (for example once per visible card).
  public let validator: Validator

  public init(procedure: Procedure, size: ScreenSize, today: String) {
    self.procedure = procedure
    self.size = size
    self.today = today
    validator = Validator(procedure: procedure)
    screen = .start(StartList())
  }

  private mutating func refreshDerived(previous: UnitState?) {
    checklist = unit.map { Checklist(procedure: procedure, state: $0) }
    // A card's mailbox is checked against the mailboxes of 3.3: when they change, every card is checked.
    let sameMailboxes = previous?.mailboxes == unit?.mailboxes
    let known =
      sameMailboxes
      ? Dictionary(previous?.cards.map { ($0.id, $0) } ?? [], uniquingKeysWith: { first, _ in first }) : [:]
    var withErrors: Set<String> = []
    undecidedCardCount = 0
    for card in unit?.cards ?? [] {
      if card.action == nil { undecidedCardCount += 1 }
      let hasErrors =
        known[card.id] == card
        ? cardsWithErrors.contains(card.id) : !validator.checkCard(card, in: unit).errors.isEmpty
      if hasErrors { withErrors.insert(card.id) }
    }
    cardsWithErrors = withErrors
    if let unit, let checklist {
      issues = validator.issues(for: unit, today: today)
      verdict = Verdict(procedure: procedure, state: unit, today: today, checklist: checklist, issues: issues)
      timeline = Timeline(
        procedure: procedure, state: unit, today: today, checklist: checklist, verdict: verdict)
    } else {
      issues = []
      verdict = nil
      timeline = nil
    }
  }
}

/// One screen of the wizard with its own state.
public enum Screen: Equatable, Sendable {
  /// New unit, or resume one of the journals found.
  case start(StartList)
  case newUnit(FormState)
  /// Every step of the path with its status.
  case overview(cursor: Int)
  case step(StepScreen)
  case mailboxForm(ItemForm)
  /// Settings of steps 3.6–3.8 for one mailbox.
  case settings(SettingsForm)
  case systemForm(ItemForm)
  case cardList(CardList)
  case cardForm(ItemForm)
  case finish(cursor: Int)
}

/// A step's screen: which step, the focused row, the step's own form and (step 2.0) the path chosen.
public struct StepScreen: Equatable, Sendable {
  public var stepID: String
  public var cursor: Int
  public var form: FormState
  public var choice: PathID?
  /// Lines the instruction is scrolled down by (PgUp/PgDn).
  public var scroll: Int = 0

  public init(stepID: String, cursor: Int = 0, form: FormState, choice: PathID? = nil) {
    self.stepID = stepID
    self.cursor = cursor
    self.form = form
    self.choice = choice
  }
}

/// A form editing one item of a list: a mailbox, a system or a card.
///
/// `itemID` nil: a new item.
public struct ItemForm: Equatable, Sendable {
  public var itemID: String?
  public var form: FormState

  public init(itemID: String?, form: FormState) {
    self.itemID = itemID
    self.form = form
  }
}

public struct SettingsForm: Equatable, Sendable {
  public var mailboxID: String
  public var form: FormState
  /// Which per-mailbox step each field belongs to, by field id.
  public var stepOfField: [String: String]
}

/// The card list's cards as the filter lets them through, made once per unit and filter, and their rows'
/// lines as the list reaches them.
public struct CardRows: Equatable, Sendable {
  /// What they were made from (`WizardModel.filteredCards`): the unit's journal, its last event, the
  /// filter, the screen's width.
  ///
  /// A value compared at every key, so it is not a string made at every key.
  struct Source: Equatable, Sendable {
    var journalPath: String?
    var eventCount = -1
    var filter = ""
    var width = 0
  }
  var source: Source?
  public var cards: [ServiceCard] = []
  /// The rows' lines, without the focus highlight, from the first card down to the lowest reached: made
  /// as the cursor reaches them (`LinesAhead`).
  var texts: [String] = []
}

/// The start screen's units as the list shows them: filtered, ordered, each row's text made once.
public struct StartRows: Equatable, Sendable {
  /// What they were made from: the journals' version, the filter as typed, the order, the width.
  struct Source: Equatable, Sendable {
    var journalsVersion = -1
    var filter = ""
    var order = StartList.Order.lastChange
    var width = 0
  }
  var source = Source()
  public var summaries: [JournalSummary] = []
  /// Each unit's name as its row shows it: shared beginnings cut (`DistinctNames`), subordinates indented.
  var names: [String] = []
  /// The rows' lines, without the focus highlight, from the first unit down to the lowest reached.
  ///
  /// `refreshStartRows` makes them as the cursor reaches them (`LinesAhead`). `text(_:)` makes any other
  /// on the spot.
  public var texts: [String] = []

  /// Unit `index`'s line.
  func text(_ index: Int) -> String {
    index < texts.count
      ? texts[index] : StartView.rowText(summaries[index], name: names[index], width: source.width)
  }
}

/// The start screen: row 0 is „Nowa jednostka”, then the units the filter lets through, in `order`.
public struct StartList: Equatable, Sendable {
  /// How the units are listed.
  public enum Order: String, Equatable, Sendable, CaseIterable {
    case lastChange = "ostatnia zmiana"
    case name = "nazwa"
    case identifier = "identyfikator"
    case progress = "postęp"
  }

  public var rows = FilteredList()
  public var order: Order = .lastChange

  public init() {}
}

/// Something drawn over the screen that takes the keys until it is closed.
public enum Overlay: Equatable, Sendable {
  /// The help, scrolled down by `scroll` lines; ↑↓ scroll, any other key closes it.
  case help(scroll: Int)
  case quitConfirm
  case prompt(Prompt)
  case confirm(Confirmation)
  /// Choose the printout's format.
  case printMenu(cursor: Int)
  /// A failure to show whole (a lock, a full disk, a damaged journal); any key closes it.
  case notice(String)
  /// The message line's text whole (F3), scrolled down by `scroll` lines; ↑↓ scroll, any other key closes.
  case message(StatusMessage, scroll: Int)
}

public struct Prompt: Equatable, Sendable {
  public enum Purpose: Equatable, Sendable {
    case skipReason(stepID: String)
    /// What a step waits for („czeka”).
    case waitReason(stepID: String)
    case overrideReason(mailboxID: String, fieldID: String, value: String)
  }

  public var title: String
  public var explanation: String
  public var input = TextInput()
  public var error: String?
  public var purpose: Purpose
}

public struct Confirmation: Equatable, Sendable {
  public enum Purpose: Equatable, Sendable {
    /// With the decision's own record: who decided, when, on what document.
    case changeDecision(Decision, values: [String: String])
    case removeMailbox(id: String)
    case removeSystem(name: String)
    case removeCard(id: String)
    /// Leave a form whose typed text is not recorded.
    case discardDraft
  }

  public var title: String
  public var lines: [String]
  public var purpose: Purpose
}

public struct StatusMessage: Equatable, Sendable {
  public enum Kind: Equatable, Sendable { case info, success, warning, error }
  public var kind: Kind
  public var text: String

  public static func info(_ text: String) -> StatusMessage { StatusMessage(kind: .info, text: text) }
  public static func success(_ text: String) -> StatusMessage { StatusMessage(kind: .success, text: text) }
  public static func warning(_ text: String) -> StatusMessage { StatusMessage(kind: .warning, text: text) }
  public static func error(_ text: String) -> StatusMessage { StatusMessage(kind: .error, text: text) }
}

/// Where to go once a journal write has succeeded.
public enum AfterRecord: Equatable, Sendable {
  case stay(String)
  case nextStep(after: String, message: String)
  case popScreen(String)
  case overview(String)
}

/// Input to `update`: keys, a new size, and the results of commands the runtime carried out.
public enum WizardEvent: Equatable, Sendable {
  case key(Key)
  /// Printable characters that arrived together (a paste): typed into the focused field in one go, so a
  /// long paste costs one pass, not one pass per character. Where no field takes them, each is a key.
  case typed(String)
  case resized(ScreenSize)
  case journalsListed([JournalSummary])
  /// A journal was opened, or `created` just now; `notice` says what recovery did, if anything; `draft`
  /// is what was typed and not recorded when the unit was last left.
  case journalOpened(
    path: String, state: UnitState, notice: String?, draft: Draft? = nil, created: Bool = false)
  /// The last `record` reached the disk; this is the journal's state now, and `then` what the wizard
  /// asked to do once it was (the continuation travels with the effect and comes back with its result).
  case recorded(UnitState, then: AfterRecord? = nil)
  /// A command failed; the Polish message says why and what to do.
  case failed(String)
  /// Where the checklist went: the whole sentence, with the full path, is shown in a box.
  case printed(String)
  /// The printers `lpstat` lists, for the print menu.
  case printersListed(PrinterList)
  /// The draft could not be kept beside the journal; what is recorded is not affected.
  case draftNotKept(String)
  /// What was typed into the new-unit form and not used when the wizard last stopped, if anything.
  case newUnitDraftRead(Draft?)
}

/// Work `update` asks the runtime to do: it is the only way the wizard touches files.
public enum WizardEffect: Equatable, Sendable {
  case listJournals
  case openJournal(path: String)
  case createJournal(unit: UnitInfo, operatorName: String)
  /// Append to the open journal, durably; answered by `.recorded(state, then:)` or `.failed`.
  case record(JournalChange, then: AfterRecord)
  /// Ask `lpstat` for the printers; answered by `.printersListed`.
  case listPrinters
  case printChecklist(PrintDestination)
  /// Keep what is typed and not recorded beside the open journal (in the folder, for the new-unit form);
  /// nil: there is none (remove it).
  case saveDraft(Draft?)
  /// Read the new-unit form's draft kept in the folder; answered by `.newUnitDraftRead`.
  case readNewUnitDraft
  /// Remove the new-unit form's draft from the folder: the unit it held has its journal now.
  case discardNewUnitDraft
  case quit
}
