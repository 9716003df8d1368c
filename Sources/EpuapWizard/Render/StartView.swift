import EpuapDomain
import ScreenKit

enum StartView {
  static func draw(_ model: WizardModel, cursor: Int, into buffer: inout ScreenBuffer, area: ContentArea) {
    var lines: [ContentLine] = []
    lines += [ContentLine].paragraph(model.procedure.title, width: area.width, style: Styles.dim)
    lines.append(.blank)
    lines.append(FieldLines.action("Nowa jednostka (n)", row: 0, focused: cursor == 0))
    lines.append(.blank)
    if model.journals.isEmpty {
      lines.append(
        ContentLine(" Nie znaleziono zapisanych dzienników — zacznij od nowej jednostki.", Styles.dim))
    } else {
      lines.append(ContentLine(" Wznów pracę:", Styles.heading))
      let header =
        "  " + DisplayWidth.pad("Jednostka", to: 24) + " " + DisplayWidth.pad("Rola", to: 8) + " "
        + DisplayWidth.pad("Ścieżka", to: 18) + " " + DisplayWidth.pad("Postęp", to: 7) + " "
        + DisplayWidth.pad("Ostatnia zmiana", to: 16) + " Kto"
      lines.append(ContentLine(header, Styles.dim))
      for (index, summary) in model.journals.enumerated() {
        let row = index + 1
        let focused = cursor == row
        var text = "  "
        if let problem = summary.problem {
          text += DisplayWidth.pad(summary.unitName, to: 24) + " USZKODZONY: " + problem
        } else {
          let role = summary.role == .um ? "UM" : "Partner"
          let path = summary.chosenPath.map(ShortNames.path) ?? "bez decyzji"
          let when = summary.lastChange.replacing("T", with: " ").replacing("Z", with: "")
          text +=
            DisplayWidth.pad(DisplayWidth.truncate(summary.unitName, to: 24), to: 24) + " "
            + DisplayWidth.pad(role, to: 8)
            + " " + DisplayWidth.pad(path, to: 18) + " "
            + DisplayWidth.pad("\(summary.doneCount)/\(summary.totalCount)", to: 7)
            + " " + DisplayWidth.pad(String(when.prefix(16)), to: 16) + " " + summary.lastOperator
        }
        var line = ContentLine(text, summary.problem == nil ? .plain : Styles.error, row: row)
        line.highlighted = focused
        lines.append(line)
      }
    }
    Viewport.draw(lines, into: &buffer, top: area.top, height: area.height, focusRow: cursor)
  }
}

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

/// The finish screen: the verdict (the same as the paper's headline) with every reason that keeps it open,
/// and how to print.
enum FinishView {
  static func draw(_ model: WizardModel, cursor: Int, into buffer: inout ScreenBuffer, area: ContentArea) {
    guard let checklist = model.checklist, let unit = model.unit, let verdict = model.verdict else { return }
    var lines: [ContentLine] = []
    if verdict.finished {
      lines.append(ContentLine(" ZAKOŃCZONE: nic nie blokuje zakończenia.", Styles.success))
    } else {
      lines.append(
        ContentLine(
          " NIEZAKOŃCZONE: co blokuje zakończenie (\(verdict.blocking.count)) — ↑↓ przewija", Styles.warning))
    }
    lines.append(
      ContentLine(
        " Zrobione: \(checklist.doneCount), pominięte: \(checklist.skippedCount), czeka: \(checklist.waiting.count), "
          + "z \(checklist.applicable.count)."))
    lines.append(.blank)
    for blocker in verdict.blocking {
      lines += [ContentLine].paragraph(
        blocker.line, width: area.width, style: blocker.stepID == nil ? Styles.error : Styles.warning,
        indent: 1,
        prefix: "✗ ")
    }
    if !verdict.blocking.isEmpty { lines.append(.blank) }
    lines.append(
      ContentLine(" Wydruk listy kontrolnej do akt: p (tekst, HTML albo Markdown).", Styles.heading))
    lines += [ContentLine].paragraph(
      "Z wiersza poleceń: epuap-wizard print --journal PLIK --format html --output PLIK.html",
      width: area.width,
      style: Styles.dim, indent: 1)
    lines += [ContentLine].paragraph(
      "Dziennik: \(model.journalPath ?? "") — zdarzeń: \(unit.eventCount)", width: area.width,
      style: Styles.dim,
      indent: 1)
    lines.append(ContentLine(" Ostatni hash: \(unit.lastHash)", Styles.dim))
    let start = min(cursor, max(0, lines.count - area.height))
    Viewport.draw(
      lines, into: &buffer, top: area.top, height: area.height, focusRow: nil, preferredStart: start)
  }
}
