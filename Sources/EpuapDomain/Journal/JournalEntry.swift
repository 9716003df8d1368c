import Crypto
import FoundationEssentials

/// One line of the journal: a change with its sequence number, time, operator and chain hash.
///
/// On disk: `{"v":1,"seq":7,"time":"2026-11-25T10:15:00Z","operator":"Anna Nowak","payload":{...},
/// "type":"stepMarked","hash":"<64 hex>"}` followed by a newline. `hash` is SHA-256 over the previous line's
/// hash (64 zeros for the first line) followed by the line's bytes without the `,"hash":"…"` part, so
/// a changed, removed or reordered line breaks every hash after it.
public struct JournalEntry: Sendable, Equatable {
  public static let formatVersion = 1
  public static let genesisHash = String(repeating: "0", count: 64)

  public var version: Int
  public var sequence: Int
  /// UTC, ISO 8601 with seconds, for example `2026-11-25T10:15:00Z`.
  public var time: String
  public var operatorName: String
  public var change: JournalChange
  public var hash: String

  public init(
    version: Int, sequence: Int, time: String, operatorName: String, change: JournalChange, hash: String
  ) {
    self.version = version
    self.sequence = sequence
    self.time = time
    self.operatorName = operatorName
    self.change = change
    self.hash = hash
  }
}

/// Why one line could not be read.
///
/// `JournalReader` turns it into a `JournalError` with the line number.
public enum JournalLineProblem: Error, Equatable, Sendable {
  case notJSON(String)
  case missingHash
  case hashMismatch
  case unsupportedVersion(Int)
  /// A line whose hash holds but whose `type` this version does not know: written by a newer version.
  case unknownType(String)
  case wrongSequence(expected: Int, found: Int)
}

/// Encodes and decodes journal lines and computes the hash chain.
public enum JournalLineCodec {
  private struct DecodedLine: Decodable {
    var version: Int
    var sequence: Int
    var time: String
    var operatorName: String
    var change: JournalChange

