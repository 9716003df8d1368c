import CNcursesw

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ctrl-C in line mode: a word on what is kept and how to come back, then the end that SIGINT brings.
///
/// Line mode ends at once on Ctrl-C, as a line-by-line program should; without this it ended with
/// nothing said. The text is made before the handler goes in; the handler only writes it (`write` is
/// safe in a handler) and raises the signal again with its default action, so the exit status stays
/// SIGINT's. Where SIGINT was ignored when the program started (a script's job in the background), it
/// stays ignored. Line mode does not use ncurses; this lives beside the terminal's other signals.
public enum LineInterrupt {
  /// The text the handler writes, made once by `install`.
  nonisolated(unsafe) fileprivate static var text = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)

  /// Installs the handler, which writes `message` on Ctrl-C.
  public static func install(message: String) {
    guard epuap_signal_is_ignored(SIGINT) == 0 else { return }
    let bytes = Array(message.utf8)
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
    _ = buffer.initialize(from: bytes)
    text = buffer
    signal(SIGINT, lineInterrupted)
  }
}

/// The SIGINT handler of line mode (see `LineInterrupt`).
private func lineInterrupted(_ number: Int32) {
  if let start = LineInterrupt.text.baseAddress { _ = write(STDOUT_FILENO, start, LineInterrupt.text.count) }
  signal(number, SIG_DFL)
  raise(number)
}
