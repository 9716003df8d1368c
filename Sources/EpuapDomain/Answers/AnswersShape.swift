/// The keys an answers file may hold, checked on its bytes before it is decoded.
///
/// `JSONDecoder` ignores a key it does not know and keeps one value of a key given twice, so a misspelt
/// `consnet` or `setings` would be dropped without a word. This walk names each such key with its place
/// in the file and the keys allowed there. A file that is not JSON at all is left to the decoder, whose
/// message says so.
enum AnswersShape {
  /// What a place in the file may hold.
  indirect enum Node: Sendable {
    /// An object with these keys only.
    case object([String: Node])
    /// An object whose keys are ids (step ids, field ids), each holding `Node`.
    case map(Node)
    /// An array of `Node`.
    case array(Node)
    /// A string, number, boolean or null.
    case value
  }

  static let schema: Node = .object([
    "format": .value, "version": .value, "operator": .value,
    "unit": .object(["name": .value, "entityIdentifier": .value, "role": .value]),
    "decision": .object(["path": .value, "vendor": .value]),
    "steps": .map(.object(["status": .value, "reason": .value, "values": .map(.value)])),
    "mailboxes": .array(
      .object([
        "address": .value, "action": .value, "note": .value, "settings": .map(.value),
        "overrides": .array(.object(["field": .value, "value": .value, "reason": .value])),
      ])),
    "systems": .array(.object(["name": .value, "type": .value, "description": .value, "note": .value])),
    "consent": .object(["who": .value, "date": .value, "reference": .value]),
    "cards": .array(
      .object([
        "name": .value, "status": .value, "action": .value, "formName": .value, "url": .value,
        "epuapForm": .value, "mailbox": .value,
      ])),
  ])

  /// Every unknown or repeated key of `bytes`, each with its place, in the order of the file.
  static func problems(in bytes: [UInt8]) -> [String] {
    var walk = Walk(bytes: bytes)
    walk.value(schema, at: "")
    return walk.problems
  }

  /// One pass over the bytes; it stops quietly at the first thing that is not JSON.
  private struct Walk {
    let bytes: [UInt8]
    var index = 0
    var problems: [String] = []
    var broken = false

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func skipSpace() {
      while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    mutating func value(_ node: Node, at place: String) {
      skipSpace()
      guard !broken, index < bytes.count else {
        broken = true
        return
      }
      switch bytes[index] {
      case UInt8(ascii: "{"): object(node, at: place)
      case UInt8(ascii: "["): array(node, at: place)
      case UInt8(ascii: "\""): _ = string()
      default: scalar()
      }
    }

    mutating func object(_ node: Node, at place: String) {
      index += 1
      var seen: Set<String> = []
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
        index += 1
        return
      }
      while !broken {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else {
          broken = true
          return
        }
        let keyPlace = place.isEmpty ? key : "\(place).\(key)"
        if !seen.insert(key).inserted {
          problems.append("\(keyPlace): klucz podany drugi raz; zostaw jeden")
        }
        var child = Node.value
        switch node {
        case .object(let keys):
          if let known = keys[key] {
            child = known
          } else {
            let allowed = keys.keys.sorted().map { "„\($0)”" }.joined(separator: ", ")
            problems.append("\(keyPlace): nieznany klucz „\(key)”; dozwolone tutaj: \(allowed)")
          }
        case .map(let element): child = element
        default: break
        }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
          broken = true
          return
        }
        index += 1
        value(child, at: keyPlace)
        if !nextMember(closedBy: "}") { return }
      }
    }

    mutating func array(_ node: Node, at place: String) {
      index += 1
      let element: Node
      if case .array(let inner) = node { element = inner } else { element = .value }
      var position = 0
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
        index += 1
        return
      }
      while !broken {
        value(element, at: "\(place)[\(position)]")
        position += 1
        if !nextMember(closedBy: "]") { return }
      }
    }

    /// After a member of an object or array: a comma (true: another member follows), or `closer`, which
    /// ends it (false); anything else breaks the walk (false).
    mutating func nextMember(closedBy closer: Unicode.Scalar) -> Bool {
      skipSpace()
      guard index < bytes.count else {
        broken = true
        return false
      }
      switch bytes[index] {
      case UInt8(ascii: ","):
        index += 1
        return true
      case UInt8(ascii: closer):
        index += 1
        return false
      default:
        broken = true
        return false
      }
    }

    /// A string's text (escapes decoded); nil when it does not end.
    mutating func string() -> String? {
      index += 1
      var scalars = String.UnicodeScalarView()
      var raw: [UInt8] = []
      func flush() {
        scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
        raw = []
      }
      while index < bytes.count {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\"") {
          flush()
          return String(scalars)
        }
        guard byte == UInt8(ascii: "\\") else {
          raw.append(byte)
          continue
        }
        guard index < bytes.count else { break }
        let escaped = bytes[index]
        index += 1
        flush()
        switch escaped {
        case UInt8(ascii: "u"):
          guard index + 4 <= bytes.count,
            let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
          else {
            broken = true
            return nil
          }
          index += 4
          scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "b"): scalars.append("\u{8}")
        case UInt8(ascii: "f"): scalars.append("\u{C}")
        default: scalars.append(Unicode.Scalar(escaped))
        }
      }
      broken = true
      return nil
    }

    /// A number, `true`, `false` or `null`: skipped up to the next separator.
    mutating func scalar() {
      let start = index
      while index < bytes.count,
        ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]")].contains(bytes[index])
      {
        index += 1
      }
      if index == start { broken = true }
    }
  }
}
