import EpuapDomain
import FoundationEssentials
import ScreenKit

extension WizardModel {
  mutating func handleStepKey(_ key: Key, step: StepScreen) -> [WizardEffect] {
    var step = step
    let rows = stepRows(step)
    guard !rows.isEmpty, let procedureStep = procedure.step(step.stepID) else { return [] }
    step.cursor = min(step.cursor, rows.count - 1)
    let row = rows[step.cursor]
    if case .field(let index) = row {
      step.form.focus = index
    }
    let typing: Bool = {
      if case .field = row { return step.form.isTyping }
      return false
    }()

    switch key {
    case .escape:
      screen = .step(step)
      leaveForm()
      return []
    case .function(2):
      // F2 marks the step done even while a text field has the focus (its value is saved with it).
      return activate(.markDone, step: &step, procedureStep: procedureStep)
    case .up, .backTab, .down, .tab:
      let forward = key == .down || key == .tab
      let moved = forward ? min(rows.count - 1, step.cursor + 1) : max(0, step.cursor - 1)
      if case .field(let index) = row, let commands = commitField(index, in: &step) {
        // Invalid: stay on the field, its message beside it. Valid: record it and move on.
        if !commands.isEmpty { step.cursor = moved }
        screen = .step(step)
        return commands
      }
      step.cursor = moved
      screen = .step(step)
      return []
    case .pageDown:
      step.scroll += max(1, size.height / 2)
      screen = .step(step)
      return []
    case .pageUp:
      step.scroll = max(0, step.scroll - max(1, size.height / 2))
      screen = .step(step)
      return []
    case .home where !typing:
      step.cursor = 0
      screen = .step(step)
      return []
    case .end where !typing:
      step.cursor = rows.count - 1
      screen = .step(step)
      return []
    default: break
    }

    if case .field(let index) = row {
      if key == .enter {
        let commands = commitField(index, in: &step)
        if commands.map({ !$0.isEmpty }) ?? true { step.cursor = min(rows.count - 1, step.cursor + 1) }
        screen = .step(step)
        return commands ?? []
      }
      if step.form.edit(key) {
        var commands: [WizardEffect] = []
        // Choices and tick boxes are whole values: they are saved as soon as they change.
        if !step.form.isTyping { commands = commitField(index, in: &step, force: true) ?? [] }
        screen = .step(step)
        return commands
      }
      if typing { return [] }
    }

    if key == .enter || key == .character(" ") {  // a text field never gets here: it took the key above
      return activate(row, step: &step, procedureStep: procedureStep)
    }
    switch KeyBindings.action(for: key, in: self) {
    case .markDone: return activate(.markDone, step: &step, procedureStep: procedureStep)
    case .skip: return activate(.skip, step: &step, procedureStep: procedureStep)
    case .wait: return activate(.wait, step: &step, procedureStep: procedureStep)
    case .reopen: return activate(.reopen, step: &step, procedureStep: procedureStep)
    case .add:
      switch procedureStep.kind {
      case .mailboxes: return activate(.addMailbox, step: &step, procedureStep: procedureStep)
      case .systems: return activate(.addSystem, step: &step, procedureStep: procedureStep)
      case .cards: return activate(.openCards, step: &step, procedureStep: procedureStep)
      default: return []
      }
    case .remove:
      switch row {
      case .mailbox(let id):
        let address = unit?.mailbox(id)?.address ?? id
        overlay = .confirm(
          Confirmation(
            title: "Usunąć skrytkę z listy?",
            lines: [
              "\(address)",
              "Usuwa ją tylko z listy w kreatorze (i jej ustawienia); w ePUAP nic się nie zmienia.",
            ],
            purpose: .removeMailbox(id: id)))
      case .system(let name):
        overlay = .confirm(
          Confirmation(
            title: "Usunąć system z listy?", lines: [name, "Usuwa go tylko z listy w kreatorze."],
            purpose: .removeSystem(name: name)))
      default: break
      }
      return []
    case .nextOpen:
      goToStep(after: step.stepID)
      return []
    case .overview:
      backStack = []
      screen = .overview(cursor: overviewIndex(of: step.stepID))
      return []
    case .printChecklist:
      overlay = .printMenu(cursor: 0)
      return [.listPrinters]
    case .move:
      step.cursor = key == .character("j") ? min(rows.count - 1, step.cursor + 1) : max(0, step.cursor - 1)
      screen = .step(step)
      return []
    default:
      screen = .step(step)
      return []
    }
  }

