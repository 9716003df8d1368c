/// The edge between the program and a terminal: it draws whole screens and reads keys.
///
/// `NcursesTerminal` (in TerminalUI) drives a real terminal; `InMemoryTerminal` lets the whole run
/// loop run in tests.
public protocol TerminalDevice: AnyObject {
  /// The current size; `readKey` reports a change with `.resize`.
  var size: ScreenSize { get }
  /// Shows `buffer` as the whole screen, with the cursor where `buffer.cursor` says.
  func draw(_ buffer: ScreenBuffer)
  /// Waits up to `timeoutMilliseconds` for a key; nil on timeout. `.resize` after the window size
  /// changed.
  func readKey(timeoutMilliseconds: Int) -> Key?
  /// True when no key can come any more, so a run loop can end instead of waiting forever (a test's
  /// keys ran out). A real terminal is never exhausted.
  var isExhausted: Bool { get }
}

extension TerminalDevice {
  public var isExhausted: Bool { false }
}
