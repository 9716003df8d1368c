import EpuapDomain
import FoundationEssentials
import ScreenKit

extension WizardModel {

  /// The settings of one mailbox for the per-mailbox steps grouped with `stepID` (3.4–3.9 together; the
  /// receipt test of section 5 on its own).
  func settingsForm(for mailbox: Mailbox, stepID: String) -> SettingsForm {
    var fields: [Field] = []
    var stepOfField: [String: String] = [:]
    for step in validator.perMailboxSteps(groupedWith: stepID) {
      for field in step.fields {
        fields.append(field)
        stepOfField[field.id] = step.id
      }
    }
    var form = FormState(fields: fields, values: mailbox.settings)
    for index in form.entries.indices {
      let entry = form.entries[index]
      if entry.input.text.isEmpty, entry.field.kind == .choice || entry.field.kind == .checkbox {
        continue
      }
      if !entry.input.text.isEmpty {
        let issues = validator.checkValue(
          stepID: stepOfField[entry.field.id] ?? "", field: entry.field, value: entry.input.text,
          mailbox: mailbox,
          state: unit)
        form.entries[index].warning = issues.warnings.first?.message
      }
    }
    return SettingsForm(mailboxID: mailbox.id, form: form, stepOfField: stepOfField)
  }

  mutating func handleSettingsKey(_ key: Key, settings: SettingsForm) -> [WizardEffect] {
    var settings = settings
    guard let unit, let mailbox = unit.mailbox(settings.mailboxID) else {
      pop()
      return []
    }
    if KeyBindings.action(for: key, in: self) == .vendorValue, let entry = settings.form.focusedEntry {
      let value = entry.storedValue
      guard Validator.allowsVendorValues(on: unit.path) else {
        message = .error(
          "Na tej ścieżce nie ma wykonawcy SOD: wartości wykonawcy zapisuje się tylko przy systemie obiegu "
            + "dokumentów. Ustaw w ePUAP wartość z instrukcji.")
        return []
      }
      guard validator.acceptsVendorValue(fieldID: entry.field.id), !value.isEmpty,
        value != entry.field.expected
      else {
        message = .info(
          "Wartość wykonawcy zapisuje się dla ustawienia kroków 3.6–3.8, którego wartość różni się od instrukcji."
        )
        return []
      }
      overlay = .prompt(
        Prompt(
          title: "Wartość wykonawcy: \(entry.field.label) = \(value)",
          explanation:
            "Instrukcja: \(entry.field.expected). Wpisz powód wykonawcy (np. numer pisma); Enter — zapisz.",
          purpose: .overrideReason(mailboxID: mailbox.id, fieldID: entry.field.id, value: value)))
      return []
    }
    switch settings.form.handleFormKey(key) {
    case .leave:
      leaveForm()
      return []
    case .handled, .unhandled:
      let focus = settings.form.focus
      if settings.form.entries.indices.contains(focus) {
        let entry = settings.form.entries[focus]
        let issues = validator.checkValue(
          stepID: settings.stepOfField[entry.field.id] ?? "", field: entry.field, value: entry.input.text,
          mailbox: mailbox, state: unit)
        let against = issues.first { $0.rule.isAgainstInstruction } ?? issues.warnings.first
        settings.form.entries[focus].warning = entry.input.text.isEmpty ? nil : against?.message
        settings.form.setError(nil, at: focus)
      }
      screen = .settings(settings)
      return []
    case .save: break
    }
    // A value against the instruction is recorded as it is set in the portal (it keeps the step from
    // being done); only a value that is not one at all is refused here.
    let valid = settings.form.validate { field, value in
      validator.checkValue(
        stepID: settings.stepOfField[field.id] ?? "", field: field,
        value: value.trimmedSpaces,
        mailbox: mailbox, state: unit
      ).filter { !$0.rule.isAgainstInstruction }
    }
    for index in settings.form.entries.indices where settings.form.entries[index].error == nil {
      let entry = settings.form.entries[index]
      let value = entry.storedValue
      settings.form.entries[index].warning =
        value.isEmpty
        ? nil
        : validator.checkValue(
          stepID: settings.stepOfField[entry.field.id] ?? "", field: entry.field, value: value,
          mailbox: mailbox,
          state: unit
        ).first { $0.rule.isAgainstInstruction }?.message
    }
    guard valid else {
      settings.form.focusFirstError()
      screen = .settings(settings)
      message = .error("Popraw zaznaczone pola; ustawień jeszcze nie zapisano.")
      return []
    }
    screen = .settings(settings)
    var values: [String: String] = [:]
    for entry in settings.form.entries {
      let value = entry.storedValue
      if value != (mailbox.settings[entry.field.id] ?? "") { values[entry.field.id] = value }
    }
    if values.isEmpty {
      pop()
      message = .info("Bez zmian.")
      return []
    }
    // A vendor value no longer set in the portal is dropped with the change that replaced it.
    var changes: [JournalChange] = [
      .mailboxSettingsRecorded(MailboxSettings(mailboxID: mailbox.id, values: values))
    ]
    for override in unit.overrides where override.mailboxID == mailbox.id {
      if let value = values[override.fieldID], value != override.value {
        changes.append(.overrideRemoved(OverrideRef(mailboxID: mailbox.id, fieldID: override.fieldID)))
      }
    }
    let simulated = unit.simulating(changes)
    let against = settings.form.entries.compactMap { entry -> ValidationIssue? in
      let value = entry.storedValue
      guard !value.isEmpty, let saved = simulated.mailbox(mailbox.id) else { return nil }
      return validator.checkValue(
        stepID: settings.stepOfField[entry.field.id] ?? "", field: entry.field, value: value, mailbox: saved,
        state: simulated
      ).first { $0.rule.isAgainstInstruction }
    }
    let required = against.errors.count
    let recommended = against.count - required
    var note = ""
    if required > 0 {
      note += " Niezgodne z instrukcją: \(required) — krok nie będzie zrobiony, dopóki ich nie poprawisz."
    }
    if recommended > 0 { note += " Inne niż zalecane: \(recommended)." }
    return record(
      changes.count == 1 ? changes[0] : .batch(changes),
      then: .popScreen("Zapisano ustawienia skrytki \(mailbox.address).\(note)"))
  }
}
