/// Whether a unit's switch-over is finished, and if not, every reason why, each with its step.
///
/// The one verdict the paper's headline, the finish screen, `status` and `status --json` all give:
/// „ZAKOŃCZONE” only when nothing blocks. What blocks, in the order of the procedure:
/// - a step still to do, or waiting (with what it waits for and since when);
/// - a step skipped that the instruction does not let go (3.13, the per-mailbox steps, section 1, 4.2
///   with cards still undecided);
/// - a done step whose recorded values no longer let it be done (a setting against the instruction, a
///   card count that does not match the list);
/// - any other error the rules find in the state.
public struct Verdict: Sendable, Equatable {
  /// One reason the switch-over is not finished.
  public struct Blocker: Codable, Sendable, Equatable {
    /// The step it belongs to (such as `3.13`); nil for a reason of the whole unit.
    public var stepID: String?
    /// In Polish, whole: „czeka na: zgoda Urzędu Marszałkowskiego (od 2026-11-20)”.
    public var text: String

    public init(stepID: String?, text: String) {
      self.stepID = stepID
      self.text = text
    }

    /// „krok 3.13: …”, as the paper and the screens print it.
    public var line: String { (stepID.map { "krok \($0): " } ?? "") + text }
  }

  public let blocking: [Blocker]

  /// No reason keeps it open.
  public var finished: Bool { blocking.isEmpty }

  public init(blocking: [Blocker]) { self.blocking = blocking }

  /// The verdict on `state`; `issues` and `checklist` may be passed when already at hand.
  public init(
    procedure: Procedure, state: UnitState, today: String? = nil, checklist: Checklist? = nil,
    issues: [ValidationIssue]? = nil
  ) {
    let validator = Validator(procedure: procedure)
    let checklist = checklist ?? Checklist(procedure: procedure, state: state)
    let issues = issues ?? validator.issues(for: state, today: today)
    var blocking: [Blocker] = []
    if checklist.applicable.isEmpty {
      blocking.append(Blocker(stepID: nil, text: "na tej ścieżce nie ma kroków"))
    }
    for item in checklist.applicable {
      let id = item.step.id
      switch item.status {
      case .todo:
        blocking.append(Blocker(stepID: id, text: "do zrobienia — \(item.step.title)"))
      case .waiting:
        blocking.append(Blocker(stepID: id, text: "\(item.record.explanation ?? "") — \(item.step.title)"))
      case .skipped:
        let refusal = validator.checkSkip(stepID: id, reason: item.record.reason, in: state).errors.first
        if let refusal {
          blocking.append(
            Blocker(stepID: id, text: "pominięty, a nie wolno: \(refusal.message) — \(item.step.title)"))
        }
      case .done, .notApplicable:
        break
      }
    }
    for issue in issues.errors {
      // A message that does not name its mailbox or card gets it in front.
      let named = issue.subject.map { $0.isEmpty || issue.message.containsBytes($0) } ?? true
      let text = named ? issue.message : "„\(issue.subject ?? "")”: " + issue.message
      blocking.append(Blocker(stepID: issue.stepID, text: text))
    }
    self.blocking = Self.inProcedureOrder(blocking, procedure: procedure)
  }

  /// Blockers sorted by their step's place in the procedure (a stable sort: each step's own order stays),
  /// reasons of the whole unit first.
  private static func inProcedureOrder(_ blockers: [Blocker], procedure: Procedure) -> [Blocker] {
    var position: [String: Int] = [:]
    for (index, step) in procedure.allSteps.enumerated() { position[step.id] = index }
    var seen = Set<String>(minimumCapacity: blockers.count)
    let unique = blockers.filter { seen.insert($0.line).inserted }
    return unique.enumerated().sorted { lhs, rhs in
      let left = lhs.element.stepID.flatMap { position[$0] } ?? -1
      let right = rhs.element.stepID.flatMap { position[$0] } ?? -1
      return left != right ? left < right : lhs.offset < rhs.offset
    }.map(\.element)
  }
}
