/// The rules of the instruction applied to a unit's state: what blocks a step, what only warns.
///
/// Screens, the command line and the printout all ask this one type, so a rule reads the same everywhere.
public struct Validator: Sendable, Equatable {
  /// Two validators are the same when they apply the same procedure.
  public static func == (lhs: Validator, rhs: Validator) -> Bool { lhs.procedure == rhs.procedure }

  public let procedure: Procedure
  public let rules: RuleBook
  public let fields: FieldValidator
  private let stepsByID: [String: Step]

  /// The fields of step 4.2 a card is checked against, found once: the card list checks every card on
  /// screen at every keystroke.
  private let cardFields: CardFields

  public init(procedure: Procedure) {
    self.procedure = procedure
    rules = RuleBook(procedure: procedure)
    fields = FieldValidator(rules: rules)
    var steps: [String: Step] = [:]
    for section in procedure.sections { for step in section.steps { steps[step.id] = step } }
    stepsByID = steps
    cardFields = CardFields(step: steps["4.2"])
  }

  public func step(_ id: String) -> Step? { stepsByID[id] }

  /// A field of a step by id; `nil` when the procedure has no such field.
  public func field(_ stepID: String, _ fieldID: String) -> Field? {
    stepsByID[stepID]?.fields.first { $0.id == fieldID }
  }

  /// The steps whose fields are recorded once per kept mailbox (3.4–3.9).
  public var perMailboxSteps: [Step] {
    procedure.sections.flatMap(\.steps).filter { $0.kind == .perMailbox }
  }

  // MARK: - Values as they are entered

  /// A value for a step field or a mailbox setting: its format, and for settings with an expected value,
  /// a warning when it differs, unless the vendor's override for this mailbox and field says why.
  public func checkValue(
    stepID: String, field: Field, value: String, mailbox: Mailbox? = nil, state: UnitState? = nil,
    today: String? = nil
  ) -> [ValidationIssue] {
    let subject = mailbox?.address
    var issues = fields.check(field, value, stepID: stepID, subject: subject, today: today)
    if issues.errors.isEmpty, !field.expected.isEmpty, !value.isEmpty, value != field.expected {
      let override = mailbox.flatMap { state?.override(mailboxID: $0.id, fieldID: field.id) }
      let covered = override.map { $0.value == value && !$0.reason.trimmed.isEmpty } ?? false
      if !covered {
        issues.append(
          rules.issue(
            .differsFromRecommended, field: field.label, ["wartosc": value, "zalecana": field.expected],
            stepID: stepID, subject: subject))
      }
    }
    return issues
  }

  /// A mailbox as entered on the list of step 3.3: its address, and no other mailbox with the same one.
  public func checkMailbox(_ entry: MailboxEntry, in state: UnitState) -> [ValidationIssue] {
    let label = field("3.3", "adres")?.label ?? "Adres skrytki"
    let trimmed = entry.address.trimmed
    if trimmed.isEmpty { return [rules.issue(.required, field: label, stepID: "3.3")] }
    var issues = fields.checkMailboxAddress(trimmed, field: label, stepID: "3.3", subject: trimmed)
    if let control = fields.check(Field.text(label), entry.note, stepID: "3.3").first {
      issues.append(control)
    }
    if state.mailboxes.contains(where: { $0.id != entry.id && $0.address == trimmed }) {
      issues.append(
        rules.issue(.mailboxDuplicate, field: label, ["wartosc": trimmed], stepID: "3.3", subject: trimmed))
    }
    return issues
  }

  /// A service card as entered in section 4.
  public func checkCard(_ card: ServiceCard) -> [ValidationIssue] {
    var issues: [ValidationIssue] = []
    let name = card.name.trimmed
    let nameLabel = cardFields.name?.label ?? "Nazwa karty"
    if name.isEmpty { issues.append(rules.issue(.required, field: nameLabel, stepID: "4.2")) }
    for (field, value) in [
      (cardFields.name, card.name), (cardFields.formName, card.formName), (cardFields.url, card.url),
      (cardFields.epuapForm, card.epuapForm), (cardFields.mailbox, card.mailbox),
    ] {
      if let field { issues += fields.check(field, value, stepID: "4.2", subject: name) }
    }
    let label = cardFields.action?.label ?? "Działanie"
    switch card.action {
    case .delete where card.status == .aktualna:
      issues.append(
        rules.issue(.cardDeleteNeedsWithdrawal, field: label, ["karta": name], stepID: "4.2", subject: name))
    case .external where card.formName.trimmed.isEmpty || card.url.trimmed.isEmpty:
      issues.append(
        rules.issue(
          .cardExternalRedirectIncomplete, field: label, ["karta": name], stepID: "4.2", subject: name))
    case .epuap where card.epuapForm.trimmed.isEmpty || card.mailbox.trimmed.isEmpty:
      issues.append(
        rules.issue(.cardEpuapRedirectIncomplete, field: label, ["karta": name], stepID: "4.2", subject: name)
      )
    default: break
    }
    return issues
  }

  /// The consent of step 3.13: who, when (not in the future) and a reference, all filled.
  public func checkConsent(_ consent: Consent, today: String? = nil) -> [ValidationIssue] {
    var issues: [ValidationIssue] = []
    for (fieldID, value) in [("kto", consent.who), ("kiedy", consent.date), ("sygnatura", consent.reference)]
    {
      guard let field = field("3.13", fieldID) else { continue }
      if value.trimmed.isEmpty {
        issues.append(rules.issue(.consentIncomplete, field: field.label, stepID: "3.13"))
      } else {
        issues += fields.check(field, value, stepID: "3.13", today: today)
      }
    }
    return issues
  }

