/// Everything recorded for one unit: the fold of its journal's events.
///
/// Built only by `apply(_:)`, so the same journal always gives the same state. Nothing here is derived
/// from the procedure: which steps apply and what is open is the `Checklist`'s job.
public struct UnitState: Sendable, Equatable {
  public var unit: UnitInfo
  public var decision: Decision?
  public var steps: [String: StepRecord] = [:]
  public private(set) var mailboxes: [Mailbox] = []
  public var overrides: [VendorOverride] = []
  public private(set) var systems: [SystemEntry] = []
  public var consent: Consent?
  public private(set) var cards: [ServiceCard] = []
  /// Operators in the order they first appear.
  public var operators: [String] = []
  public var createdAt: String
  public var updatedAt: String
  public var eventCount = 0
  public var lastHash = JournalEntry.genesisHash
  /// Position of each card in `cards`, so that 5000 cards fold in linear time.
  private var cardIndex: [String: Int] = [:]

  public init(unit: UnitInfo, createdAt: String) {
    self.unit = unit
    self.createdAt = createdAt
    self.updatedAt = createdAt
  }

  /// The state of a whole journal.
  ///
  /// Nil for an empty one.
  public static func fold(_ entries: [JournalEntry]) -> UnitState? {
    guard let first = entries.first, case .unitCreated(let unit) = first.change else { return nil }
    var state = UnitState(unit: unit, createdAt: first.time)
    for entry in entries { state.apply(entry) }
    return state
  }

  /// The path whose steps apply: `um` for Urząd Marszałkowski staff, else the decision's (nil before it).
  public var path: PathID? {
    unit.role == .um ? .um : decision?.path
  }

  public func step(_ id: String) -> StepRecord { steps[id] ?? StepRecord() }
  public func mailbox(_ id: String) -> Mailbox? { mailboxes.first { $0.id == id } }
  public func card(_ id: String) -> ServiceCard? { cardIndex[id].map { cards[$0] } }
  public func override(mailboxID: String, fieldID: String) -> VendorOverride? {
    overrides.first { $0.mailboxID == mailboxID && $0.fieldID == fieldID }
  }

  /// Mailboxes that stay in use (action „zachowaj”): steps 3.4–3.9 are done for each of them.
  public var keptMailboxes: [Mailbox] { mailboxes.filter { $0.action == .keep } }

  /// A fresh id with the given prefix, for example `karta-13`, not used by any item yet.
  public func nextID(prefix: String) -> String {
    let used = Set(mailboxes.map(\.id)).union(cards.map(\.id))
    var number = (prefix == "karta" ? cards.count : mailboxes.count) + 1
    while used.contains("\(prefix)-\(number)") { number += 1 }
    return "\(prefix)-\(number)"
  }

  public mutating func apply(_ entry: JournalEntry) {
    eventCount = entry.sequence
    lastHash = entry.hash
    updatedAt = entry.time
    if !operators.contains(entry.operatorName) { operators.append(entry.operatorName) }
    apply(entry.change, entry: entry)
  }

  /// The state as it would be after `change`, without a journal entry: for checking a change before
  /// it is recorded (for example whether a step could then be marked done).
  public func simulating(_ changes: [JournalChange]) -> UnitState {
    var copy = self
    let entry = JournalEntry(
      version: JournalEntry.formatVersion, sequence: eventCount, time: updatedAt, operatorName: "",
      change: .batch([]),
      hash: lastHash)
    for change in changes { copy.apply(change, entry: entry) }
    return copy
  }

  private mutating func apply(_ change: JournalChange, entry: JournalEntry) {
    switch change {
    case .unitCreated(let info), .unitUpdated(let info):
      unit = info
    case .decisionMade(let decision):
      self.decision = decision
    case .stepMarked(let mark):
      steps[mark.stepID, default: StepRecord()].history.append(
        StepMarkRecord(
          status: mark.status, reason: mark.reason, time: entry.time, operatorName: entry.operatorName,
          sequence: entry.sequence))
    case .stepValuesRecorded(let recorded):
      steps[recorded.stepID, default: StepRecord()].values.merge(recorded.values) { $1 }
    case .mailboxSaved(let saved):
      if let index = mailboxes.firstIndex(where: { $0.id == saved.id }) {
        mailboxes[index].address = saved.address
        mailboxes[index].action = saved.action
        mailboxes[index].note = saved.note
      } else {
        mailboxes.append(
          Mailbox(id: saved.id, address: saved.address, action: saved.action, note: saved.note))
      }
    case .mailboxRemoved(let ref):
      mailboxes.removeAll { $0.id == ref.id }
      overrides.removeAll { $0.mailboxID == ref.id }
    case .mailboxSettingsRecorded(let settings):
      if let index = mailboxes.firstIndex(where: { $0.id == settings.mailboxID }) {
        mailboxes[index].settings.merge(settings.values) { $1 }
      }
    case .overrideSaved(let saved):
      overrides.removeAll { $0.mailboxID == saved.mailboxID && $0.fieldID == saved.fieldID }
      overrides.append(saved)
    case .overrideRemoved(let ref):
      overrides.removeAll { $0.mailboxID == ref.mailboxID && $0.fieldID == ref.fieldID }
    case .systemSaved(let system):
      if let index = systems.firstIndex(where: { $0.name == system.name }) {
        systems[index] = system
      } else {
        systems.append(system)
      }
    case .systemRemoved(let ref):
      systems.removeAll { $0.name == ref.id }
    case .consentRecorded(let consent):
      self.consent = consent
    case .cardSaved(let card):
      if let index = cardIndex[card.id] {
        cards[index] = card
      } else {
        cardIndex[card.id] = cards.count
        cards.append(card)
      }
    case .cardRemoved(let ref):
      if let index = cardIndex[ref.id] {
        cards.remove(at: index)
        cardIndex = Dictionary(uniqueKeysWithValues: cards.enumerated().map { ($1.id, $0) })
      }
    case .batch(let changes):
      for inner in changes { apply(inner, entry: entry) }
    }
  }
}
