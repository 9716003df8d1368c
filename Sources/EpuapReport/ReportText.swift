import EpuapDomain
import TextLayout

/// Text helpers shared by the renderers: cleaning values, Polish plurals, and the paper's use of the
/// screen's display width and wrapping (TextLayout).
enum ReportText {
  /// One line of safe text, with no control characters left.
  ///
  /// Line breaks and tabs become spaces; every other control character (ESC, BEL, C1, bidi overrides)
  /// becomes a visible „�” (`terminalSafe()`). Idempotent.
  static func clean(_ text: String) -> String {
    // Every scalar changed below is a control character; Polish letters alone leave the text as it is.
    guard text.unicodeScalars.contains(where: ControlCharacters.isControl) else { return text }
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

  /// How many columns `text` takes on a terminal or a line printer: the screen's own measure
  /// (`DisplayWidth`), so that a value lines up the same on screen and on paper.
  static func width(_ text: String) -> Int { DisplayWidth.of(text) }

  /// Word-wraps one line of text into lines of at most `width` columns (`rest` for all but the first).
  ///
  /// A word longer than a line is broken between characters, so nothing is ever cut off. Always returns
  /// at least one line.
  static func wrap(_ text: String, width: Int, rest: Int? = nil) -> [String] {
    DisplayWidth.wrap(text, width: max(2, width), rest: max(2, rest ?? width))
  }

  /// The widest word of `text`, in columns: the narrowest a wrapped column holding it can be unbroken.
  static func longestWord(_ text: String) -> Int {
    text.split(separator: " ").map { DisplayWidth.of($0) }.max() ?? 0
  }

  /// `text` followed by spaces up to `width` columns (never cut).
  static func pad(_ text: String, to width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - self.width(text)))
  }

  /// A journal timestamp in local time with its zone: `2026-11-25T10:15:00Z` → `2026-11-25 11:15 CET`.
  static func time(_ iso: String) -> String { LocalTime.display(iso) }

  /// The Polish plural form for `count`: `1 krok`, `2 kroki`, `5 kroków` (`PolishPlural`).
  static func count(_ count: Int, _ one: String, _ few: String, _ many: String) -> String {
    PolishPlural.count(count, one, few, many)
  }
}
