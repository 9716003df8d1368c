extension Procedure {
  /// Every step in the order of the instruction.
  public var allSteps: [Step] { sections.flatMap(\.steps) }

  public func step(_ id: String) -> Step? { allSteps.first { $0.id == id } }

  public func section(containing stepID: String) -> Section? {
    sections.first { $0.steps.contains { $0.id == stepID } }
  }

  public func pathInfo(_ path: PathID) -> PathInfo? { paths.first { $0.id == path.rawValue } }

  /// The path's short name, for example „System obiegu dokumentów FINN 8SQL”.
  public func pathTitle(_ path: PathID) -> String { pathInfo(path)?.title ?? path.rawValue }

  /// The label of a choice value of a step field, for example `delete` → „Usuń”; the value itself if unknown.
  public func choiceLabel(step stepID: String, field fieldID: String, value: String) -> String {
    step(stepID)?.fields.first { $0.id == fieldID }?.choices.first { $0.value == value }?.label ?? value
  }

  /// Polish name of a step status.
  public static func statusLabel(_ status: StepStatus) -> String {
    switch status {
    case .todo: "do zrobienia"
    case .done: "zrobione"
    case .skipped: "pominięte"
    case .waiting: "czeka"
    case .notApplicable: "nie dotyczy"
    }
  }
}
