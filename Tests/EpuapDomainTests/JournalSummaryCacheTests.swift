import Foundation
import TestSupport
import Testing

@testable import EpuapDomain

@Suite("Journal seal and the folder's summary cache")
struct JournalSummaryCacheTests {
  static let procedure = try! ProcedureLoader.builtIn()

  func cache(_ folder: TempFolder, key: String = "test 1") -> JournalSummaryCache {
    JournalSummaryCache(folder: folder.path, key: key)
  }

  /// Entries as the backend stores them: from journals read in full.
  func entries(_ paths: [String]) -> [String: JournalSummaryCache.Entry] {
    var result: [String: JournalSummaryCache.Entry] = [:]
    for path in paths {
      let read = ReadJournal(path: path)
      result[(path as NSString).lastPathComponent] = JournalSummaryCache.Entry(
        seal: read.seal!, summary: JournalSummary.summary(of: read, procedure: Self.procedure))
    }
    return result
  }

  @Test("the seal is the file's length and its last line's hash, read from the end only")
  func sealOfJournal() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder, events: 5)
    let loaded = try JournalReader.load(path: path)
    let seal = try #require(JournalSeal.read(path: path))
    #expect(seal == JournalSeal(byteCount: bytes(path).count, lastHash: loaded.entries.last!.hash))
    #expect(ReadJournal(path: path).seal == seal)
  }

  @Test("the seal changes with an append, and a one-line journal has one")
  func sealFollowsAppends() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder, events: 0)
    let before = try #require(JournalSeal.read(path: path))
    let (writer, _, _) = try JournalWriter.open(at: path, now: fixedDate)
    try writer.append(
      .stepMarked(StepMark(stepID: "2.1", status: .done)), operatorName: "Anna Nowak",
      time: "2026-11-25T11:00:00Z")
    #expect(JournalSeal.read(path: path) == writer.seal)
    writer.close()
    let after = try #require(JournalSeal.read(path: path))
    #expect(after != before)
    #expect(after.byteCount > before.byteCount)
  }

  @Test("a last line longer than the first look at the tail (4 KiB) is still found")
  func sealOfLongLastLine() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder, events: 2)
    let (writer, _, _) = try JournalWriter.open(at: path, now: fixedDate)
    try writer.append(
      .stepMarked(StepMark(stepID: "3.1", status: .skipped, reason: String(repeating: "ż", count: 6000))),
      operatorName: "Anna Nowak", time: "2026-11-25T11:00:00Z")
    writer.close()
    #expect(JournalSeal.read(path: path) == ReadJournal(path: path).seal)
    #expect(JournalSeal.read(path: path) != nil)
  }

  @Test("no seal for a torn last line, an empty or missing file, a folder, or a line without a hash")
  func noSeal() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder, events: 2)
    var torn = bytes(path)
    torn.removeLast(10)
    writeBytes(folder.file("torn.jsonl"), torn)
    writeBytes(folder.file("empty.jsonl"), [])
    writeBytes(folder.file("plain.jsonl"), Array("{\"a\":1}\n".utf8))
    try FileManager.default.createDirectory(
      atPath: folder.file("dir.jsonl"), withIntermediateDirectories: true)
    for name in ["torn.jsonl", "empty.jsonl", "plain.jsonl", "dir.jsonl", "missing.jsonl"] {
      #expect(JournalSeal.read(path: folder.file(name)) == nil, "\(name)")
    }
    #expect(ReadJournal(path: folder.file("torn.jsonl")).seal == nil)
  }

  @Test("entries written are read back the same, and the file is the owner's only")
  func roundTrip() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let decided = try makeJournal(in: folder, name: "a.jsonl", events: 3)
    let (writer, _, _) = try JournalWriter.open(at: decided, now: fixedDate)
    try writer.append(
      .decisionMade(Decision(path: .sodOther, vendor: "EZD RP \"NASK\" / \\ \u{1}")),
      operatorName: "Zofia Żółć", time: "2026-11-25T12:00:00Z")
    writer.close()
    let bare = try makeJournal(in: folder, name: "b.jsonl", events: 0)
    var written = entries([decided, bare])
    // Every member of a summary, the optional ones set: a unit whose journal could not be read, with a
    // torn last line and subordinates listed; its seal's length is not the file's, so it gets no stamp.
    writeBytes(folder.file("c.jsonl"), Array("x".utf8))
    written["c.jsonl"] = JournalSummaryCache.Entry(
      seal: JournalSeal(byteCount: 99, lastHash: "abc"),
      summary: JournalSummary(
        path: folder.file("c.jsonl"), unitName: "Urząd „Ż” \\ \"1\"", entityIdentifier: "umslaski", role: .um,
        chosenPath: .um, doneCount: 7, totalCount: 30, lastChange: "2026-11-25T12:00:00Z",
        lastOperator: "Zofia Żółć", eventCount: 41, problem: "nie można odczytać", tornTail: true,
        subordinates: ["jp1", "Szkoła nr 2 w Gliwicach"]))
    #expect(written["b.jsonl"]?.summary.chosenPath == nil)
    #expect(written["a.jsonl"]?.summary.chosenPath == .sodOther)
    #expect(cache(folder).store(written))
    let loaded = cache(folder).load()
    #expect(loaded.mapValues { JournalSummaryCache.Entry(seal: $0.seal, summary: $0.summary) } == written)
    // Each entry stored carries the journal's stamp as it was stored.
    #expect(loaded["a.jsonl"]?.stamp == FileStamp(path: decided) && loaded["a.jsonl"]?.stamp != nil)
    #expect(loaded["b.jsonl"]?.stamp == FileStamp(path: bare))
    #expect(loaded["c.jsonl"] != nil && loaded["c.jsonl"]?.stamp == nil)
    let mode = try FileManager.default.attributesOfItem(atPath: cache(folder).path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(files.contains(".spis-dziennikow.json"))
    #expect(!files.contains { $0.hasSuffix(".tmp") }, "\(files)")
  }

  @Test("a file written with another key, of another format, or damaged is ignored")
  func unusableFiles() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder, events: 1)
    #expect(cache(folder).store(entries([path])))
    #expect(!cache(folder).load().isEmpty)
    #expect(cache(folder, key: "test 2").load().isEmpty)
    let text = String(decoding: bytes(cache(folder).path), as: UTF8.self)
    #expect(text.hasPrefix("[3,"))
    writeBytes(
      cache(folder).path, Array(("[2" + text.dropFirst(2)).utf8))
    #expect(cache(folder).load().isEmpty)
    for damaged in [Array(text.utf8.prefix(text.utf8.count / 2)), [0xFF, 0x00], Array("[]".utf8)] {
      writeBytes(cache(folder).path, damaged)
      #expect(cache(folder).load().isEmpty)
    }
  }

  @Test("an entry with a member missing, added or of another kind makes the whole file unusable")
  func entryOfAnotherShape() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let paths = try ["a.jsonl", "b.jsonl"].map { try makeJournal(in: folder, name: $0, events: 2) }
    #expect(cache(folder).store(entries(paths)))
    let text = String(decoding: bytes(cache(folder).path), as: UTF8.self)
    #expect(cache(folder).load().count == 2)
    // The second entry's torn-tail flag (`false,null,null]]]` ends the file) changed in four ways.
    #expect(text.hasSuffix("false,null,null]]]"))
    for ending in [
      "0,null,null]]]", "false,null]]]", "false,null,null,null]]]", "false,null,[1]]]]", "false,null,null]]",
    ] {
      writeBytes(cache(folder).path, Array((text.dropLast(18) + ending).utf8))
      #expect(cache(folder).load().isEmpty, "\(ending)")
    }
    // A role that is not one of the roles.
    writeBytes(cache(folder).path, Array(text.replacingOccurrences(of: "\"partner\"", with: "\"wójt\"").utf8))
    #expect(cache(folder).load().isEmpty)
    // Whitespace between the values is still the same file.
    writeBytes(cache(folder).path, Array(text.replacingOccurrences(of: ",", with: " , ").utf8))
    #expect(cache(folder).load().count == 2)
  }

  @Test("storing merges with what the file holds and drops journals no longer in the folder")
  func storeMerges() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let first = try makeJournal(in: folder, name: "a.jsonl", events: 1)
    let second = try makeJournal(in: folder, name: "b.jsonl", events: 2)
    #expect(cache(folder).store(entries([first])))
    #expect(cache(folder).store(entries([second])))
    #expect(Set(cache(folder).load().keys) == ["a.jsonl", "b.jsonl"])
    try FileManager.default.removeItem(atPath: first)
    #expect(cache(folder).store([:]))
    #expect(Set(cache(folder).load().keys) == ["b.jsonl"])
  }

  @Test("a cache that cannot be written is not kept, and nothing fails")
  func unwritableFolder() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder, events: 1)
    // A "folder" that is a file: no file can be created in it, whoever runs the test (root too).
    writeBytes(folder.file("plik"), [])
    let cache = JournalSummaryCache(folder: folder.file("plik"), key: "test 1")
    #expect(!cache.store(entries([path])))
    #expect(cache.load().isEmpty)
  }

  @Test("listing: cached where the seal matches, read where the journal changed or the key differs")
  func listing() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let kept = try makeJournal(in: folder, name: "a.jsonl", events: 2)
    let changed = try makeJournal(in: folder, name: "b.jsonl", events: 2)
    let stored = entries([kept, changed])
    #expect(cache(folder).store(stored))
    let (writer, _, _) = try JournalWriter.open(at: changed, now: fixedDate)
    try writer.append(
      .stepMarked(StepMark(stepID: "3.9", status: .done)), operatorName: "Anna Nowak",
      time: "2026-11-25T13:00:00Z")
    writer.close()

    let directory = JournalDirectory(path: folder.path)
    let listed = directory.listing(cache: cache(folder))
    #expect(listed.count == 2)
    guard case .cached(let path, let entry) = listed[0], case .read(let read) = listed[1] else {
      Issue.record("expected a.jsonl cached and b.jsonl read, got \(listed)")
      return
    }
    #expect(path == kept)
    #expect(entry.seal == stored["a.jsonl"]?.seal && entry.summary == stored["a.jsonl"]?.summary)
    #expect(entry.stamp == FileStamp(path: kept))
    #expect(read.path == changed)
    #expect(JournalSummary.summary(of: read, procedure: Self.procedure).eventCount == 4)

    for listing in [directory.listing(cache: nil), directory.listing(cache: cache(folder, key: "test 2"))] {
      #expect(listing.allSatisfy { if case .read = $0 { true } else { false } })
    }
  }

  @Test("a stamp that still holds spares reading the journal's end; one that does not falls back to the seal")
  func stamps() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder, events: 2)
    let read = try #require(entries([path]).values.first)
    let name = PathText.lastComponent(of: path)
    // An entry whose seal is wrong but whose stamp is the file's: the stamp vouches, the end is not read.
    var wrong = read
    wrong.seal.lastHash = String(repeating: "0", count: 64)
    #expect(cache(folder).store([name: wrong]))
    #expect(cache(folder).load()[name]?.stamp != nil)
    let directory = JournalDirectory(path: folder.path)
    guard case .cached = directory.listing(cache: cache(folder))[0] else {
      Issue.record("the stamp holds, so the entry is taken without reading the seal")
      return
    }
    // The file's times change (as any write changes them): the stamp no longer holds, the seal is read
    // from the file's end, and it is not the entry's.
    var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
    #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    guard case .read = directory.listing(cache: cache(folder))[0] else {
      Issue.record("the stamp changed and the seal differs: the journal must be read")
      return
    }
    // An entry whose journal has grown since its seal gets no stamp at all.
    var stale = read
    stale.seal.byteCount -= 1
    #expect(cache(folder).store([name: stale]))
    #expect(cache(folder).load()[name]?.stamp == nil)
  }

  @Test("journal files are the names ending in .jsonl, sorted; no other name in the folder")
  func journalNames() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    for name in ["b.jsonl", ".jsonl", "a.jsonl", "a.json", "ajsonl", "a.jsonl.odlozone-1", "a.JSONL"] {
      folder.write(name, "")
    }
    #expect(try JournalDirectory(path: folder.path).fileNames() == [".jsonl", "a.jsonl", "b.jsonl"])
    #expect(
      try JournalDirectory(path: folder.path).files() == [".jsonl", "a.jsonl", "b.jsonl"].map(folder.file))
  }

  @Test(
    "a stamp reads back from its numbers, is the same by path and by name in its folder, and refuses others")
  func stampNumbers() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder, events: 2)
    let stamp = try #require(FileStamp(path: path))
    #expect(FileStamp(numbers: stamp.numbers) == stamp)
    #expect(stamp.byteCount == bytes(path).count)
    let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY)
    defer { close(descriptor) }
    #expect(FileStamp(name: PathText.lastComponent(of: path), inFolder: descriptor) == stamp)
    let written = FileStamp(numbers: [
      16_326_761, 128_651, 1_796_188_419, 848_795_658, 1_796_188_419, 852_795_658,
    ])
    #expect(written?.inode == 16_326_761 && written?.byteCount == 128_651)
    for numbers in [
      [], [1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6, 7], [1, -2, 3, 4, 5, 6], [1, 2, 3, 1_000_000_000, 5, 6],
      [1, 2, 3, 4, 5, -1],
    ] {
      #expect(FileStamp(numbers: numbers) == nil, "\(numbers)")
    }
    // An inode above Int.max (some network and FUSE file systems) and times before 1970 read back too.
    let far = [-1, 10, -5, 0, -2, 1]
    #expect(FileStamp(numbers: far)?.numbers == far && FileStamp(numbers: far)?.inode == UInt64.max)
    // Not a regular file: no stamp.
    #expect(FileStamp(path: folder.path) == nil)
    #expect(symlink(path, folder.file("link.jsonl")) == 0)
    #expect(FileStamp(name: "link.jsonl", inFolder: descriptor) == nil)
  }

  @Test("a journal damaged inside without changing its length keeps its seal: the listing trusts it")
  func sameLengthDamage() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder, events: 3)
    #expect(cache(folder).store(entries([path])))
    let text = String(decoding: bytes(path), as: UTF8.self)
    let damaged = text.replacingOccurrences(of: "\"stepID\":\"3.1\"", with: "\"stepID\":\"3.7\"")
    #expect(damaged != text && damaged.utf8.count == text.utf8.count)
    writeBytes(path, Array(damaged.utf8))
    guard case .cached = JournalDirectory(path: folder.path).listing(cache: cache(folder))[0] else {
      Issue.record("the seal is unchanged, so the summary is taken from the cache")
      return
    }
    #expect(ReadJournal(path: path).seal == nil)
  }
}
