import FoundationEssentials

/// The rules of the instruction applied to a unit's state: what blocks a step, what only warns.
///
/// Screens, the command line and the printout all ask this one type, so a rule reads the same everywhere.
/// Single values are checked here; whole steps and whole states in `Validator+Steps.swift`.
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
    cardFields = CardFields(step: steps[KnownStep.cards.id])
  }

  public func step(_ id: String) -> Step? { stepsByID[id] }

  /// A field of a step by id; `nil` when the procedure has no such field.
  public func field(_ stepID: String, _ fieldID: String) -> Field? {
    stepsByID[stepID]?.fields.first { $0.id == fieldID }
  }

  /// The steps whose fields are recorded once per kept mailbox (3.4–3.9, and the receipt test of 5.5).
  public var perMailboxSteps: [Step] {
    procedure.sections.flatMap(\.steps).filter { $0.kind == .perMailbox }
  }

  /// The per-mailbox steps of the same section as `stepID`: what one mailbox's settings form shows.
  public func perMailboxSteps(groupedWith stepID: String) -> [Step] {
    guard let section = procedure.section(containing: stepID) else { return perMailboxSteps }
    return section.steps.filter { $0.kind == .perMailbox }
  }

  /// Whether a vendor's value may stand for the instruction's on `path`: only with an SOD, whose vendor
  /// can ask for it.
  public static func allowsVendorValues(on path: PathID?) -> Bool { path == .sodFinn || path == .sodOther }

  // MARK: - Values as they are entered

  /// A value for a step field or a mailbox setting: its format, and for a field with an expected value,
  /// an error (a requirement of the instruction) or a warning (its recommendation) when it differs.
  ///
  /// On an SOD path a vendor value recorded with a reason for this mailbox and field stands for the
  /// instruction's. Without `state`, a step that only the Urząd Marszałkowski does speaks in its words.
  public func checkValue(
    stepID: String, field: Field, value: String, mailbox: Mailbox? = nil, state: UnitState? = nil,
    today: String? = nil
  ) -> [ValidationIssue] {
    let subject = mailbox?.address
    var issues = fields.check(field, value, stepID: stepID, subject: subject, today: today)
    guard issues.errors.isEmpty, !field.expected.isEmpty, !value.isEmpty, value != field.expected else {
      return issues
    }
    let path = state?.path ?? (stepsByID[stepID]?.paths == [PathID.um.rawValue] ? .um : nil)
    if Self.allowsVendorValues(on: path), let mailbox,
      let override = state?.override(mailboxID: mailbox.id, fieldID: field.id),
      override.value == value, !override.reason.trimmed.isEmpty
    {
      return issues
    }
    let values = ["wartosc": value, "zalecana": field.expected]
    let rule: RuleID
    if !field.isRequirement {
      rule = .differsFromRecommended
    } else if path == .um {
      rule = .requiredValueUM
    } else if Self.allowsVendorValues(on: path) {
      rule = .requiredValueSOD
    } else {
      rule = .requiredValue
    }
    issues.append(rules.issue(rule, field: field.label, values, stepID: stepID, subject: subject))
    return issues
  }

  /// A mailbox as entered on the list of step 3.3: its address, no other mailbox with the same one, and
  /// (a warning) an entity identifier that is the unit's.
  public func checkMailbox(_ entry: MailboxEntry, in state: UnitState) -> [ValidationIssue] {
    let label = field(KnownStep.mailboxes.id, "adres")?.label ?? "Adres skrytki"
    let trimmed = entry.address.trimmed
    if trimmed.isEmpty { return [rules.issue(.required, field: label, stepID: KnownStep.mailboxes.id)] }
    var issues = fields.checkMailboxAddress(
      trimmed, field: label, stepID: KnownStep.mailboxes.id, subject: trimmed)
    if let control = fields.check(Field.text(label), entry.note, stepID: KnownStep.mailboxes.id).first {
      issues.append(control)
    }
    if state.mailboxes.contains(where: { $0.id != entry.id && $0.address == trimmed }) {
      issues.append(
        rules.issue(
          .mailboxDuplicate, field: label, ["wartosc": trimmed], stepID: KnownStep.mailboxes.id,
          subject: trimmed))
    }
    let unitIdentifier = state.unit.entityIdentifier
    let identifier = trimmed.split(separator: "/").first.map(String.init) ?? ""
    if issues.errors.isEmpty, !unitIdentifier.isEmpty,
      SearchText.folded(identifier) != SearchText.folded(unitIdentifier)
    {
      issues.append(
        rules.issue(
          .mailboxOtherEntity, field: label,
          ["wartosc": trimmed, "identyfikator": identifier, "jednostka": unitIdentifier],
          stepID: KnownStep.mailboxes.id,
          subject: trimmed))
    }
    return issues
  }

  /// A service card as entered in section 4; with `state`, also the mailbox its ePUAP form is served
  /// under (one kept in 3.3).
  public func checkCard(_ card: ServiceCard, in state: UnitState? = nil) -> [ValidationIssue] {
    var issues: [ValidationIssue] = []
    let name = card.name.trimmed
    let nameLabel = cardFields.name?.label ?? "Nazwa karty"
    if name.isEmpty { issues.append(rules.issue(.required, field: nameLabel, stepID: KnownStep.cards.id)) }
    for (field, value) in [
      (cardFields.name, card.name), (cardFields.formName, card.formName), (cardFields.url, card.url),
      (cardFields.epuapForm, card.epuapForm), (cardFields.mailbox, card.mailbox),
    ] {
      if let field { issues += fields.check(field, value, stepID: KnownStep.cards.id, subject: name) }
    }
    let label = cardFields.action?.label ?? "Działanie"
    func issue(_ rule: RuleID, _ values: [String: String] = [:]) -> ValidationIssue {
      rules.issue(
        rule, field: label, values.merging(["karta": name]) { $1 }, stepID: KnownStep.cards.id, subject: name)
    }
    switch card.action {
    case .delete where card.status == .aktualna:
      issues.append(issue(.cardDeleteNeedsWithdrawal))
    case .external where card.formName.trimmed.isEmpty || card.url.trimmed.isEmpty:
      issues.append(issue(.cardExternalRedirectIncomplete))
    case .external where Self.pointsToSekap(card.url.trimmed):
      issues.append(issue(.cardRedirectToSekap, ["wartosc": card.url.trimmed]))
    case .epuap where card.epuapForm.trimmed.isEmpty || card.mailbox.trimmed.isEmpty:
      issues.append(issue(.cardEpuapRedirectIncomplete))
    case .epuap:
      if let state { issues += checkCardMailbox(card, in: state, issue: issue) }
    default: break
    }
    return issues
  }

  /// Punkt 5 of an ePUAP form: a mailbox kept in 3.3 (by address or by box name).
  private func checkCardMailbox(
    _ card: ServiceCard, in state: UnitState, issue: (RuleID, [String: String]) -> ValidationIssue
  ) -> [ValidationIssue] {
    let target = card.mailbox.trimmed
    let match =
      state.mailboxes.first { $0.address == target } ?? state.mailboxes.first { $0.boxName == target }
    guard let match else {
      let kept = state.keptMailboxes.map { "„\($0.address)”" }
      return [
        issue(
          .cardMailboxUnknown,
          [
            "skrytka": target,
            "dozwolone": kept.isEmpty ? "(brak — dodaj je w kroku 3.3)" : kept.joined(separator: ", "),
          ])
      ]
    }
    guard match.action == .keep else {
      let action = procedure.choiceLabel(
        step: KnownStep.mailboxes.id, field: "dzialanie", value: match.action.rawValue)
      return [issue(.cardMailboxNotKept, ["skrytka": target, "dzialanie": action])]
    }
    return []
  }

  /// Whether an address leads to the SEKAP platform being switched off (sekap.pl or a host under it).
  public static func pointsToSekap(_ url: String) -> Bool {
    guard let host = URLComponents(string: url)?.host?.lowercased() else { return false }
    let bare = host.hasSuffix(".") ? String(host.dropLast()) : host
    return bare == "sekap.pl" || bare.hasSuffix(".sekap.pl")
  }

  /// One field of the new-unit form (`Procedure.unitFields`), as both front ends check it: filled, its
  /// own limits, and for the ePUAP identifier its form and that no journal of `journals` (the folder's)
  /// in the same `role` belongs to it already.
  ///
  /// A clerk back after some days may start the unit again instead of resuming it; two journals of one
  /// unit would each hold part of the work, and the folder's summary would count the unit twice.
  /// Identifiers are compared without regard to letter case. The Urząd Marszałkowski's journal about a
  /// partner carries the partner's identifier, so only a journal of the same role counts.
  public func checkUnitField(
    _ field: Field, _ value: String, journals: [JournalSummary] = [], role: Role = .partner
  ) -> [ValidationIssue] {
    var issues = fields.check(field, value, requireFilled: true)
    guard field.id == "identyfikator", !value.isEmpty, issues.isEmpty else { return issues }
    let identifier = value.trimmedSpaces
    if !FieldValidator.isEntityIdentifier(identifier) {
      issues.append(rules.issue(.entityIdentifier, field: field.label, ["wartosc": value]))
    } else if let existing = journals.first(where: {
      $0.problem == nil && $0.role == role && UnitInfo.sameIdentifier($0.entityIdentifier, identifier)
    }) {
      issues.append(
        rules.issue(
          .unitHasJournal, field: field.label,
          [
            "wartosc": identifier, "jednostka": existing.unitName,
            "plik": PathText.lastComponent(of: existing.path),
          ]))
    }
    return issues
  }

  /// The consent of step 3.13: who, when (not in the future) and a reference, all filled.
  public func checkConsent(_ consent: Consent, today: String? = nil) -> [ValidationIssue] {
    var issues: [ValidationIssue] = []
    for (fieldID, value) in [("kto", consent.who), ("kiedy", consent.date), ("sygnatura", consent.reference)]
    {
      guard let field = field(KnownStep.consent.id, fieldID) else { continue }
      if value.trimmed.isEmpty {
        issues.append(rules.issue(.consentIncomplete, field: field.label, stepID: KnownStep.consent.id))
      } else {
        issues += fields.check(field, value, stepID: KnownStep.consent.id, today: today)
      }
    }
    return issues
  }

  public func checkSystem(_ system: SystemEntry) -> [ValidationIssue] {
    var issues: [ValidationIssue] = []
    for (fieldID, value) in [
      ("nazwa", system.name), ("typ", system.type), ("opis", system.description), ("uwagi", system.note),
    ] {
      guard let field = field(KnownStep.systems.id, fieldID) else { continue }
      issues += fields.check(
        field, value, stepID: KnownStep.systems.id, subject: system.name, requireFilled: true)
    }
    return issues
  }

  /// A vendor value: its reason, and that the path has a vendor at all (only SOD paths do).
  public func checkOverride(_ override: VendorOverride, fieldLabel: String, path: PathID? = nil)
    -> [ValidationIssue]
  {
    var issues: [ValidationIssue] = []
    let settingStep = stepID(ofSetting: override.fieldID)
    if let path, !Self.allowsVendorValues(on: path) {
      let expected = settingStep.flatMap { field($0, override.fieldID)?.expected } ?? ""
      issues.append(
        rules.issue(.overrideOutsideSOD, field: fieldLabel, ["zalecana": expected], stepID: settingStep))
    }
    if override.reason.trimmed.isEmpty {
      issues.append(rules.issue(.overrideNeedsReason, field: fieldLabel, stepID: settingStep))
    }
    issues += fields.check(Field.text(fieldLabel), override.reason)
    return issues
  }

  public func checkDecision(_ decision: Decision) -> [ValidationIssue] {
    let label = field(KnownStep.decision.id, "dostawca")?.label ?? "Dostawca"
    if decision.path == .sodOther, decision.vendor.trimmed.isEmpty {
      return [rules.issue(.vendorRequired, field: label, stepID: KnownStep.decision.id)]
    }
    return fields.check(Field.text(label), decision.vendor, stepID: KnownStep.decision.id)
  }

  /// What a skip needs: a step the instruction lets go (and 4.2 only once every card has a decision),
  /// and a reason.
  public func checkSkip(stepID: String, reason: String, in state: UnitState? = nil) -> [ValidationIssue] {
    if let step = stepsByID[stepID] {
      if !step.isSkippable {
        return [rules.issue(.stepNotSkippable, field: step.title, ["krok": stepID], stepID: stepID)]
      }
      let undecided = step.kind == .cards ? (state?.cards.count { $0.action == nil } ?? 0) : 0
      if undecided > 0 {
        return [
          rules.issue(
            .cardsUndecidedNoSkip, field: step.title, ["krok": stepID, "liczba": "\(undecided)"],
            stepID: stepID)
        ]
      }
    }
    if reason.trimmed.isEmpty {
      return [rules.issue(.skipNeedsReason, field: "Powód pominięcia", ["krok": stepID], stepID: stepID)]
    }
    return fields.check(Field.text("Powód pominięcia"), reason, stepID: stepID)
  }

  /// What a „czeka” mark needs: what is awaited.
  public func checkWaiting(stepID: String, reason: String) -> [ValidationIssue] {
    if reason.trimmed.isEmpty {
      return [rules.issue(.waitingNeedsReason, field: "Na co czeka", ["krok": stepID], stepID: stepID)]
    }
    return fields.check(Field.text("Na co czeka"), reason, stepID: stepID)
  }

  /// The per-mailbox step that owns a setting field.
  public func stepID(ofSetting fieldID: String) -> String? {
    perMailboxSteps.first { $0.fields.contains { $0.id == fieldID } }?.id
  }

  /// Whether a vendor value can be recorded for a setting: a section 3 setting with an expected value.
  public func acceptsVendorValue(fieldID: String) -> Bool {
    guard let stepID = stepID(ofSetting: fieldID), procedure.section(containing: stepID)?.id == "3" else {
      return false
    }
    return !(field(stepID, fieldID)?.expected.isEmpty ?? true)
  }

  var cardStepFields: CardFields { cardFields }
}

/// The fields of step 4.2 (service cards), by role.
struct CardFields: Sendable {
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
