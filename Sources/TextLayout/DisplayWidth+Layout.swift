/// Fitting text into columns: cutting, padding and word-wrapping by display width.
extension DisplayWidth {
  /// Cuts `text` to at most `width` columns, ending with `marker` when anything was cut.
  ///
  /// When even the marker does not fit, the text is cut without it.
  ///
  ///     DisplayWidth.truncate("Gmina Świętochłowice", to: 10)  // "Gmina Świ…"
  public static func truncate(_ text: String, to width: Int, marker: String = "…") -> String {
    guard width > 0 else { return "" }
    guard of(text) > width else { return text }
    let markerWidth = of(marker)
    let room = markerWidth <= width ? width - markerWidth : width
    return prefix(of: text, fitting: room) + (markerWidth <= width ? marker : "")
  }

  /// Right-pads `text` with spaces to exactly `width` columns, truncating it (with "…") if longer.
  ///
  ///     DisplayWidth.pad("Rola", to: 8)  // "Rola    "
  public static func pad(_ text: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    // Measured once: table cells are padded for every row of every frame.
    let simple = simpleWidth(text)
    let textWidth = simple ?? of(text)
    if let simple, simple > width {
      // One column per scalar: the first `width - 1` scalars and the one-column "…" fill it exactly.
      return prefix(of: text, scalars: width - 1) + "…"
    }
    if textWidth > width {
      let fitted = truncate(text, to: width)
      return fitted + String(repeating: " ", count: width - of(fitted))
    }
    return textWidth == width ? text : text + String(repeating: " ", count: width - textWidth)
  }

  /// Word-wraps `text` into lines of at most `width` columns (`rest` columns for every line after the
  /// first, when given: a hanging indent).
  ///
  /// Lines break at spaces (not at no-break spaces, so "w\u{A0}dniu" stays together). Spaces at the
  /// start and end of a line are dropped, spaces between words on a line are kept: indenting is
  /// the caller's job, done the same for every line. A word longer than a line is broken between
  /// characters, in one pass however long it is. Every explicit newline starts a new line, so "a\n\nb"
  /// gives three lines. A wide character in a one-column line still takes its own line.
  ///
  ///     DisplayWidth.wrap("Zażółć gęślą jaźń", width: 12)  // ["Zażółć gęślą", "jaźń"]
  public static func wrap(_ text: String, width: Int, rest: Int? = nil) -> [String] {
    let first = max(1, width)
    let others = max(1, rest ?? width)
    if simpleWidth(text) != nil { return wrapSimple(text, first: first, rest: others) }
    return wrapByCharacters(text, first: first, rest: others)
  }

