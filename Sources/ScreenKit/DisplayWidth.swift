/// How many terminal columns text takes: 0 for combining marks, 2 for wide (CJK, emoji), else 1.
///
/// Screens are laid out by display width, not by characters or bytes, so that Polish letters (one
/// column each) and wide characters line up.
public enum DisplayWidth {
  public static func of(_ character: Character) -> Int {
    var width = 0
    for scalar in character.unicodeScalars {
      let w = of(scalar)
      if w > 0 {
        width = w
        break
      }
    }
    // An emoji with the presentation selector (U+FE0F) is drawn wide.
    if width == 1, character.unicodeScalars.contains("\u{FE0F}") { return 2 }
    return width
  }

  public static func of(_ text: String) -> Int {
    var total = 0
    for character in text { total += of(character) }
    return total
  }

  static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return 1 }  // drawn as a visible replacement
    if value < 0x300 { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if value == 0x200B || (0xFE00...0xFE0F).contains(value) { return 0 }
    if isWide(value) { return 2 }
    return 1
  }

  static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3040...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
      0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// Cuts to at most `width` columns, ending with `marker` when cut.
  public static func truncate(_ text: String, to width: Int, marker: String = "…") -> String {
    guard width > 0 else { return "" }
    guard of(text) > width else { return text }
    let markerWidth = of(marker)
    var result = ""
    var used = 0
    for character in text {
      let w = of(character)
      if used + w > width - markerWidth { break }
      result.append(character)
      used += w
    }
    return result + (markerWidth <= width ? marker : "")
  }

  /// Pads with spaces (or cuts) to exactly `width` columns.
  public static func pad(_ text: String, to width: Int) -> String {
    let current = of(text)
    if current > width { return pad(truncate(text, to: width), to: width) }
    return text + String(repeating: " ", count: width - current)
  }

  /// Word-wraps to lines of at most `width` columns; words longer than a line are broken.
  ///
  /// Keeps "\n".
  public static func wrap(_ text: String, width: Int) -> [String] {
    let width = max(1, width)
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      var lineWidth = 0
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
        var word = String(word)
        var wordWidth = of(word)
        if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
          line += " " + word
          lineWidth += 1 + wordWidth
          continue
        }
        if lineWidth > 0 {
          lines.append(line)
          line = ""
          lineWidth = 0
        }
        while wordWidth > width {
          var head = ""
          var headWidth = 0
          var rest = Substring(word)
          while let character = rest.first, headWidth + of(character) <= width {
            head.append(character)
            headWidth += of(character)
            rest = rest.dropFirst()
          }
          if head.isEmpty, let character = rest.first {  // a wide character in a 1-column line
            head.append(character)
            rest = rest.dropFirst()
          }
          lines.append(head)
          word = String(rest)
          wordWidth = of(word)
        }
        line = word
        lineWidth = wordWidth
      }
      lines.append(line)
    }
    return lines
  }
}
