/// How many terminal columns text takes: 0 for combining and zero-width marks, 2 for East Asian Wide
/// and Fullwidth characters and emoji, else 1.
///
/// Emoji are wide when Unicode gives them emoji presentation (✅, 🚀, ⭐ as well as the emoji blocks),
/// as terminals and the C library's `wcwidth` draw them.
///
/// Screens are laid out by display width, not by characters or bytes, so that Polish letters (one
/// column each, however many bytes) and wide characters line up in columns.
///
///     DisplayWidth.of("Zażółć")  // 6
///     DisplayWidth.of("漢字")    // 4
public enum DisplayWidth {
  /// The width of the first scalar that has one; an emoji asked to look like an emoji (VS16) is 2.
  ///
  /// A control character counts 1: `ScreenBuffer` shows it as one replacement column.
  public static func of(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    // The common case: one simple scalar.
    if let first = scalars.first, isSimple(first), scalars.count == 1 { return 1 }
    guard let base = scalars.first(where: { of($0) > 0 }) else { return 0 }
    let width = of(base)
    if width == 1, base.properties.isEmoji, scalars.contains("\u{FE0F}") { return 2 }
    return width
  }

  /// The sum of the widths of the characters.
  public static func of(_ text: String) -> Int {
    simpleWidth(text) ?? text.reduce(0) { $0 + of($1) }
  }

  /// The sum of the widths of the characters of a slice.
  public static func of(_ text: Substring) -> Int {
    simpleWidth(text) ?? text.reduce(0) { $0 + of($1) }
  }

  /// The width of text made only of simple scalars (see `isSimple`), where every scalar is a character
  /// of one column, so no grapheme breaking and no property lookups are needed; `nil` for any other text.
  static func simpleWidth<S: StringProtocol>(_ text: S) -> Int? {
    if let width = text.utf8.withContiguousStorageIfAvailable(simpleWidth(utf8:)) { return width }
    var count = 0
    for scalar in text.unicodeScalars {
      guard isSimple(scalar.value) else { return nil }
      count += 1
    }
    return count
  }

  /// `simpleWidth` over the UTF-8 of a string (valid by construction), decoding scalars in place: this
  /// runs for every text on screen several times a frame.
  private static func simpleWidth(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var count = 0
    var index = 0
    let end = bytes.count
    while index < end {
      // Eight printable ASCII bytes at a time: most text on every screen is such.
      if index + 8 <= end,
        isPrintableASCII(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
      {
        index += 8
        count += 8
        continue
      }
      guard let (value, length) = UTF8Scalar.decode(bytes, at: index) else { return nil }
      index += length
      guard isSimple(value) else { return nil }
      count += 1
    }
    return count
  }

  /// Whether all eight bytes of `word` are printable ASCII (0x20...0x7E), tested together: a byte below
  /// 0x80 plus 0x60 reaches 0x80 only from 0x20 up, and plus 0x01 only at 0x7F, and neither sum carries
  /// into the next byte.
  @inline(__always)
  static func isPrintableASCII(_ word: UInt64) -> Bool {
    let high: UInt64 = 0x8080_8080_8080_8080
    guard word & high == 0 else { return false }
    let atLeastSpace = word &+ 0x6060_6060_6060_6060
    let delete = word &+ 0x0101_0101_0101_0101
    return atLeastSpace & ~delete & high == high
  }

  /// Whether a scalar is one column wide and a character of its own whatever stands next to it.
  ///
  /// True only for printable letters and marks of ASCII, Latin-1 and Latin Extended (Polish among them)
  /// and for the punctuation, arrows, box drawing and ticks the screens use; none of them is a
  /// control, a combining mark, an emoji by default or a Hangul jamo, so a text of such scalars has one
  /// character per scalar (`DisplayWidthTests` checks each one against the full rules). Digits, `#` and
  /// `©` turn into emoji only with U+FE0F after them, and U+FE0F is not simple.
  public static func isSimple(_ scalar: Unicode.Scalar) -> Bool { isSimple(scalar.value) }

  @inlinable @inline(__always)
  public static func isSimple(_ value: UInt32) -> Bool {
    switch value {
    // Not U+00AD, the soft hyphen: a format character.
    case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x2FF: return true
    case 0x2010...0x2027, 0x2030...0x203B: return true  // dashes, quotes, bullets, ellipsis, ‹ ›
    case 0x2190...0x2193, 0x2212: return true  // ← ↑ → ↓, minus
    case 0x2500...0x259F, 0x25B2, 0x25B8, 0x25BC: return true  // box drawing, blocks, ▲ ▸ ▼
    case 0x2713, 0x2717: return true  // ✓ ✗
    default: return false
    }
  }

  /// The width of one scalar on its own.
  static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    // ASCII, Latin-1 and Latin Extended (Polish letters included), and controls, which are shown
    // as one replacement column.
    if value < 0x300 || ControlCharacters.isControl(scalar) { return 1 }
    if isZeroWidth(scalar) { return 0 }
    return isWide(value) || scalar.properties.isEmojiPresentation ? 2 : 1
  }

  /// Combining marks (categories Mn and Me), invisible format characters (Cf: zero-width space,
  /// joiners, direction marks, the byte order mark, emoji tags) and variation selectors: they change
  /// the text around them and take no column of their own, as in the C library's `wcwidth`.
  static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x200B...0x200D, 0x2060, 0xFEFF, 0xFE00...0xFE0F, 0xE0100...0xE01EF: return true
    default: break
    }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return true
    default: return false
    }
  }

  /// East Asian Wide and Fullwidth blocks and the emoji blocks that terminals draw two columns wide.
  ///
  /// Kept by hand, rather than from `wcwidth`, so that layout does not depend on the C library.
  static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x303F: return false  // IDEOGRAPHIC HALF FILL SPACE, narrow inside a wide block
    case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
      0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return true
    default: return false
    }
  }
}