  /// Saves the field at `index` if it changed and is valid.
  ///
  /// Returns nil when there is nothing to save,
  /// `[]` when the value is invalid (the message is on the field), or the commands that record it.
  mutating func commitField(_ index: Int, in step: inout StepScreen, force: Bool = false) -> [WizardEffect]? {
    guard let procedureStep = procedure.step(step.stepID), step.form.entries.indices.contains(index) else {
      return nil
    }
    let entry = step.form.entries[index]
    let value = entry.storedValue
    let issues: [ValidationIssue]
    switch procedureStep.kind {
    case .simple:
      let saved = unit?.step(step.stepID).values[entry.field.id] ?? ""
      guard force || value != saved else { return nil }
      issues = validator.checkValue(
        stepID: step.stepID, field: entry.field, value: value, state: unit, today: today)
      let refusing = issues.errors.filter { !$0.rule.isAgainstInstruction }
      let against = issues.filter { $0.rule.isAgainstInstruction }
      step.form.setError(refusing.first, at: index)
      step.form.entries[index].warning = against.first?.message ?? issues.warnings.first?.message
      guard refusing.isEmpty else { return [] }
      screen = .step(step)
      let note =
        against.errors.isEmpty ? "" : " Uwaga: instrukcja wymaga innej wartości — krok nie będzie zrobiony."
      return record(
        .stepValuesRecorded(StepValues(stepID: step.stepID, values: [entry.field.id: value])),
        then: .stay("Zapisano: \(entry.field.label).\(note)"))
    case .consent:
      // The consent is a fact of its own: saved field by field, like any other; „Usuń system” is marked
      // done separately, and only once the consent is whole.
      issues = validator.fields.check(entry.field, value, stepID: step.stepID, today: today)
      step.form.setError(issues.errors.first, at: index)
      guard issues.errors.isEmpty else { return [] }
      let consent = consentInForm(step.form)
      guard force || consent != (unit?.consent ?? Consent(who: "", date: "", reference: "")) else {
        return nil
      }
      screen = .step(step)
      let complete = validator.checkConsent(consent, today: today).errors.isEmpty
      return record(
        .consentRecorded(consent),
        then: .stay(
          complete
            ? "Zapisano zgodę Urzędu Marszałkowskiego. „Usuń system” wykonaj w ePUAP, potem oznacz krok (d)."
            : "Zapisano: \(entry.field.label) (zgoda jeszcze niepełna)."))
    case .decision:
      issues = validator.fields.check(entry.field, value, stepID: step.stepID, today: today)
      step.form.setError(issues.errors.first, at: index)
      return issues.errors.isEmpty ? nil : []
    default:
      return nil
    }
  }

  mutating func activate(_ row: StepRow, step: inout StepScreen, procedureStep: Step) -> [WizardEffect] {
    screen = .step(step)
    switch row {
    case .field: return []
    case .path(let path):
      step.choice = path
      // Move to the vendor field for another SOD, else to the first empty required field (who decided,
      // when, on what document), else to the confirm row.
      let rows = stepRows(step)
      let vendor = step.form.entries.firstIndex { $0.field.id == "dostawca" }
      let empty = step.form.entries.firstIndex { $0.field.required && $0.input.text.trimmedSpaces.isEmpty }
      let target =
        (path == .sodOther && step.form.value("dostawca").trimmedSpaces.isEmpty ? vendor : nil) ?? empty
      if let target, let index = rows.firstIndex(of: .field(target)) {
        step.cursor = index
      } else if let index = rows.firstIndex(of: .markDone) {
        step.cursor = index
      }
      screen = .step(step)
      return []
    case .mailbox(let id):
      guard let mailbox = unit?.mailbox(id) else { return [] }
      push(.mailboxForm(mailboxForm(for: mailbox)))
      return []
    case .addMailbox:
      push(.mailboxForm(mailboxForm(for: nil)))
      return []
    case .mailboxSettings(let id):
      guard let mailbox = unit?.mailbox(id) else { return [] }
      push(.settings(settingsForm(for: mailbox, stepID: step.stepID)))
      return []
    case .system(let name):
      guard let system = unit?.systems.first(where: { $0.name == name }) else { return [] }
      push(.systemForm(systemForm(for: system)))
      return []
    case .addSystem:
      push(.systemForm(systemForm(for: nil)))
      return []
    case .openCards:
      push(.cardList(CardList()))
      return []
    case .skip:
      let refusal = validator.checkSkip(stepID: step.stepID, reason: "-", in: unit).errors.first
      if let refusal {
        message = .error(refusal.message)
        return []
      }
      overlay = .prompt(
        Prompt(
          title: "Pominąć krok \(step.stepID)?",
          explanation:
            "Wpisz powód pominięcia (trafi do dziennika i na wydruk), Enter — zapisz, Esc — anuluj.",
          purpose: .skipReason(stepID: step.stepID)))
      return []
    case .wait:
      overlay = .prompt(
        Prompt(
          title: "Krok \(step.stepID) czeka — na co?",
          explanation:
            "Wpisz, na co czekasz (np. \(WaitingExample.prompt(for: unit?.unit.role))); "
            + "trafi do dziennika i na wydruk. Enter — zapisz, Esc — anuluj.",
          purpose: .waitReason(stepID: step.stepID)))
      return []
    case .reopen:
      return record(
        .stepMarked(StepMark(stepID: step.stepID, status: .todo)),
        then: .stay("Krok \(step.stepID) znów jest do zrobienia (historia zostaje w dzienniku)."))
    case .markDone:
      return markDone(&step, procedureStep: procedureStep)
    }
  }

  /// The consent as the step's form holds it.
  func consentInForm(_ form: FormState) -> Consent {
    Consent(
      who: form.value("kto").trimmedSpaces, date: form.value("kiedy").trimmedSpaces,
      reference: form.value("sygnatura").trimmedSpaces)
  }

