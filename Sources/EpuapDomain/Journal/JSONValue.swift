#if canImport(Glibc)
  import Glibc
#endif

/// A JSON value as the journal's fast read path sees it.
///
/// Only what journal lines hold is represented: numbers are integers. Anything else (a fraction, an
/// exponent, a duplicate key, a lone surrogate, bytes that are not UTF-8) makes the parser give up, and the
/// line is read again by Foundation's `JSONDecoder`, which says precisely what is wrong. So this parser never
/// has to produce an error message, only to be right about every line it accepts.
enum JSONValue: Equatable {
  case string(String)
  case integer(Int)
  case bool(Bool)
  case null
  case array([JSONValue])
  /// Members in file order; keys are unique.
  case object([(key: String, value: JSONValue)])

  static func == (left: JSONValue, right: JSONValue) -> Bool {
    switch (left, right) {
    case (.string(let a), .string(let b)): a == b
    case (.integer(let a), .integer(let b)): a == b
    case (.bool(let a), .bool(let b)): a == b
    case (.null, .null): true
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)): a.elementsEqual(b) { $0.key == $1.key && $0.value == $1.value }
    default: false
    }
  }

  /// The member named `key` of an object (names compared by `sameKey`).
  subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { sameKey($0.key, key) }?.value
  }

  var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  var integerValue: Int? {
    if case .integer(let value) = self { return value }
    return nil
  }
}

/// Whether two member names are the same, their lengths compared first.
///
/// The names of one object mostly differ in length, and that spares the full comparison of texts (an
/// out-of-line call). The member
/// lookup and the parser's check for a name given twice both ask it: for a summary cache of 200 units,
/// about 26,000 lookups and 15,000 checks before the first frame.
private func sameKey(_ left: String, _ right: String) -> Bool {
  left.utf8.count == right.utf8.count && left == right
}

/// A strict RFC 8259 parser for one journal line, written for speed: no intermediate copies, no
/// generic metadata, one pass.
///
/// Returns `nil` for anything outside the subset described at `JSONValue`.
struct JSONLineParser {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var depth = 0
  private let maxDepth: Int

