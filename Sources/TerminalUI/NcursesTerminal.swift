import CNcursesw
import ScreenKit

#if canImport(Glibc)
  import Glibc
#endif

/// The terminal through ncursesw: draws a `ScreenBuffer`, reads keys with `get_wch`.
///
/// The only code in the project that calls ncurses. It keeps the `WINDOW *` that `initscr()` returns
/// (the `stdscr` global is not concurrency-safe in Swift 6) and restores the terminal with `endwin`
/// on every way out: `restore()`, deinit, `atexit`, and the signal handlers of `TerminalSignals`.
public final class NcursesTerminal: TerminalDevice {
  public private(set) var size: ScreenSize
  private let window: UnsafeMutablePointer<WINDOW>
  private let palette: Palette
  /// The last frame drawn: only cells that differ from it are sent to ncurses.
  private var previous: ScreenBuffer?

  public enum Failure: Error, CustomStringConvertible {
    case cannotStart

    public var description: String { "ncurses nie uruchomił terminala (initscr)" }
  }

  public init(environment: [String: String]) throws {
    setlocale(LC_ALL, "")
    guard let window = initscr() else { throw Failure.cannotStart }
    self.window = window
    TerminalSignals.terminalStarted()
    cbreak()
    noecho()
    nonl()
    keypad(window, true)
    set_escdelay(25)
    curs_set(0)
    palette = Palette(noColor: environment["NO_COLOR"] != nil)
    size = ScreenSize(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
  }

  deinit { restore() }

  public var isExhausted: Bool { false }

  /// Gives the terminal back: echo on, cursor visible, out of the alternate screen.
  ///
  /// Safe to call twice.
  public func restore() { TerminalSignals.restoreTerminal() }

  public static func installSignalHandlers() { TerminalSignals.install() }

  /// The signal that asked the program to stop, if any (read and cleared).
  public static var pendingSignal: Int32? { TerminalSignals.takePending() }

  public func draw(_ buffer: ScreenBuffer) {
    let height = min(buffer.size.height, size.height)
    let width = min(buffer.size.width, size.width)
    let last = previous?.size == buffer.size ? previous : nil
    if last == nil { werase(window) }
    for y in 0..<height {
      var x = 0
      while x < width {
        let cell = buffer[x, y]
        if cell.width == 0 || last?[x, y] == cell {
          x += 1
          continue
        }
        // The bottom-right cell would scroll some terminals: leave it blank.
        if y == size.height - 1, x + cell.width >= size.width { break }
        put(cell, x: x, y: y)
        x += max(1, cell.width)
      }
    }
    if let cursor = buffer.cursor, cursor.x < size.width, cursor.y < size.height {
      wmove(window, Int32(cursor.y), Int32(cursor.x))
      curs_set(1)
    } else {
      curs_set(0)
    }
    wnoutrefresh(window)
    doupdate()
    previous = buffer
  }

  private func put(_ cell: Cell, x: Int, y: Int) {
    let (attributes, pair) = palette.attributes(for: cell.style)
    var scalars = cell.character.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
    scalars.append(0)
    var complex = cchar_t()
    scalars.withUnsafeBufferPointer { pointer in
      _ = setcchar(&complex, pointer.baseAddress, attributes, pair, nil)
    }
    mvwadd_wch(window, Int32(y), Int32(x), &complex)
  }

  public func readKey(timeoutMilliseconds: Int) -> Key? {
    wtimeout(window, Int32(timeoutMilliseconds))
    var character: wint_t = 0
    let result = wget_wch(window, &character)
    if result == epuap_err() { return nil }
    if result == epuap_key_code_yes() {
      let code = Int32(character)
      if code == epuap_key_resize() {
        size = ScreenSize(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
        previous = nil
        return .resize
      }
      return Self.functionKey(code)
    }
    return Self.characterKey(UInt32(character))
  }

  static func functionKey(_ code: Int32) -> Key? {
    switch code {
    case epuap_key_up(): return .up
    case epuap_key_down(): return .down
    case epuap_key_left(): return .left
    case epuap_key_right(): return .right
    case epuap_key_home(): return .home
    case epuap_key_end(): return .end
    case epuap_key_ppage(): return .pageUp
    case epuap_key_npage(): return .pageDown
    case epuap_key_dc(): return .delete
    case epuap_key_backspace(): return .backspace
    case epuap_key_btab(): return .backTab
    case epuap_key_enter(): return .enter
    case (epuap_key_f0() + 1)...(epuap_key_f0() + 12): return .function(Int(code - epuap_key_f0()))
    default: return nil
    }
  }

  static func characterKey(_ value: UInt32) -> Key? {
    switch value {
    case 10, 13: return .enter
    case 9: return .tab
    case 27: return .escape
    case 127, 8: return .backspace
    case 1...26: return .control(Character(UnicodeScalar(UInt8(value) + 96)))
    default:
      guard value >= 32, let scalar = UnicodeScalar(value) else { return nil }
      return .character(Character(scalar))
    }
  }
}

/// Colour pairs per `ColorRole`, a monochrome fallback without colours, nothing at all with `NO_COLOR`.
struct Palette {
  let useColor: Bool
  let monochrome: Bool

  init(noColor: Bool) {
    if noColor || !has_colors() {
      useColor = false
      monochrome = !noColor
      return
    }
    start_color()
    use_default_colors()
    let pairs: [(ColorRole, Int16)] = [
      (.accent, epuap_color_cyan()), (.success, epuap_color_green()), (.warning, epuap_color_yellow()),
      (.error, epuap_color_red()), (.muted, -1), (.title, epuap_color_blue()),
    ]
    for (role, color) in pairs { init_pair(Int16(role.rawValue), color, -1) }
    useColor = true
    monochrome = false
  }

  func attributes(for style: Style) -> (attr_t, Int16) {
    var attributes = epuap_attr_normal()
    if style.text.contains(.bold) { attributes |= epuap_attr_bold() }
    if style.text.contains(.reverse) { attributes |= epuap_attr_reverse() }
    if style.text.contains(.underline) { attributes |= epuap_attr_underline() }
    if style.text.contains(.dim) { attributes |= epuap_attr_dim() }
    if useColor, style.color != .normal { return (attributes, Int16(style.color.rawValue)) }
    if monochrome, [.warning, .error, .accent, .title].contains(style.color) {
      attributes |= epuap_attr_bold()
    }
    return (attributes, 0)
  }
}
