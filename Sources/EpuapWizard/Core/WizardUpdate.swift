import EpuapDomain
import EpuapReport
import FoundationEssentials
import ScreenKit

/// The wizard's one state transition: `update(model, event)` returns the new model and the commands for
/// the runtime (journal writes, opening files, printing).
///
/// It does no I/O itself, so every screen can be
/// driven and checked in tests without a terminal or a disk.
public enum WizardCore {
  public static func update(_ model: WizardModel, _ event: WizardEvent) -> (WizardModel, [WizardEffect]) {
    var next = model
    let commands = update(&next, event)
    return (next, commands)
  }

  /// `update(model, event)` on the model in place: the same transition, for the runner, which would
  /// otherwise copy the whole model (a retain of each of its parts) at every key.
  public static func update(_ model: inout WizardModel, _ event: WizardEvent) -> [WizardEffect] {
    var commands = model.handle(event)
    if case .start(let list) = model.screen { model.refreshStartRows(list) }
    if case .cardList(let list) = model.screen { model.refreshCardRows(list) }
    // What is typed and not recorded is kept beside the journal (in the folder, for the new-unit form)
    // whenever it changes.
    let draft = model.unsavedDraft
    if draft != model.draftKept {
      model.draftKept = draft
      commands.append(.saveDraft(draft))
    }
    return commands
  }

  /// The model and commands to start with: list the journals, or open the one given.
  public static func start(
    procedure: Procedure, size: ScreenSize, today: String, journalPath: String? = nil
  ) -> (WizardModel, [WizardEffect]) {
    let model = WizardModel(procedure: procedure, size: size, today: today)
    if let journalPath { return (model, [.listJournals, .openJournal(path: journalPath)]) }
    return (model, [.listJournals])
  }
}

extension WizardModel {
  mutating func handle(_ event: WizardEvent) -> [WizardEffect] {
    switch event {
    case .resized(let newSize):
      size = newSize
      return []
    case .journalsListed(let list):
      journals = list
      return []
    case .journalOpened(let path, let state, let notice, let draft, let created):
      journalPath = path
      unit = state
      draftKept = draft
      backStack = []
      overlay = nil
      if let notice { message = .warning(notice) }
      let checklist = Checklist(procedure: procedure, state: state)
      if let first = checklist.firstOpen {
        backStack = [.overview(cursor: overviewIndex(of: first.step.id))]
        screen = .step(makeStepScreen(first.step.id))
      } else {
        screen = .finish(cursor: 0)
      }
      if notice == nil {
        // Said by what was done, not by how much the journal holds: a unit left right after it was
        // created holds one event when it is opened again.
        message =
          created
          ? .success("Utworzono dziennik jednostki; każda czynność zapisuje się od razu.")
          : .info("Wznowiono: wszystko, co zrobiono wcześniej, jest zapisane. To pierwszy otwarty krok.")
      }
      if let draft {
        if restore(draft) {
          message = .warning(
            "Przywrócono niezapisany szkic (\(describe(draft.place))): zapisz go (Tab, F2) albo porzuć (Esc). "
              + "Wszystko inne jest zapisane w dzienniku.")
        } else {
          draftKept = nil
          message = .warning("Niezapisany szkic dotyczył pozycji, której już nie ma; odrzucono go.")
        }
      }
      // Created (only ever from the new-unit form): the form's draft in the folder has become this journal.
      return created ? [.discardNewUnitDraft] : []
    case .draftNotKept(let text):
      message = .warning(text)
      return []
    case .newUnitDraftRead(let draft):
      // Offered only into the form as it opens, before anything is typed in it.
      guard let draft, draft.place == .newUnit, case .newUnit(let form) = screen,
        form.entries.map(\.storedValue) == newUnitForm.entries.map(\.storedValue)
      else { return [] }
      screen = .newUnit(draft.filled(form))
      // A draft that fills in nothing (only the defaults, or fields the form no longer has) is dropped.
      guard let restored = unsavedDraft else { return [.discardNewUnitDraft] }
      draftKept = restored
      message = .warning(
        "Przywrócono dane nowej jednostki wpisane wcześniej i niezapisane: sprawdź je i utwórz dziennik "
          + "albo porzuć (Esc).")
      return []
    case .recorded(let state, let after):
      unit = state
      applyAfterRecord(after)
      return []
    case .failed(let text):
      message = .error(text)
      overlay = .notice(text)
      return []
    case .printed(let text):
      message = .success(text)
      overlay = .message(.success(text), scroll: 0)
      return []
    case .printersListed(let list):
      printers = list
      if case .printMenu = overlay { overlay = .printMenu(cursor: 0) }
      return []
    case .typed(let text):
      if insertIntoFocusedField(Substring(text)) { return [] }
      // Keys typed quickly: a first key that writes nothing and opens a prompt or a filter for the rest
      // („c” and what is awaited, „/” and a name). Anything else is a paste where no field takes text,
      // and its letters are not taken as keys one by one (a „d” in a pasted word would mark the step
      // done, or send the cursor to a field that would get the rest): nothing is done with it, and the
      // status line says so.
      if let first = text.first {
        var trial = self
        let commands = trial.handle(.key(.character(first)))
        if commands.isEmpty, trial.hasOpenTextEntry, trial.insertIntoFocusedField(Substring(text.dropFirst()))
        {
          self = trial
          return []
        }
      }
      message = .error("Wklejony tekst pominięto: kursor nie jest na polu. Przejdź do pola i wklej.")
      return []
    case .key(let key):
      if key == .resize { return [] }
      if overlay != nil { return handleOverlayKey(key) }
      if key == .function(3), let message {
        overlay = .message(message, scroll: 0)
        return []
      }
      let typing = isTyping
      message = nil
      if !typing {
        switch KeyBindings.global.first(where: { $0.keys.contains(key) })?.action {
        case .help:
          overlay = .help(scroll: 0)
          return []
        case .quit:
          overlay = .quitConfirm
          return []
        default: break
        }
      } else if key == .function(1) {
        overlay = .help(scroll: 0)
        return []
      }
      return handleScreenKey(key)
    }
  }