  /// Parses all of `bytes` (surrounding whitespace allowed) into one value.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) -> JSONValue? {
    var parser = JSONLineParser(bytes: bytes, maxDepth: maxDepth)
    guard let value = parser.value() else { return nil }
    parser.skipWhitespace()
    return parser.index == bytes.count ? value : nil
  }

  static func parse(_ bytes: ArraySlice<UInt8>, maxDepth: Int) -> JSONValue? {
    bytes.withUnsafeBufferPointer { parse($0, maxDepth: maxDepth) }
  }

  /// A parser at the start of `bytes`: `parse` makes one to build a tree; a document whose layout is
  /// known is read with one value by value (`read`, `readString`, `readArray(of:)`, `atEnd`) straight
  /// into its own types.
  init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
    self.bytes = bytes
    self.maxDepth = maxDepth
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  private mutating func value() -> JSONValue? {
    skipWhitespace()
    guard index < bytes.count else { return nil }
    switch bytes[index] {
    case UInt8(ascii: "\""): return string().map(JSONValue.string)
    case UInt8(ascii: "{"): return object()
    case UInt8(ascii: "["): return array()
    case UInt8(ascii: "t"): return literal("true", .bool(true))
    case UInt8(ascii: "f"): return literal("false", .bool(false))
    case UInt8(ascii: "n"): return literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return integer()
    default: return nil
    }
  }

  private mutating func literal(_ word: StaticString, _ result: JSONValue) -> JSONValue? {
    let length = word.utf8CodeUnitCount
    guard index + length <= bytes.count else { return nil }
    for offset in 0..<length where bytes[index + offset] != word.utf8Start[offset] { return nil }
    index += length
    return result
  }

  private mutating func integer() -> JSONValue? {
    var negative = false
    if bytes[index] == UInt8(ascii: "-") {
      negative = true
      index += 1
    }
    let start = index
    var magnitude = 0
    while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 {
      let digit = Int(bytes[index] &- UInt8(ascii: "0"))
      let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = times10.addingReportingOverflow(digit)
      guard !overflow1, !overflow2 else { return nil }
      magnitude = sum
      index += 1
    }
    let digits = index - start
    guard digits > 0, !(digits > 1 && bytes[start] == UInt8(ascii: "0")) else { return nil }
    // A fraction or an exponent: not a journal number; the slow path decides.
    if index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): return nil
      default: break
      }
    }
    return .integer(negative ? -magnitude : magnitude)
  }

  private mutating func array() -> JSONValue? {
    depth += 1
    guard depth <= maxDepth else { return nil }
    defer { depth -= 1 }
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      guard let element = value() else { return nil }
      elements.append(element)
      skipWhitespace()
      guard index < bytes.count else { return nil }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "]") else { return nil }
      index += 1
      return .array(elements)
    }
  }

  private mutating func object() -> JSONValue? {
    depth += 1
    guard depth <= maxDepth else { return nil }
    defer { depth -= 1 }
    index += 1
    var members: [(key: String, value: JSONValue)] = []
    members.reserveCapacity(8)
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else { return nil }
      // Which of two equal keys wins is a decoder's choice; leave such a line to the slow path.
      if members.contains(where: { sameKey($0.key, key) }) { return nil }
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
      index += 1
      guard let member = value() else { return nil }
      members.append((key, member))
      skipWhitespace()
      guard index < bytes.count else { return nil }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "}") else { return nil }
      index += 1
      return .object(members)
    }
  }

  // MARK: Reading value by value

  /// Reads `byte` (`[`, `]`, `,`) after any whitespace; false, reading nothing, when another byte is there.
  mutating func read(_ byte: Unicode.Scalar) -> Bool {
    skipWhitespace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: byte) else { return false }
    index += 1
    return true
  }

  /// Reads a string; nil for anything else.
  mutating func readString() -> String? {
    skipWhitespace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
    return string()
  }

  /// Reads an integer; nil for anything else.
  mutating func readInteger() -> Int? {
    skipWhitespace()
    guard index < bytes.count, case .integer(let number)? = value() else { return nil }
    return number
  }

  /// Reads `true` or `false`; nil for anything else.
  mutating func readBool() -> Bool? {
    skipWhitespace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: "t") || bytes[index] == UInt8(ascii: "f"),
      case .bool(let value)? = value()
    else { return nil }
    return value
  }

  /// Reads `null` if it is next: true then, false (reading nothing) for anything else.
  mutating func readNull() -> Bool {
    skipWhitespace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: "n") else { return false }
    return literal("null", .null) != nil
  }

  /// Reads an array whose elements each read as `element` says; nil when one does not or the array is
  /// malformed.
  mutating func readArray<Element>(of element: (inout JSONLineParser) -> Element?) -> [Element]? {
    guard read("[") else { return nil }
    depth += 1
    defer { depth -= 1 }
    guard depth <= maxDepth else { return nil }
    var elements: [Element] = []
    if read("]") { return elements }
    repeat {
      guard let next = element(&self) else { return nil }
      elements.append(next)
    } while read(",")
    return read("]") ? elements : nil
  }

  /// Whether nothing but whitespace is left.
  mutating func atEnd() -> Bool {
    skipWhitespace()
    return index == bytes.count
  }

  /// A string starting at the opening quote; `nil` if it is not valid JSON or not valid UTF-8.
  private mutating func string() -> String? {
    index += 1
    let start = index
    // The common case: no escapes, so the bytes between the quotes are the string.
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let result = Self.utf8String(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        index += 1
        return result
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { return nil }
      index += 1
    }
    guard index < bytes.count else { return nil }
    var unescaped = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return unescaped.withUnsafeBufferPointer(Self.utf8String)
      }
      if byte < 0x20 { return nil }
      guard byte == UInt8(ascii: "\\") else {
        unescaped.append(byte)
        index += 1
        continue
      }
      index += 1
      guard index < bytes.count else { return nil }
      let escape = bytes[index]
      index += 1
      switch escape {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped.append(escape)
      case UInt8(ascii: "b"): unescaped.append(0x08)
      case UInt8(ascii: "f"): unescaped.append(0x0C)
      case UInt8(ascii: "n"): unescaped.append(0x0A)
      case UInt8(ascii: "r"): unescaped.append(0x0D)
      case UInt8(ascii: "t"): unescaped.append(0x09)
      case UInt8(ascii: "u"):
        guard let scalar = unicodeEscape() else { return nil }
        unescaped.append(contentsOf: String(Character(scalar)).utf8)
      default: return nil
      }
    }
    return nil
  }

  /// The bytes as a string, or `nil` if they are not valid UTF-8.
  ///
  /// `String(decoding:)` is the stdlib's fast, specialized
  /// path (`String(validating:)` is generic and looks up metadata on every call); it repairs bad bytes, so the
  /// result equals the input exactly when the input was valid.
  private static func utf8String(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    let string = String(decoding: bytes, as: UTF8.self)
    var ascii = true
    for byte in bytes where byte >= 0x80 {
      ascii = false
      break
    }
    if ascii { return string }
    // A native string keeps its UTF-8 contiguously: one memcmp instead of a generic walk of both.
    let same = string.utf8.withContiguousStorageIfAvailable { stored in
      stored.count == bytes.count
        && (bytes.isEmpty || memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
    }
    return (same ?? string.utf8.elementsEqual(bytes)) ? string : nil
  }

  /// The scalar of `\uXXXX` (the index is past the `u`), joining a surrogate pair; `nil` for a lone one.
  private mutating func unicodeEscape() -> Unicode.Scalar? {
    guard let high = hex4() else { return nil }
    if (0xD800...0xDBFF).contains(high) {
      guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
      else { return nil }
      index += 2
      guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
      return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    }
    return Unicode.Scalar(high)
  }

  private mutating func hex4() -> UInt32? {
    guard index + 4 <= bytes.count else { return nil }
    var result: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: return nil
      }
      result = result << 4 | UInt32(digit)
      index += 1
    }
    return result
  }
}
