import Testing

@testable import ScreenKit
@testable import TextLayout

@Suite("Display width")
struct DisplayWidthTests {
  @Test(
    "Columns of a string",
    arguments: [
      ("", 0),
      ("abc XYZ 123", 11),
      ("Zażółć gęślą jaźń", 17),
      ("ZAŻÓŁĆ GĘŚLĄ JAŹŃ", 17),
      ("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", 18),
      ("漢字", 4),
      ("한국어", 6),
      ("ＡＢ", 4),  // fullwidth Latin
      ("ｶﾅ", 2),  // halfwidth katakana stays narrow
      ("\u{303E}", 2),
      ("\u{303F}", 1),  // the one narrow character in the CJK block
      ("😀", 2),
      ("🤔", 2),
      ("👍🏽", 2),  // a skin-tone modifier joins the emoji
      ("👨‍👩‍👧", 2),  // a ZWJ family is one character
      ("❤️", 2),  // VS16 asks for emoji presentation
      ("❤", 1),
      ("✅❌⭐", 6),  // emoji presentation outside the emoji blocks
      ("🚀", 2),
      ("☐☑", 2),  // text-style ballot boxes stay narrow
      ("e\u{301}", 1),  // e + combining acute
      ("\u{301}", 0),
      ("a\u{200B}b", 3),  // a zero-width space is never shown: a one-column „�” stands in
      ("a\u{200D}b", 2),
      ("a\u{200E}b", 3),  // nor a direction mark
      ("\u{202E}", 1),  // but a bidi override is shown as a replacement, one column
      ("\u{AD}", 1),  // soft hyphen, one column as in wcwidth
      ("x\u{FE0F}", 1),  // a variation selector on a non-emoji changes nothing
      ("\u{1B}", 1),  // controls count as the one replacement column they are shown as
      ("\t", 1),
      ("\u{7F}", 1),
      ("\u{85}", 1),
      // Around the quick path for text below U+0300: anything else in the text takes the full path.
      ("©\u{FE0F}", 2),  // a Latin-1 emoji asked to look like one
      ("#\u{FE0F}\u{20E3}", 2),  // a keycap
      ("a\r\nb", 3),  // CR LF is one character
      ("Zażółć e\u{301}", 8),
      ("\u{2FF}", 1),
      ("\u{300}", 0),
    ])
  func stringWidth(text: String, expected: Int) {
    #expect(DisplayWidth.of(text) == expected)
  }

  @Test("A character's width is that of its first scalar with a width")
  func characterWidth() {
    #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
    #expect(DisplayWidth.of(Character("漢")) == 2)
    #expect(DisplayWidth.of(Character("\u{20DD}")) == 0)  // an enclosing mark alone
    #expect(DisplayWidth.of(Character("ł")) == 1)
  }
}

/// The quick path for simple scalars agrees with the full rules.
@Suite("Display width: the quick path")
struct DisplayWidthQuickPathTests {
  static let simple = (0...0x2FFF).compactMap(Unicode.Scalar.init).filter(DisplayWidth.isSimple)

  @Test("every simple scalar is one column, printable, and neither a mark, an emoji by default nor a jamo")
  func simpleScalarsAreSafe() {
    #expect(Self.simple.count > 700)
    for scalar in Self.simple {
      let properties = scalar.properties
      #expect(DisplayWidth.of(scalar) == 1, "\(scalar.value)")
      #expect(!ControlCharacters.isControl(scalar), "\(scalar.value)")
      // Digits, # and © may become emoji, but only with U+FE0F after them, which is not simple.
      #expect(!properties.isEmojiPresentation, "\(scalar.value)")
      #expect(!(0x1100...0x11FF).contains(scalar.value), "\(scalar.value)")
      switch properties.generalCategory {
      case .nonspacingMark, .spacingMark, .enclosingMark, .format, .control, .lineSeparator,
        .paragraphSeparator, .surrogate, .privateUse, .unassigned:
        Issue.record("U+\(String(scalar.value, radix: 16)) is \(properties.generalCategory)")
      default: break
      }
    }
  }

  @Test("random texts of simple and other scalars measure the same on both paths")
  func randomTextsAgree() {
    var state: UInt64 = 42
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33)
    }
    let others: [String] = ["e\u{301}", "\u{301}", "漢", "😀", "❤️", "©\u{FE0F}", "\r\n", "\t", "\u{200D}", "한"]
    for _ in 0..<2000 {
      var text = ""
      for _ in 0..<(next() % 12) {
        if next() % 4 == 0 {
          text += others[next() % others.count]
        } else {
          text.unicodeScalars.append(Self.simple[next() % Self.simple.count])
        }
      }
      let characterByCharacter = text.reduce(0) { $0 + DisplayWidth.of($1) }
      #expect(DisplayWidth.of(text) == characterByCharacter, "\(text.unicodeScalars.map(\.value))")
      if let quick = DisplayWidth.simpleWidth(text) {
        #expect(quick == text.count, "\(text.unicodeScalars.map(\.value))")
      }
    }
  }

  @Test("Eight bytes are tested for printable ASCII together, every byte value in every place")
  func printableASCIIWords() {
    for position in 0..<8 {
      for value in 0...255 {
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
        bytes[position] = UInt8(value)
        let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        #expect(
          DisplayWidth.isPrintableASCII(word) == (0x20...0x7E).contains(value), "\(value) at \(position)")
      }
    }
  }

  @Test("A control or a wide character anywhere in a long line makes it not simple")
  func simpleWidthOfLongLines() {
    for position in 0..<19 {
      for odd in ["\u{7}", "\u{7F}", "\t", "\u{1B}", "漢", "e\u{301}", "ą", "—"] {
        var characters = Array(repeating: "a", count: 19)
        characters[position] = odd
        let text = characters.joined()
        let expected: Int? =
          DisplayWidth.isSimple(odd.unicodeScalars.first!) && odd.unicodeScalars.count == 1 ? 19 : nil
        #expect(
          DisplayWidth.simpleWidth(text) == expected, "\(odd.unicodeScalars.map(\.value)) at \(position)")
      }
    }
  }

  @Test("The first scalars of a string and of a substring, counted by UTF-8 bytes")
  func prefixByScalars() {
    let text = "Zażółć gęślą jaźń — 漢字 e\u{301}"
    let scalars = Array(text.unicodeScalars)
    let slice = text.dropFirst(3)
    let sliceScalars = Array(slice.unicodeScalars)
    for count in -1...(scalars.count + 1) {
      var expected = String.UnicodeScalarView()
      expected.append(contentsOf: scalars.prefix(max(0, count)))
      #expect(DisplayWidth.prefix(of: text, scalars: count) == String(expected), "\(count)")
      var expectedSlice = String.UnicodeScalarView()
      expectedSlice.append(contentsOf: sliceScalars.prefix(max(0, count)))
      #expect(DisplayWidth.prefix(of: slice, scalars: count) == String(expectedSlice), "slice \(count)")
    }
  }
}
