/// Runs a type's own `Decodable` conformance over an already parsed `JSONValue`.
///
/// This is what makes the journal's fast read path need nothing per event type: every change and
/// payload is mapped once, by its `Codable` conformance, and the fast path differs from `JSONDecoder`
/// only in the parser underneath. Numbers are integers only (see `JSONValue`); any other request fails,
/// and the caller then reads the line again with `JSONDecoder`, whose error is the one users see.
struct JSONValueDecoder: Decoder {
  let value: JSONValue
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  /// `T` read from `value`, or `nil` when its conformance rejects it.
  static func decode<T: Decodable>(_: T.Type, from value: JSONValue) -> T? {
    try? T(from: JSONValueDecoder(value: value, codingPath: []))
  }

  func container<Key: CodingKey>(keyedBy _: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .object(let members) = value else { throw mismatch([String: String].self, codingPath) }
    return KeyedDecodingContainer(ObjectContainer<Key>(members: members, codingPath: codingPath))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .array(let elements) = value else { throw mismatch([String].self, codingPath) }
    return ArrayContainer(elements: elements, codingPath: codingPath)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    ScalarContainer(value: value, codingPath: codingPath)
  }
}

/// The error every failed request throws; its text and coding path are never shown (the caller retries
/// with `JSONDecoder`), so containers do not build paths.
private func mismatch(_ type: Any.Type, _ path: [any CodingKey]) -> DecodingError {
  .typeMismatch(type, DecodingError.Context(codingPath: path, debugDescription: ""))
}

/// Reads a scalar of the kinds a journal holds; shared by the three containers.
private func scalar<T: Decodable>(_: T.Type, in value: JSONValue, at path: [any CodingKey]) throws -> T {
  switch (value, T.self) {
  case (.string(let text), is String.Type): return text as! T
  case (.integer(let number), is Int.Type): return number as! T
  case (.bool(let flag), is Bool.Type): return flag as! T
  default: return try T(from: JSONValueDecoder(value: value, codingPath: path))
  }
}

private struct ObjectContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let members: [(key: String, value: JSONValue)]
  let codingPath: [any CodingKey]

  var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

  func contains(_ key: Key) -> Bool { member(key) != nil }

  private func member(_ key: Key) -> JSONValue? {
    for member in members where member.key == key.stringValue { return member.value }
    return nil
  }

  private func required(_ key: Key) throws -> JSONValue {
    guard let value = member(key) else {
      throw DecodingError.keyNotFound(
        key, DecodingError.Context(codingPath: codingPath, debugDescription: ""))
    }
    return value
  }

  func decodeNil(forKey key: Key) throws -> Bool { try required(key) == .null }

  // The kinds a journal holds, without the generic path's dynamic casts: these are what synthesized
  // conformances call for `String`, `Int` and `Bool` members.
  func decode(_ type: String.Type, forKey key: Key) throws -> String {
    guard case .string(let text) = try required(key) else { throw mismatch(type, codingPath) }
    return text
  }

  func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
    guard case .integer(let number) = try required(key) else { throw mismatch(type, codingPath) }
    return number
  }

  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
    guard case .bool(let flag) = try required(key) else { throw mismatch(type, codingPath) }
    return flag
  }

  func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
    switch member(key) {
    case nil, .null?: return nil
    case .string(let text)?: return text
    default: throw mismatch(type, codingPath)
    }
  }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try scalar(type, in: required(key), at: codingPath)
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try JSONValueDecoder(value: required(key), codingPath: codingPath).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try JSONValueDecoder(value: required(key), codingPath: codingPath).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder { throw mismatch(Any.self, codingPath) }
  func superDecoder(forKey key: Key) throws -> any Decoder { throw mismatch(Any.self, codingPath) }
}

private struct ArrayContainer: UnkeyedDecodingContainer {
  let elements: [JSONValue]
  let codingPath: [any CodingKey]
  var currentIndex = 0

  var count: Int? { elements.count }
  var isAtEnd: Bool { currentIndex >= elements.count }

  private mutating func next() throws -> JSONValue {
    guard !isAtEnd else { throw mismatch(Any.self, codingPath) }
    defer { currentIndex += 1 }
    return elements[currentIndex]
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, elements[currentIndex] == .null else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try scalar(type, in: next(), at: codingPath)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try JSONValueDecoder(value: next(), codingPath: codingPath).container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    try JSONValueDecoder(value: next(), codingPath: codingPath).unkeyedContainer()
  }

  mutating func superDecoder() throws -> any Decoder { throw mismatch(Any.self, codingPath) }
}

private struct ScalarContainer: SingleValueDecodingContainer {
  let value: JSONValue
  let codingPath: [any CodingKey]

  func decodeNil() -> Bool { value == .null }

  func decode(_ type: String.Type) throws -> String {
    guard case .string(let text) = value else { throw mismatch(type, codingPath) }
    return text
  }

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    switch (value, T.self) {
    case (.string(let text), is String.Type): return text as! T
    case (.integer(let number), is Int.Type): return number as! T
    case (.bool(let flag), is Bool.Type): return flag as! T
    default: throw mismatch(type, codingPath)
    }
  }
}
