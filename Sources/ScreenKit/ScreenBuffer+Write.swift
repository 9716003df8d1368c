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
    if x >= 0, let written = writeSimple(text, x: x, y: y, style: style, limit: limit) { return written }
    var column = x
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

  /// `write` for text of simple scalars (see `DisplayWidth.isSimple`), in one pass.
  ///
  /// Each scalar takes one cell, its UTF-8 copied straight in. Returns nil, for `write` to go the
  /// general way, as soon as a scalar that is not simple comes up before the text or the room ends; the
  /// cells written by then hold what the general way writes there too.
  private mutating func writeSimple(_ text: String, x: Int, y: Int, style: Style, limit: Int) -> Int? {
    var text = text
    let rowStart = y * size.width
    let written = text.withUTF8 { bytes -> Int? in
      cells.withUnsafeMutableBufferPointer { cells -> Int? in
        var column = x
        var index = 0
        let end = bytes.count
        while index < end {
          // Printable ASCII, most of every screen: one byte, one cell.
          let lead = bytes[index]
          if lead >= 0x20, lead < 0x7F {
            guard column < limit else { break }
            cells[rowStart + column] = Cell(ascii: lead, style: style)
            column += 1
            index += 1
            continue
          }
          guard let (value, length) = UTF8Scalar.decode(bytes, at: index) else { return nil }
          // A scalar that is not simple may belong to the character before it (a combining mark), so it
          // decides even when it falls beyond the room.
          guard DisplayWidth.isSimple(value) else { return nil }
          guard column < limit else { break }
          if length == 1 {
            cells[rowStart + column] = Cell(ascii: bytes[index], style: style)
          } else {
            var utf8: UInt64 = 0
            for offset in 0..<length { utf8 |= UInt64(bytes[index + offset]) << (8 * offset) }
            cells[rowStart + column] = Cell(utf8: utf8, count: length, width: 1, style: style)
          }
          column += 1
          index += length
        }
        return column - x
      }
    }
    guard let written else { return nil }
    // Only the cells just outside what was written can have lost their other half.
    repairWideCharacter(x: x - 1, y: y)
    repairWideCharacter(x: x + written, y: y)
    return written
  }

  /// Stores one character and, for a wide one, its continuation cell.
  private mutating func put(_ character: Character, width: Int, x: Int, y: Int, style: Style) {
    self[x, y] = Cell(character: character, width: width, style: style)
    if width == 2 { self[x + 1, y] = Cell(character: " ", width: 0, style: style) }
  }
}
