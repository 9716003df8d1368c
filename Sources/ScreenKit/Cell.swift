/// One cell of the screen: a character, the columns it takes, and its style.
///
/// A wide character (CJK, most emoji) takes two cells: the left one holds it with `width` 2, the right
/// one is a continuation with `width` 0 that the terminal layer skips.
public struct Cell: Equatable, Sendable {
  public var character: Character
  /// 1 or 2; 0 marks the right half of a wide character.
  public var width: Int
  public var style: Style

  public init(character: Character, width: Int = 1, style: Style = .plain) {
    self.character = character
    self.width = width
    self.style = style
  }

  /// A space in the plain style: what a new buffer is filled with.
  public static let blank = Cell(character: " ")
}
