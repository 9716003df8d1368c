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
    let issues = model.validator.issues(for: unit, today: model.today)
    var lines: [ContentLine] = []
    let summary =
      " Zrobione: \(checklist.doneCount), pominięte: \(checklist.skippedCount), do zrobienia: \(checklist.open.count)"
      + " · błędy: \(issues.errors.count), ostrzeżenia: \(issues.warnings.count)"
    lines.append(ContentLine(summary, issues.errors.isEmpty ? Styles.dim : Styles.warning))
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

enum FinishView {
  static func draw(_ model: WizardModel, cursor: Int, into buffer: inout ScreenBuffer, area: ContentArea) {
    guard let checklist = model.checklist, let unit = model.unit else { return }
    let issues = model.validator.issues(for: unit, today: model.today)
    var lines: [ContentLine] = []
    if checklist.isComplete && issues.errors.isEmpty {
      lines.append(ContentLine(" Wszystkie kroki ścieżki są zamknięte.", Styles.success))
    } else {
      lines.append(
        ContentLine(
          " NIEZAKOŃCZONE: zostało \(checklist.open.count) kroków, błędów: \(issues.errors.count).",
          Styles.warning))
    }
    lines.append(
      ContentLine(
        " Zrobione: \(checklist.doneCount), pominięte: \(checklist.skippedCount), z \(checklist.applicable.count)."
      ))
    lines.append(.blank)
    if !checklist.open.isEmpty {
      lines.append(ContentLine(" Do zrobienia:", Styles.heading))
      for item in checklist.open {
        lines.append(ContentLine("   [ ] \(DisplayWidth.pad(item.step.id, to: 5))\(item.step.title)"))
      }
      lines.append(.blank)
    }
    for issue in issues.errors.prefix(5) {
      lines += [ContentLine].paragraph(
        issue.message, width: area.width, style: Styles.error, indent: 1, prefix: "✗ ")
    }
    lines.append(.blank)
    lines.append(
      ContentLine(" Wydruk listy kontrolnej do akt: p (tekst, HTML albo Markdown).", Styles.heading))
    lines.append(
      ContentLine(
        " Z wiersza poleceń: epuap-wizard print --journal PLIK --format html --output PLIK.html", Styles.dim))
    lines.append(
      ContentLine(" Dziennik: \(model.journalPath ?? "") — zdarzeń: \(unit.eventCount)", Styles.dim))
    lines.append(ContentLine(" Ostatni hash: \(unit.lastHash)", Styles.dim))
    Viewport.draw(lines, into: &buffer, top: area.top, height: area.height, focusRow: nil)
  }
}
