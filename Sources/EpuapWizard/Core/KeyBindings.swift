import EpuapDomain
import ScreenKit

/// What a key asks for, wherever it is bound.
enum KeyAction: Equatable, Sendable {
  case help, quit
  case move, open, filter, order, newUnit
  case markDone, skip, wait, reopen, nextOpen, overview, finish, printChecklist, add, remove
  case save, vendorValue, back, scroll
}

/// One key binding of a screen: the keys, what they do, and how the hint line and the help name it.
struct KeyBinding: Sendable {
  var keys: [Key]
  var action: KeyAction
  /// In the hint line at the bottom, such as „d zrobione”; nil: only in the help.
  var hint: String?
  /// What the help says the keys do; nil: not listed there.
  var help: String?
}

/// The key bindings as data: one table per screen drives what a key does (`action`), the hint line at
/// the bottom (`hintLine`) and the list of keys in the help (`helpLines`), so the three cannot disagree.
enum KeyBindings {
  /// The bindings of what is on screen now, in the order the hint line shows them.
  static func bindings(for model: WizardModel) -> [KeyBinding] {
    var result: [KeyBinding] = []
    func bind(_ keys: [Key], _ action: KeyAction, _ hint: String?, _ help: String?) {
      result.append(KeyBinding(keys: keys, action: action, hint: hint, help: help))
    }
    let print = "wydruk listy kontrolnej"
    switch model.screen {
    case .start:
      bind([.up, .down, .character("j"), .character("k")], .move, "↑↓ wybór", "wybór jednostki")
      bind(
        [.enter], .open, "Enter otwórz", "otwórz: nowa jednostka albo wznowienie w pierwszym otwartym kroku")
      bind([.character("n")], .newUnit, "n nowa", "nowa jednostka")
      bind([.character("/")], .filter, "/ szukaj", "szukaj w nazwie, identyfikatorze i ścieżce (Esc czyści)")
      bind(
        [.character("s")], .order, "s kolejność", "kolejność: ostatnia zmiana, nazwa, identyfikator, postęp")
    case .overview:
      bind([.up, .down, .character("j"), .character("k")], .move, "↑↓ kroki", nil)
      bind([.enter, .right], .open, "Enter otwórz", "otwórz krok")
      bind([.character("n")], .nextOpen, "n następny", "następny otwarty krok")
      bind([.character("f")], .finish, "f koniec", "zakończenie: werdykt i co blokuje")
      bind([.character("p")], .printChecklist, "p drukuj", print)
    case .step(let step):
      let procedureStep = model.procedure.step(step.stepID)
      let kind = procedureStep?.kind
      bind([.up, .down, .enter], .move, "↑↓ Enter", nil)
      // On a choice or a tick box the key that changes it comes first: the form takes it before this table.
      if case .field(let index) = model.currentStepRow(step), step.form.entries.indices.contains(index),
        !step.form.isTyping(at: index)
      {
        bind([.character(" "), .left, .right], .move, "spacja/←→ zmień", nil)
      }
      if kind == .decision {
        bind([.character("d"), .function(2)], .markDone, "d zatwierdź", "zatwierdź decyzję")
      } else {
        bind(
          [.character("d"), .function(2)], .markDone, "d zrobione",
          "oznacz jako zrobione (kreator sprawdza warunki)")
        // s is bound on every step, so that it says why a step the instruction requires cannot be skipped.
        let skippable = procedureStep?.isSkippable ?? true
        bind(
          [.character("s")], .skip, skippable ? "s pomiń" : nil,
          skippable ? "pomiń z powodem" : "nic: tego kroku instrukcja nie pozwala pominąć")
        bind(
          [.character("c")], .wait, "c czeka",
          "czeka na coś spoza urzędu (np. \(WaitingExample.short(for: model.unit?.unit.role))), z tym, na co")
        bind([.character("u")], .reopen, nil, "przywróć „do zrobienia”")
      }
      if kind == .mailboxes || kind == .systems || kind == .cards {
        bind([.character("a")], .add, "a dodaj", kind == .cards ? "lista kart" : "dodaj")
      }
      if kind == .mailboxes || kind == .systems {
        bind([.character("x"), .delete], .remove, "x usuń", "usuń z listy w kreatorze")
      }
      bind([.character("n")], .nextOpen, "n dalej", "następny otwarty krok")
      bind([.character("o")], .overview, "o przegląd", "przegląd kroków")
      bind([.character("p")], .printChecklist, nil, print)
      bind([.character("j"), .character("k")], .move, nil, nil)
    case .cardList:
      bind([.up, .down, .pageUp, .pageDown], .move, "↑↓ PgUp/PgDn", nil)
      bind(
        [.character("/")], .filter, "/ szukaj", "szukaj w nazwie, statusie i działaniu (np. „bez decyzji”)")
      bind([.character("a")], .add, "a dodaj", "dodaj kartę")
      bind([.enter], .open, "Enter edytuj", "edytuj kartę")
      bind([.character("x"), .delete], .remove, "x usuń", "usuń kartę z listy w kreatorze")
      bind([.escape], .back, "Esc wstecz", nil)
      bind([.character("p")], .printChecklist, nil, print)
    case .finish:
      bind([.character("p"), .enter], .printChecklist, "p drukuj listę kontrolną", print)
      bind([.character("o"), .escape], .overview, "o przegląd", "przegląd kroków")
      bind([.character("n")], .nextOpen, "n następny krok", "następny otwarty krok")
      bind([.up, .down, .pageUp, .pageDown], .scroll, nil, "przewijanie listy tego, co blokuje")
    case .settings:
      bind([.tab, .up, .down], .move, "Tab/↑↓ pola", nil)
      bind([.character(" "), .left, .right], .move, "spacja/←→", nil)
      // F4 is bound on every path, so that it says why there is no vendor on the portal path.
      let vendor = Validator.allowsVendorValues(on: model.unit?.path)
      bind(
        [.function(4)], .vendorValue, vendor ? "F4 wartość wykonawcy" : nil,
        vendor ? "wartość, o którą prosi wykonawca SOD, z powodem" : nil)
      bind([.function(2)], .save, "F2 zapisz", "zapisz")
      bind([.escape], .back, "Esc anuluj", nil)
    case .mailboxForm, .systemForm, .cardForm, .newUnit:
      bind([.tab, .up, .down], .move, "Tab/↑↓ pola", nil)
      bind([.character(" "), .left, .right], .move, "spacja/←→ wybór", nil)
      bind([.enter], .move, "Enter dalej", nil)
      if case .newUnit = model.screen {
        bind([.escape], .back, "Esc wstecz", nil)
      } else {
        bind([.function(2)], .save, "F2 zapisz", "zapisz")
        bind([.escape], .back, "Esc anuluj", nil)
      }
    }
    return result
  }

