/// Runs a type's own `Decodable` conformance over an already parsed `JSONValue`.
///
/// The summary cache reads its entries with it, so `JournalSummary` is mapped only by its `Codable`
/// conformance. (Journal lines keep `JournalChange(json:)`: at 50,000 events this path is 60–90 ms slower.)
/// Numbers are integers only (see `JSONValue`); any other request fails, and the caller treats the value
/// as unusable.
///
/// No error of it is ever shown, so nothing keeps a coding path: the decoder and its containers stay small
/// enough to travel inside an existential without a heap allocation of their own.
struct JSONValueDecoder: Decoder {
  let value: JSONValue
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  /// `T` read from `value`, or `nil` when its conformance rejects it.
  static func decode<T: Decodable>(_: T.Type, from value: JSONValue) -> T? {
    try? T(from: JSONValueDecoder(value: value))
  }

  func container<Key: CodingKey>(keyedBy _: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .object(let members) = value else { throw mismatch }
    return KeyedDecodingContainer(ObjectContainer<Key>(members: members))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .array(let elements) = value else { throw mismatch }
    return ArrayContainer(elements: elements)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { ScalarContainer(value: value) }
}

/// The error every failed request throws; its text is never shown (the caller retries with `JSONDecoder`).
private let mismatch = DecodingError.typeMismatch(
  Any.self, DecodingError.Context(codingPath: [], debugDescription: ""))

/// Reads a value of the kinds a journal holds; shared by the three containers.
///
/// The metatype comparisons answer what a dictionary's `String` values ask for without a dynamic cast.
private func decodeValue<T: Decodable>(_: T.Type, from value: JSONValue) throws -> T {
  if T.self == String.self {
    guard case .string(let text) = value else { throw mismatch }
    return unsafeBitCast(text, to: T.self)
  }
  if T.self == Int.self {
    guard case .integer(let number) = value else { throw mismatch }
    return unsafeBitCast(number, to: T.self)
  }
  if T.self == Bool.self {
    guard case .bool(let flag) = value else { throw mismatch }
    return unsafeBitCast(flag, to: T.self)
  }
  return try T(from: JSONValueDecoder(value: value))
}

private struct ObjectContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let members: [(key: String, value: JSONValue)]
  var codingPath: [any CodingKey] { [] }

  var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

  func contains(_ key: Key) -> Bool { member(key) != nil }

  private func member(_ key: Key) -> JSONValue? {
    let name = key.stringValue
    for member in members where member.key == name { return member.value }
    return nil
  }

  private func required(_ key: Key) throws -> JSONValue {
    guard let value = member(key) else { throw mismatch }
    return value
  }

  func decodeNil(forKey key: Key) throws -> Bool { try required(key) == .null }

  func decode(_: String.Type, forKey key: Key) throws -> String {
    guard case .string(let text) = try required(key) else { throw mismatch }
    return text
  }

  func decode(_: Int.Type, forKey key: Key) throws -> Int {
    guard case .integer(let number) = try required(key) else { throw mismatch }
    return number
  }

  func decode(_: Bool.Type, forKey key: Key) throws -> Bool {
    guard case .bool(let flag) = try required(key) else { throw mismatch }
    return flag
  }

  func decodeIfPresent(_: String.Type, forKey key: Key) throws -> String? {
    switch member(key) {
    case nil, .null?: return nil
    case .string(let text)?: return text
    default: throw mismatch
    }
  }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try decodeValue(type, from: required(key))
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try JSONValueDecoder(value: required(key)).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try JSONValueDecoder(value: required(key)).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder { throw mismatch }
  func superDecoder(forKey key: Key) throws -> any Decoder { throw mismatch }
}

private struct ArrayContainer: UnkeyedDecodingContainer {
  let elements: [JSONValue]
  var codingPath: [any CodingKey] { [] }
  var currentIndex = 0

  var count: Int? { elements.count }
  var isAtEnd: Bool { currentIndex >= elements.count }

  private mutating func next() throws -> JSONValue {
    guard !isAtEnd else { throw mismatch }
    defer { currentIndex += 1 }
    return elements[currentIndex]
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, elements[currentIndex] == .null else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(type, from: next()) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try JSONValueDecoder(value: next()).container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    try JSONValueDecoder(value: next()).unkeyedContainer()
  }

  mutating func superDecoder() throws -> any Decoder { throw mismatch }
}

private struct ScalarContainer: SingleValueDecodingContainer {
  let value: JSONValue
  var codingPath: [any CodingKey] { [] }

  func decodeNil() -> Bool { value == .null }

  func decode(_: String.Type) throws -> String {
    guard case .string(let text) = value else { throw mismatch }
    return text
  }

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    guard T.self == String.self || T.self == Int.self || T.self == Bool.self else { throw mismatch }
    return try decodeValue(type, from: value)
  }
}
