import EpuapDomain
import ScreenKit

/// The start screen: a new unit, or the journals found to resume.
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