  /// Keys that work on every screen when no field takes typed letters.
  static let global: [KeyBinding] = [
    KeyBinding(keys: [.character("?"), .function(1)], action: .help, hint: "? pomoc", help: "pomoc"),
    KeyBinding(
      keys: [.character("q")], action: .quit, hint: "q wyjście", help: "wyjście (wszystko jest zapisane)"),
    KeyBinding(
      keys: [.function(3)], action: .scroll, hint: nil, help: "cała wiadomość, gdy nie mieści się w wierszu"),
  ]

  /// What `key` does on the screen on show; nil when nothing is bound to it there.
  static func action(for key: Key, in model: WizardModel) -> KeyAction? {
    bindings(for: model).first { $0.keys.contains(key) }?.action
  }

  /// The hint line: the screen's hints, then help and quit (F1 while typing).
  static func hintLine(for model: WizardModel) -> String {
    // A box open over the screen takes the keys: the line names its keys, not the screen's beneath.
    switch model.overlay {
    case .help?, .message?: return "↑↓ przewiń  dowolny klawisz zamknij"
    case .notice?: return "Dowolny klawisz zamknij"
    case .quitConfirm?: return "t/Enter zakończ  n/Esc zostań"
    case .confirm?: return "t/Enter tak  n/Esc nie"
    case .prompt?: return "Enter zapisz  Esc anuluj  ←→ Home End Backspace popraw"
    case .printMenu?: return "↑↓ wybór  Enter drukuj  Esc anuluj"
    case nil: break
    }
    switch model.screen {
    case .start(let list) where list.rows.filtering:
      return "Pisz, aby szukać  Enter zakończ  Esc wyczyść"
    case .cardList(let list) where list.filtering:
      return "Pisz, aby szukać  Enter zakończ  Esc wyczyść"
    case .step where model.isTyping:
      return "Enter/Tab zapisz pole  F2 zrobione  Esc wstecz  F1 pomoc"
    default: break
    }
    let forms: Bool = {
      switch model.screen {
      case .mailboxForm, .systemForm, .cardForm, .settings, .newUnit: return true
      default: return false
      }
    }()
    let tail = spaced(forms ? ["F1 pomoc"] : global.compactMap { $0.hint })
    // The screen's hints in the table's order, as many as fit beside help and quit; the help lists all.
    let room = model.size.width - 2 - DisplayWidth.of(tail)
    var shown: [String] = []
    var used = 0
    for hint in bindings(for: model).compactMap({ $0.hint }) {
      let width = DisplayWidth.of(hint) + 2
      guard used + width <= room else { break }
      shown.append(hint)
      used += width
    }
    return spaced(shown + [tail])
  }

  /// Hints two spaces apart.
  ///
  /// Written out rather than `joined(separator:)`, which runs as unspecialised generic code here: at the
  /// first frame its type lookup scanned the binary's protocol conformances (about 0.1 ms of every start,
  /// docs/PERFORMANCE.md).
  private static func spaced(_ hints: [String]) -> String {
    var line = ""
    for hint in hints {
      if !line.isEmpty { line += "  " }
      line += hint
    }
    return line
  }

  /// The help's list of this screen's keys, one line: „d, F2 — oznacz jako zrobione; …”.
  static func helpLine(for model: WizardModel) -> String? {
    let described = (bindings(for: model) + global).compactMap { binding -> String? in
      guard let help = binding.help else { return nil }
      return binding.keys.map(name).joined(separator: ", ") + " — " + help
    }
    return described.isEmpty ? nil : "Klawisze tego ekranu: " + described.joined(separator: "; ") + "."
  }

  /// A key as the help names it.
  static func name(_ key: Key) -> String {
    switch key {
    case .character(" "): return "spacja"
    case .character(let character): return String(character)
    case .enter: return "Enter"
    case .escape: return "Esc"
    case .tab: return "Tab"
    case .backTab: return "Shift-Tab"
    case .backspace: return "Backspace"
    case .delete: return "Delete"
    case .up: return "↑"
    case .down: return "↓"
    case .left: return "←"
    case .right: return "→"
    case .home: return "Home"
    case .end: return "End"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .control(let letter): return "Ctrl-" + String(letter).uppercased()
    case .function(let number): return "F\(number)"
    case .resize: return ""
    }
  }
}
