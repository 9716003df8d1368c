/// A `ScreenBuffer` as plain text: what golden tests compare and what a failing test prints.
extension ScreenBuffer {
  /// The screen as plain text, one string per row, trailing spaces trimmed; styles are not shown.
  public func lines() -> [String] {
    (0..<size.height).map { y in
      var line = ""
      for x in 0..<size.width where self[x, y].width > 0 { line.append(self[x, y].character) }
      while line.last == " " { line.removeLast() }
      return line
    }
  }

  /// `lines()` joined with newlines.
  public var text: String { lines().joined(separator: "\n") }
}
