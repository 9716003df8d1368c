import Dispatch
import EpuapDomain
import Foundation
import TestSupport
import Testing

/// One writer per journal whatever the path, recovery only of a torn tail, only regular files read,
/// and files created only the safe way (`NewFile`).
@Suite("Journal hardening")
struct JournalHardeningTests {
  /// A journal line with a hash that holds, for content this version does not write itself.
  static func line(_ body: String, after previous: String) -> [UInt8] {
    let bodyBytes = Array(body.utf8)
    let hash = JournalLineCodec.chainHash(previous: previous, body: bodyBytes[...])
    return Array(bodyBytes.dropLast()) + Array(#","hash":"\#(hash)"}"#.utf8) + [0x0A]
  }

  /// Runs `body` on another thread and reports whether it finished within `seconds` (a FIFO must not
  /// block the caller).
  static func finishes(within seconds: Double, _ body: @escaping @Sendable () -> Void) -> Bool {
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      body()
      done.signal()
    }
    return done.wait(timeout: .now() + seconds) == .success
  }

  static func sideFiles(_ folder: TempFolder) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
      $0.contains(".odlozone-")
    }
  }

  @Test("the same journal through a symbolic link or a hard link is the same lock")
  func lockFollowsTheFile() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder)
    try FileManager.default.createSymbolicLink(atPath: folder.file("link.jsonl"), withDestinationPath: path)
    #expect(link(path, folder.file("hard.jsonl")) == 0)
    let (first, _, _) = try JournalWriter.open(at: path)
    for other in [folder.file("link.jsonl"), folder.file("hard.jsonl"), folder.path + "/./j.jsonl"] {
      #expect {
        _ = try JournalWriter.open(at: other)
      } throws: { error in
        guard case JournalError.locked(_, let holder) = error else { return false }
        return holder.contains("proces \(getpid())")
      }
    }
    first.close()
    let (again, _, _) = try JournalWriter.open(at: folder.file("link.jsonl"))
    again.close()
  }

  @Test(
    "a lock held for an instant (a process starting elsewhere shares the file) is waited out; one held on is not"
  )
  func briefLockWaitedOut() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder)
    let other = open(path, O_RDONLY | O_CLOEXEC)
    #expect(flock(other, LOCK_EX) == 0)
    let release = Thread {
      usleep(50_000)
      Glibc.close(other)
    }
    release.start()
    let (writer, _, _) = try JournalWriter.open(at: path)  // within the moment: no „locked”
    let clock = ContinuousClock()
    let started = clock.now
    #expect(throws: JournalError.self) { _ = try JournalWriter.open(at: folder.path + "/./j.jsonl") }
    #expect(clock.now - started < .seconds(2), "a lock held on is reported after the moment, not waited on")
    writer.close()
  }

  @Test("a <journal>.lock that is a symbolic link is never followed: its target keeps content and mode")
  func lockFileLinkIgnored() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder)
    let victim = folder.file("cenny.txt")
    writeBytes(victim, Array("ważne dane\n".utf8))
    _ = chmod(victim, 0o644)
    try FileManager.default.createSymbolicLink(atPath: path + ".lock", withDestinationPath: victim)
    let (writer, _, _) = try JournalWriter.open(at: path)
    writer.close()
    #expect(bytes(victim) == Array("ważne dane\n".utf8))
    #expect(try FileManager.default.attributesOfItem(atPath: victim)[.posixPermissions] as? Int == 0o644)
  }

  @Test("a new journal is linked in whole and locked; a name already taken (even by a link) is refused")
  func creation() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = folder.file("nowy.jsonl")
    let (writer, _) = try JournalWriter.create(
      at: path, unit: sampleUnit, operatorName: "A", time: "2026-11-25T10:00:00Z")
    #expect(throws: JournalError.self) { _ = try JournalWriter.open(at: path) }
    writer.close()
    #expect(try JournalReader.load(path: path).entries.count == 1)
    let victim = folder.file("cel.txt")
    writeBytes(victim, Array("cel".utf8))
    let planted = folder.file("podrzucony.jsonl")
    try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: victim)
    #expect(throws: JournalError.alreadyExists(path: planted)) {
      _ = try JournalWriter.create(at: planted, unit: sampleUnit, operatorName: "A", time: "t")
    }
    #expect(bytes(victim) == Array("cel".utf8))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.contains(".tmp-") })
  }

  @Test("the writer that recovered a torn tail still holds the lock")
  func lockSurvivesRecovery() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder)
    writeBytes(path, bytes(path) + Array(#"{"v":1,"seq":5,"ti"#.utf8))
    let (writer, _, recovery) = try JournalWriter.open(at: path)
    #expect(recovery != nil)
    #expect(throws: JournalError.self) { _ = try JournalWriter.open(at: path) }
    try writer.append(
      .stepMarked(StepMark(stepID: "3.9", status: .done)), operatorName: "A", time: "2026-11-25T11:00:00Z")
    writer.close()
    #expect(try JournalReader.load(path: path).entries.count == 5)
  }

  @Test(
    "a complete last line that reads as JSON but is wrong is damage: refused, file untouched, nothing aside",
    arguments: [
      // The hash in capitals: not the 64 lowercase hex digits the writer writes.
      { (line: String) in
        let hash = line.suffix(66).prefix(64)
        return line.replacingOccurrences(of: hash, with: hash.uppercased())
      },
      // A member of the wrong type.
      { (line: String) in line.replacingOccurrences(of: #""seq":4"#, with: #""seq":"4""#) },
      // No hash at all.
      { (line: String) in String(line.prefix(while: { $0 != "," })) + #","x":1}"# },
    ] as [@Sendable (String) -> String])
  func damagedLastLine(change: @Sendable (String) -> String) throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder)
    var text = lines(path)
    text[3] = change(text[3])
    writeBytes(path, Array(text.joined(separator: "\n").utf8))
    let before = bytes(path)
    #expect(throws: JournalError.self) { _ = try JournalReader.load(path: path) }
    #expect {
      _ = try JournalWriter.open(at: path)
    } throws: { error in
      guard case JournalError.damagedLine(_, 4, _) = error else { return false }
      return true
    }
    #expect(bytes(path) == before)
    #expect(Self.sideFiles(folder).isEmpty)
  }

  @Test("an event type or a format version of a newer program: said so, nothing changed, wherever it is")
  func newerVersion() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder, events: 1)
    let sound = bytes(path)
    let last = try JournalReader.load(path: path).lastHash
    let cases: [(String, [UInt8])] = [
      (
        "nieznany typ zdarzenia „auditSigned”",
        Self.line(
          #"{"v":1,"seq":3,"time":"2026-11-25T10:05:00Z","operator":"A","payload":{},"type":"auditSigned"}"#,
          after: last)
      ),
      (
        "nieznany typ zdarzenia „auditSigned”",
        Self.line(
          #"{"v":1,"seq":3,"time":"t","operator":"A","payload":[{"payload":{},"type":"auditSigned"}],"type":"batch"}"#,
          after: last)
      ),
      (
        "wersja formatu 2",
        Self.line(#"{"v":2,"seq":3,"time":"t","operator":"A","payload":{},"type":"stepMarked"}"#, after: last)
      ),
    ]
    for (detail, line) in cases {
      for content in [sound + line, sound + line + sound.suffix(from: sound.count / 2)] {
        writeBytes(path, content)
        #expect {
          _ = try JournalWriter.open(at: path)
        } throws: { error in
          guard case JournalError.writtenByNewerVersion(_, 3, let found) = error else { return false }
          let message = (error as? JournalError)?.message ?? ""
          return found == detail && message.contains("nowsza wersja programu")
        }
        #expect(bytes(path) == content)
        #expect(Self.sideFiles(folder).isEmpty)
      }
    }
  }

  @Test("a file that does not begin as a journal is refused before anything is moved aside")
  func notAJournalIsNotRecovered() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = folder.file("notatki.jsonl")
    for content in ["zakupy: mleko", "zakupy: mleko\n", #"{"v":1,"seq":1,"ti"#, "{\"a\":1}\n"] {
      writeBytes(path, Array(content.utf8))
      #expect(throws: JournalError.missingHeader(path: path)) { _ = try JournalWriter.open(at: path) }
      #expect(bytes(path) == Array(content.utf8), "\(content)")
      #expect(Self.sideFiles(folder).isEmpty)
    }
  }

  @Test("a FIFO, a device or a folder as a journal is refused at once, never read")
  func onlyRegularFiles() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let fifo = folder.file("potok.jsonl")
    #expect(mkfifo(fifo, 0o600) == 0)
    for path in [fifo, "/dev/zero", folder.path] {
      let finished = Self.finishes(within: 5) {
        #expect(throws: JournalError.self) { _ = try JournalReader.load(path: path) }
        #expect(throws: JournalError.self) { _ = try JournalWriter.open(at: path) }
      }
      #expect(finished, "\(path) blocked")
    }
    do {
      _ = try JournalReader.load(path: fifo)
    } catch {
      #expect(error == .notRegularFile(path: fifo, kind: "potok (FIFO)"))
      #expect(error.message.contains("nie zwykły plik"))
    }
  }

  @Test("the summary cache as a link to /dev/zero or a FIFO is ignored at once and never written through")
  func summaryCacheNotRegular() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    try makeJournal(in: folder)
    let cache = JournalSummaryCache(folder: folder.path, key: "k")
    try FileManager.default.createSymbolicLink(atPath: cache.path, withDestinationPath: "/dev/zero")
    #expect(Self.finishes(within: 5) { _ = cache.load() })
    #expect(cache.load().isEmpty)
    #expect(cache.problem() != nil)
    let listing = JournalDirectory(path: folder.path).listing(cache: cache)
    #expect(listing.count == 1)
    try FileManager.default.removeItem(atPath: cache.path)
    #expect(mkfifo(cache.path, 0o600) == 0)
    #expect(Self.finishes(within: 5) { _ = cache.load() })
    #expect(cache.load().isEmpty)
    #expect(!cache.store([:]))
  }

  @Test("NewFile refuses links, FIFOs, devices, folders and journals, and leaves them as they were")
  func newFileRefusesUnsafeTargets() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let journal = try makeJournal(in: folder)
    let journalBytes = bytes(journal)
    let victim = folder.file("cel.txt")
    writeBytes(victim, Array("cel".utf8))
    try FileManager.default.createSymbolicLink(atPath: folder.file("link.txt"), withDestinationPath: victim)
    #expect(mkfifo(folder.file("fifo"), 0o600) == 0)
    writeBytes(folder.file("kopia.txt"), journalBytes)  // a journal under another name
    for target in [
      journal, folder.file("link.txt"), folder.file("fifo"), "/dev/null", folder.path,
      folder.file("kopia.txt"),
    ] {
      #expect {
        try NewFile.replace(target, with: Array("nowe".utf8))
      } throws: { error in
        guard case JournalError.unsafeTarget = error else { return false }
        return true
      }
    }
    #expect(bytes(journal) == journalBytes)
    #expect(bytes(victim) == Array("cel".utf8))
    #expect(bytes(folder.file("kopia.txt")) == journalBytes)
    let target = folder.file("nowy.txt")
    try NewFile.replace(target, with: Array("pierwszy".utf8))
    try NewFile.replace(target, with: Array("drugi".utf8))
    #expect(bytes(target) == Array("drugi".utf8))
    #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o600)
    #expect(throws: JournalError.alreadyExists(path: target)) { try NewFile.create(target, with: [1]) }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.contains(".tmp-") })
  }

  @Test(
    "a state folder others can write is tightened to 0700, a shared sticky one refused; a file is an error")
  func stateFolder() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    try makeJournal(in: folder)
    _ = chmod(folder.path, 0o777)
    #expect(try JournalDirectory(path: folder.path).files().count == 1)
    #expect(try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int == 0o700)
    let shared = folder.file("wspolny")
    try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: false)
    _ = chmod(shared, 0o1777)
    #expect(throws: JournalError.unsafeFolder(path: shared)) {
      _ = try JournalDirectory(path: shared).files()
    }
    #expect(try FileManager.default.attributesOfItem(atPath: shared)[.posixPermissions] as? Int == 0o1777)
    let file = folder.file("j.jsonl")
    #expect {
      _ = try JournalDirectory(path: file).files()
    } throws: { error in
      guard case JournalError.folderUnreadable = error else { return false }
      return true
    }
    #expect(try JournalDirectory(path: folder.file("brak")).files().isEmpty)
  }
}
