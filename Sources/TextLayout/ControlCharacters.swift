/// Keeps terminal control out of the screen: every character that could drive the terminal instead of
/// being shown is replaced by one visible stand-in before it is stored in a `ScreenBuffer`.
///
/// Text on screen comes from journals, answer files and the user, so it is untrusted: an ESC could
/// start an escape sequence, a TAB or BEL would move the cursor or ring, and bidirectional overrides
/// can make text read differently from what is stored.
///
///     ControlCharacters.visible("\u{1B}")  // "\u{FFFD}"
public enum ControlCharacters {
  /// The stand-in for every replaced character: U+FFFD REPLACEMENT CHARACTER, one column wide.
  public static let replacement: Character = "\u{FFFD}"

  /// Whether a scalar is one of the replaced classes: C0 (U+0000–001F, with ESC, TAB and newlines),
  /// DEL (U+007F), C1 (U+0080–009F), the line and paragraph separators (U+2028, U+2029), the
  /// bidirectional embeddings, overrides, isolates and marks (U+202A–202E, U+2066–2069, U+200E, U+200F,
  /// U+061C), and the invisible zero-width characters (U+200B–200D, U+2060–2064, U+FEFF).
  ///
  /// The one class for the whole program: what a field refuses, what the screen and the paper replace.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C,
      0x200B...0x200D, 0x2060...0x2064, 0xFEFF:
      return true
    default: return false
    }
  }

  /// The character itself, or `replacement` when any of its scalars is a control character.
  ///
  /// Control characters are grapheme boundaries, so a control never hides inside a Character beside
  /// a letter; "\r\n", the one exception, becomes a single stand-in.
  public static func visible(_ character: Character) -> Character {
    character.unicodeScalars.contains(where: isControl) ? replacement : character
  }
}
