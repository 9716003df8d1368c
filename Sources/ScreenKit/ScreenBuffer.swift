/// One cell of the screen: a character, the columns it takes, and its style.
public struct Cell: Equatable, Sendable {
  public var character: Character
  /// 1 or 2; 0 marks the right half of a wide character.
  public var width: Int
  public var style: Style

  public init(character: Character, width: Int, style: Style) {
    self.character = character
    self.width = width
    self.style = style
  }

  public static let blank = Cell(character: " ", width: 1, style: .plain)
}

/// The whole screen as cells: what every screen renders into, and what the terminal layer draws.
///
/// Text written here can never carry a control character to the terminal: each one (C0 including ESC
/// and TAB, DEL, C1, bidirectional overrides) is stored as the visible „�”.
public struct ScreenBuffer: Equatable, Sendable {
  public let size: ScreenSize
  public var cursor: CursorPosition?
  private var cells: [Cell]

  public init(size: ScreenSize) {
    self.size = ScreenSize(width: max(0, size.width), height: max(0, size.height))
    cells = Array(repeating: .blank, count: self.size.width * self.size.height)
  }

  public subscript(x: Int, y: Int) -> Cell {
    get { contains(x, y) ? cells[y * size.width + x] : .blank }
    set { if contains(x, y) { cells[y * size.width + x] = newValue } }
  }

  func contains(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < size.width && y < size.height }

  /// Writes `text` at (x, y), clipped to `maxWidth` columns and the right edge; returns the columns used.
  @discardableResult
  public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil)
    -> Int
  {
    guard y >= 0, y < size.height, x < size.width else { return 0 }
    let limit = min(size.width, x + (maxWidth ?? size.width))
    var column = x
    for original in text {
      let character = Self.visible(original)
      let width = DisplayWidth.of(character)
      if width == 0 { continue }
      if column + width > limit {
        if width == 2, column < limit {
          self[column, y] = Cell(character: " ", width: 1, style: style)
          column += 1
        }
        break
      }
      if column >= 0 {
        clearWide(at: column, y)
        if width == 2 { clearWide(at: column + 1, y) }
        self[column, y] = Cell(character: character, width: width, style: style)
        if width == 2 { self[column + 1, y] = Cell(character: " ", width: 0, style: style) }
      }
      column += width
    }
    return max(0, column - x)
  }

  /// Before overwriting a cell, blank the other half of a wide character it belongs to.
  private mutating func clearWide(at x: Int, _ y: Int) {
    let cell = self[x, y]
    if cell.width == 2 { self[x + 1, y] = Cell(character: " ", width: 1, style: cell.style) }
    if cell.width == 0, x > 0 { self[x - 1, y] = Cell(character: " ", width: 1, style: self[x - 1, y].style) }
  }

  /// Blanks a rectangle with a style (e.g.
  ///
  /// the reverse bar of a focused row).
  public mutating func fill(x: Int, y: Int, width: Int, height: Int, style: Style) {
    for row in max(0, y)..<max(max(0, y), min(size.height, y + height)) {
      for column in max(0, x)..<max(max(0, x), min(size.width, x + width)) {
        self[column, row] = Cell(character: " ", width: 1, style: style)
      }
    }
  }

  /// Changes the style of existing cells.
  public mutating func setStyle(x: Int, y: Int, width: Int, style: Style) {
    for column in max(0, x)..<max(max(0, x), min(size.width, x + width)) where contains(column, y) {
      cells[y * size.width + column].style = style
    }
  }

  /// The screen as plain text, one string per row, trailing spaces trimmed: what golden tests compare.
  public func lines() -> [String] {
    (0..<size.height).map { row in
      var line = ""
      for column in 0..<size.width {
        let cell = cells[row * size.width + column]
        if cell.width > 0 { line.append(cell.character) }
      }
      while line.last == " " { line.removeLast() }
      return line
    }
  }

  public var text: String { lines().joined(separator: "\n") }

  /// A control character becomes „�”, so recorded text cannot drive the terminal.
  static func visible(_ character: Character) -> Character {
    for scalar in character.unicodeScalars {
      let value = scalar.value
      if value < 0x20 || (0x7F..<0xA0).contains(value) || (0x202A...0x202E).contains(value)
        || (0x2066...0x2069).contains(value) || value == 0x2028 || value == 0x2029
      {
        return "\u{FFFD}"
      }
    }
    return character
  }
}

/// Where two screens differ, as text for a failing test; nil when they are the same.
public func screenDiff(_ actual: [String], _ expected: [String]) -> String? {
  guard actual != expected else { return nil }
  var report = ["Screens differ (> expected, < actual):"]
  for index in 0..<max(actual.count, expected.count) {
    let a = index < actual.count ? actual[index] : "<none>"
    let e = index < expected.count ? expected[index] : "<none>"
    if a != e {
      let number = index < 10 ? " \(index)" : "\(index)"
      report.append(number + " > " + e)
      report.append(number + " < " + a)
    }
  }
  report.append("--- actual ---")
  report += actual
  return report.joined(separator: "\n")
}
