extension StringProtocol {
  /// Without white space and line breaks at either end.
  @inlinable public var trimmed: String { String(trimmingWhitespace(newlines: true)) }

  /// Without spaces and tabs (any Unicode white space but line breaks) at either end: what a one-line
  /// form field keeps of what the clerk typed.
  @inlinable public var trimmedSpaces: String { String(trimmingWhitespace(newlines: false)) }

  /// Without white space (and line breaks, if `newlines`) at either end, as Foundation's
  /// `trimmingCharacters(in: .whitespaces)` / `.whitespacesAndNewlines` do: Unicode's White_Space, and the
  /// zero-width space, which Foundation's sets still count.
  ///
  /// Inlinable, so that callers in other modules get it specialised for their type: run generically it
  /// took a few per cent of a keystroke's time on the start screen, which trims the filter at every key.
  @inlinable public func trimmingWhitespace(newlines: Bool) -> SubSequence {
    func isTrimmed(_ character: Character) -> Bool {
      (character.isWhitespace || character == "\u{200B}") && (newlines || !character.isNewline)
    }
    guard let first = firstIndex(where: { !isTrimmed($0) }) else { return self[endIndex..<endIndex] }
    let last = lastIndex(where: { !isTrimmed($0) })!
    return self[first...last]
  }
}
