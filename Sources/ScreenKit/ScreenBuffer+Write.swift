/// Writing text into a `ScreenBuffer`, by display width.
extension ScreenBuffer {
  /// Writes `text` at (x, y), clipped to `maxWidth` columns (default: to the right edge), and returns
  /// the columns it took.
  ///
  /// A wide character takes two cells; one that would straddle the clip edge is replaced by a space.
  /// Control characters are stored as `ControlCharacters.replacement`. A combining mark with no
  /// character before it in `text` is dropped: it has nothing to sit on.
  ///
  ///     let used = buffer.write("Zażółć", x: 0, y: 3, style: Style(.accent))  // used == 6
  @discardableResult
  public mutating func write(
    _ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil
  ) -> Int {
    guard y >= 0, y < size.height else { return 0 }
    let limit = min(size.width, x + max(0, maxWidth ?? size.width))
    var column = x
    if x >= 0, DisplayWidth.simpleWidth(text) != nil {
      // One column per scalar and no controls: no grapheme breaking, no width lookups, and straight into
      // the cells (the subscript's control check is not needed).
      let rowStart = y * size.width
      let ascii = Self.asciiCharacters
      cells.withUnsafeMutableBufferPointer { cells in
        for scalar in text.unicodeScalars {
          guard column < limit else { break }
          let character = scalar.value < 0x80 ? ascii[Int(scalar.value)] : Character(scalar)
          cells[rowStart + column] = Cell(character: character, width: 1, style: style)
          column += 1
        }
      }
      // Only the cells just outside what was written can have lost their other half.
      repairWideCharacter(x: x - 1, y: y)
      repairWideCharacter(x: column, y: y)
      return column - x
    }
    for original in text {
      let character = ControlCharacters.visible(original)
      let width = DisplayWidth.of(character)
      if width == 0 { continue }
      if column + width > limit {
        if column < limit { put(" ", width: 1, x: column, y: y, style: style) }
        column = max(column, min(limit, column + width))
        break
      }
      if column < 0, column + width > 0 {
        put(" ", width: 1, x: 0, y: y, style: style)  // the right half of a wide character at the left edge
      } else {
        put(character, width: width, x: column, y: y, style: style)
      }
      column += width
    }
    repairWideCharacters(row: y)
    return max(0, column - x)
  }

  /// Every ASCII character, made once: most cells of a frame hold one.
  private static let asciiCharacters = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }

  /// Stores one character and, for a wide one, its continuation cell.
  private mutating func put(_ character: Character, width: Int, x: Int, y: Int, style: Style) {
    self[x, y] = Cell(character: character, width: width, style: style)
    if width == 2 { self[x + 1, y] = Cell(character: " ", width: 0, style: style) }
  }
}
