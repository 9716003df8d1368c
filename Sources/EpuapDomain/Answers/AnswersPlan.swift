import FoundationEssentials

/// Turns an answers file into one batch of journal changes, after checking every value in it.
///
/// `apply` either returns the whole batch or throws with every problem found: the caller appends the
/// batch as one journal line, so an answers file is recorded entirely or not at all.
public struct AnswersPlan {
  public let validator: Validator

  public init(validator: Validator) { self.validator = validator }

  /// The changes that bring `state` (nil: a new journal) to what `answers` says.
  public func changes(
    for answers: AnswersFile, onto state: UnitState?, file: String, today: String
  ) throws(AnswersError) -> [JournalChange] {
    var problems: [String] = []
    var changes: [JournalChange] = []
    var working = state ?? UnitState(unit: answers.unit, createdAt: "")
    func record(_ change: JournalChange) {
      changes.append(change)
      working = working.simulating([change])
    }
    func report(_ location: String, _ issues: [ValidationIssue]) {
      problems += issues.errors.map { "\(location): \($0.message)" }
    }

    if let state {
      guard state.unit.role == answers.unit.role else { throw .roleMismatch(file: file) }
      if state.unit != answers.unit { record(.unitUpdated(answers.unit)) }
    }
    let identifierLabel =
      validator.procedure.unitFields.first { $0.id == "identyfikator" }?.label ?? "identyfikator"
    if !answers.unit.entityIdentifier.isEmpty,
      !FieldValidator.isEntityIdentifier(answers.unit.entityIdentifier)
    {
      report(
        "unit.entityIdentifier",
        [
          validator.rules.issue(
            .entityIdentifier, field: identifierLabel, ["wartosc": answers.unit.entityIdentifier])
        ])
    }
    if answers.unit.name.trimmed.isEmpty {
      report("unit.name", [validator.rules.issue(.required, field: "Nazwa jednostki")])
    }
    if let decision = answers.decision {
      if answers.unit.role == .um || decision.path == .um {
        problems.append(
          "decision: decyzję (sekcja 2) podejmuje Partner, nie pracownik Urzędu Marszałkowskiego")
      } else {
        report("decision", validator.checkDecision(decision))
        if working.decision != decision { record(.decisionMade(decision)) }
      }
    }
    for (index, answer) in (answers.mailboxes ?? []).enumerated() {
      let location = "mailboxes[\(index)] (\(answer.address))"
      let existing = working.mailboxes.first { $0.address == answer.address.trimmed }
      let entry = MailboxEntry(
        id: existing?.id ?? working.nextID(prefix: "skrytka"), address: answer.address.trimmed,
        action: answer.action,
        note: answer.note ?? "")
      report(location, validator.checkMailbox(entry, in: working))
      if existing.map({ $0.address != entry.address || $0.action != entry.action || $0.note != entry.note })
        ?? true
      {
        record(.mailboxSaved(entry))
      }
      if let settings = answer.settings, !settings.isEmpty {
        for (fieldID, value) in settings.sorted(by: { $0.key < $1.key }) {
          guard let stepID = validator.stepID(ofSetting: fieldID),
            let field = validator.field(stepID, fieldID)
          else {
            problems.append("\(location).settings.\(fieldID): nieznane ustawienie skrytki")
            continue
          }
          report(
            "\(location).settings.\(fieldID)",
            validator.fields.check(field, value, stepID: stepID, subject: entry.address))
        }
        let current = working.mailbox(entry.id)?.settings ?? [:]
        if settings.contains(where: { current[$0.key] != $0.value }) {
          record(.mailboxSettingsRecorded(MailboxSettings(mailboxID: entry.id, values: settings)))
        }
      }
      for override in answer.overrides ?? [] {
        let label = validator.stepID(ofSetting: override.field).flatMap {
          validator.field($0, override.field)?.label
        }
        guard let label else {
          problems.append("\(location).overrides.\(override.field): nieznane ustawienie skrytki")
          continue
        }
        let saved = VendorOverride(
          mailboxID: entry.id, fieldID: override.field, value: override.value, reason: override.reason)
        report("\(location).overrides.\(override.field)", validator.checkOverride(saved, fieldLabel: label))
        if working.override(mailboxID: entry.id, fieldID: override.field) != saved {
          record(.overrideSaved(saved))
        }
      }
    }
    for (index, system) in (answers.systems ?? []).enumerated() {
      report("systems[\(index)] (\(system.name))", validator.checkSystem(system))
      if !working.systems.contains(system) { record(.systemSaved(system)) }
    }
    if let consent = answers.consent {
      report("consent", validator.checkConsent(consent, today: today))
      if working.consent != consent { record(.consentRecorded(consent)) }
    }
    for (index, answer) in (answers.cards ?? []).enumerated() {
      let existing = working.cards.first { $0.name == answer.name.trimmed }
      let card = ServiceCard(
        id: existing?.id ?? working.nextID(prefix: "karta"), name: answer.name.trimmed, status: answer.status,
        action: answer.action, formName: answer.formName ?? "", url: answer.url ?? "",
        epuapForm: answer.epuapForm ?? "",
        mailbox: answer.mailbox ?? "")
      report("cards[\(index)] (\(answer.name))", validator.checkCard(card))
      if existing != card { record(.cardSaved(card)) }
    }
    let stepAnswers = (answers.steps ?? [:]).sorted { NaturalOrder.precedes($0.key, $1.key) }
    for (stepID, answer) in stepAnswers {
      guard let step = validator.step(stepID) else {
        problems.append("steps.\(stepID): nie ma takiego kroku w procedurze")
        continue
      }
      if let values = answer.values, !values.isEmpty {
        for (fieldID, value) in values.sorted(by: { $0.key < $1.key }) {
          guard let field = step.fields.first(where: { $0.id == fieldID }) else {
            problems.append("steps.\(stepID).values.\(fieldID): krok nie ma takiego pola")
            continue
          }
          report(
            "steps.\(stepID).values.\(fieldID)",
            validator.checkValue(stepID: stepID, field: field, value: value, today: today))
        }
        let current = working.step(stepID).values
        if values.contains(where: { current[$0.key] != $0.value }) {
          record(.stepValuesRecorded(StepValues(stepID: stepID, values: values)))
        }
      }
    }
    for (stepID, answer) in stepAnswers {
      guard validator.step(stepID) != nil, let status = answer.status else { continue }
      switch status {
      case .notApplicable:
        problems.append("steps.\(stepID).status: „not-applicable” wynika ze ścieżki, nie zapisuje się go")
        continue
      case .skipped:
        report("steps.\(stepID)", validator.checkSkip(stepID: stepID, reason: answer.reason ?? ""))
      case .done:
        report("steps.\(stepID)", validator.blockers(markingDone: stepID, in: working, today: today))
      case .todo: break
      }
      if working.step(stepID).status != status || working.step(stepID).reason != (answer.reason ?? "") {
        record(.stepMarked(StepMark(stepID: stepID, status: status, reason: answer.reason ?? "")))
      }
    }
    if !problems.isEmpty { throw .invalid(file: file, problems: problems) }
    return changes
  }
}
