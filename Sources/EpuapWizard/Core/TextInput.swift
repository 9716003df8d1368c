/// An editable line of text with a cursor, as in a form field.
///
/// Pure value; keys change it.
public struct TextInput: Equatable, Sendable {
  public private(set) var characters: [Character]
  /// Index in `characters` where the next character goes.
  public private(set) var cursor: Int

  public init(_ text: String = "") {
    characters = Array(text)
    cursor = characters.count
  }

  public var text: String { String(characters) }

  public mutating func insert(_ character: Character) {
    characters.insert(character, at: cursor)
    cursor += 1
  }

  /// Several characters at the cursor at once (a paste): one pass, whatever the length.
  public mutating func insert(contentsOf text: some StringProtocol) {
    let added = Array(text)
    characters.insert(contentsOf: added, at: cursor)
    cursor += added.count
  }

  public mutating func backspace() {
    guard cursor > 0 else { return }
    characters.remove(at: cursor - 1)
    cursor -= 1
  }

  public mutating func deleteForward() {
    guard cursor < characters.count else { return }
    characters.remove(at: cursor)
  }

  public mutating func moveLeft() { cursor = max(0, cursor - 1) }
  public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
  public mutating func moveHome() { cursor = 0 }
  public mutating func moveEnd() { cursor = characters.count }

  /// Ctrl-U: the whole line goes, as in a shell.
  public mutating func clear() {
    characters = []
    cursor = 0
  }

  public mutating func set(_ text: String) {
    characters = Array(text)
    cursor = characters.count
  }
}
