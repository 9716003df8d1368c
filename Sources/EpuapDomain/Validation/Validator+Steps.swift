extension Validator {
  // MARK: - One step

  /// What stops `stepID` from being marked done; empty: it may be.
  ///
  /// The same list, for a step already marked done, is what keeps the verdict open (`Verdict`).
  public func blockers(markingDone stepID: String, in state: UnitState, today: String? = nil)
    -> [ValidationIssue]
  {
    guard let step = step(stepID) else { return [] }
    let record = state.step(stepID)
    var issues: [ValidationIssue] = []
    switch step.kind {
    case .simple:
      issues += recordedFieldBlockers(step, values: record.values, state: state, today: today)
    case .decision:
      if let decision = state.decision {
        issues += checkDecision(decision).errors
      } else {
        issues.append(rules.issue(.decisionRequired, field: step.title, stepID: stepID))
      }
      let ownFields = step.fields.filter { $0.id != "sciezka" && $0.id != "dostawca" }
      issues += recordedFieldBlockers(
        Step(
          id: step.id, number: step.number, title: step.title, location: step.location,
          instruction: step.instruction, paths: step.paths, kind: step.kind, fields: ownFields, rules: [],
          warnings: [], notes: []),
        values: record.values, state: state, today: today)
    case .mailboxes:
      if state.mailboxes.isEmpty {
        issues.append(rules.issue(.noMailboxes, field: step.title, stepID: stepID))
      }
      for mailbox in state.mailboxes {
        issues +=
          checkMailbox(
            MailboxEntry(id: mailbox.id, address: mailbox.address, action: mailbox.action), in: state
          )
          .errors
      }
    case .perMailbox:
      if state.keptMailboxes.isEmpty {
        issues.append(rules.issue(.noMailboxes, field: step.title, stepID: stepID))
      }
      for mailbox in state.keptMailboxes {
        issues += mailboxSettingBlockers(step, mailbox: mailbox, state: state)
      }
    case .systems:
      for system in state.systems { issues += checkSystem(system).errors }
    case .consent:
      if let consent = state.consent {
        issues += checkConsent(consent, today: today).errors
      } else {
        issues.append(rules.issue(.consentRequired, field: step.title, stepID: stepID))
      }
    case .cards:
      for card in state.cards {
        issues += checkCard(card, in: state).errors
        if card.action == nil {
          issues.append(
            ValidationIssue(
              rule: .cardWithoutAction, severity: .error, field: step.title,
              message: rules.message(.cardWithoutAction, ["karta": card.name]), stepID: stepID,
              subject: card.name))
        }
      }
      if let mismatch = cardCountMismatch(in: state) { issues.append(mismatch) }
    }
    return issues
  }

  /// The fields of a step recorded once for it: each required one filled, each value valid and as the
  /// instruction requires, one of `requiresOneOf` filled, `dateOrder` kept.
  private func recordedFieldBlockers(
    _ step: Step, values: [String: String], state: UnitState, today: String?
  ) -> [ValidationIssue] {
    var issues: [ValidationIssue] = []
    for field in step.fields {
      let value = values[field.id] ?? ""
      if value.trimmed.isEmpty {
        if field.required { issues.append(rules.issue(.required, field: field.label, stepID: step.id)) }
        continue
      }
      issues += checkValue(stepID: step.id, field: field, value: value, state: state, today: today).errors
    }
    if let group = step.requiresOneOf, !group.isEmpty,
      group.allSatisfy({ (values[$0] ?? "").trimmed.isEmpty })
    {
      let labels = group.compactMap { id in step.fields.first { $0.id == id }?.label }
      issues.append(
        rules.issue(
          .oneOfRequired, field: step.title,
          ["pola": labels.map { "„\($0)”" }.joined(separator: " albo ")], stepID: step.id))
    }
    if let order = step.dateOrder, let issue = dateOrderIssue(order, step: step, values: values) {
      issues.append(issue)
    }
    return issues
  }

  /// `earlier` must lie at least `minDays` before `later` (both valid dates; otherwise their own checks
  /// speak).
  private func dateOrderIssue(_ order: DateOrder, step: Step, values: [String: String]) -> ValidationIssue? {
    let earlierText = (values[order.earlier] ?? "").trimmed
    let laterText = (values[order.later] ?? "").trimmed
    guard let earlier = FieldValidator.dayNumber(earlierText),
      let later = FieldValidator.dayNumber(laterText),
      later - earlier < order.minDays
    else { return nil }
    let earlierLabel = step.fields.first { $0.id == order.earlier }?.label ?? order.earlier
    let laterLabel = step.fields.first { $0.id == order.later }?.label ?? order.later
    return rules.issue(
      .reportTooLate, field: earlierLabel,
      ["wartosc": earlierText, "dni": "\(order.minDays)", "pozniejsze": laterLabel, "zmiana": laterText],
      stepID: step.id)
  }

  /// One kept mailbox at one per-mailbox step: every required setting recorded, each valid and as the
  /// instruction requires (or, on an SOD path, the vendor's value with a reason).
  private func mailboxSettingBlockers(_ step: Step, mailbox: Mailbox, state: UnitState) -> [ValidationIssue] {
    var issues: [ValidationIssue] = []
    var missing = false
    for field in step.fields {
      let value = mailbox.settings[field.id] ?? ""
      if value.trimmed.isEmpty {
        missing = missing || field.required
      } else {
        issues +=
          checkValue(stepID: step.id, field: field, value: value, mailbox: mailbox, state: state)
          .errors
      }
    }
    if missing {
      issues.append(
        rules.issue(
          .mailboxMissingSettings, field: step.title, ["skrytka": mailbox.address, "krok": step.id],
          stepID: step.id, subject: mailbox.address))
    }
    return issues
  }

  /// The number of cards counted in 4.1 against the cards listed in 4.2, when 4.1 has a number.
  public func cardCountMismatch(in state: UnitState) -> ValidationIssue? {
    guard let counted = Int((state.step(KnownStep.cardCount.id).values["liczbaKart"] ?? "").trimmed),
      counted != state.cards.count
    else { return nil }
    return rules.issue(
      .cardCountMismatch, field: step(KnownStep.cards.id)?.title ?? "Karty",
      ["liczba": "\(counted)", "lista": "\(state.cards.count)"], stepID: KnownStep.cards.id)
  }

  // MARK: - Whole state

  /// Every error and warning of the state, in the order of the procedure: what `status` lists and the
  /// printout shows.
  ///
  /// Steps not on the path are not checked.
  public func issues(for state: UnitState, today: String? = nil) -> [ValidationIssue] {
    let checklist = Checklist(procedure: procedure, state: state)
    var issues: [ValidationIssue] = []
    if state.unit.role == .partner, state.decision == nil {
      issues.append(
        rules.issue(
          .decisionRequired, field: step(KnownStep.decision.id)?.title ?? "Decyzja",
          stepID: KnownStep.decision.id))
    }
    for item in checklist.applicable {
      let step = item.step
      switch step.kind {
      case .simple:
        for field in step.fields {
          if let value = item.record.values[field.id] {
            issues += checkValue(stepID: step.id, field: field, value: value, state: state, today: today)
          }
        }
      case .decision:
        if let decision = state.decision { issues += checkDecision(decision) }
      case .mailboxes:
        for mailbox in state.mailboxes {
          issues += checkMailbox(
            MailboxEntry(
              id: mailbox.id, address: mailbox.address, action: mailbox.action, note: mailbox.note),
            in: state)
        }
        let kept = state.keptMailboxes.count
        if kept > procedure.recommendedMaxMailboxes {
          issues.append(
            rules.issue(
              .moreThanRecommendedMailboxes, field: step.title,
              ["liczba": "\(kept)", "zalecana": "\(procedure.recommendedMaxMailboxes)"], stepID: step.id))
        }
      case .perMailbox:
        for mailbox in state.keptMailboxes {
          for field in step.fields {
            if let value = mailbox.settings[field.id] {
              issues += checkValue(
                stepID: step.id, field: field, value: value, mailbox: mailbox, state: state)
            }
          }
        }
      case .systems:
        for system in state.systems {
          issues += checkSystem(system)
          if system.name != procedure.sekapSystemName {
            issues.append(
              rules.issue(
                .otherSystemPresent, field: step.title, ["system": system.name], stepID: step.id,
                subject: system.name))
          }
        }
        if !state.systems.isEmpty, !state.systems.contains(where: { $0.name == procedure.sekapSystemName }) {
          issues.append(
            rules.issue(
              .sekapSystemMissing, field: step.title, ["system": procedure.sekapSystemName], stepID: step.id))
        }
      case .consent:
        if let consent = state.consent { issues += checkConsent(consent, today: today) }
      case .cards:
        issues += cardIssues(state, step: step)
      }
      if item.status == .done {
        issues += blockers(markingDone: step.id, in: state, today: today)
      }
    }
    for override in state.overrides {
      let label =
        field(stepID(ofSetting: override.fieldID) ?? "", override.fieldID)?.label ?? override.fieldID
      // A vendor value already in the journal on a path without a vendor is refused when recorded, and
      // here only noted: it counts for nothing (the setting's own check speaks), and it must not keep the
      // verdict open once the setting is as the instruction asks.
      issues += checkOverride(override, fieldLabel: label, path: state.path).map { issue in
        var issue = issue
        if issue.rule == .overrideOutsideSOD { issue.severity = .warning }
        return issue
      }
    }
    return Self.unique(issues)
  }

  /// Every card's own issues, the undecided ones, names on the list more than once, and the count of 4.1.
  private func cardIssues(_ state: UnitState, step: Step) -> [ValidationIssue] {
    var issues: [ValidationIssue] = []
    var seen: [String: Int] = [:]
    let keys = state.cards.map { SearchText.folded($0.name.trimmed) }
    for key in keys { seen[key, default: 0] += 1 }
    var reported: Set<String> = []
    for (card, key) in zip(state.cards, keys) {
      issues += checkCard(card, in: state)
      if card.action == nil {
        issues.append(
          rules.issue(
            .cardWithoutAction, field: step.title, ["karta": card.name], stepID: step.id, subject: card.name))
      }
      if let count = seen[key], count > 1, reported.insert(key).inserted {
        issues.append(
          rules.issue(
            .cardDuplicate, field: step.title, ["karta": card.name.trimmed, "liczba": "\(count)"],
            stepID: step.id, subject: card.name))
      }
    }
    if let mismatch = cardCountMismatch(in: state) { issues.append(mismatch) }
    return issues
  }

  /// The issues without repeats (a done step's blockers restate its values' errors), in order.
  static func unique(_ issues: [ValidationIssue]) -> [ValidationIssue] {
    var seen = Set<String>(minimumCapacity: issues.count)
    return issues.filter { issue in
      seen.insert(
        "\(issue.severity.rawValue)\u{1F}\(issue.stepID ?? "")\u{1F}\(issue.subject ?? "")\u{1F}\(issue.message)"
      ).inserted
    }
  }
}
