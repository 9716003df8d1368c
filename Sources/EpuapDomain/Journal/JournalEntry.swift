import Crypto
import Foundation

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
  /// UTC, ISO 8601 with seconds, e.g.
  ///
  /// `2026-11-25T10:15:00Z`.
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
    var hasher = SHA256()
    hasher.update(data: Array(previous.utf8))
    hasher.update(data: Array(body))
    return hasher.finalize().map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
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
  public static func decode(
    _ line: ArraySlice<UInt8>, previousHash: String, expectedSequence: Int,
    decoder: JSONDecoder = JSONDecoder()
  ) throws(JournalLineProblem) -> JournalEntry {
    if nestsDeeper(line, than: maxNesting) { throw .notJSON("zbyt głęboko zagnieżdżony JSON") }
    guard line.count > hashTailLength,
      line.suffix(hashTailLength).starts(with: hashTailPrefix),
      line.last == UInt8(ascii: "}")
    else {
      if (try? JSONSerialization.jsonObject(with: Data(line))) == nil {
        throw .notJSON("to nie jest poprawny JSON")
      }
      throw .missingHash
    }
    let hashStart = line.endIndex - hashTailLength + hashTailPrefix.count
    let hashBytes = line[hashStart..<(hashStart + 64)]
    guard hashBytes.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }),
      line[hashStart + 64] == UInt8(ascii: "\"")
    else { throw .missingHash }
    let storedHash = String(decoding: hashBytes, as: UTF8.self)
    var body = Array(line[line.startIndex..<(line.endIndex - hashTailLength)])
    body.append(UInt8(ascii: "}"))
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

  private static func describe(_ error: any Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, _): return "brak pola „\(key.stringValue)”"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      return "zły typ wartości w „\(context.codingPath.map(\.stringValue).joined(separator: "."))”"
    case DecodingError.dataCorrupted(let context):
      return context.debugDescription.isEmpty ? "uszkodzone dane" : context.debugDescription
    default: return "to nie jest poprawny JSON"
    }
  }
}
