import EpuapDomain
import ScreenKit

/// Every step of the path with its status, the order the seeds impose, and the errors and warnings at
/// each step.
enum OverviewView {
  static func draw(_ model: WizardModel, cursor: Int, into buffer: inout ScreenBuffer, area: ContentArea) {
    guard let checklist = model.checklist, let unit = model.unit else { return }
    let issues = model.issues
    var lines: [ContentLine] = []
    let waiting = checklist.waiting.count
    let summary =
      " Zrobione: \(checklist.doneCount), pominięte: \(checklist.skippedCount), do zrobienia: \(checklist.open.count)"
      + (waiting > 0 ? ", czeka: \(waiting)" : "")
      + " · błędy: \(issues.errors.count), ostrzeżenia: \(issues.warnings.count)"
    lines.append(ContentLine(summary, issues.errors.isEmpty ? Styles.dim : Styles.warning))
    for note in model.procedure.orderNotices where note.applies(to: unit.path) {
      lines += [ContentLine].paragraph(
        note.text, width: area.width, style: Styles.dim, indent: 1, prefix: "! ")
    }
    // Dates that are set: overdue ones marked, the rest in the order they come.
    for entry in model.timeline?.entries ?? [] where [.overdue, .open, .ahead].contains(entry.state) {
      lines += [ContentLine].paragraph(
        entry.words.prefix(1).uppercased() + entry.words.dropFirst() + ": \(entry.title) (\(entry.source))",
        width: area.width, style: entry.state == .overdue ? Styles.error : Styles.dim,
        indent: 1, prefix: entry.state == .overdue ? "✗ " : "· ")
    }
    var section = ""
    for (index, item) in checklist.applicable.enumerated() {
      if item.section.id != section {
        section = item.section.id
        lines.append(ContentLine(" \(item.section.number) \(item.section.title)", Styles.heading))
      }
      let stepIssues = issues.filter { $0.stepID == item.step.id }
      var flag = ""
      if !stepIssues.errors.isEmpty {
        flag = "  ✗ \(stepIssues.errors.count)"
      } else if !stepIssues.warnings.isEmpty {
        flag = "  ! \(stepIssues.warnings.count)"
      }
      let text =
        "   \(ShortNames.mark(item.status)) " + DisplayWidth.pad(item.step.id, to: 5) + item.step.title
      let width = area.width - DisplayWidth.of(flag) - 1
      var line = ContentLine(
        [
          Span(DisplayWidth.pad(DisplayWidth.truncate(text, to: width), to: width)),
          Span(flag, stepIssues.errors.isEmpty ? Styles.warning : Styles.error),
        ],
        row: index)
      line.highlighted = index == cursor
      lines.append(line)
    }
    Viewport.draw(lines, into: &buffer, top: area.top, height: area.height, focusRow: cursor)
  }
}
