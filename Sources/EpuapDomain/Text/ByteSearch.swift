extension StringProtocol {
  /// Whether `needle` occurs in the text, compared byte for byte in UTF-8.
  ///
  /// The standard library's `contains(_:)` compares by `Character` and costs tens of thousands of
  /// instructions a call; this is a plain scan. Unlike it, a needle can match inside a letter written
  /// with a combining mark („e” in „e\u{301}”), so callers search text that has no such letters: ASCII
  /// placeholders, or text folded by `SearchText`.
  public func containsBytes(_ needle: some StringProtocol) -> Bool {
    let haystack = self.utf8
    let pattern = needle.utf8
    if let found = haystack.withContiguousStorageIfAvailable({ text in
      pattern.withContiguousStorageIfAvailable { Self.scan(text, for: $0) }
    }), let result = found {
      return result
    }
    return Self.scan(Array(haystack)[...], for: Array(pattern)[...])
  }

  private static func scan<Text: RandomAccessCollection<UInt8>, Pattern: RandomAccessCollection<UInt8>>(
    _ text: Text, for pattern: Pattern
  ) -> Bool where Text.Index == Int, Pattern.Index == Int {
    guard let first = pattern.first else { return true }
    guard pattern.count <= text.count else { return false }
    let lastStart = text.endIndex - pattern.count
    var start = text.startIndex
    while start <= lastStart {
      if text[start] == first {
        var offset = 1
        while offset < pattern.count, text[start + offset] == pattern[pattern.startIndex + offset] {
          offset += 1
        }
        if offset == pattern.count { return true }
      }
      start += 1
    }
    return false
  }
}
