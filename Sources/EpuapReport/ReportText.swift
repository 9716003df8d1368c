import EpuapDomain

/// Text helpers shared by the renderers: cleaning values, display width, wrapping and Polish plurals.
///
/// Kept here rather than borrowed from ScreenKit, so the report depends on the domain only.
enum ReportText {
  /// One line of safe text, with no control characters left.
  ///
  /// Line breaks and tabs become spaces; every other control character (ESC, BEL, C1, bidi overrides)
  /// becomes a visible „�” (`terminalSafe()`). Idempotent.
  static func clean(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value >= 0x7F }) else { return text }
    var scalars = String.UnicodeScalarView()
    var previous: Unicode.Scalar?
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n" where previous == "\r": break
      case "\r", "\n", "\t", "\u{2028}", "\u{2029}": scalars.append(" ")
      default: scalars.append(scalar)
      }
      previous = scalar
    }
    return String(scalars).terminalSafe()
  }

  /// How many columns `text` takes on a terminal or a line printer.
  ///
  /// Combining marks take 0, wide characters (CJK, emoji) 2, everything else 1, Polish letters included.
  static func width(_ text: String) -> Int {
    var total = 0
    for character in text { total += width(character) }
    return total
  }

  static func width(_ character: Character) -> Int {
    for scalar in character.unicodeScalars {
      let value = scalar.value
      if value < 0x300 { return 1 }
      switch scalar.properties.generalCategory {
      case .nonspacingMark, .enclosingMark, .format: continue
      default: break
      }
      if value == 0x200B || (0xFE00...0xFE0F).contains(value) { continue }
      return isWide(value) ? 2 : 1
    }
    return 0
  }

  private static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3040...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
      0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// Word-wraps one line of text into lines of at most `width` columns (`rest` for all but the first).
  ///
  /// A word longer than a line is broken between characters, so nothing is ever cut off. Always returns
  /// at least one line.
  static func wrap(_ text: String, width: Int, rest: Int? = nil) -> [String] {
    let firstWidth = max(2, width)
    let restWidth = max(2, rest ?? width)
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    var limit: Int { lines.isEmpty ? firstWidth : restWidth }
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      var word = String(word)
      var wordWidth = self.width(word)
      if lineWidth > 0, lineWidth + 1 + wordWidth <= limit {
        line += " " + word
        lineWidth += 1 + wordWidth
        continue
      }
      if lineWidth > 0 {
        lines.append(line)
        line = ""
        lineWidth = 0
      }
      while wordWidth > limit {
        var head = ""
        var headWidth = 0
        var rest = Substring(word)
        while let character = rest.first, headWidth + self.width(character) <= limit {
          head.append(character)
          headWidth += self.width(character)
          rest = rest.dropFirst()
        }
        lines.append(head)
        word = String(rest)
        wordWidth = self.width(word)
      }
      line = word
      lineWidth = wordWidth
    }
    lines.append(line)
    return lines
  }

  /// The widest word of `text`, in columns: the narrowest a wrapped column holding it can be unbroken.
  static func longestWord(_ text: String) -> Int {
    text.split(separator: " ").map { width(String($0)) }.max() ?? 0
  }

  /// `text` followed by spaces up to `width` columns (never cut).
  static func pad(_ text: String, to width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - self.width(text)))
  }

  /// `2026-11-25T10:15:00Z` → `2026-11-25 10:15 UTC`; anything else unchanged.
  static func time(_ iso: String) -> String {
    let characters = Array(iso)
    guard characters.count >= 16, characters[10] == "T" else { return iso }
    return String(characters[0..<10]) + " " + String(characters[11..<16]) + " UTC"
  }

  /// The Polish plural form for `count`: `1 krok`, `2 kroki`, `5 kroków`.
  static func count(_ count: Int, _ one: String, _ few: String, _ many: String) -> String {
    let word: String
    if count == 1 {
      word = one
    } else if (2...4).contains(count % 10), !(12...14).contains(count % 100) {
      word = few
    } else {
      word = many
    }
    return "\(count) \(word)"
  }
}
