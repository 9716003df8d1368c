import Foundation
import Testing

@testable import EpuapDomain

/// The journal's fast read path agrees with `JSONDecoder`: on every line it accepts it gives the same entry
/// (or the same refusal), and it accepts every line the writer produces.
@Suite("Journal fast read path")
struct JournalFastPathTests {
  typealias Outcome = Result<JournalEntry, JournalLineProblem>

  static func fast(_ line: [UInt8], previous: String = JournalEntry.genesisHash, sequence: Int = 1)
    -> Outcome?
  {
    do {
      guard
        let entry = try JournalLineCodec.decodeFast(
          line[...], previousHash: previous, expectedSequence: sequence)
      else { return nil }
      return .success(entry)
    } catch {
      return .failure(error)
    }
  }

  static func slow(_ line: [UInt8], previous: String = JournalEntry.genesisHash, sequence: Int = 1) -> Outcome
  {
    do {
      return .success(
        try JournalLineCodec.decodeWithFoundation(
          line[...], previousHash: previous, expectedSequence: sequence))
    } catch {
      return .failure(error)
    }
  }

  /// A line with a correct hash for `body` (a JSON object), as if written by another program.
  static func line(body: [UInt8], previous: String = JournalEntry.genesisHash) -> [UInt8] {
    var withoutBrace = body
    if withoutBrace.last == UInt8(ascii: "}") { withoutBrace.removeLast() }
    let hash = JournalLineCodec.chainHash(previous: previous, body: (withoutBrace + [UInt8(ascii: "}")])[...])
    return withoutBrace + Array(#","hash":"\#(hash)"}"#.utf8)
  }

  static func line(_ body: String) -> [UInt8] { line(body: Array(body.utf8)) }

  static let awkwardText = [
    "", "Zażółć gęślą jaźń", "cudzysłów \" i ukośnik \\ oraz /", "tab\tnowa\nlinia\r", "\u{07}\u{1B}[31m",
    "emoji 🙂 i 𝄞", "\u{2028}\u{2029}", "ZAŻÓŁĆ", "a\u{0}b", String(repeating: "x", count: 300),
  ]

  static func text(_ random: inout SplitMix64) -> String {
    awkwardText[Int(random.next() % UInt64(awkwardText.count))] + String(random.next() % 1000)
  }

  static func pick<T: CaseIterable>(_: T.Type, _ random: inout SplitMix64) -> T {
    let all = Array(T.allCases)
    return all[Int(random.next() % UInt64(all.count))]
  }

  static func change(_ random: inout SplitMix64, depth: Int = 0) -> JournalChange {
    // The last kind, a batch, only at the top: a batch holds no batch.
    let kinds = UInt64(JournalChange.Kind.allCases.count)
    let kind = Int(random.next() % (depth == 0 ? kinds : kinds - 1))
    switch kind {
    case 0:
      return .unitCreated(
        UnitInfo(name: text(&random), entityIdentifier: text(&random), role: pick(Role.self, &random)))
    case 1:
      return .unitUpdated(
        UnitInfo(name: text(&random), entityIdentifier: text(&random), role: pick(Role.self, &random)))
    case 2: return .decisionMade(Decision(path: pick(PathID.self, &random), vendor: text(&random)))
    case 3:
      return .stepMarked(
        StepMark(stepID: text(&random), status: pick(StepStatus.self, &random), reason: text(&random)))
    case 4: return .stepValuesRecorded(StepValues(stepID: text(&random), values: values(&random)))
    case 5:
      return .mailboxSaved(
        MailboxEntry(
          id: text(&random), address: text(&random), action: pick(MailboxAction.self, &random),
          note: text(&random)))
    case 6: return .mailboxRemoved(ItemRef(id: text(&random)))
    case 7:
      return .mailboxSettingsRecorded(MailboxSettings(mailboxID: text(&random), values: values(&random)))
    case 8:
      return .overrideSaved(
        VendorOverride(
          mailboxID: text(&random), fieldID: text(&random), value: text(&random), reason: text(&random)))
    case 9: return .overrideRemoved(OverrideRef(mailboxID: text(&random), fieldID: text(&random)))
    case 10:
      return .systemSaved(
        SystemEntry(name: text(&random), type: text(&random), description: text(&random), note: text(&random))
      )
    case 11: return .systemRemoved(ItemRef(id: text(&random)))
    case 12:
      return .consentRecorded(Consent(who: text(&random), date: text(&random), reference: text(&random)))
    case 13:
      return .cardSaved(
        ServiceCard(
          id: text(&random), name: text(&random), status: pick(CardStatus.self, &random),
          action: random.next() % 3 == 0 ? nil : pick(CardAction.self, &random), formName: text(&random),
          url: text(&random), epuapForm: text(&random), mailbox: text(&random)))
    case 14: return .cardRemoved(ItemRef(id: text(&random)))
    default: return .batch((0..<Int(random.next() % 4)).map { _ in change(&random, depth: depth + 1) })
    }
  }

  static func values(_ random: inout SplitMix64) -> [String: String] {
    Dictionary((0..<Int(random.next() % 4)).map { _ in (text(&random), text(&random)) }) { first, _ in first }
  }

  /// An object with a key twice is left to the slow path (which of the two wins is a decoder's choice);
  /// keys that only share a length or a beginning are not taken for the same.
  @Test func duplicateKeysAreLeftToTheSlowPath() {
    func parse(_ text: String) -> JSONValue? {
      JSONLineParser.parse(ArraySlice(Array(text.utf8)), maxDepth: 8)
    }
    #expect(parse(#"{"a":1,"b":2,"a":3}"#) == nil)
    #expect(parse(#"{"klucz":{"x":1},"klucz":2}"#) == nil)
    #expect(parse(#"{"a":{"b":1,"b":1}}"#) == nil)
    #expect(parse(#"{"ab":1,"ba":2,"a":3,"abc":4}"#)?["a"] == .integer(3))
    #expect(parse(#"{"ą":1,"a":2,"aa":3}"#)?["aa"] == .integer(3))
  }

  @Test("every kind of change the writer produces is read by the fast path, equal to JSONDecoder's reading")
  func writerOutputTakesTheFastPath() throws {
    var random = SplitMix64(state: 7)
    var previous = JournalEntry.genesisHash
    var kinds: Set<JournalChange.Kind> = []
    for sequence in 1...3000 {
      let change = Self.change(&random)
      kinds.insert(change.kind)
      let operatorName = Self.text(&random)
      let (bytes, hash) = try JournalLineCodec.encode(
        sequence: sequence, time: "2026-11-25T10:00:00Z", operatorName: operatorName, change: change,
        previousHash: previous)
      let line = Array(bytes.dropLast())
      #expect(String(decoding: line, as: UTF8.self).contains(#""type":"\#(change.kind.rawValue)""#))
      let fast = try #require(Self.fast(line, previous: previous, sequence: sequence), "\(change)")
      let entry = try fast.get()
      #expect(entry.change == change)
      #expect(entry.operatorName == operatorName)
      #expect(entry.hash == hash)
      #expect(Self.slow(line, previous: previous, sequence: sequence) == fast)
      previous = hash
    }
    #expect(kinds == Set(JournalChange.Kind.allCases), "the generator makes every kind of change")
  }

  /// Lines another program could have written: the fast path either reads them as JSONDecoder does or leaves
  /// them to it.
  static let handWritten: [String] = [
    #"{"v":1,"seq":1,"time":"t","operator":"o","type":"stepMarked","payload":{"stepID":"3.1","status":"done","reason":""}}"#,
    #"{"payload":{"reason":"","status":"done","stepID":"3.1"},"type":"stepMarked","operator":"o","time":"t","seq":1,"v":1}"#,
    #"{ "v" : 1 , "seq":1,"time":"t","operator":"o","type":"stepMarked","payload":{"stepID":"3.1","status":"done","reason":"","extra":[1,true,null,{"a":{}}]}}"#,
    #"{"v":1,"seq":1,"time":"t","operator":"\u0105\u0142 \ud83d\ude42 \/ \b\f\n\r\t","type":"cardRemoved","payload":{"id":"k"}}"#,
    #"{"v":1,"seq":1,"time":"t","operator":"\ud83d","type":"cardRemoved","payload":{"id":"k"}}"#,
    #"{"v":1,"seq":1,"time":"t","operator":"\ude42\ud83d","type":"cardRemoved","payload":{"id":"k"}}"#,
    #"{"v":1,"seq":1,"time":"t","operator":"\x","type":"cardRemoved","payload":{"id":"k"}}"#,
    #"{"v":1,"seq":1,"seq":2,"time":"t","operator":"o","type":"cardRemoved","payload":{"id":"k"}}"#,
    #"{"v":1.0,"seq":1,"time":"t","operator":"o","type":"cardRemoved","payload":{"id":"k"}}"#,
    #"{"v":1,"seq":1e0,"time":"t","operator":"o","type":"cardRemoved","payload":{"id":"k"}}"#,
    #"{"v":1,"seq":01,"time":"t","operator":"o","type":"cardRemoved","payload":{"id":"k"}}"#,
    #"{"v":1,"seq":-1,"time":"t","operator":"o","type":"cardRemoved","payload":{"id":"k"}}"#,
    #"{"v":1,"seq":99999999999999999999,"time":"t","operator":"o","type":"cardRemoved","payload":{"id":"k"}}"#,
    #"{"v":2,"seq":1,"time":"t","operator":"o","type":"cardRemoved","payload":{"id":"k"}}"#,
    #"{"v":1,"seq":2,"time":"t","operator":"o","type":"cardRemoved","payload":{"id":"k"}}"#,
    #"{"v":1,"seq":1,"time":"t","operator":"o","type":"cardSaved","payload":{"id":"k","name":"n","status":"aktualna","action":null,"formName":"","url":"","epuapForm":"","mailbox":""}}"#,
    #"{"v":1,"seq":1,"time":"t","operator":"o","type":"cardSaved","payload":{"id":"k","name":"n","status":"aktualna","formName":"","url":"","epuapForm":"","mailbox":""}}"#,
    #"{"v":1,"seq":1,"time":"t","operator":"o","type":"cardSaved","payload":{"id":"k","name":"n","status":"aktualna","action":"zniszcz","formName":"","url":"","epuapForm":"","mailbox":""}}"#,
    #"{"v":1,"seq":1,"time":"t","operator":"o","type":"cardSaved","payload":{"id":"k","name":"n","status":"aktualna","url":"","epuapForm":"","mailbox":""}}"#,
    #"{"v":1,"seq":1,"time":"t","operator":"o","type":"cardSaved","payload":{"id":"k","name":true,"status":"aktualna","formName":"","url":"","epuapForm":"","mailbox":""}}"#,
    #"{"v":1,"seq":1,"time":"t","operator":"o","type":"stepValuesRecorded","payload":{"stepID":"2.1","values":{"a":"1","b":2}}}"#,
    #"{"v":1,"seq":1,"time":"t","operator":"o","type":"stepValuesRecorded","payload":{"stepID":"2.1","values":{}}}"#,
    #"{"v":1,"seq":1,"time":"t","operator":"o","type":"batch","payload":[{"type":"cardRemoved","payload":{"id":"a"}},{"type":"batch","payload":[]}]}"#,
    #"{"v":1,"seq":1,"time":"t","operator":"o","type":"batch","payload":{"type":"cardRemoved"}}"#,
    #"{"v":1,"seq":1,"time":"t","operator":"o","type":"nowyTyp","payload":{}}"#,
    #"{"v":1,"seq":1,"time":"t","operator":"o","type":"cardRemoved","payload":"k"}"#,
    #"{"v":1,"seq":1,"time":"t","operator":null,"type":"cardRemoved","payload":{"id":"k"}}"#,
    #"{"v":1,"seq":1,"time":"t","operator":"o","type":"cardRemoved","payload":{"id":"k"},}"#,
    #"{"v":1,"seq":1,"time":"t","operator":"o","type":"cardRemoved","payload":{"id":"k"}}  "#,
    #"{"v":1,"seq":1,"time":"t","operator":"o","type":"cardRemoved","payload":{"id":"k"},"x":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"#,
    #"{"v":1,"seq":1,"time":"t","operator":"o","type":"cardRemoved","payload":{"id":"k"},"x":tru}"#,
    #"{"v":1,"seq":1,"time":"t","operator":"o","type":"cardRemoved","payload":{"id":"k"},"x":[1 2]}"#,
  ]

  @Test("hand-written lines are read as JSONDecoder reads them, or left to it", arguments: handWritten)
  func handWrittenLine(body: String) {
    let line = Self.line(body)
    if let fast = Self.fast(line) { #expect(fast == Self.slow(line)) }
  }

  @Test("the fast path reads escapes, surrogate pairs, reordered and unknown members")
  func fastPathCoversTheValidVariants() throws {
    for index in [0, 1, 2, 3, 15, 16, 21, 22] {
      let line = Self.line(Self.handWritten[index])
      #expect(Self.fast(line) != nil, "line \(index)")
    }
    let escaped = try #require(Self.fast(Self.line(Self.handWritten[3]))).get()
    #expect(escaped.operatorName == "ął 🙂 / \u{8}\u{C}\n\r\t")
  }

  @Test("invalid UTF-8 inside a string is left to JSONDecoder")
  func invalidUTF8() {
    var body = Array(#"{"v":1,"seq":1,"time":"t","operator":"o"#.utf8)
    body += [0xC3, 0x28]
    body += Array(#"","type":"cardRemoved","payload":{"id":"k"}}"#.utf8)
    let line = Self.line(body: body)
    #expect(Self.fast(line) == nil)
    if case .success = Self.slow(line) { Issue.record("JSONDecoder read invalid UTF-8") }
  }

  @Test("mutated lines with a recomputed hash: the two paths never disagree")
  func mutatedLinesAgree() throws {
    var random = SplitMix64(state: 99)
    var accepted = 0
    for _ in 0..<3000 {
      let (bytes, _) = try JournalLineCodec.encode(
        sequence: 1, time: "2026-11-25T10:00:00Z", operatorName: Self.text(&random),
        change: Self.change(&random),
        previousHash: JournalEntry.genesisHash)
      var body = Array(bytes.dropLast().dropLast(JournalLineCodec.hashTailLength))
      let interesting = Array(#"{}[]",:\ 0-1.eEtnu"#.utf8) + [0xC3, 0x80, 0xFF]
      for _ in 0..<Int(1 + random.next() % 3) where !body.isEmpty {
        let position = Int(random.next() % UInt64(body.count))
        let byte = interesting[Int(random.next() % UInt64(interesting.count))]
        switch random.next() % 3 {
        case 0: body[position] = byte
        case 1: body.insert(byte, at: position)
        default: body.remove(at: position)
        }
      }
      let line = Self.line(body: body + [UInt8(ascii: "}")])
      if let fast = Self.fast(line) {
        accepted += 1
        #expect(fast == Self.slow(line), "\(String(decoding: line, as: UTF8.self))")
      }
    }
    // Some mutations leave a line readable (a changed letter inside a string), so both paths were compared.
    #expect(accepted > 100)
  }
}

/// Long journals are read ahead on several threads; the outcome is the one a line-by-line reading gives,
/// wherever the damage is.
@Suite("Journal read-ahead on several threads")
struct ParallelReadTests {
  /// A journal of `lines` lines as the writer would put them on disk (built in memory: no fsync per line).
  static func longJournal(lines: Int) throws -> [UInt8] {
    var bytes: [UInt8] = []
    var previous = JournalEntry.genesisHash
    for sequence in 1...lines {
      let change: JournalChange =
        sequence == 1
        ? .unitCreated(sampleUnit) : .stepMarked(StepMark(stepID: "3.\(sequence % 13 + 1)", status: .done))
      let line = try JournalLineCodec.encode(
        sequence: sequence, time: "2026-11-25T10:00:00Z", operatorName: "Anna Nowak", change: change,
        previousHash: previous)
      bytes += line.bytes
      previous = line.hash
    }
    return bytes
  }

  static func outcome(_ bytes: [UInt8], workers: Int) -> String {
    do {
      let journal = try JournalReader.parse(bytes, path: "j.jsonl", workers: workers)
      return "entries \(journal.entries.count) last \(journal.lastHash) sound \(journal.soundLength) "
        + "torn \(String(describing: journal.tornTail))"
    } catch {
      return "error \(error.message)"
    }
  }

  @Test("a sound long journal reads the same with 1, 2 and 3 threads")
  func soundJournal() throws {
    let journal = try Self.longJournal(lines: ParallelLineDecoder.minimumLines + 500)
    let reference = Self.outcome(journal, workers: 1)
    #expect(reference.hasPrefix("entries \(ParallelLineDecoder.minimumLines + 500) "))
    #expect(Self.outcome(journal, workers: 2) == reference)
    #expect(Self.outcome(journal, workers: 3) == reference)
  }

  @Test("damage anywhere in a long journal gives the same outcome as a line-by-line reading")
  func damagedJournals() throws {
    let journal = try Self.longJournal(lines: ParallelLineDecoder.minimumLines + 100)
    let newlines = journal.indices.filter { journal[$0] == 0x0A }
    var random = SplitMix64(state: 5)
    var outcomes: Set<String> = []
    for round in 0..<25 {
      var damaged = journal
      switch round % 5 {
      case 0:  // a changed byte in some line
        let at = Int(random.next() % UInt64(damaged.count))
        damaged[at] = damaged[at] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
      case 1:  // a torn last line
        damaged.removeLast(Int(1 + random.next() % 150))
      case 2:  // a line removed
        let line = Int(1 + random.next() % UInt64(newlines.count - 2))
        damaged.removeSubrange((newlines[line - 1] + 1)...newlines[line])
      case 3:  // two lines swapped
        let line = Int(1 + random.next() % UInt64(newlines.count - 3))
        let first = Array(damaged[(newlines[line - 1] + 1)...newlines[line]])
        let second = Array(damaged[(newlines[line] + 1)...newlines[line + 1]])
        damaged.replaceSubrange((newlines[line - 1] + 1)...newlines[line + 1], with: second + first)
      default:  // a newline removed, joining two lines
        damaged.remove(at: newlines[Int(random.next() % UInt64(newlines.count - 1))])
      }
      let reference = Self.outcome(damaged, workers: 1)
      #expect(Self.outcome(damaged, workers: 2) == reference, "round \(round)")
      outcomes.insert(String(reference.prefix(5)))
    }
    // Both kinds of outcome were compared: refused journals and journals read with a torn tail.
    #expect(outcomes.contains("error"))
    #expect(outcomes.contains("entri"))
  }
}
