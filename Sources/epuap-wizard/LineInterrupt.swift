#if canImport(Glibc)
  import Glibc
#endif

/// Ctrl-C in line mode: a word on what is kept and how to come back, then the end that SIGINT brings.
///
/// Line mode records a step's answers after its last question, so a step broken off half-way is not in
/// the journal, and everything before it is. Without this, Ctrl-C ended the program with nothing said.
/// The text is made before the handler goes in; the handler only writes it (`write` is safe in a
/// handler) and raises the signal again with its default action, so the exit status stays SIGINT's.
enum LineInterrupt {
  /// The text the handler writes, made once by `install`.
  nonisolated(unsafe) fileprivate static var text = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)

  /// Installs the handler, naming `resumeCommand` as the way back.
  static func install(resumeCommand: String) {
    let bytes = Array(message(resumeCommand: resumeCommand).utf8)
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
    _ = buffer.initialize(from: bytes)
    text = buffer
    signal(SIGINT, lineInterrupted)
  }

  static func message(resumeCommand: String) -> String {
    "\nPrzerwano (Ctrl-C). W dzienniku jest wszystko do ostatniego ukończonego kroku; odpowiedzi kroku "
      + "przerwanego w połowie nie zapisano.\nAby wrócić: \(resumeCommand)\n"
  }
}

/// The SIGINT handler of line mode (see `LineInterrupt`).
private func lineInterrupted(_ number: Int32) {
  if let start = LineInterrupt.text.baseAddress { _ = write(STDOUT_FILENO, start, LineInterrupt.text.count) }
  signal(number, SIG_DFL)
  raise(number)
}
