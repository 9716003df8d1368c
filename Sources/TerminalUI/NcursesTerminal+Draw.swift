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
    let screen = size
    let height = min(buffer.size.height, screen.height)
    let width = min(buffer.size.width, screen.width)
    let stride = buffer.size.width
    var styles = StyleCache(palette: palette)
    let compare = previous != nil
    // Straight over both grids of cells: this loop runs for every cell of every changed row per key.
    buffer.withUnsafeCells { cells in
      (previous ?? buffer).withUnsafeCells { before in
        for y in 0..<height {
          let row = y * stride
          if compare, Cell.same(row: cells.baseAddress! + row, before.baseAddress! + row, count: width) {
            continue
          }
          var x = 0
          while x < width {
            let here = cells.baseAddress! + row + x
            let there = before.baseAddress! + row + x
            if compare, Cell.same(here, there),
              here.pointee.width != 2 || x + 1 >= stride || Cell.same(here + 1, there + 1)
            {
              x += 1
              continue
            }
            x += put(here.pointee, x: x, y: y, screen: screen, styles: &styles)
          }
        }
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
  private func put(_ cell: Cell, x: Int, y: Int, screen: ScreenSize, styles: inout StyleCache) -> Int {
    if cell.width == 0 { return 1 }  // the right half of a wide character, drawn with its left half
    let width = min(2, cell.width)
    if width == 2, x + 1 >= screen.width {  // the buffer is wider than the window
      put([" "], width: 1, style: cell.style, x: x, y: y, screen: screen, styles: &styles)
      return 1
    }
    if let ascii = cell.printableASCII {
      putSingle(wchar_t(ascii), width: 1, style: cell.style, x: x, y: y, screen: screen, styles: &styles)
      return 1
    }
    // One scalar that is not a control (a Polish letter, a dash, a box line): no arrays needed when the
    // C library agrees on its width.
    if let only = cell.singleScalar, !ControlCharacters.isControl(only),
      Int(epuap_wcwidth(wchar_t(bitPattern: only.value))) == width
    {
      putSingle(
        wchar_t(bitPattern: only.value), width: width, style: cell.style, x: x, y: y, screen: screen,
        styles: &styles)
      return width
    }
    let scalars = Array(ControlCharacters.visible(cell.character).unicodeScalars)
    switch (width, Int(epuap_wcwidth(wchar_t(bitPattern: scalars[0].value)))) {
    case (let laidOut, let library) where laidOut == library:
      put(scalars, width: width, style: cell.style, x: x, y: y, screen: screen, styles: &styles)
    case (2, 1):
      put(Array(scalars.prefix(1)), width: 1, style: cell.style, x: x, y: y, screen: screen, styles: &styles)
      put([" "], width: 1, style: cell.style, x: x + 1, y: y, screen: screen, styles: &styles)
    default:  // not printable in this locale (not UTF-8?), or of another width than laid out
      for column in 0..<width {
        put(["?"], width: 1, style: cell.style, x: x + column, y: y, screen: screen, styles: &styles)
      }
    }
    return width
  }

  /// Puts one spacing character of `width` columns, without building arrays.
  private func putSingle(
    _ code: wchar_t, width: Int, style: Style, x: Int, y: Int, screen: ScreenSize, styles: inout StyleCache
  ) {
    let (attributes, pair) = styles.attributes(for: style)
    var complex = cchar_t()
    let status = withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: 2) { text in
      text[0] = code
      text[1] = 0
      return setcchar(&complex, text.baseAddress, attributes, pair, nil)
    }
    guard status != epuap_err() else { return }
    add(&complex, width: width, x: x, y: y, screen: screen)
  }

  /// Writes a spacing character and the combining ones after it.
  private func put(
    _ scalars: [Unicode.Scalar], width: Int, style: Style, x: Int, y: Int, screen: ScreenSize,
    styles: inout StyleCache
  ) {
    let (attributes, pair) = styles.attributes(for: style)
    var wide = scalars.prefix(Int(epuap_ccharw_max())).map { wchar_t(bitPattern: $0.value) }
    wide.append(0)
    var complex = cchar_t()
    var status = setcchar(&complex, wide, attributes, pair, nil)
    if status == epuap_err() {
      status = setcchar(&complex, [wide[0], 0], attributes, pair, nil)
    }
    guard status != epuap_err() else { return }
    add(&complex, width: width, x: x, y: y, screen: screen)
  }

  /// Stores a prepared cell in the window at (x, y).
  ///
  /// The bottom-right cell is inserted rather than added,
  /// because adding there would move the cursor past the end of the screen.
  private func add(_ complex: inout cchar_t, width: Int, x: Int, y: Int, screen: ScreenSize) {
    if y == screen.height - 1, x + width >= screen.width {
      wmove(window, Int32(y), Int32(x))
      wins_wch(window, &complex)
    } else {
      mvwadd_wch(window, Int32(y), Int32(x), &complex)
    }
  }
}

/// The attributes of the last style drawn: neighbouring cells mostly share a style, and the palette's
/// answer takes several branches.
struct StyleCache {
  let palette: Palette
  private var last: (style: Style, attributes: attr_t, pair: Int16)?

  init(palette: Palette) { self.palette = palette }

  mutating func attributes(for style: Style) -> (attr_t, Int16) {
    if let last, last.style == style { return (last.attributes, last.pair) }
    let (attributes, pair) = palette.attributes(for: style)
    last = (style, attributes, pair)
    return (attributes, pair)
  }
}
