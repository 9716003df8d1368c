/// A key press, as screens understand it: terminal escape sequences and key codes are the terminal
/// layer's business.
///
///     switch key {
///     case .character(let letter): input.insert(letter)  // "ż" arrives whole
///     case .control("s"): save()
///     default: break
///     }
public enum Key: Equatable, Sendable, Hashable {
  /// A printable character, including Polish letters and space.
  case character(Character)
  case enter, escape, tab, backTab, backspace, delete, up, down, left, right, home, end, pageUp, pageDown
  /// Ctrl with a letter, as the lowercase letter: Ctrl-A is `.control("a")`.
  ///
  /// Ctrl-C never arrives: it stays a SIGINT. Ctrl-H, Ctrl-I, Ctrl-J and Ctrl-M arrive as
  /// `.backspace`, `.tab` and `.enter`, because terminals send the same bytes for them.
  case control(Character)
  /// F1 is `.function(1)`.
  case function(Int)
  /// The window changed size; the terminal's `size` is already the new one.
  case resize
}