  /// Types `text` into the field that has the focus, when one takes typed letters; false when none does.
  mutating func insertIntoFocusedField(_ text: Substring) -> Bool {
    if case .prompt(var prompt) = overlay {
      prompt.input.insert(contentsOf: text)
      overlay = .prompt(prompt)
      return true
    }
    guard overlay == nil, isTyping else { return false }
    message = nil
    func typed(into form: inout FormState) { form.type(text) }
    switch screen {
    case .newUnit(var form):
      typed(into: &form)
      screen = .newUnit(form)
    case .step(var step):
      // On a step the focused field is the one of the focused row.
      guard case .field(let index) = currentStepRow(step) else { return false }
      step.form.focus = index
      typed(into: &step.form)
      screen = .step(step)
    case .mailboxForm(var item):
      typed(into: &item.form)
      screen = .mailboxForm(item)
    case .systemForm(var item):
      typed(into: &item.form)
      screen = .systemForm(item)
    case .cardForm(var item):
      typed(into: &item.form)
      screen = .cardForm(item)
    case .settings(var settings):
      typed(into: &settings.form)
      screen = .settings(settings)
    case .cardList(var list):
      list.filter.insert(contentsOf: text)
      list.cursor = 0
      screen = .cardList(list)
    case .start(var list):
      list.rows.filter.insert(contentsOf: text)
      list.rows.cursor = 0
      screen = .start(list)
    default:
      return false
    }
    return true
  }

  /// Whether a prompt or a list's filter is open: what a key opens for text typed right after it.
  var hasOpenTextEntry: Bool {
    if case .prompt? = overlay { return true }
    switch screen {
    case .start(let list): return list.rows.filtering
    case .cardList(let list): return list.filtering
    default: return false
    }
  }

  /// Whether the focused element takes typed letters, so letter shortcuts must not fire.
  var isTyping: Bool {
    switch screen {
    case .newUnit(let form): return form.isTyping
    case .step(let step):
      // The row under the cursor, not the form's focus: the focus follows the cursor only at the next
      // key, so after Enter moved on from a text field it still names that field.
      if case .field(let index) = currentStepRow(step) { return step.form.isTyping(at: index) }
      return false
    case .mailboxForm(let item), .systemForm(let item), .cardForm(let item): return item.form.isTyping
    case .settings(let settings): return settings.form.isTyping
    case .cardList(let list): return list.filtering
    case .start(let list): return list.rows.filtering
    default: return false
    }
  }

  mutating func handleScreenKey(_ key: Key) -> [WizardEffect] {
    switch screen {
    case .start(let list): return handleStartKey(key, list: list)
    case .newUnit(let form): return handleNewUnitKey(key, form: form)
    case .overview(let cursor): return handleOverviewKey(key, cursor: cursor)
    case .step(let step): return handleStepKey(key, step: step)
    case .mailboxForm(let item): return handleMailboxFormKey(key, item: item)
    case .settings(let settings): return handleSettingsKey(key, settings: settings)
    case .systemForm(let item): return handleSystemFormKey(key, item: item)
    case .cardList(let list): return handleCardListKey(key, list: list)
    case .cardForm(let item): return handleCardFormKey(key, item: item)
    case .finish(let cursor): return handleFinishKey(key, cursor: cursor)
    }
  }

