import EpuapDomain
import EpuapReport
import FoundationEssentials

/// The wizard one line at a time, for screen readers, pipes and terminals that cannot address the
/// cursor (`--plain`, `ACCESSIBLE=1`).
///
/// It asks numbered questions and takes one answer per line: no box drawing, no colour, every status in
/// words. It works on the same procedure, rules and journal as the full-screen wizard: every answer goes
/// through `AnswersPlan` (the checks of `answers apply`) and is recorded through the same `WizardBackend`
/// before the next question, so the end of input loses nothing that was answered.
public final class LineWizard {
  public enum Outcome: Equatable {
    case quit
    /// The input ended (a script ran out, Ctrl-D); everything answered is recorded.
    case inputEnded
    /// The journal given could not be opened or created; the Polish reason.
    case failed(String)
  }

  let procedure: Procedure
  let validator: Validator
  let backend: any WizardBackend
  let console: any LineConsole
  let today: String
  /// The open unit as its journal has it.
  var state: UnitState?
  public private(set) var journalPath: String?

  /// Thrown by every question when the input ends, and caught once, in `run`.
  struct InputEnded: Error {
    /// The values of the form being answered when the input ended (`askValues`), so they can be kept.
    var typed: [String: String] = [:]
  }

  public init(procedure: Procedure, backend: any WizardBackend, console: any LineConsole, today: String) {
    self.procedure = procedure
    self.validator = Validator(procedure: procedure)
    self.backend = backend
    self.console = console
    self.today = today
  }

  /// Opens `journalPath` (or lets the clerk choose or create a unit), then asks until the clerk quits or
  /// the input ends.
  public func run(journalPath: String?) -> Outcome {
    say("Kreator ePUAP w trybie tekstowym: odpowiadaj numerem z listy albo tekstem, jednym wierszem.")
    say(
      "Odpowiedzi kroku zapisują się w dzienniku po jego ostatnim pytaniu; koniec wejścia (Ctrl-D) kończy "
        + "pracę i zapisuje to, co już wpisano.")
    do {
      if let journalPath {
        if let problem = open(journalPath) { return .failed(problem) }
      } else {
        try chooseUnit()
      }
      try unitMenu()
      return .quit
    } catch {
      say("")
      say("Koniec wejścia. Wszystko, co zapisano, jest w dzienniku.")
      return .inputEnded
    }
  }

  // MARK: Choosing the unit

  private func chooseUnit() throws {
    while state == nil {
      let journals = backend.listJournals()
      var options = ["Nowa jednostka"]
      for journal in journals {
        if let problem = journal.problem {
          options.append("\(journal.path) — nie można otworzyć: \(problem)")
        } else {
          let identifier = journal.entityIdentifier.isEmpty ? "" : " [\(journal.entityIdentifier)]"
          options.append(
            "\(journal.unitName)\(identifier) — zrobione \(journal.doneCount) z \(journal.totalCount) kroków")
        }
      }
      say("")
      let choice = try choose("Jednostki (\(journals.count)):", options)
      if choice == 0 {
        try createUnit(besides: journals)
      } else if let problem = open(journals[choice - 1].path) {
        say("Nie otwarto: \(problem)")
      }
    }
  }

  private func createUnit(besides journals: [JournalSummary]) throws {
    say("")
    say("Nowa jednostka. Wypełnij pola; nic nie zostanie zapisane, dopóki wszystkie nie będą poprawne.")
    var values: [String: String] = ["rola": "partner"]
    for field in procedure.unitFields {
      values[field.id] = try askField(field, current: values[field.id] ?? "", required: true) { value in
        self.validator.checkUnitField(
          field, value, journals: journals, role: Role(rawValue: values["rola"] ?? "") ?? .partner)
      }
    }
    let unit = UnitInfo(
      name: values["nazwa", default: ""], entityIdentifier: values["identyfikator", default: ""],
      role: Role(rawValue: values["rola"] ?? "") ?? .partner)
    do {
      let (path, created) = try backend.create(unit: unit, operatorName: values["operator", default: ""])
      journalPath = path
      state = created
      say("Utworzono dziennik: \(path)")
    } catch {
      say("Nie utworzono dziennika: \(error.message)")
    }
  }

  /// Opens a journal; the reason when it cannot be.
  private func open(_ path: String) -> String? {
    do {
      let (opened, notice, _) = try backend.open(path: path)
      state = opened
      journalPath = path
      if let notice { say(notice) }
      say("Otwarto dziennik: \(path)")
      return nil
    } catch {
      return error.message
    }
  }

  // MARK: The unit

