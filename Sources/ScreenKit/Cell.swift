/// One cell of the screen: a character, the columns it takes, and its style.
///
/// A wide character (CJK, most emoji) takes two cells: the left one holds it with `width` 2, the right
/// one is a continuation with `width` 0 that the terminal layer skips.
///
/// The character is kept as its UTF-8 bytes inside the cell, so a cell is plain data: a frame of
/// cells is made, copied and compared without reference counting, and two cells are equal exactly when
/// their bytes are. A character of more than 15 bytes (a long emoji sequence) keeps the scalars from its
/// start that fit, as a terminal cell keeps only the first few (ncurses: 5).
public struct Cell: Equatable, Sendable {
  /// The UTF-8 bytes of the character, byte `i` at bits `8 * i` of `low` (0–7) and of `high` (8–14);
  /// the top byte of `high` is their count.
  private var low: UInt64
  private var high: UInt64
  public var style: Style
  private var storedWidth: UInt8
  /// Zeros up to the cell's stride: no byte of a row of cells is padding with undefined contents, so
  /// rows are compared with one `memcmp` (see `same(row:_:count:)`).
  private let zero8: UInt8 = 0
  private let zero32: UInt32 = 0

  /// The most UTF-8 bytes a cell keeps.
  static let capacity = 15

  public init(character: Character, width: Int = 1, style: Style = .plain) {
    (low, high) = Self.pack(character)
    self.style = style
    storedWidth = UInt8(clamping: width)
  }

  /// A printable ASCII character (or any byte below 0x80; callers pass printable ones), one column.
  @inline(__always)
  init(ascii byte: UInt8, style: Style) {
    low = UInt64(byte)
    high = 1 << 56
    self.style = style
    storedWidth = 1
  }

  /// A character of one scalar whose UTF-8 (`count` bytes, 1 to 4) is in the low bytes of `utf8`.
  @inline(__always)
  init(utf8: UInt64, count: Int, width: Int, style: Style) {
    low = utf8
    high = UInt64(count) << 56
    self.style = style
    storedWidth = UInt8(clamping: width)
  }

  /// A space in the plain style: what a new buffer is filled with.
  public static let blank = Cell(ascii: 0x20, style: .plain)

  /// 1 or 2; 0 marks the right half of a wide character.
  public var width: Int {
    get { Int(storedWidth) }
    set { storedWidth = UInt8(clamping: newValue) }
  }

  public var character: Character {
    get {
      withUTF8 { bytes in String(decoding: bytes, as: UTF8.self).first } ?? " "
    }
    set { (low, high) = Self.pack(newValue) }
  }

  /// The character's code when it is one printable ASCII character (most cells of every screen).
  public var printableASCII: UInt8? {
    guard high == 1 << 56, low >= 0x20, low < 0x7F else { return nil }
    return UInt8(low)
  }

  /// The character's scalar when it is a single one, decoded from the bytes in place, for the terminal
  /// layer on every cell that is not ASCII.
  public var singleScalar: Unicode.Scalar? {
    let count = Int(high >> 56)
    guard count > 0, count <= 4 else { return nil }
    return withUnsafeBytes(of: low.littleEndian) { raw in
      let bytes = UnsafeBufferPointer(rebasing: raw.assumingMemoryBound(to: UInt8.self)[0..<count])
      guard let (value, length) = UTF8Scalar.decode(bytes, at: 0), length == count else { return nil }
      return Unicode.Scalar(value)
    }
  }

  /// Calls `body` with the character's UTF-8 bytes.
  public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    let count = Int(high >> 56)
    return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.capacity) { buffer in
      for index in 0..<count { buffer[index] = byte(index) }
      return try body(UnsafeBufferPointer(rebasing: buffer[0..<count]))
    }
  }

  private func byte(_ index: Int) -> UInt8 {
    UInt8(truncatingIfNeeded: index < 8 ? low >> (8 * index) : high >> (8 * (index - 8)))
  }

  /// The bytes of `character`: its whole scalars from the start that fit in `capacity` bytes.
  private static func pack(_ character: Character) -> (UInt64, UInt64) {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var count = 0
    for scalar in character.unicodeScalars {
      guard count + scalar.utf8.count <= capacity else { break }
      for byte in scalar.utf8 {
        if count < 8 { low |= UInt64(byte) << (8 * count) } else { high |= UInt64(byte) << (8 * (count - 8)) }
        count += 1
      }
    }
    return (low, high | UInt64(count) << 56)
  }

  public static func == (a: Cell, b: Cell) -> Bool {
    a.low == b.low && a.high == b.high && a.storedWidth == b.storedWidth && a.style == b.style
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Cell {
  /// Whether the cells at two addresses are equal, without copying them.
  @inline(__always)
  public static func same(_ a: UnsafePointer<Cell>, _ b: UnsafePointer<Cell>) -> Bool {
    memcmp(a, b, MemoryLayout<Cell>.size) == 0
  }

  /// Whether `count` cells from `a` equal those from `b`, with one `memcmp` over the run.
  public static func same(row a: UnsafePointer<Cell>, _ b: UnsafePointer<Cell>, count: Int) -> Bool {
    memcmp(a, b, count * MemoryLayout<Cell>.stride) == 0
  }
}