  // MARK: - Navigation

  mutating func push(_ next: Screen) {
    backStack.append(screen)
    screen = next
  }

  /// Leaves a form: at once when everything on it is recorded, else after asking.
  ///
  /// The new-unit form, which has no journal yet, asks once anything was typed in it.
  mutating func leaveForm() {
    let place: String
    var save = "zapis: Tab lub F2"
    if let draft = unsavedDraft {
      place = describe(draft.place)
      if draft.place == .newUnit { save = "dziennik tworzy „Utwórz dziennik i zacznij”" }
    } else {
      pop()
      return
    }
    overlay = .confirm(
      Confirmation(
        title: "Porzucić niezapisane zmiany?",
        lines: [
          "W formularzu (\(place)) jest tekst, którego jeszcze nie zapisano.",
          "t / Enter — porzuć zmiany;  n / Esc — wróć do formularza (\(save)).",
        ],
        purpose: .discardDraft))
  }

  mutating func pop() {
    if let previous = backStack.popLast() {
      screen = refreshed(previous)
    } else if unit != nil {
      screen = .overview(cursor: 0)
    } else {
      screen = .start(StartList())
    }
  }

  /// A screen returned to after the journal changed: step forms take the journal's values again.
  func refreshed(_ screen: Screen) -> Screen {
    if case .cardList(var list) = screen {
      list.cursor = min(list.cursor, max(0, filteredCards(list).count - 1))
      return .cardList(list)
    }
    guard case .step(var step) = screen else { return screen }
    let fresh = makeStepScreen(step.stepID)
    step.form = fresh.form
    step.choice = step.choice ?? fresh.choice
    return .step(step)
  }

  mutating func applyAfterRecord(_ after: AfterRecord?) {
    switch after {
    case .none: break
    case .stay(let text):
      message = .success(text)
      screen = refreshed(screen)
    case .popScreen(let text):
      message = .success(text)
      pop()
    case .overview(let text):
      message = .success(text)
      backStack = []
      screen = .overview(cursor: 0)
    case .nextStep(let after, let text):
      message = .success(text)
      goToStep(after: after)
    }
  }

  /// The next step still to do after `stepID` (wrapping to the first open one), or the finish screen.
  mutating func goToStep(after stepID: String) {
    guard let checklist else { return }
    let applicable = checklist.applicable
    let position = applicable.firstIndex { $0.step.id == stepID } ?? -1
    let later = applicable.dropFirst(position + 1).first { $0.status == .todo }
    if let target = later ?? checklist.firstOpen {
      backStack = [.overview(cursor: overviewIndex(of: target.step.id))]
      screen = .step(makeStepScreen(target.step.id))
    } else {
      backStack = [.overview(cursor: 0)]
      screen = .finish(cursor: 0)
    }
  }

  func overviewIndex(of stepID: String) -> Int {
    checklist?.applicable.firstIndex { $0.step.id == stepID } ?? 0
  }

  /// Asks the runtime to record `change`; `after` runs once it is on disk.
  mutating func record(_ change: JournalChange, then after: AfterRecord) -> [WizardEffect] {
    [.record(change, then: after)]
  }

  // MARK: - Overlays

  mutating func handleOverlayKey(_ key: Key) -> [WizardEffect] {
    guard let current = overlay else { return [] }
    switch current {
    case .help(let scroll):
      switch key {
      case .down, .character("j"): overlay = .help(scroll: scroll + 1)
      case .up, .character("k"): overlay = .help(scroll: max(0, scroll - 1))
      case .pageDown: overlay = .help(scroll: scroll + size.height / 2)
      case .pageUp: overlay = .help(scroll: max(0, scroll - size.height / 2))
      default: overlay = nil
      }
      return []
    case .notice:
      overlay = nil
      return []
    case .message(let message, let scroll):
      switch key {
      case .down, .character("j"): overlay = .message(message, scroll: scroll + 1)
      case .up, .character("k"): overlay = .message(message, scroll: max(0, scroll - 1))
      case .pageDown: overlay = .message(message, scroll: scroll + size.height / 2)
      case .pageUp: overlay = .message(message, scroll: max(0, scroll - size.height / 2))
      default: overlay = nil
      }
      return []
    case .quitConfirm:
      switch key {
      case .character("t"), .character("T"), .character("y"), .enter, .character("q"):
        overlay = nil
        finished = true
        return [.quit]
      default:
        overlay = nil
        return []
      }
    case .printMenu(let cursor):
      let items = PrintMenu.items(printers)
      switch key {
      case .up, .character("k"): overlay = .printMenu(cursor: max(0, cursor - 1))
      case .down, .character("j"), .tab: overlay = .printMenu(cursor: min(items.count - 1, cursor + 1))
      case .enter:
        overlay = nil
        message = .info("Drukowanie…")
        return [.printChecklist(items[min(cursor, items.count - 1)].destination)]
      case .escape: overlay = nil
      default: break
      }
      return []
    case .confirm(let confirmation):
      switch key {
      case .character("t"), .character("T"), .character("y"), .enter:
        overlay = nil
        return confirmed(confirmation.purpose)
      case .escape, .character("n"), .character("N"):
        overlay = nil
        message = .info("Anulowano; nic nie zmieniono.")
      default: break
      }
      return []
    case .prompt(var prompt):
      switch key {
      case .escape:
        overlay = nil
        message = .info("Anulowano; nic nie zapisano.")
        return []
      case .enter:
        return submit(prompt)
      case .character(let character): prompt.input.insert(character)
      case .backspace: prompt.input.backspace()
      case .delete: prompt.input.deleteForward()
      case .left: prompt.input.moveLeft()
      case .right: prompt.input.moveRight()
      case .home: prompt.input.moveHome()
      case .end: prompt.input.moveEnd()
      case .control("u"): prompt.input.clear()
      default: break
      }
      overlay = .prompt(prompt)
      return []
    }
  }

