/// The steps of the procedure for one unit's path, each with its status.
///
/// Computed from the procedure and the state, never stored: changing the decision changes which steps
/// apply, while the records of the others stay in the journal and come back if the decision does.
public struct Checklist: Sendable, Equatable {
  public struct Item: Sendable, Equatable {
    public var section: Section
    public var step: Step
    /// `notApplicable` when the step is not on this unit's path.
    public var status: StepStatus
    public var record: StepRecord
  }

  public let items: [Item]

  public init(procedure: Procedure, state: UnitState) {
    let applicable = Checklist.applicablePaths(for: state)
    var items: [Item] = []
    for section in procedure.sections {
      for step in section.steps {
        let record = state.step(step.id)
        let applies =
          !applicable.isDisjoint(with: step.paths)
          && (state.path != nil || Set(PathID.partnerChoices.map(\.rawValue)).isSubset(of: step.paths))
        items.append(
          Item(section: section, step: step, status: applies ? record.status : .notApplicable, record: record)
        )
      }
    }
    self.items = items
    doneCount = items.count { $0.status == .done }
    skippedCount = items.count { $0.status == .skipped }
    applicableCount = items.count { $0.status != .notApplicable }
  }

  /// Path ids whose steps apply: the unit's path; before a partner's decision, the steps common to all
  /// partner paths (the decision itself and sections 3–5), so the clerk sees what lies ahead.
  static func applicablePaths(for state: UnitState) -> Set<String> {
    if let path = state.path { return [path.rawValue] }
    return Set(PathID.partnerChoices.map(\.rawValue))
  }

  /// Steps on the path, in order.
  public var applicable: [Item] { items.filter { $0.status != .notApplicable } }
  /// Steps on the path still to do.
  public var open: [Item] { applicable.filter { $0.status == .todo } }
  /// Steps on the path waiting for something outside the office.
  public var waiting: [Item] { applicable.filter { $0.status == .waiting } }
  /// Counted once, when the checklist is made: the title bar shows them on every frame.
  public let doneCount: Int
  public let skippedCount: Int
  /// How many steps are on the path (`applicable.count`, without building the list).
  public let applicableCount: Int
  /// Every step of the path is done or skipped (nothing to do, nothing waiting).
  ///
  /// Whether that finishes the switch-over is the `Verdict`'s call: a skip the instruction does not allow, or a done step whose
  /// values break a rule, keeps it open.
  public var isComplete: Bool { !applicable.isEmpty && open.isEmpty && waiting.isEmpty }
  /// The first step still to do: where a resumed session lands.
  public var firstOpen: Item? { open.first }

  public func item(_ stepID: String) -> Item? { items.first { $0.step.id == stepID } }

  /// Steps with a recorded mark (done or skipped) that a change of the decision to `newPath` would make
  /// not applicable.
  ///
  /// Their records stay in the journal.
  public static func stepsLosingApplicability(
    procedure: Procedure, state: UnitState, newPath: PathID
  ) -> [Step] {
    var changed = state
    changed.decision = Decision(path: newPath, vendor: state.decision?.vendor ?? "")
    let after = Checklist(procedure: procedure, state: changed)
    let before = Checklist(procedure: procedure, state: state)
    return zip(before.items, after.items).compactMap { old, new in
      old.status != .notApplicable && new.status == .notApplicable
        && (old.status == .done || old.status == .skipped || old.status == .waiting) ? old.step : nil
    }
  }
}