  public func checkSystem(_ system: SystemEntry) -> [ValidationIssue] {
    var issues: [ValidationIssue] = []
    for (fieldID, value) in [
      ("nazwa", system.name), ("typ", system.type), ("opis", system.description), ("uwagi", system.note),
    ] {
      guard let field = field("3.11", fieldID) else { continue }
      issues += fields.check(field, value, stepID: "3.11", subject: system.name, requireFilled: true)
    }
    return issues
  }

  public func checkOverride(_ override: VendorOverride, fieldLabel: String) -> [ValidationIssue] {
    var issues: [ValidationIssue] = []
    if override.reason.trimmed.isEmpty {
      issues.append(rules.issue(.overrideNeedsReason, field: fieldLabel))
    }
    issues += fields.check(Field.text(fieldLabel), override.reason)
    return issues
  }

  public func checkDecision(_ decision: Decision) -> [ValidationIssue] {
    let label = field("2.0", "dostawca")?.label ?? "Dostawca"
    if decision.path == .sodOther, decision.vendor.trimmed.isEmpty {
      return [rules.issue(.vendorRequired, field: label, stepID: "2.0")]
    }
    return fields.check(Field.text(label), decision.vendor, stepID: "2.0")
  }

  // MARK: - Whole state

  /// What stops `stepID` from being marked done.
  ///
  /// Empty: it may be marked done.
  public func blockers(markingDone stepID: String, in state: UnitState, today: String? = nil)
    -> [ValidationIssue]
  {
    guard let step = stepsByID[stepID] else { return [] }
    var issues: [ValidationIssue] = []
    let record = state.step(stepID)
    switch step.kind {
    case .simple:
      for field in step.fields {
        issues +=
          fields.check(
            field, record.values[field.id] ?? "", stepID: stepID, requireFilled: true, today: today
          )
          .errors
      }
    case .decision:
      if let decision = state.decision {
        issues += checkDecision(decision).errors
      } else {
        issues.append(rules.issue(.decisionRequired, field: step.title, stepID: stepID))
      }
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
        var missing = false
        for field in step.fields {
          let value = mailbox.settings[field.id] ?? ""
          if value.trimmed.isEmpty {
            missing = missing || field.required
          } else {
            issues += fields.check(field, value, stepID: stepID, subject: mailbox.address).errors
          }
        }
        if missing {
          issues.append(
            rules.issue(
              .mailboxMissingSettings, field: step.title, ["skrytka": mailbox.address, "krok": step.id],
              stepID: stepID, subject: mailbox.address))
        }
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
        issues += checkCard(card).errors
        if card.action == nil {
          issues.append(
            ValidationIssue(
              rule: .cardWithoutAction, severity: .error, field: step.title,
              message: rules.message(.cardWithoutAction, ["karta": card.name]), stepID: stepID,
              subject: card.name))
        }
      }
    }
    return issues
  }

  /// What a skip needs: a reason.
  public func checkSkip(stepID: String, reason: String) -> [ValidationIssue] {
    if reason.trimmed.isEmpty {
      return [rules.issue(.skipNeedsReason, field: "Powód pominięcia", ["krok": stepID], stepID: stepID)]
    }
    return fields.check(Field.text("Powód pominięcia"), reason, stepID: stepID)
  }

  /// Every error and warning of the state, in the order of the procedure: what `status` lists and the
  /// printout shows.
  ///
  /// Steps not on the path are not checked.
  public func issues(for state: UnitState, today: String? = nil) -> [ValidationIssue] {
    let checklist = Checklist(procedure: procedure, state: state)
    var issues: [ValidationIssue] = []
    if state.unit.role == .partner, state.decision == nil {
      issues.append(
        rules.issue(.decisionRequired, field: stepsByID["2.0"]?.title ?? "Decyzja", stepID: "2.0"))
    }
    for item in checklist.applicable {
      let step = item.step
      switch step.kind {
      case .simple:
        for field in step.fields {
          if let value = item.record.values[field.id] {
            issues += checkValue(stepID: step.id, field: field, value: value, today: today)
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
        if item.status == .done { issues += blockers(markingDone: step.id, in: state, today: today) }
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
        if item.status == .done, state.consent == nil {
          issues.append(rules.issue(.consentRequired, field: step.title, stepID: step.id))
        }
      case .cards:
        for card in state.cards {
          issues += checkCard(card)
          if card.action == nil {
            issues.append(
              rules.issue(
                .cardWithoutAction, field: step.title, ["karta": card.name], stepID: step.id,
                subject: card.name))
          }
        }
      }
    }
    for override in state.overrides {
      let label =
        field(stepID(ofSetting: override.fieldID) ?? "", override.fieldID)?.label ?? override.fieldID
      issues += checkOverride(override, fieldLabel: label)
    }
    return issues
  }

  /// The per-mailbox step that owns a setting field.
  public func stepID(ofSetting fieldID: String) -> String? {
    perMailboxSteps.first { $0.fields.contains { $0.id == fieldID } }?.id
  }
}

/// The fields of step 4.2 (service cards), by role.
private struct CardFields: Sendable {
  let name, formName, url, epuapForm, mailbox, action: Field?

  init(step: Step?) {
    func field(_ id: String) -> Field? { step?.fields.first { $0.id == id } }
    name = field("nazwa")
    formName = field("nazwaFormularza")
    url = field("adresURL")
    epuapForm = field("formularzEpuap")
    mailbox = field("skrytka")
    action = field("dzialanie")
  }
}

extension Field {
  /// A free-text field with a label, for checks of values that have no field in the procedure.
  static func text(_ label: String) -> Field {
    Field(id: "", label: label, kind: .text, choices: [], expected: "", required: false, hint: "")
  }
}
