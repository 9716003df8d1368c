import ScreenKit

/// A styled piece of a line.
struct Span {
  var text: String
  var style: Style

  init(_ text: String, _ style: Style = .plain) {
    self.text = text
    self.style = style
  }
}

/// One line of a screen's content, before it is placed in the viewport.
struct ContentLine {
  var spans: [Span]
  /// The focusable row this line belongs to, if any.
  var row: Int?
  /// Draw the whole line in reverse (the focused row).
  var highlighted = false
  /// Column of the text cursor within the line, when a text field on it is being edited.
  var cursorColumn: Int?

  init(_ spans: [Span], row: Int? = nil, highlighted: Bool = false, cursorColumn: Int? = nil) {
    self.spans = spans
    self.row = row
    self.highlighted = highlighted
    self.cursorColumn = cursorColumn
  }

  init(_ text: String, _ style: Style = .plain, row: Int? = nil) {
    self.init([Span(text, style)], row: row)
  }

  static let blank = ContentLine([])
}

enum Styles {
  static let title = Style(.title, [.reverse, .bold])
  static let heading = Style(.accent, [.bold])
  static let dim = Style(.muted, [.dim])
  static let warning = Style(.warning, [.bold])
  static let error = Style(.error, [.bold])
  static let success = Style(.success, [.bold])
  static let focus = Style(.accent, [.reverse])
  static let field = Style(.normal, [.underline])
  static let hints = Style(.muted, [.reverse])
}

extension Array where Element == ContentLine {
  /// Wrapped paragraph lines, each prefixed with `indent` spaces (first line may have its own prefix).
  static func paragraph(
    _ text: String, width: Int, style: Style = .plain, indent: Int = 1, prefix: String = ""
  )
    -> [ContentLine]
  {
    let lead = String(repeating: " ", count: indent)
    let firstLead = lead + prefix
    let rest = lead + String(repeating: " ", count: DisplayWidth.of(prefix))
    let wrapped = DisplayWidth.wrap(text, width: Swift.max(10, width - DisplayWidth.of(firstLead)))
    return wrapped.enumerated().map { index, line in
      ContentLine((index == 0 ? firstLead : rest) + line, style)
    }
  }
}

/// Draws content lines into a rectangle of the buffer, scrolled so that the focused row is visible.
enum Viewport {
  /// Draws `lines` in rows `top..<top+height`; returns the first line index drawn.
  ///
  /// `hiddenAbove`: the caller left out lines before `lines` (a long list made only around its window), so
  /// ▲ is shown even when the first line given is drawn first.
  @discardableResult
  static func draw(
    _ lines: [ContentLine], into buffer: inout ScreenBuffer, top: Int, height: Int, focusRow: Int?,
    preferredStart: Int = 0, hiddenAbove: Bool = false
  ) -> Int {
    guard height > 0 else { return 0 }
    var start = Swift.min(Swift.max(0, preferredStart), Swift.max(0, lines.count - height))
    if let focusRow, let first = lines.firstIndex(where: { $0.row == focusRow }) {
      let last = lines.lastIndex(where: { $0.row == focusRow }) ?? first
      if last >= start + height { start = last - height + 1 }
      if first < start { start = first }
    }
    let width = buffer.size.width
    for offset in 0..<height {
      let index = start + offset
      guard index < lines.count else { break }
      let line = lines[index]
      let y = top + offset
      if line.highlighted { buffer.fill(x: 0, y: y, width: width, height: 1, style: Styles.focus) }
      var x = 0
      for span in line.spans {
        guard x < width else { break }
        let style = line.highlighted ? Style(span.style.color, span.style.text.union(.reverse)) : span.style
        x += buffer.write(span.text, x: x, y: y, style: style, maxWidth: width - x)
      }
      if let column = line.cursorColumn, column < width { buffer.cursor = CursorPosition(x: column, y: y) }
    }
    if start > 0 || hiddenAbove { buffer.write("▲", x: width - 1, y: top, style: Styles.dim) }
    if start + height < lines.count {
      buffer.write("▼", x: width - 1, y: top + height - 1, style: Styles.dim)
    }
    return start
  }
}
