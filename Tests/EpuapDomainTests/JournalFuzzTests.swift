import EpuapDomain
import Foundation
import TestSupport
import Testing

/// SplitMix64: a small, seeded generator, so every fuzz run is reproducible.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Mutated journals end in a known outcome, never a crash or a hang.
///
/// Each loads soundly, loads with a recovered torn tail, or is refused with a Polish message naming the line. `EPUAP_FUZZ_CASES` sets the count (10,000 by default).
@Suite("Fuzzed journals")
struct JournalFuzzTests {
  static let cases = Int(ProcessInfo.processInfo.environment["EPUAP_FUZZ_CASES"] ?? "") ?? 10_000

  static func validJournal() throws -> [UInt8] {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = folder.file("f.jsonl")
    let (writer, _) = try JournalWriter.create(
      at: path, unit: sampleUnit, operatorName: "Anna Nowak", time: "2026-11-25T10:00:00Z")
    try writer.append(
      .decisionMade(Decision(path: .sodFinn, vendor: "FINN")), operatorName: "A", time: "2026-11-25T10:00:01Z"
    )
    try writer.append(
      .mailboxSaved(MailboxEntry(id: "skrytka-1", address: "/pzgliwice/SkrytkaESP", action: .keep)),
      operatorName: "A",
      time: "2026-11-25T10:00:02Z")
    try writer.append(
      .cardSaved(ServiceCard(id: "karta-1", name: "Zażółć gęślą jaźń", status: .aktualna, action: .external)),
      operatorName: "Łucja", time: "2026-11-25T10:00:03Z")
    try writer.append(
      .stepMarked(StepMark(stepID: "3.1", status: .skipped, reason: "x")), operatorName: "A", time: "t")
    writer.close()
    return bytes(path)
  }

  /// Checks one outcome; returns its kind for the tally.
  ///
  /// With `original`, the oracle: whatever is read as sound (the whole file, or all but a torn tail) is the
  /// original's bytes up to one of its line ends — never a changed event taken for a recorded one.
  static func classify(_ input: [UInt8], original: [UInt8]? = nil) -> String {
    do {
      let journal = try JournalReader.parse(input, path: "fuzz.jsonl")
      // A sound prefix always folds.
      if !journal.entries.isEmpty { #expect(UnitState.fold(journal.entries) != nil) }
      if let original {
        let sound = Array(input.prefix(journal.soundLength))
        let atLineEnd = sound.isEmpty || (sound.count <= original.count && original[sound.count - 1] == 0x0A)
        #expect(
          original.starts(with: sound) && atLineEnd,
          "read as sound, yet not a line-boundary prefix of the original: \(sound.count) bytes")
      }
      return journal.tornTail == nil ? "sound" : "torn"
    } catch {
      switch error {
      case .damagedLine(_, let line, _):
        #expect(error.message.contains("wierszu \(line)"))
        #expect(line >= 1)
        return "refused"
      case .missingHeader:
        #expect(error.message.contains("Dziennik"))
        return "refused"
      case .writtenByNewerVersion(_, let line, _):
        #expect(error.message.contains("nowsza wersja programu") && error.message.contains("wiersz \(line)"))
        return "refused"
      default:
        Issue.record("unexpected error \(error)")
        return "other"
      }
    }
  }