  private func unitMenu() throws {
    while let state {
      let checklist = Checklist(procedure: procedure, state: state)
      let verdict = Verdict(
        procedure: procedure, state: state, today: today, checklist: checklist,
        issues: validator.issues(for: state, today: today))
      say("")
      say(
        "Jednostka: \(state.unit.name)"
          + (state.unit.entityIdentifier.isEmpty ? "" : " [\(state.unit.entityIdentifier)]"))
      say(
        "Ścieżka: " + (state.path.map { procedure.pathTitle($0) } ?? "decyzja jeszcze nie podjęta (krok 2.0)")
      )
      say(
        "Postęp: zrobione \(checklist.doneCount), pominięte \(checklist.skippedCount), czeka \(checklist.waiting.count), "
          + "do zrobienia \(checklist.open.count) (z \(checklist.applicableCount))")
      say(
        verdict.finished
          ? "ZAKOŃCZONE: wszystkie kroki ścieżki są zrobione albo pominięte zgodnie z instrukcją."
          : "NIEZAKOŃCZONE: co blokuje zakończenie (\(verdict.blocking.count)) — zobacz „Co blokuje zakończenie”."
      )
      let timeline = Timeline(
        procedure: procedure, state: state, today: today, checklist: checklist, verdict: verdict)
      if let next = timeline.next { say("Najbliższy termin: " + Timeline.line(next)) }
      var options: [(String, () throws -> Void)] = []
      if let next = checklist.firstOpen {
        options.append(
          ("Następny krok: \(next.step.id) \(next.step.title)", { try self.stepMenu(next.step.id) }))
      }
      options.append(("Wybierz krok z listy (każdy ze stanem)", { try self.chooseStep() }))
      if !verdict.finished {
        options.append(("Co blokuje zakończenie", { self.sayBlocking(verdict) }))
      }
      if !timeline.entries.isEmpty {
        options.append(
          ("Terminy", { for entry in timeline.entries { self.say("- " + Timeline.line(entry)) } }))
      }
      options.append(("Stan jednostki (jak polecenie status)", { self.sayStatus() }))
      options.append(("Zapisz listę kontrolną do pliku (do druku)", { self.printChecklist() }))
      options.append(("Zakończ", {}))
      let choice = try choose("Co dalej?", options.map(\.0))
      if choice == options.count - 1 {
        say("Zapisano. Dziennik: \(journalPath ?? "")")
        return
      }
      try options[choice].1()
    }
  }

  private func chooseStep() throws {
    guard let state else { return }
    let items = Checklist(procedure: procedure, state: state).applicable
    let options = items.map { "\($0.step.id) \($0.step.title) — \(statusWords($0))" } + ["Wróć"]
    let choice = try choose("Kroki ścieżki:", options)
    if choice < items.count { try stepMenu(items[choice].step.id) }
  }

  private func sayBlocking(_ verdict: Verdict) {
    say("NIEZAKOŃCZONE: co blokuje zakończenie (\(verdict.blocking.count)):")
    for blocker in verdict.blocking { say("- \(blocker.line)") }
  }

  private func sayStatus() {
    guard let state, let journalPath else { return }
    let report = StatusReport(procedure: procedure, state: state, journalPath: journalPath, today: today)
    say(StatusTextRenderer.render(report, procedure: procedure))
  }

  private func printChecklist() {
    do {
      say(try backend.printChecklist(to: .file(.text)))
    } catch {
      say("Nie zapisano listy kontrolnej: \(error.message)")
    }
  }

  /// A step's status in words, with the reason of a skip or a wait.
  func statusWords(_ item: Checklist.Item) -> String {
    item.record.explanation ?? Procedure.statusLabel(item.status)
  }

  // MARK: Questions

  func say(_ text: String) { console.write(text.terminalSafe(keepNewlines: true) + "\n") }

  /// One line of input, or `InputEnded`.
  func ask(_ prompt: String) throws -> String {
    console.write(prompt.terminalSafe() + " ")
    guard let line = console.readLine() else { throw InputEnded() }
    return line
  }

  /// The index of the option chosen by its number; `defaultIndex` when the answer is empty.
  func choose(_ question: String, _ options: [String], defaultIndex: Int? = nil) throws -> Int {
    say(question)
    for (index, option) in options.enumerated() { say("  \(index + 1). \(option)") }
    let hint = defaultIndex.map { ", Enter: \($0 + 1)" } ?? ""
    while true {
      let answer = try ask("Numer (1–\(options.count)\(hint)):").trimmedSpaces
      if answer.isEmpty, let defaultIndex { return defaultIndex }
      if let number = Int(answer), (1...options.count).contains(number) { return number - 1 }
      say("„\(answer)” nie jest numerem z listy. Wpisz liczbę od 1 do \(options.count).")
    }
  }

  /// Asks for one field until the answer passes `check`; returns the value to record.
  ///
  /// An empty answer keeps `current`; „-” clears an optional field.
  func askField(
    _ field: Field, current: String, required: Bool = false,
    check: (String) -> [ValidationIssue]
  ) throws -> String {
    while true {
      var value: String
      switch field.kind {
      case .choice, .checkbox:
        let choices =
          field.kind == .checkbox
          ? [Choice(value: "tak", label: "tak"), Choice(value: "nie", label: "nie")] : field.choices
        let currentIndex = choices.firstIndex { $0.value == current }
        var options = choices.map(\.label)
        if !required, !field.required, currentIndex == nil { options.append("(bez wartości)") }
        let index = try choose(
          question(field, current: currentIndex.map { choices[$0].label } ?? ""), options,
          defaultIndex: currentIndex)
        value = index < choices.count ? choices[index].value : ""
      default:
        say(question(field, current: current))
        let clears = !required && !field.required && !current.isEmpty
        let answer = try ask(
          current.isEmpty ? ">" : "> (Enter zostawia obecną wartość\(clears ? ", „-” ją czyści" : ""))")
        if answer.trimmedSpaces.isEmpty {
          value = current
        } else if clears, answer.trimmedSpaces == "-" {
          value = ""
        } else {
          value = field.stored(answer)
        }
      }
      let errors = check(value).errors
      if errors.isEmpty { return value }
      for error in errors { say("Błąd: \(error.message)") }
    }
  }

  private func question(_ field: Field, current: String) -> String {
    var text = field.label + (field.required ? " (wymagane)" : "")
    if !field.expected.isEmpty { text += "; instrukcja: „\(field.expected)”" }
    if !field.hint.isEmpty { text += "\n  \(field.hint)" }
    if !current.isEmpty { text += "\n  Obecnie: \(current)" }
    return text
  }
}
