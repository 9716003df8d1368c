/// The whole screen as a grid of cells: what every screen renders into and what a terminal draws.
///
/// Rendering into a value rather than into ncurses keeps screens pure and testable: a test compares
/// `lines()` with the expected text. No control character is ever stored (see `ControlCharacters`),
/// so text written here cannot drive the terminal.
///
///     var buffer = ScreenBuffer(size: ScreenSize(width: 80, height: 24))
///     buffer.write("Krok 1 z 5", x: 2, y: 0, style: Style(.title, [.bold]))
public struct ScreenBuffer: Equatable, Sendable {
  public private(set) var size: ScreenSize
  /// Where the terminal shows its cursor (while a text field is edited); nil hides it.
  public var cursor: CursorPosition?
  /// Row by row; internal so that writers in this module can store cells they have already checked.
  var cells: [Cell]

  /// A screen of blank cells; negative sizes count as 0.
  public init(size: ScreenSize) {
    self.size = ScreenSize(width: max(0, size.width), height: max(0, size.height))
    cells = Array(repeating: .blank, count: self.size.width * self.size.height)
  }

  /// Blank again at `size`, with no cursor, as `init(size:)` makes it, but in the cells' storage when
  /// the size is unchanged and nothing else holds them: a runner that renders a frame per key reuses
  /// the frame before last instead of allocating one (a large allocation also makes the C allocator
  /// sweep up every small block freed since the last).
  public mutating func reset(size: ScreenSize) {
    let size = ScreenSize(width: max(0, size.width), height: max(0, size.height))
    cursor = nil
    guard size == self.size else {
      self = ScreenBuffer(size: size)
      return
    }
    cells.withUnsafeMutableBufferPointer { cells in cells.update(repeating: .blank) }
  }

  /// The cell at column `x`, row `y`; outside the screen reads `.blank` and writes are ignored.
  ///
  /// This is the raw access: it does not keep the halves of wide characters together (use `write`
  /// for text), but it still never stores a control character.
  public subscript(x: Int, y: Int) -> Cell {
    get { contains(x: x, y: y) ? cells[y * size.width + x] : .blank }
    set {
      guard contains(x: x, y: y) else { return }
      var cell = newValue
      cell.character = ControlCharacters.visible(cell.character)
      cells[y * size.width + x] = cell
    }
  }

  /// Calls `body` with the cells, row by row (`y * size.width + x`), without copying them.
  public func withUnsafeCells<Result>(_ body: (UnsafeBufferPointer<Cell>) throws -> Result) rethrows -> Result
  {
    try cells.withUnsafeBufferPointer(body)
  }

  /// Whether (x, y) is on the screen.
  public func contains(x: Int, y: Int) -> Bool {
    x >= 0 && y >= 0 && x < size.width && y < size.height
  }

  /// Blanks a rectangle with a style (the reverse bar of a focused row); clipped to the screen.
  public mutating func fill(x: Int, y: Int, width: Int, height: Int, style: Style) {
    let columns = clamp(x, x + width, to: size.width)
    for row in clamp(y, y + height, to: size.height) {
      for column in columns { cells[row * size.width + column] = Cell(ascii: 0x20, style: style) }
      repairWideCharacters(row: row)
    }
  }

  /// Restyles `width` cells from (x, y) and keeps their characters.
  ///
  /// A wide character takes the style of its left half, so a range that starts on a right half
  /// restyles the left half too.
  public mutating func setStyle(x: Int, y: Int, width: Int, style: Style) {
    guard y >= 0, y < size.height else { return }
    var columns = clamp(x, x + width, to: size.width)
    guard !columns.isEmpty else { return }
    if self[columns.lowerBound, y].width == 0, columns.lowerBound > 0 {
      columns = (columns.lowerBound - 1)..<columns.upperBound
    }
    for column in columns { cells[y * size.width + column].style = style }
  }

  /// The columns `from..<to` that lie within `0..<limit`, possibly empty.
  func clamp(_ from: Int, _ to: Int, to limit: Int) -> Range<Int> {
    let lower = min(max(0, from), limit)
    return lower..<max(lower, min(to, limit))
  }

  /// Turns each half of a wide character whose other half was overwritten into a space, so that a
  /// row never holds half a character.
  mutating func repairWideCharacters(row y: Int) {
    for x in 0..<size.width { repairWideCharacter(x: x, y: y) }
  }

  /// `repairWideCharacters` for one cell; cells outside the buffer are left alone.
  mutating func repairWideCharacter(x: Int, y: Int) {
    guard x >= 0, x < size.width, y >= 0, y < size.height else { return }
    let index = y * size.width + x
    let width = cells[index].width
    guard width != 1 else { return }
    let rightHalfMissing = width == 2 && (x + 1 >= size.width || cells[index + 1].width != 0)
    let leftHalfMissing = width == 0 && (x == 0 || cells[index - 1].width != 2)
    if rightHalfMissing || leftHalfMissing {
      cells[index] = Cell(ascii: 0x20, style: cells[index].style)
    }
  }
}