  @Test(
    "truncation at every offset of a small journal: sound prefix, recovered tail, or (within the first line) refused"
  )
  func truncation() throws {
    let valid = try Self.validJournal()
    let lineEnds = valid.indices.filter { valid[$0] == 0x0A }
    for offset in 0...valid.count {
      let outcome = Self.classify(Array(valid[0..<offset]))
      if offset == 0 {
        #expect(outcome == "refused")
      } else if lineEnds.contains(offset - 1) {
        #expect(outcome == "sound", "offset \(offset)")
      } else {
        #expect(
          outcome == "torn" || (offset <= (lineEnds.first ?? 0) && outcome == "refused"), "offset \(offset)")
      }
    }
  }

  @Test("random mutations never crash and always end in a known outcome")
  func mutations() throws {
    let valid = try Self.validJournal()
    let lines = valid.split(separator: 0x0A).map(Array.init)
    var rng = SplitMix64(state: 2026)
    var tally: [String: Int] = [:]
    for index in 0..<Self.cases {
      var input = valid
      switch index % 8 {
      case 0:  // bit flips
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
          let position = Int.random(in: 0..<input.count, using: &rng)
          input[position] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
        }
      case 1:  // random bytes spliced in
        let position = Int.random(in: 0...input.count, using: &rng)
        input.insert(
          contentsOf: (0..<Int.random(in: 1...40, using: &rng)).map { _ in
            UInt8.random(in: 0...255, using: &rng)
          }, at: position)
      case 2:  // invalid UTF-8 in a value
        let position = Int.random(in: 0..<input.count, using: &rng)
        input.replaceSubrange(position..<min(input.count, position + 2), with: [0xC3, 0x28, 0xFF])
      case 3:  // duplicated line
        var copy = lines
        let line = Int.random(in: 0..<copy.count, using: &rng)
        copy.insert(copy[line], at: Int.random(in: 0...copy.count, using: &rng))
        input = Array(copy.joined(separator: [0x0A])) + [0x0A]
      case 4:  // reordered lines
        var copy = lines
        copy.swapAt(Int.random(in: 0..<copy.count, using: &rng), Int.random(in: 0..<copy.count, using: &rng))
        input = Array(copy.joined(separator: [0x0A])) + [0x0A]
      case 5:  // wrong version or sequence
        var text = String(decoding: valid, as: UTF8.self)
        let replacements = [
          ("\"v\":1", "\"v\":2"), ("\"seq\":3", "\"seq\":7"), ("\"seq\":1", "\"seq\":0"),
          ("\"type\":\"cardSaved\"", "\"type\":\"kosmos\""),
        ]
        let (from, to) = replacements[Int.random(in: 0..<replacements.count, using: &rng)]
        if let range = text.range(of: from) { text.replaceSubrange(range, with: to) }
        input = Array(text.utf8)
      case 6:  // truncation at a random offset plus garbage
        input =
          Array(input[0..<Int.random(in: 0...input.count, using: &rng)])
          + [UInt8](repeating: 0, count: Int.random(in: 0...8, using: &rng))
      default:  // a line replaced by random printable JSON-ish text
        var copy = lines
        let alphabet = Array(#"{}[]":,0123456789abcdefv"seq"#.utf8)
        copy[Int.random(in: 0..<copy.count, using: &rng)] = (0..<Int.random(in: 1...120, using: &rng)).map {
          _ in alphabet.randomElement(using: &rng)!
        }
        input = Array(copy.joined(separator: [0x0A])) + [0x0A]
      }
      tally[Self.classify(input, original: valid), default: 0] += 1
    }
    #expect(tally["other"] == nil)
    #expect(tally.values.reduce(0, +) == Self.cases)
    #expect((tally["refused"] ?? 0) > 0 && (tally["torn"] ?? 0) > 0)
  }

  @Test("a 10 MB line and 100,000 nested brackets are refused, not parsed to death")
  func hugeAndDeep() throws {
    let valid = try Self.validJournal()
    let huge =
      valid + Array(#"{"v":1,"seq":6,"payload":""#.utf8) + [UInt8](repeating: 0x61, count: 10_000_000)
      + Array(#""}"#.utf8) + [0x0A] + valid.suffix(10)
    #expect(Self.classify(huge) == "refused")
    let deep = valid + [UInt8](repeating: UInt8(ascii: "["), count: 100_000) + [0x0A]
    #expect(Self.classify(deep) == "torn")
    let deepMiddle = [UInt8](repeating: UInt8(ascii: "{"), count: 100_000) + [0x0A] + valid
    #expect(Self.classify(deepMiddle) == "refused")
  }
}
