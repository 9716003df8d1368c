import EpuapDomain
import ScreenKit

/// How a form field is drawn: label, value box, expected value, and the message below it.
enum FieldLines {
  static let labelWidth = 38

  static func lines(
    _ entry: FormState.Entry, row: Int, focused: Bool, width: Int, override: VendorOverride? = nil
  ) -> [ContentLine] {
    let field = entry.field
    let marker = focused ? "▸ " : "  "
    let label = DisplayWidth.pad(
      DisplayWidth.truncate(field.label + (field.required ? " *" : ""), to: labelWidth - 3),
      to: labelWidth - 2)
    let valueWidth = max(8, width - labelWidth - 2)
    var spans = [Span(marker + label, focused ? Styles.heading : .plain)]
    var cursorColumn: Int?
    let text = entry.input.text
    switch field.kind {
    case .choice:
      let shown =
        field.choices.first { $0.value == text }?.label ?? (text.isEmpty ? "— wybierz (spacja) —" : text)
      spans.append(
        Span("‹ " + DisplayWidth.truncate(shown, to: valueWidth - 4) + " ›", focused ? Styles.field : .plain))
    case .checkbox:
      spans.append(
        Span(
          text == "tak" ? "[x] tak" : (text == "nie" ? "[ ] nie" : "[?] —"), focused ? Styles.field : .plain))
    default:
      // Show the end of a long value around the cursor, so what is typed is always visible.
      let beforeCursor = String(entry.input.characters.prefix(entry.input.cursor))
      var visible = text
      var cursorOffset = DisplayWidth.of(beforeCursor)
      if DisplayWidth.of(text) > valueWidth - 1 {
        let tail = DisplayWidth.truncateLeading(beforeCursor, to: valueWidth - 2)
        visible = tail + String(entry.input.characters.suffix(from: entry.input.cursor))
        visible = DisplayWidth.truncate(visible, to: valueWidth - 1)
        cursorOffset = DisplayWidth.of(tail)
      }
      let boxWidth = field.kind == .number ? min(12, valueWidth - 1) : max(valueWidth - 1, 1)
      spans.append(
        Span(
          DisplayWidth.pad(visible, to: max(boxWidth, DisplayWidth.of(visible))),
          focused ? Styles.field : Style(.normal, [.underline])))
      if focused { cursorColumn = labelWidth + cursorOffset }
    }
    var hints: [String] = []
    // Short values (choices, tick boxes, numbers) have room for the recommended value on their line.
    let inline = field.kind == .choice || field.kind == .checkbox || field.kind == .number
    if !field.expected.isEmpty {
      let expected = field.choices.first { $0.value == field.expected }?.label ?? field.expected
      // „należy” is a requirement, „zalecamy” advice: the tag says which.
      let word = field.isRequirement ? "wymagane" : "zalecane"
      if inline {
        let used = spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let tag = "  \(word): \(expected)"
        if used + DisplayWidth.of(tag) <= width {
          spans.append(Span(tag, Styles.dim))
        } else {
          hints.append(tag)
        }
      } else {
        hints.append("\(word): \(expected)")
      }
    }
    var result = [ContentLine(spans, row: row, cursorColumn: cursorColumn)]
    if let override { hints.append("wartość wykonawcy: \(override.value) — \(override.reason)") }
    if focused, !field.hint.isEmpty { hints.append(field.hint) }
    if !hints.isEmpty {
      result += [ContentLine].paragraph(
        hints.joined(separator: "; "), width: width, style: Styles.dim, indent: labelWidth
      )
      .map {
        var line = $0; line.row = row; return line
      }
    }
    if let error = entry.error {
      result += [ContentLine].paragraph(error, width: width, style: Styles.error, indent: 4, prefix: "✗ ")
        .map {
          var line = $0; line.row = row; return line
        }
    } else if let warning = entry.warning {
      result += [ContentLine].paragraph(warning, width: width, style: Styles.warning, indent: 4, prefix: "! ")
        .map {
          var line = $0; line.row = row; return line
        }
    }
    return result
  }

  /// A clickable action row, for example „Oznacz jako zrobione (d)”.
  static func action(_ text: String, row: Int, focused: Bool) -> ContentLine {
    ContentLine(
      [Span((focused ? "▸ " : "  ") + text, focused ? Styles.heading : .plain)], row: row,
      highlighted: focused)
  }
}
