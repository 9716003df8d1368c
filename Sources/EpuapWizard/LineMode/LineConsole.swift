import EpuapDomain

#if canImport(Glibc)
  import Glibc
#endif

/// Where line mode reads answers and writes its text: standard input and output, or a script in tests.
public protocol LineConsole: AnyObject {
  /// The next line, without its line ending; nil at the end of input.
  func readLine() -> String?
  /// Writes `text` as it is (no colour, no cursor movement).
  func write(_ text: String)
}

/// Standard input and output, for a screen reader's console, a pipe or `TERM=dumb`.
public final class StandardLineConsole: LineConsole {
  /// Whether answers come from a file or a pipe: they are then written after their question, so that the
  /// output reads as a transcript (a terminal shows what is typed by itself).
  private let echoesAnswers = isatty(STDIN_FILENO) != 1

  public init() {}

  public func readLine() -> String? {
    guard var line = Swift.readLine(strippingNewline: true) else { return nil }
    // A line typed on Windows or saved with CRLF ends in a carriage return.
    if line.hasSuffix("\r") { line.removeLast() }
    if echoesAnswers { write(line.terminalSafe() + "\n") }
    return line
  }

  public func write(_ text: String) { StandardStream.output.write(text) }

}

/// Answers given in advance; everything written is kept (tests).
public final class ScriptedLineConsole: LineConsole {
  private var lines: [String]
  public private(set) var output = ""

  public init(_ lines: [String]) { self.lines = lines }

  public func readLine() -> String? {
    guard !lines.isEmpty else { return nil }
    let line = lines.removeFirst()
    output += line + "\n"
    return line
  }

  public func write(_ text: String) { output += text }
}
