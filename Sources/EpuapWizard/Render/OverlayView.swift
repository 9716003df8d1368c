import EpuapDomain
import EpuapReport
import ScreenKit

/// Help, questions and prompts drawn in a box over the screen.
enum OverlayView {
  /// The part of a long text that fits a box on a screen `height` rows high, from line `scroll` on, and
  /// the line that says how to scroll or close it.
  static func scrolled(_ text: [ContentLine], by scroll: Int, height: Int, closing: String) -> [ContentLine] {
    let room = max(1, height - 8)
    let start = min(scroll, max(0, text.count - room))
    let hint =
      text.count > room
      ? "↑↓ PgUp/PgDn — przewijanie; inny klawisz — \(closing)." : "Dowolny klawisz — \(closing)."
    return Array(text.dropFirst(start).prefix(room)) + [.blank, ContentLine(hint, Styles.dim)]
  }

  static func draw(_ overlay: Overlay, model: WizardModel, into buffer: inout ScreenBuffer) {
    let width = min(72, buffer.size.width - 4)
    var lines: [ContentLine] = []
    var title = ""
    var cursorLine: Int?
    var cursorColumn = 0
    switch overlay {
    case .help(let scroll):
      title = "Pomoc"
      var text: [ContentLine] = []
      for line in KeyHints.help(for: model) {
        text += [ContentLine].paragraph(line, width: width - 2, indent: 0)
      }
      lines += scrolled(text, by: scroll, height: buffer.size.height, closing: "zamknij pomoc")
    case .notice(let text):
      title = "Nie udało się"
      lines += [ContentLine].paragraph(text, width: width - 2, style: Styles.error, indent: 0)
      lines.append(.blank)
      lines.append(ContentLine("Dowolny klawisz — zamknij.", Styles.dim))
    case .message(let message, let scroll):
      title = "Wiadomość"
      let style: Style
      switch message.kind {
      case .error: style = Styles.error
      case .warning: style = Styles.warning
      case .success: style = Styles.success
      case .info: style = .plain
      }
      let text = [ContentLine].paragraph(message.text, width: width - 2, style: style, indent: 0)
      lines += scrolled(text, by: scroll, height: buffer.size.height, closing: "zamknij")
    case .quitConfirm:
      title = "Zakończyć pracę?"
      let draft = model.unsavedDraft.map { model.describe($0.place) }
      // Before the first journal there is nothing in a journal to speak of.
      let saved =
        model.unit == nil
        ? "Żaden dziennik nie jest otwarty; to, co zapisano wcześniej, jest w dziennikach."
        : "Wszystko, co zrobiono, jest zapisane w dzienniku — możesz wrócić w dowolnej chwili i zacząć tam, "
          + "gdzie praca została przerwana."
      lines += [ContentLine].paragraph(
        saved
          + (draft.map { " Niezapisany tekst (\($0)) zostaje jako szkic i wróci przy następnym otwarciu." }
            ?? ""),
        width: width - 2, indent: 0)
      lines.append(.blank)
      lines.append(ContentLine("t / Enter — zakończ    n / Esc — zostań", Styles.heading))
    case .printMenu(let cursor):
      title = "Wydruk listy kontrolnej"
      let items = PrintMenu.items(model.printers)
      lines.append(
        ContentLine(
          model.printers.unanswered
            ? "System drukowania (lpstat) nie odpowiedział w ciągu "
              + "\(PrinterList.lpstatTimeout.components.seconds) s — zapisz plik i wydrukuj go później:"
            : model.printers.names.isEmpty
              ? "Brak drukarek w systemie (lpstat) — zapisz plik i wydrukuj go później:"
              : "Wybierz drukarkę albo plik:", Styles.dim))
      for (index, item) in items.enumerated() {
        lines.append(FieldLines.action(item.label, row: index, focused: index == cursor))
      }
      lines.append(.blank)
      lines.append(ContentLine("Enter — drukuj, Esc — anuluj", Styles.dim))
    case .confirm(let confirmation):
      title = confirmation.title
      for line in confirmation.lines { lines += [ContentLine].paragraph(line, width: width - 2, indent: 0) }
      lines.append(.blank)
      lines.append(ContentLine("t / Enter — tak    n / Esc — nie", Styles.heading))
    case .prompt(let prompt):
      title = prompt.title
      lines += [ContentLine].paragraph(prompt.explanation, width: width - 2, style: Styles.dim, indent: 0)
      lines.append(.blank)
      let shown = DisplayWidth.truncateLeading(
        String(prompt.input.characters.prefix(prompt.input.cursor)), to: width - 6)
      let rest = String(prompt.input.characters.suffix(from: prompt.input.cursor))
      lines.append(
        ContentLine([
          Span("> "),
          Span(
            DisplayWidth.pad(DisplayWidth.truncate(shown + rest, to: width - 5), to: width - 5), Styles.field),
        ]))
      cursorLine = lines.count - 1
      cursorColumn = 2 + DisplayWidth.of(shown)
      if let error = prompt.error {
        lines += [ContentLine].paragraph(
          error, width: width - 2, style: Styles.error, indent: 0, prefix: "✗ ")
      }
    }
    let maxHeight = buffer.size.height - 4
    let height = min(maxHeight, lines.count + 2)
    let left = (buffer.size.width - width) / 2
    let top = max(1, (buffer.size.height - height) / 2)
    buffer.fill(x: left, y: top, width: width, height: height, style: .plain)
    let border = Style(.accent, [.bold])
    buffer.write("┌" + String(repeating: "─", count: width - 2) + "┐", x: left, y: top, style: border)
    buffer.write(
      "└" + String(repeating: "─", count: width - 2) + "┘", x: left, y: top + height - 1, style: border)
    for y in (top + 1)..<(top + height - 1) {
      buffer.write("│", x: left, y: y, style: border)
      buffer.write("│", x: left + width - 1, y: y, style: border)
    }
    buffer.write(
      " " + DisplayWidth.truncate(title, to: width - 6) + " ", x: left + 2, y: top, style: Styles.heading)
    buffer.cursor = nil
    for (index, line) in lines.prefix(height - 2).enumerated() {
      var x = left + 1
      let y = top + 1 + index
      if line.highlighted { buffer.fill(x: left + 1, y: y, width: width - 2, height: 1, style: Styles.focus) }
      for span in line.spans {
        let style = line.highlighted ? Style(span.style.color, span.style.text.union(.reverse)) : span.style
        x += buffer.write(span.text, x: x, y: y, style: style, maxWidth: left + width - 1 - x)
      }
      if index == cursorLine { buffer.cursor = CursorPosition(x: left + 1 + cursorColumn, y: y) }
    }
  }
}
