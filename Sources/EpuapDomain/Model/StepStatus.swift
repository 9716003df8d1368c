import FoundationEssentials

/// Where a step of the checklist stands.
public enum StepStatus: String, Codable, Sendable, CaseIterable {
  /// Still to do („do zrobienia”).
  case todo
  case done
  /// Skipped, always with a reason.
  case skipped
  /// Waiting for something outside the office (the UM's consent, the vendor), with what is awaited in
  /// the reason; since when is the time of the mark. Keeps the verdict open, but the next-step key passes
  /// over it.
  case waiting
  /// Not part of the chosen path. Computed, never recorded.
  case notApplicable = "not-applicable"

  /// The status as a tick box in plain text: `[x]` done, `[-]` skipped, `[~]` waiting, `[ ]` to do,
  /// ` · ` not on the path.
  public var tickBox: String {
    switch self {
    case .done: "[x]"
    case .skipped: "[-]"
    case .waiting: "[~]"
    case .todo: "[ ]"
    case .notApplicable: " · "
    }
  }

  /// What a skip or a wait says, in the words every screen and paper use: „pominięte — powód: …” or
  /// „czeka na: … (od 2026-11-20)”; nil for the other statuses.
  ///
  /// `since` is the journal time of the mark (UTC), shown as a local day.
  public func explanation(reason: String, since: String?) -> String? {
    switch self {
    case .skipped: "pominięte — powód: " + (reason.isEmpty ? "nie podano" : reason)
    case .waiting: "czeka na: \(reason)" + (since.map { " (od \(LocalTime.day(ofTimestamp: $0)))" } ?? "")
    default: nil
    }
  }
}

/// One recorded change of a step's status, kept so that a later decision change loses nothing.
public struct StepMarkRecord: Codable, Sendable, Equatable {
  public var status: StepStatus
  public var reason: String
  /// UTC time of the journal event, ISO 8601.
  public var time: String
  public var operatorName: String
  public var sequence: Int
}

/// Everything recorded for one step: its current mark, the history of marks, and its field values.
public struct StepRecord: Codable, Sendable, Equatable {
  public var history: [StepMarkRecord] = []
  public var values: [String: String] = [:]

  public init() {}

  /// The latest recorded status, `todo` if never marked.
  public var status: StepStatus { history.last?.status ?? .todo }
  public var reason: String { history.last?.reason ?? "" }
  public var lastMark: StepMarkRecord? { history.last }
  /// The skip's reason or what the step waits for, in words (`StepStatus.explanation`).
  public var explanation: String? { status.explanation(reason: reason, since: lastMark?.time) }
}
