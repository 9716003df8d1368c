import CNcursesw
import ScreenKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension NcursesTerminal {
  /// Copies the buffer to the window and refreshes; ncurses sends only what changed.
  ///
  /// Only cells that differ from the last frame are handed to ncurses (a key press usually changes a
  /// few rows), which keeps a keystroke's repaint short. Cells beyond the window are dropped and window
  /// cells beyond the buffer are blank. The cursor is shown only where `buffer.cursor` says.
  public func draw(_ buffer: ScreenBuffer) {
    guard !restored, TerminalSignals.isActive else { return }
    let previous = lastFrame?.size == buffer.size ? lastFrame : nil
    if previous == nil { werase(window) }
    let height = min(buffer.size.height, size.height)
    let width = min(buffer.size.width, size.width)
    for y in 0..<height {
      if let previous, buffer.row(y, equals: previous) { continue }
      var x = 0
      while x < width {
        let cell = buffer[x, y]
        if let previous, previous[x, y] == cell, cell.width != 2 || previous[x + 1, y] == buffer[x + 1, y] {
          x += 1
          continue
        }
        x += put(cell, x: x, y: y)
      }
    }
    lastFrame = buffer
    if let cursor = buffer.cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < width, cursor.y < height {
      wmove(window, Int32(cursor.y), Int32(cursor.x))
      curs_set(1)
    } else {
      curs_set(0)
    }
    wnoutrefresh(window)
    doupdate()
  }

  /// Puts one cell at (x, y) and returns the columns to move on by.
  ///
  /// The layout of `ScreenBuffer` wins over the C library's idea of widths: where `wcwidth`
  /// disagrees with the cell, the cell is drawn so that everything after it stays in its column.
  private func put(_ cell: Cell, x: Int, y: Int) -> Int {
    if cell.width == 0 { return 1 }  // the right half of a wide character, drawn with its left half
    let width = min(2, cell.width)
    if width == 2, x + 1 >= size.width {  // the buffer is wider than the window
      put([" "], width: 1, style: cell.style, x: x, y: y)
      return 1
    }
    if let ascii = Self.printableASCII(cell.character) {
      putSingle(ascii, width: 1, style: cell.style, x: x, y: y)
      return 1
    }
    // One scalar that is not a control (a Polish letter, a dash, a box line): no arrays needed when the
    // C library agrees on its width.
    let unicodeScalars = cell.character.unicodeScalars
    if let only = unicodeScalars.first,
      unicodeScalars.index(after: unicodeScalars.startIndex) == unicodeScalars.endIndex,
      !ControlCharacters.isControl(only), Int(epuap_wcwidth(wchar_t(bitPattern: only.value))) == width
    {
      putSingle(wchar_t(bitPattern: only.value), width: width, style: cell.style, x: x, y: y)
      return width
    }
    let scalars = Array(ControlCharacters.visible(cell.character).unicodeScalars)
    switch (width, Int(epuap_wcwidth(wchar_t(bitPattern: scalars[0].value)))) {
    case (let laidOut, let library) where laidOut == library:
      put(scalars, width: width, style: cell.style, x: x, y: y)
    case (2, 1):
      put(Array(scalars.prefix(1)), width: 1, style: cell.style, x: x, y: y)
      put([" "], width: 1, style: cell.style, x: x + 1, y: y)
    default:  // not printable in this locale (not UTF-8?), or of another width than laid out
      for column in 0..<width { put(["?"], width: 1, style: cell.style, x: x + column, y: y) }
    }
    return width
  }

  /// The character's code if it is one printable ASCII character: one column in every locale, so it needs
  /// not even `wcwidth` (most cells of every screen are such).
  private static func printableASCII(_ character: Character) -> wchar_t? {
    let utf8 = character.utf8
    guard utf8.count == 1, let byte = utf8.first, byte >= 0x20, byte < 0x7F else { return nil }
    return wchar_t(byte)
  }

  /// Puts one spacing character of `width` columns, without building arrays.
  private func putSingle(_ code: wchar_t, width: Int, style: Style, x: Int, y: Int) {
    let (attributes, pair) = palette.attributes(for: style)
    var complex = cchar_t()
    let status = withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: 2) { text in
      text[0] = code
      text[1] = 0
      return setcchar(&complex, text.baseAddress, attributes, pair, nil)
    }
    guard status != epuap_err() else { return }
    if y == size.height - 1, x + width >= size.width {
      wmove(window, Int32(y), Int32(x))
      wins_wch(window, &complex)
    } else {
      mvwadd_wch(window, Int32(y), Int32(x), &complex)
    }
  }

  /// Writes a spacing character and the combining ones after it.
  ///
  /// The bottom-right cell is inserted rather than added, because adding there would move the
  /// cursor past the end of the screen.
  private func put(_ scalars: [Unicode.Scalar], width: Int, style: Style, x: Int, y: Int) {
    let (attributes, pair) = palette.attributes(for: style)
    var wide = scalars.prefix(Int(epuap_ccharw_max())).map { wchar_t(bitPattern: $0.value) }
    wide.append(0)
    var complex = cchar_t()
    var status = setcchar(&complex, wide, attributes, pair, nil)
    if status == epuap_err() {
      status = setcchar(&complex, [wide[0], 0], attributes, pair, nil)
    }
    guard status != epuap_err() else { return }
    if y == size.height - 1, x + width >= size.width {
      wmove(window, Int32(y), Int32(x))
      wins_wch(window, &complex)
    } else {
      mvwadd_wch(window, Int32(y), Int32(x), &complex)
    }
  }
}