  mutating func submit(_ prompt: Prompt) -> [WizardEffect] {
    var prompt = prompt
    let text = prompt.input.text.trimmedSpaces
    switch prompt.purpose {
    case .waitReason(let stepID):
      if let error = validator.checkWaiting(stepID: stepID, reason: text).errors.first {
        prompt.error = error.message
        overlay = .prompt(prompt)
        return []
      }
      overlay = nil
      return record(
        .stepMarked(StepMark(stepID: stepID, status: .waiting, reason: text)),
        then: .nextStep(
          after: stepID, message: "Krok \(stepID) czeka (zapisano, na co). Wrócisz do niego z przeglądu (o).")
      )
    case .skipReason(let stepID):
      let issues = validator.checkSkip(stepID: stepID, reason: text, in: unit)
      if let error = issues.errors.first {
        prompt.error = error.message
        overlay = .prompt(prompt)
        return []
      }
      overlay = nil
      return record(
        .stepMarked(StepMark(stepID: stepID, status: .skipped, reason: text)),
        then: .nextStep(after: stepID, message: "Krok \(stepID) pominięto (powód zapisano)."))
    case .overrideReason(let mailboxID, let fieldID, let value):
      let label =
        validator.stepID(ofSetting: fieldID).flatMap { validator.field($0, fieldID)?.label } ?? fieldID
      let override = VendorOverride(mailboxID: mailboxID, fieldID: fieldID, value: value, reason: text)
      if let error = validator.checkOverride(override, fieldLabel: label, path: unit?.path).errors.first {
        prompt.error = error.message
        overlay = .prompt(prompt)
        return []
      }
      overlay = nil
      return record(
        .overrideSaved(override), then: .stay("Zapisano wartość wykonawcy dla „\(label)” z powodem."))
    }
  }

  mutating func confirmed(_ purpose: Confirmation.Purpose) -> [WizardEffect] {
    switch purpose {
    case .changeDecision(let decision, let values):
      return recordDecision(decision, values: values)
    case .removeMailbox(let id):
      return record(.mailboxRemoved(ItemRef(id: id)), then: .stay("Usunięto skrytkę z listy."))
    case .removeSystem(let name):
      return record(.systemRemoved(ItemRef(id: name)), then: .stay("Usunięto system „\(name)” z listy."))
    case .removeCard(let id):
      return record(.cardRemoved(ItemRef(id: id)), then: .stay("Usunięto kartę z listy."))
    case .discardDraft:
      pop()
      message = .info("Porzucono niezapisane zmiany; w dzienniku nic się nie zmieniło.")
      return []
    }
  }

  mutating func recordDecision(_ decision: Decision, values: [String: String] = [:]) -> [WizardEffect] {
    let title = procedure.pathTitle(decision.path)
    var changes: [JournalChange] = [.decisionMade(decision)]
    if !values.isEmpty, values != unit?.step(KnownStep.decision.id).values.filter({ values[$0.key] != nil }) {
      changes.append(.stepValuesRecorded(StepValues(stepID: KnownStep.decision.id, values: values)))
    }
    changes.append(.stepMarked(StepMark(stepID: KnownStep.decision.id, status: .done)))
    return record(
      .batch(changes),
      then: .nextStep(after: KnownStep.decision.id, message: "Zapisano decyzję: \(title)."))
  }
}

/// The printout formats the wizard offers.