    enum CodingKeys: String, CodingKey {
      case version = "v", sequence = "seq", time, operatorName = "operator"
    }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      version = try container.decode(Int.self, forKey: .version)
      sequence = try container.decode(Int.self, forKey: .sequence)
      time = try container.decode(String.self, forKey: .time)
      operatorName = try container.decode(String.self, forKey: .operatorName)
      change = try JournalChange(from: decoder)
    }
  }

  /// `,"hash":"` + 64 hex + `"}`: the fixed tail of every line (without the newline), 75 bytes.
  static let hashTailLength = hashTailPrefix.count + 64 + 2
  private static let hashTailPrefix = Array(#","hash":""#.utf8)

  /// The line's bytes including the trailing newline, and its hash.
  public static func encode(
    sequence: Int, time: String, operatorName: String, change: JournalChange, previousHash: String
  ) throws -> (bytes: [UInt8], hash: String) {
    // Composed by hand so that every line reads in the same order: v, seq, time, operator, payload,
    // type. Payload keys are sorted, so the same change always gives the same bytes and hash.
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
    var body = Array(#"{"v":\#(JournalEntry.formatVersion),"seq":\#(sequence),"time":"#.utf8)
    body += try encoder.encode(time)
    body += Array(#","operator":"#.utf8)
    body += try encoder.encode(operatorName)
    body.append(UInt8(ascii: ","))
    body += try encoder.encode(change).dropFirst()
    let hash = chainHash(previous: previousHash, body: body[...])
    body.removeLast()  // the closing brace
    body += hashTailPrefix
    body += Array(hash.utf8)
    body += Array(#""}"#.utf8)
    body.append(0x0A)
    return (body, hash)
  }

  /// SHA-256 over the previous hash (hex) and the body, in lowercase hex.
  public static func chainHash(previous: String, body: ArraySlice<UInt8>) -> String {
    hex(digest(previous: previous, body: body))
  }

  /// SHA-256 over the previous hash and the body (followed by `}` when `closingBrace`), without copying
  /// either: a line's body is the line up to its hash member, and the hash covers it closed.
  private static func digest(previous: String, body: ArraySlice<UInt8>, closingBrace: Bool = false)
    -> SHA256.Digest
  {
    var hasher = SHA256()
    var previous = previous
    previous.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    body.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    if closingBrace { hasher.update(data: [UInt8(ascii: "}")]) }
    return hasher.finalize()
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  static func hex(_ digest: SHA256.Digest) -> String {
    String(unsafeUninitializedCapacity: SHA256.byteCount * 2) { buffer in
      var index = 0
      for byte in digest {
        buffer[index] = hexDigits[Int(byte >> 4)]
        buffer[index + 1] = hexDigits[Int(byte & 0x0F)]
        index += 2
      }
      return index
    }
  }

  /// Whether the hash stored on a line (`stored`, 64 hex digits) is the chain hash of its body.
  static func chainHolds(previous: String, body: ArraySlice<UInt8>, stored: ArraySlice<UInt8>) -> Bool {
    var index = stored.startIndex
    for byte in digest(previous: previous, body: body, closingBrace: true) {
      guard stored[index] == hexDigits[Int(byte >> 4)], stored[index + 1] == hexDigits[Int(byte & 0x0F)]
      else { return false }
      index += 2
    }
    return true
  }

  /// What a line holds where every journal line keeps its hash: `,"hash":"<64 hex>"}` at the end.
  enum HashTail {
    /// The line does not end that way.
    case absent
    /// It does, but the 64 characters are not lowercase hex or the closing quote is missing.
    case malformed
    /// The 64 hex digits, and the body: the line up to (without) the hash member.
    case hash(ArraySlice<UInt8>, body: ArraySlice<UInt8>)
  }

  /// The hash member at the end of a line (without its newline); used by every reader of lines.
  static func hashTail(of line: ArraySlice<UInt8>) -> HashTail {
    guard line.count > hashTailLength, line.last == UInt8(ascii: "}"),
      line.suffix(hashTailLength).starts(with: hashTailPrefix)
    else { return .absent }
    let hashStart = line.endIndex - hashTailLength + hashTailPrefix.count
    let hash = line[hashStart..<(hashStart + 64)]
    guard line[hashStart + 64] == UInt8(ascii: "\""),
      hash.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
    else { return .malformed }
    return .hash(hash, body: line[line.startIndex..<(line.endIndex - hashTailLength)])
  }

  /// The deepest nesting a journal line may have.
  ///
  /// Real lines nest 4 levels; the limit keeps a hostile
  /// line (100,000 `[`) from exhausting the parser's stack.
  public static let maxNesting = 32

  /// Whether `bytes` nest arrays or objects deeper than `limit` (strings are skipped).
  public static func nestsDeeper(_ bytes: ArraySlice<UInt8>, than limit: Int) -> Bool {
    var depth = 0
    var inString = false
    var escaped = false
    for byte in bytes {
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        if depth > limit { return true }
      case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
      default: break
      }
    }
    return false
  }

  /// Decodes one line (without its newline) and checks it against the chain.
  ///
  /// A well-formed line is read by the fast path (`JSONLineParser` and `JournalChange(json:)`); any other
  /// line by `JSONDecoder`, which gives the precise reason it cannot be read.
  public static func decode(
    _ line: ArraySlice<UInt8>, previousHash: String, expectedSequence: Int,
    decoder: JSONDecoder = JSONDecoder()
  ) throws(JournalLineProblem) -> JournalEntry {
    if let entry = try decodeFast(line, previousHash: previousHash, expectedSequence: expectedSequence) {
      return entry
    }
    return try decodeWithFoundation(
      line, previousHash: previousHash, expectedSequence: expectedSequence, decoder: decoder)
  }

  /// The fast path: `nil` when the line is not a well-formed journal line, so the slow path explains why.
  static func decodeFast(
    _ line: ArraySlice<UInt8>, previousHash: String, expectedSequence: Int
  ) throws(JournalLineProblem) -> JournalEntry? {
    guard case .hash(let hashBytes, let body) = hashTail(of: line),
      let json = JSONLineParser.parse(line, maxDepth: maxNesting),
      let version = json["v"]?.integerValue, let sequence = json["seq"]?.integerValue,
      let time = json["time"]?.stringValue, let operatorName = json["operator"]?.stringValue,
      let change = JournalChange(json: json)
    else { return nil }
    guard version == JournalEntry.formatVersion else { throw .unsupportedVersion(version) }
    guard chainHolds(previous: previousHash, body: body, stored: hashBytes) else { throw .hashMismatch }
    guard sequence == expectedSequence else {
      throw .wrongSequence(expected: expectedSequence, found: sequence)
    }
    return JournalEntry(
      version: version, sequence: sequence, time: time, operatorName: operatorName, change: change,
      hash: String(decoding: hashBytes, as: UTF8.self))
  }

  /// Whether `line` is a JSON object or array, whatever its members: `JSONDecoder` checks the syntax of
  /// the whole text before it decodes anything, so a type that reads nothing is enough.
  static func isJSONDocument(_ line: ArraySlice<UInt8>, decoder: JSONDecoder) -> Bool {
    guard let first = line.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }),
      first == 0x7B || first == 0x5B
    else { return false }
    return (try? decoder.decode(AnyJSONDocument.self, from: Data(line))) != nil
  }

  /// The slow path: Foundation's `JSONDecoder`, for lines the fast path does not accept.
  static func decodeWithFoundation(
    _ line: ArraySlice<UInt8>, previousHash: String, expectedSequence: Int,
    decoder: JSONDecoder = JSONDecoder()
  ) throws(JournalLineProblem) -> JournalEntry {
    if nestsDeeper(line, than: maxNesting) { throw .notJSON("zbyt głęboko zagnieżdżony JSON") }
    let hashBytes: ArraySlice<UInt8>
    var body: [UInt8]
    switch hashTail(of: line) {
    case .absent:
      if !isJSONDocument(line, decoder: decoder) { throw .notJSON("to nie jest poprawny JSON") }
      throw .missingHash
    case .malformed:
      throw .missingHash
    case .hash(let hash, let lineBody):
      hashBytes = hash
      body = Array(lineBody)
    }
    let storedHash = String(decoding: hashBytes, as: UTF8.self)
    body.append(UInt8(ascii: "}"))
    try checkNewerVersion(body, previousHash: previousHash, storedHash: storedHash)
    let decoded: DecodedLine
    do {
      decoded = try decoder.decode(DecodedLine.self, from: Data(body))
    } catch {
      throw .notJSON(describe(error))
    }
    guard decoded.version == JournalEntry.formatVersion else { throw .unsupportedVersion(decoded.version) }
    guard chainHash(previous: previousHash, body: body[...]) == storedHash else { throw .hashMismatch }
    guard decoded.sequence == expectedSequence else {
      throw .wrongSequence(expected: expectedSequence, found: decoded.sequence)
    }
    return JournalEntry(
      version: decoded.version, sequence: decoded.sequence, time: decoded.time,
      operatorName: decoded.operatorName, change: decoded.change, hash: storedHash)
  }

  /// Throws when a line that reads as JSON was written by a newer version: a format version above this
  /// one, or (with a hash that holds, so the line is as written) an event type this version does not know.
  private static func checkNewerVersion(_ body: [UInt8], previousHash: String, storedHash: String)
    throws(JournalLineProblem)
  {
    guard let json = JSONLineParser.parse(body[...], maxDepth: maxNesting) else { return }
    if let version = json["v"]?.integerValue, version > JournalEntry.formatVersion {
      throw .unsupportedVersion(version)
    }
    if let unknown = JournalChange.unknownTypeName(in: json) {
      guard chainHash(previous: previousHash, body: body[...]) == storedHash else { throw .hashMismatch }
      throw .unknownType(unknown)
    }
  }

  /// `JSONDecoder`'s error in Polish: its own descriptions are English and never reach the user.
  private static func describe(_ error: any Error) -> String {
    func location(_ path: [any CodingKey]) -> String { path.map(\.stringValue).joined(separator: ".") }
    switch error {
    case DecodingError.keyNotFound(let key, _): return "brak pola „\(key.stringValue)”"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      return "zły typ wartości w „\(location(context.codingPath))”"
    case DecodingError.dataCorrupted(let context):
      // The one description of our own (an unknown event type) is Polish; Foundation's are not.
      if context.debugDescription.hasPrefix("nieznany typ zdarzenia") { return context.debugDescription }
      if context.codingPath.isEmpty { return "to nie jest poprawny JSON" }
      return "niedozwolona wartość w „\(location(context.codingPath))”"
    default: return "to nie jest poprawny JSON"
    }
  }
}

/// Any JSON text; see `JournalEntry.isJSONDocument`.
private struct AnyJSONDocument: Decodable {
  init(from decoder: any Decoder) {}
}
