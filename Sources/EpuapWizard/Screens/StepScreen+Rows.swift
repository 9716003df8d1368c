import EpuapDomain
import ScreenKit

/// A focusable row of a step screen.
///
/// Which rows a step has depends on its kind.
public enum StepRow: Equatable, Sendable {
  case field(Int)
  case path(PathID)
  case mailbox(String)
  case addMailbox
  case mailboxSettings(String)
  case system(String)
  case addSystem
  case openCards
  case markDone
  case skip
  /// Mark the step as waiting for something outside the office („czeka”).
  case wait
  case reopen
}

extension WizardModel {
  /// A step's screen with its form filled from the journal and focus on the first useful row.
  func makeStepScreen(_ stepID: String) -> StepScreen {
    guard let step = procedure.step(stepID) else {
      return StepScreen(stepID: stepID, form: FormState(fields: []))
    }
    let record = unit?.step(stepID) ?? StepRecord()
    var form: FormState
    var choice: PathID?
    switch step.kind {
    case .decision:
      var values = record.values
      values["dostawca"] = unit?.decision?.vendor ?? ""
      form = FormState(fields: step.fields.filter { $0.id != "sciezka" }, values: values)
      choice = unit?.decision?.path
    case .consent:
      let consent = unit?.consent
      form = FormState(
        fields: step.fields,
        values: [
          "kto": consent?.who ?? "", "kiedy": consent?.date ?? today, "sygnatura": consent?.reference ?? "",
        ])
    case .simple:
      form = FormState(fields: step.fields, values: record.values)
    default:
      form = FormState(fields: [])
    }
    var screen = StepScreen(stepID: stepID, form: form, choice: choice)
    let rows = stepRows(screen)
    // Focus: the recorded path on the decision; else the first empty required field; else „done”.
    if step.kind == .decision {
      screen.cursor = choice.flatMap { rows.firstIndex(of: .path($0)) } ?? 0
    } else if let empty = form.entries.firstIndex(where: { $0.field.required && $0.input.text.isEmpty }),
      let index = rows.firstIndex(of: .field(empty))
    {
      screen.cursor = index
    } else if step.kind == .simple || step.kind == .consent {
      screen.cursor = rows.firstIndex(of: .markDone) ?? 0
    }
    return screen
  }

  func stepRows(_ screen: StepScreen) -> [StepRow] {
    guard let step = procedure.step(screen.stepID) else { return [] }
    let status = checklist?.item(screen.stepID)?.status ?? .todo
    var rows: [StepRow] = []
    switch step.kind {
    case .simple, .consent:
      rows += screen.form.visibleIndices.map { StepRow.field($0) }
    case .decision:
      rows += PathID.partnerChoices.map { StepRow.path($0) }
      rows += screen.form.visibleIndices.map { StepRow.field($0) }
    case .mailboxes:
      rows += (unit?.mailboxes ?? []).map { StepRow.mailbox($0.id) }
      rows.append(.addMailbox)
    case .perMailbox:
      rows += (unit?.keptMailboxes ?? []).map { StepRow.mailboxSettings($0.id) }
    case .systems:
      rows += (unit?.systems ?? []).map { StepRow.system($0.name) }
      rows.append(.addSystem)
    case .cards:
      rows.append(.openCards)
    }
    rows.append(.markDone)
    if step.kind != .decision {
      if step.isSkippable { rows.append(.skip) }
      if status != .waiting { rows.append(.wait) }
    }
    if status == .done || status == .skipped || status == .waiting { rows.append(.reopen) }
    return rows
  }

  func currentStepRow(_ screen: StepScreen) -> StepRow? {
    let rows = stepRows(screen)
    return rows.indices.contains(screen.cursor) ? rows[screen.cursor] : rows.last
  }
}
