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
      guard Self.isSameUnit(state.unit, answers.unit) else {
        throw .otherUnit(file: file, journalUnit: state.unit, fileUnit: answers.unit)
      }
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
    // Every text is checked as the wizard's field for it checks it: required, length, no control,
    // direction or zero-width characters.
    let unitFields = validator.procedure.unitFields
    if let name = unitFields.first(where: { $0.id == "nazwa" }) {
      report("unit.name", validator.fields.check(name, answers.unit.name, requireFilled: true))
    }
    if let operatorName = answers.operatorName, let field = unitFields.first(where: { $0.id == "operator" }) {
      report("operator", validator.fields.check(field, operatorName, requireFilled: true))
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
      guard
        let action = resolve(
          answer.action, as: MailboxAction.self, step: KnownStep.mailboxes.id, field: "dzialanie",
          at: "\(location).action", problems: &problems)
      else { continue }
      let entry = MailboxEntry(
        id: existing?.id ?? working.nextID(prefix: "skrytka"), address: answer.address.trimmed,
        action: action,
        note: answer.note ?? "")
      report(location, validator.checkMailbox(entry, in: working))
      if existing.map({ $0.address != entry.address || $0.action != entry.action || $0.note != entry.note })
        ?? true
      {
        record(.mailboxSaved(entry))
      }
      if let given = answer.settings, !given.isEmpty {
        var settings: [String: String] = [:]
        for (fieldID, value) in given.sorted(by: { $0.key < $1.key }) {
          guard let stepID = validator.stepID(ofSetting: fieldID),
            let field = validator.field(stepID, fieldID)
          else {
            problems.append("\(location).settings.\(fieldID): nieznane ustawienie skrytki")
            continue
          }
          let value = Self.canonical(value, for: field)
          settings[fieldID] = value
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
        guard validator.acceptsVendorValue(fieldID: override.field) else {
          problems.append(
            "\(location).overrides.\(override.field): wartość wykonawcy zapisuje się tylko dla ustawień "
              + "kroków 3.6–3.8, które mają wartość z instrukcji")
          continue
        }
        let field = validator.stepID(ofSetting: override.field).flatMap {
          validator.field($0, override.field)
        }
        let value = field.map { Self.canonical(override.value, for: $0) } ?? override.value
        if let field {
          report("\(location).overrides.\(override.field).value", validator.fields.check(field, value))
        }
        let saved = VendorOverride(
          mailboxID: entry.id, fieldID: override.field, value: value, reason: override.reason)
        report(
          "\(location).overrides.\(override.field)",
          validator.checkOverride(saved, fieldLabel: label, path: working.path ?? .portal))
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
    var cardsByName: [String: Int] = [:]
    for (position, card) in working.cards.enumerated() where cardsByName[card.name] == nil {
      cardsByName[card.name] = position
    }
    var cardChanges: [JournalChange] = []
    var usedCardIDs = Set(working.cards.map(\.id))
    var nextCardNumber = working.cards.count + 1
    func newCardID() -> String {
      while usedCardIDs.contains("karta-\(nextCardNumber)") { nextCardNumber += 1 }
      usedCardIDs.insert("karta-\(nextCardNumber)")
      return "karta-\(nextCardNumber)"
    }
    for (index, answer) in (answers.cards ?? []).enumerated() {
      let location = "cards[\(index)] (\(answer.name))"
      guard
        let status = resolve(
          answer.status, as: CardStatus.self, step: KnownStep.cards.id, field: "status",
          at: "\(location).status",
          problems: &problems)
      else { continue }
      var action: CardAction?
      if let given = answer.action {
        guard
          let resolved = resolve(
            given, as: CardAction.self, step: KnownStep.cards.id, field: "dzialanie",
            at: "\(location).action",
            problems: &problems)
        else { continue }
        action = resolved
      }
      let existing = cardsByName[answer.name.trimmed].map { working.cards[$0] }
      let card = ServiceCard(
        id: existing?.id ?? newCardID(), name: answer.name.trimmed,
        status: status, action: action, formName: answer.formName ?? "", url: answer.url ?? "",
        epuapForm: answer.epuapForm ?? "",
        mailbox: answer.mailbox ?? "")
      report(location, validator.checkCard(card, in: working))
      if existing != card {
        if existing == nil { cardsByName[card.name] = working.cards.count + cardChanges.count }
        cardChanges.append(.cardSaved(card))
      }
    }
    // Folded in one go, so that 15,000 cards cost one pass, not one copy of the state each.
    if !cardChanges.isEmpty {
      changes += cardChanges
      working = working.simulating(cardChanges)
    }
    let stepAnswers = (answers.steps ?? [:]).sorted { NaturalOrder.precedes($0.key, $1.key) }
    for (stepID, answer) in stepAnswers {
      guard let step = validator.step(stepID) else {
        problems.append("steps.\(stepID): nie ma takiego kroku w procedurze")
        continue
      }
      if let given = answer.values, !given.isEmpty {
        var values: [String: String] = [:]
        for (fieldID, value) in given.sorted(by: { $0.key < $1.key }) {
          guard let field = step.fields.first(where: { $0.id == fieldID }) else {
            problems.append("steps.\(stepID).values.\(fieldID): krok nie ma takiego pola")
            continue
          }
          let value = Self.canonical(value, for: field)
          values[fieldID] = value
          report(
            "steps.\(stepID).values.\(fieldID)",
            validator.checkValue(stepID: stepID, field: field, value: value, state: working, today: today))
        }
        let current = working.step(stepID).values
        if values.contains(where: { current[$0.key] != $0.value }) {
          record(.stepValuesRecorded(StepValues(stepID: stepID, values: values)))
        }
      }
    }
    for (stepID, answer) in stepAnswers {
      guard validator.step(stepID) != nil, let given = answer.status else { continue }
      guard let status = Self.stepStatus(given) else {
        problems.append(
          "steps.\(stepID).status: „\(given)” nie jest stanem kroku; dozwolone: „todo” („do zrobienia”), "
            + "„done” („zrobione”), „skipped” („pominięte”, z „reason”), „waiting” („czeka”, z „reason”)")
        continue
      }
      switch status {
      case .notApplicable:
        problems.append("steps.\(stepID).status: „not-applicable” wynika ze ścieżki, nie zapisuje się go")
        continue
      case .skipped:
        report(
          "steps.\(stepID)", validator.checkSkip(stepID: stepID, reason: answer.reason ?? "", in: working))
      case .waiting:
        report("steps.\(stepID)", validator.checkWaiting(stepID: stepID, reason: answer.reason ?? ""))
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

  /// Whether an answers file's unit is the journal's.
  ///
  /// By the ePUAP identifier when both have one, letter case aside (as the new-unit form refuses a second
  /// journal for it, rule `jednostka-ma-dziennik`), else by the name exactly: a file never renames another
  /// unit's journal.
  public static func isSameUnit(_ journal: UnitInfo, _ file: UnitInfo) -> Bool {
    let ours = journal.entityIdentifier.trimmed
    let theirs = file.entityIdentifier.trimmed
    if !ours.isEmpty, !theirs.isEmpty { return UnitInfo.sameIdentifier(ours, theirs) }
    return journal.name.trimmed == file.name.trimmed
  }

  /// A choice given by its value or by the label the screen shows, in any letter case; nil (and the
  /// problem, with every allowed value) when it is neither.
  private func resolve<T: RawRepresentable>(
    _ text: String, as: T.Type, step: String, field: String, at location: String, problems: inout [String]
  ) -> T? where T.RawValue == String {
    let choices = validator.field(step, field)?.choices ?? []
    let wanted = SearchText.folded(text.trimmed)
    let match = choices.first {
      SearchText.folded($0.value) == wanted || SearchText.folded($0.label) == wanted
    }
    if let match, let value = T(rawValue: match.value) { return value }
    let allowed = choices.map { $0.value == $0.label ? "„\($0.value)”" : "„\($0.value)” („\($0.label)”)" }
    problems.append(
      "\(location): „\(text)” nie jest dozwoloną wartością; dozwolone: \(allowed.joined(separator: ", "))")
    return nil
  }

  /// A value as it is stored: a choice's value for its label in any letter case, „tak”/„nie” for a tick
  /// box in any case; anything else as given (the field's check then names what is wrong).
  static func canonical(_ value: String, for field: Field) -> String {
    let wanted = SearchText.folded(value.trimmed)
    switch field.kind {
    case .choice:
      return field.choices.first {
        SearchText.folded($0.value) == wanted || SearchText.folded($0.label) == wanted
      }?
      .value ?? value
    case .checkbox where wanted == "tak" || wanted == "nie":
      return wanted
    default:
      return field.stored(value)
    }
  }

  /// A step status by its id or its Polish name.
  static func stepStatus(_ text: String) -> StepStatus? {
    let wanted = SearchText.folded(text.trimmed)
    return StepStatus.allCases.first {
      $0 != .notApplicable
        && (SearchText.folded($0.rawValue) == wanted
          || SearchText.folded(Procedure.statusLabel($0)) == wanted)
    } ?? (wanted == "not-applicable" ? .notApplicable : nil)
  }
}