  /// Wraps any text character by character.
  static func wrapByCharacters(_ text: String, first: Int, rest: Int) -> [String] {
    var lines: [String] = []
    for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      wrapParagraph(paragraph, first: lines.isEmpty ? first : rest, rest: rest, into: &lines)
    }
    return lines
  }

  /// Wraps simple text (no newline, every scalar a character of one column) by its UTF-8 bytes.
  ///
  /// Words are runs of bytes other than the space, a word's width is its number of scalars, and each
  /// line is one stretch of the text: the same lines as `wrapByCharacters` gives, without breaking the
  /// text into characters (a printout of a county's folder wraps some ten thousand lines).
  static func wrapSimple(_ text: String, first: Int, rest: Int) -> [String] {
    var text = text
    return text.withUTF8 { bytes -> [String] in
      var lines: [String] = []
      func emit(_ start: Int, _ end: Int) {
        lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
      }
      let count = bytes.count
      var lineStart = -1  // none yet
      var lineEnd = 0
      var lineWidth = 0
      var spaces = 0  // the run of spaces before the next word
      var index = 0
      while index < count {
        if bytes[index] == 0x20 {
          spaces = 0
          while index < count, bytes[index] == 0x20 {
            spaces += 1
            index += 1
          }
          continue
        }
        let start = index
        var wordWidth = 0
        while index < count, bytes[index] != 0x20 {
          if bytes[index] & 0xC0 != 0x80 { wordWidth += 1 }
          index += 1
        }
        let limit = lines.isEmpty ? first : rest
        let lead = lineStart < 0 ? 0 : spaces
        spaces = 0
        if lineWidth + lead + wordWidth <= limit {
          if lineStart < 0 { lineStart = start }
          lineEnd = index
          lineWidth += lead + wordWidth
          continue
        }
        if lineStart >= 0 {
          emit(lineStart, lineEnd)
          lineStart = -1
          lineWidth = 0
        }
        if wordWidth <= (lines.isEmpty ? first : rest) {
          (lineStart, lineEnd, lineWidth) = (start, index, wordWidth)
          continue
        }
        // A word longer than a line: broken between scalars, each a character of one column.
        var scalar = start
        while scalar < index {
          var next = scalar + 1
          while next < index, bytes[next] & 0xC0 == 0x80 { next += 1 }
          if lineWidth + 1 > (lines.isEmpty ? first : rest), lineStart >= 0 {
            emit(lineStart, lineEnd)
            lineStart = -1
            lineWidth = 0
          }
          if lineStart < 0 { lineStart = scalar }
          lineEnd = next
          lineWidth += 1
          scalar = next
        }
      }
      if lineStart >= 0 {
        emit(lineStart, lineEnd)
      } else if lines.isEmpty {
        lines.append("")
      }
      return lines
    }
  }

  /// The longest start of `text` that fits in `width` columns.
  static func prefix<S: StringProtocol>(of text: S, fitting width: Int) -> String {
    if simpleWidth(text) != nil {
      // One column per scalar, and every scalar a character of its own: cut after `width` scalars.
      return prefix(of: text, scalars: width)
    }
    var result = ""
    var used = 0
    for character in text {
      let characterWidth = of(character)
      if used + characterWidth > width { break }
      result.append(character)
      used += characterWidth
    }
    return result
  }

  /// The first `count` scalars of `text`; in a native string found by counting, in place, the UTF-8
  /// bytes that start a scalar.
  static func prefix<S: StringProtocol>(of text: S, scalars count: Int) -> String {
    let count = max(0, count)
    let utf8 = text.utf8
    let counted = utf8.withContiguousStorageIfAvailable { bytes -> Int in
      var seen = 0
      for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
        if seen == count { return offset }
        seen += 1
      }
      return bytes.count
    }
    if let counted { return String(text[..<utf8.index(utf8.startIndex, offsetBy: counted)]) }
    let scalars = text.unicodeScalars
    let end =
      scalars.index(scalars.startIndex, offsetBy: count, limitedBy: scalars.endIndex) ?? scalars.endIndex
    return String(text[..<end])
  }

  /// Wraps one paragraph (text without newlines) greedily, word by word, onto `lines`: its first line
  /// `first` columns wide, the others `rest`.
  private static func wrapParagraph(_ paragraph: Substring, first: Int, rest: Int, into lines: inout [String])
  {
    let start = lines.count
    var line = ""
    var lineWidth = 0
    var spaces = ""
    var limit: Int { lines.count == start ? first : rest }
    for token in tokens(paragraph) {
      if token.first == " " {
        spaces = String(token)
        continue
      }
      let lead = line.isEmpty ? "" : spaces
      spaces = ""
      let leadWidth = of(lead)
      let wordWidth = of(token)
      if lineWidth + leadWidth + wordWidth <= limit {
        line += lead + token
        lineWidth += leadWidth + wordWidth
        continue
      }
      if !line.isEmpty {
        lines.append(line)
        line = ""
        lineWidth = 0
      }
      if wordWidth <= limit {
        line = String(token)
        lineWidth = wordWidth
        continue
      }
      // A word longer than a line: broken between characters, each measured once.
      for character in token {
        let characterWidth = of(character)
        if lineWidth + characterWidth > limit, !line.isEmpty {
          lines.append(line)
          line = ""
          lineWidth = 0
        }
        line.append(character)
        lineWidth += characterWidth
      }
    }
    if !line.isEmpty || lines.count == start { lines.append(line) }
  }

  /// The paragraph as alternating runs of spaces and of other characters.
  private static func tokens(_ paragraph: Substring) -> [Substring] {
    var result: [Substring] = []
    var start = paragraph.startIndex
    for index in paragraph.indices where index > start {
      if (paragraph[index] == " ") != (paragraph[paragraph.index(before: index)] == " ") {
        result.append(paragraph[start..<index])
        start = index
      }
    }
    if start < paragraph.endIndex { result.append(paragraph[start...]) }
    return result
  }
}
