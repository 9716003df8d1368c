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

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Cell {
  /// Whether the cells at two addresses are equal, without copying them.
  ///
  /// Equal bytes mean equal cells (the same
  /// character storage, width and style), which is the common case between two frames, so the bytes are
  /// compared first and `==` runs only when they differ. The fields pack without gaps, so no padding is
  /// compared.
  @inline(__always)
  public static func same(_ a: UnsafePointer<Cell>, _ b: UnsafePointer<Cell>) -> Bool {
    memcmp(a, b, MemoryLayout<Cell>.size) == 0 || a.pointee == b.pointee
  }
}
