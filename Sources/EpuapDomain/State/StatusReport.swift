import FoundationEssentials

/// The state of a unit as `status` shows it (and as `status --json` writes it): a stable, documented
/// shape for scripts.
public struct StatusReport: Codable, Sendable {
  public struct StepLine: Codable, Sendable {
    public var id: String
    public var section: String
    public var title: String
    public var status: StepStatus
    public var reason: String?
    public var values: [String: String]
    public var lastChange: String?
    public var operatorName: String?

    enum CodingKeys: String, CodingKey {
      case id, section, title, status, reason, values, lastChange, operatorName = "operator"
    }
  }

  public struct Progress: Codable, Sendable {
    public var done: Int
    public var skipped: Int
    public var open: Int
    public var waiting: Int
    public var total: Int
  }

  public struct JournalInfo: Codable, Sendable {
    public var path: String
    public var events: Int
    public var lastHash: String
    public var createdAt: String
    public var updatedAt: String
    public var operators: [String]
    /// The line number of a torn last line, if there is one.
    public var tornTailLine: Int?
  }

  public var unit: UnitInfo
  /// The verdict: true only when nothing in `blocking` is left (the same as the printout's „ZAKOŃCZONE”).
  public var finished: Bool
  /// Every reason the switch-over is not finished, each with its step id.
  public var blocking: [Verdict.Blocker]
  public var path: PathID?
  public var decision: Decision?
  public var progress: Progress
  public var steps: [StepLine]
  public var openSteps: [String]
  public var mailboxes: [Mailbox]
  public var overrides: [VendorOverride]
  public var systems: [SystemEntry]
  /// The switch-over's dates (`Timeline`) with their state on the day of the report.
  public var deadlines: [Timeline.Entry]
  public var consent: Consent?
  public var cards: [ServiceCard]
  public var errors: [ValidationIssue]
  public var warnings: [ValidationIssue]
  public var journal: JournalInfo

  public init(
    procedure: Procedure, state: UnitState, journalPath: String, tornTail: TornTail? = nil,
    today: String? = nil
  ) {
    let checklist = Checklist(procedure: procedure, state: state)
    let issues = Validator(procedure: procedure).issues(for: state, today: today)
    let verdict = Verdict(procedure: procedure, state: state, checklist: checklist, issues: issues)
    finished = verdict.finished
    blocking = verdict.blocking
    unit = state.unit
    path = state.path
    decision = state.decision
    progress = Progress(
      done: checklist.doneCount, skipped: checklist.skippedCount, open: checklist.open.count,
      waiting: checklist.waiting.count, total: checklist.applicable.count)
    steps = checklist.items.map { item in
      StepLine(
        id: item.step.id, section: item.section.id, title: item.step.title, status: item.status,
        reason: item.record.reason.isEmpty ? nil : item.record.reason, values: item.record.values,
        lastChange: item.record.lastMark?.time, operatorName: item.record.lastMark?.operatorName)
    }
    openSteps = checklist.open.map(\.step.id)
    deadlines =
      Timeline(
        procedure: procedure, state: state, today: today ?? LocalTime.day(Date()), checklist: checklist,
        verdict: verdict
      ).entries
    mailboxes = state.mailboxes
    overrides = state.overrides
    systems = state.systems
    consent = state.consent
    cards = state.cards
    errors = issues.errors
    warnings = issues.warnings
    journal = JournalInfo(
      path: journalPath, events: state.eventCount, lastHash: state.lastHash, createdAt: state.createdAt,
      updatedAt: state.updatedAt, operators: state.operators, tornTailLine: tornTail?.line)
  }
}