  mutating func markDone(_ step: inout StepScreen, procedureStep: Step) -> [WizardEffect] {
    guard let unit else { return [] }
    switch procedureStep.kind {
    case .decision:
      guard let path = step.choice else {
        message = .error(validator.rules.message(.decisionRequired, [:]))
        return []
      }
      let decision = Decision(
        path: path, vendor: step.form.value("dostawca").trimmedSpaces)
      var values: [String: String] = [:]
      for entry in step.form.entries where entry.field.id != "dostawca" {
        values[entry.field.id] = entry.storedValue
      }
      let valid = step.form.validate { field, value in
        field.id == "dostawca"
          ? []
          : validator.fields.check(
            field, value.trimmedSpaces, stepID: KnownStep.decision.id, requireFilled: true, today: today)
      }
      if !valid {
        step.form.focusFirstError()
        step.cursor = stepRows(step).firstIndex(of: .field(step.form.focus)) ?? step.cursor
        screen = .step(step)
        message = .error(
          step.form.entries.first { $0.error != nil }?.error
            ?? "Uzupełnij, kto, kiedy i jakim dokumentem zdecydował.")
        return []
      }
      if let error = validator.checkDecision(decision).errors.first {
        if let index = step.form.entries.firstIndex(where: { $0.field.id == "dostawca" }) {
          step.form.setError(error, at: index)
          step.cursor = stepRows(step).firstIndex(of: .field(index)) ?? step.cursor
        }
        screen = .step(step)
        message = .error(error.message)
        return []
      }
      let losing = Checklist.stepsLosingApplicability(procedure: procedure, state: unit, newPath: path)
      if unit.decision != nil, unit.decision?.path != path, !losing.isEmpty {
        overlay = .confirm(
          Confirmation(
            title: "Zmienić decyzję na: \(procedure.pathTitle(path))?",
            lines: ["Te zapisane kroki przestaną dotyczyć tej ścieżki (ich historia zostaje w dzienniku):"]
              + losing.map { "  \($0.id) \($0.title)" },
            purpose: .changeDecision(decision, values: values)))
        return []
      }
      return recordDecision(decision, values: values)
    case .consent:
      let consent = consentInForm(step.form)
      let issues = validator.checkConsent(consent, today: today)
      _ = step.form.validate { field, _ in issues.filter { $0.field == field.label } }
      if let error = issues.errors.first {
        step.form.focusFirstError()
        step.cursor = stepRows(step).firstIndex(of: .field(step.form.focus)) ?? 0
        screen = .step(step)
        message = .error(error.message)
        return []
      }
      let mark = JournalChange.stepMarked(StepMark(stepID: step.stepID, status: .done))
      return record(
        consent == unit.consent ? mark : .batch([.consentRecorded(consent), mark]),
        then: .nextStep(
          after: step.stepID,
          message: "Oznaczono „Usuń system” jako zrobione (zgoda Urzędu Marszałkowskiego jest zapisana)."))
    case .simple:
      var pending: [String: String] = [:]
      var changes: [JournalChange] = []
      for index in step.form.entries.indices {
        let entry = step.form.entries[index]
        let value = entry.storedValue
        let issues = validator.checkValue(
          stepID: step.stepID, field: entry.field, value: value, state: unit, today: today)
        let refusing = issues.errors.filter { !$0.rule.isAgainstInstruction }
        step.form.setError(refusing.first, at: index)
        if value != (unit.step(step.stepID).values[entry.field.id] ?? ""), refusing.isEmpty {
          pending[entry.field.id] = value
        }
      }
      if !pending.isEmpty {
        changes.append(.stepValuesRecorded(StepValues(stepID: step.stepID, values: pending)))
      }
      let simulated = unit.simulating(changes)
      let blockers = validator.blockers(markingDone: step.stepID, in: simulated, today: today)
      if let first = blockers.first {
        _ = step.form.validate { field, value in
          let own = validator.checkValue(
            stepID: step.stepID, field: field, value: value, state: simulated, today: today)
          return own.errors.isEmpty ? blockers.filter { $0.field == field.label } : own
        }
        step.form.focusFirstError()
        step.cursor = stepRows(step).firstIndex(of: .field(step.form.focus)) ?? step.cursor
        screen = .step(step)
        message = .error(first.message)
        return []
      }
      changes.append(.stepMarked(StepMark(stepID: step.stepID, status: .done)))
      screen = .step(step)
      return record(
        changes.count == 1 ? changes[0] : .batch(changes),
        then: .nextStep(after: step.stepID, message: "Krok \(step.stepID) oznaczono jako zrobiony."))
    default:
      let blockers = validator.blockers(markingDone: step.stepID, in: unit, today: today)
      if let first = blockers.first {
        message = .error(first.message + (blockers.count > 1 ? " (i \(blockers.count - 1) innych)" : ""))
        return []
      }
      return record(
        .stepMarked(StepMark(stepID: step.stepID, status: .done)),
        then: .nextStep(after: step.stepID, message: "Krok \(step.stepID) oznaczono jako zrobiony."))
    }
  }
}
