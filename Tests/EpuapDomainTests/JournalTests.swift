import EpuapDomain
import Foundation
import TestSupport
import Testing

@Suite("Journal: append, load, chain, recovery")
struct JournalTests {
  @Test("appended events load back in order with a sound hash chain")
  func roundTrip() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder, events: 5)
    let journal = try JournalReader.load(path: path)
    #expect(journal.entries.count == 6)
    #expect(journal.entries.map(\.sequence) == Array(1...6))
    #expect(journal.tornTail == nil)
    guard case .unitCreated(let unit) = journal.entries[0].change else {
      Issue.record("first event is not unitCreated")
      return
    }
    #expect(unit == sampleUnit)
    #expect(journal.entries[3].change == .stepMarked(StepMark(stepID: "3.3", status: .done)))
    // Each hash continues the previous one.
    let text = lines(path)
    #expect(text.count == 7 && text.last == "")
    #expect(
      text[0].hasPrefix(
        #"{"v":1,"seq":1,"time":"2026-11-25T10:00:00Z","operator":"Anna Nowak","payload":{"entityIdentifier":"pzgliwice","name":"Starostwo Powiatowe w Gliwicach","role":"partner"},"type":"unitCreated","hash":""#
      ))
    #expect(text[0].hasSuffix(#","hash":"\#(journal.entries[0].hash)"}"#))
  }

  @Test("each line's hash is SHA-256 over the previous hash and the line without its hash")
  func hashDefinition() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder, events: 1)
    let text = lines(path)
    let journal = try JournalReader.load(path: path)
    let second = text[1]
    let body = String(second.dropLast(75)) + "}"
    let expected = JournalLineCodec.chainHash(previous: journal.entries[0].hash, body: Array(body.utf8)[...])
    #expect(journal.entries[1].hash == expected)
    // Known vector: SHA-256("") for an empty body after an empty previous hash.
    #expect(
      JournalLineCodec.chainHash(previous: "", body: [])
        == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }

  @Test("a torn last line is reported, moved aside to a side file, and appends continue")
  func tornTailRecovery() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder, events: 3)
    let sound = bytes(path)
    let torn = Array(#"{"v":1,"seq":5,"time":"2026-11-25T10:09:00Z","oper"#.utf8)
    writeBytes(path, sound + torn)

    let loaded = try JournalReader.load(path: path)
    #expect(loaded.entries.count == 4)
    #expect(loaded.tornTail?.line == 5)
    #expect(bytes(path) == sound + torn, "reading must not change the file")

    let (writer, journal, recovery) = try JournalWriter.open(at: path, now: fixedDate)
    #expect(journal.entries.count == 4)
    let side = try #require(recovery?.sideFile)
    #expect(bytes(side) == torn)
    #expect(bytes(path) == sound)
    #expect(recovery?.message.contains("Odłożono") == true)
    try writer.append(
      .stepMarked(StepMark(stepID: "3.9", status: .done)), operatorName: "A", time: "2026-11-25T11:00:00Z")
    writer.close()
    let after = try JournalReader.load(path: path)
    #expect(after.entries.count == 5)
    #expect(after.tornTail == nil)
  }

  @Test("a complete but unparsable last line is treated as torn")
  func garbageLastLine() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder, events: 2)
    writeBytes(path, bytes(path) + Array("\u{0}\u{0}\u{0}garbage\n".utf8))
    let loaded = try JournalReader.load(path: path)
    #expect(loaded.entries.count == 3)
    #expect(loaded.tornTail?.line == 4)
  }

  @Test("a damaged middle line is refused with its line number and the file is left untouched")
  func damagedMiddleLine() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder, events: 4)
    var text = lines(path)
    text[2] = String(text[2].prefix(20))
    writeBytes(path, Array(text.joined(separator: "\n").utf8))
    let before = bytes(path)
    #expect(throws: JournalError.self) { try JournalReader.load(path: path) }
    do {
      _ = try JournalWriter.open(at: path)
      Issue.record("opening a damaged journal must fail")
    } catch {
      guard case .damagedLine(_, let line, _) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(line == 3)
      #expect(error.message.contains("wierszu 3"))
    }
    #expect(bytes(path) == before)
  }

  @Test("a changed value in an old line breaks the chain and is refused")
  func brokenChain() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder, events: 4)
    var text = lines(path)
    text[1] = text[1].replacingOccurrences(of: "\"3.1\"", with: "\"3.2\"")
    writeBytes(path, Array(text.joined(separator: "\n").utf8))
    do {
      _ = try JournalReader.load(path: path)
      Issue.record("a broken chain must be refused")
    } catch {
      #expect(error == .damagedLine(path: path, line: 2, problem: .hashMismatch))
    }
  }

  @Test("reordered lines are refused")
  func reordered() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder, events: 4)
    var text = lines(path)
    text.swapAt(2, 3)
    writeBytes(path, Array(text.joined(separator: "\n").utf8))
    #expect(throws: JournalError.self) { try JournalReader.load(path: path) }
  }

  @Test("the last line with valid JSON but a wrong hash is refused, not moved aside")
  func tamperedLastLine() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder, events: 2)
    var text = lines(path)
    text[2] = text[2].replacingOccurrences(of: "\"3.2\"", with: "\"3.7\"")
    writeBytes(path, Array(text.joined(separator: "\n").utf8))
    #expect(throws: JournalError.damagedLine(path: path, line: 3, problem: .hashMismatch)) {
      try JournalReader.load(path: path)
    }
  }

  @Test("files are 0600 and a created folder 0700, whatever the umask")
  func permissions() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let old = umask(0)
    defer { umask(old) }
    let path = folder.file("nowy/podfolder/j.jsonl")
    let (writer, _) = try JournalWriter.create(
      at: path, unit: sampleUnit, operatorName: "A", time: "2026-11-25T10:00:00Z")
    writer.close()
    let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    let dirMode =
      try FileManager.default.attributesOfItem(atPath: folder.file("nowy/podfolder"))[.posixPermissions]
      as? Int
    #expect(fileMode == 0o600)
    #expect(dirMode == 0o700)
    #expect(!FileManager.default.fileExists(atPath: path + ".lock"), "the journal itself is locked")
  }

  @Test("a second writer in this process is refused while the first holds the lock")
  func lockInProcess() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder)
    let (first, _, _) = try JournalWriter.open(at: path)
    #expect {
      _ = try JournalWriter.open(at: path)
    } throws: { error in
      guard case JournalError.locked(let lockedPath, let holder) = error else { return false }
      return lockedPath == path && holder.contains("proces \(getpid())")
    }
    first.close()
    let (again, _, _) = try JournalWriter.open(at: path)
    again.close()
  }

  @Test("a lock held by another process refuses the writer; it is free once that process ends")
  func lockFromSecondProcess() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder)
    let holder = Process()
    // `exec` keeps the lock in this one process, so killing it frees the lock at once.
    holder.executableURL = URL(fileURLWithPath: "/bin/sh")
    holder.arguments = ["-c", "exec 9<\"$0\"; flock -n 9 || exit 1; exec sleep 30", path]
    try holder.run()
    defer { if holder.isRunning { holder.terminate() } }
    var refused = false
    for _ in 0..<100 {
      do {
        let (writer, _, _) = try JournalWriter.open(at: path)
        writer.close()
        usleep(20_000)
      } catch JournalError.locked {
        refused = true
        break
      }
    }
    #expect(refused)
    kill(holder.processIdentifier, SIGKILL)
    holder.waitUntilExit()
    let (writer, _, _) = try JournalWriter.open(at: path)
    writer.close()
  }

  @Test("a failing write leaves the journal at its last whole event, and the next append works")
  func failedWrite() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try makeJournal(in: folder, events: 2)
    let before = bytes(path)
    let (writer, _, _) = try JournalWriter.open(at: path)
    writer.beforeWrite = { _ throws(JournalError) in throw JournalError.diskFull(path: path) }
    #expect(throws: JournalError.diskFull(path: path)) {
      try writer.append(.stepMarked(StepMark(stepID: "3.5", status: .done)), operatorName: "A", time: "t")
    }
    #expect(bytes(path) == before)
    writer.beforeWrite = nil
    try writer.append(
      .stepMarked(StepMark(stepID: "3.5", status: .done)), operatorName: "A", time: "2026-11-25T12:00:00Z")
    writer.close()
    #expect(try JournalReader.load(path: path).entries.count == 4)
  }

  @Test("a file that is not a journal is refused")
  func notAJournal() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = folder.file("x.jsonl")
    writeBytes(path, Array("hello\nworld\n".utf8))
    #expect(throws: JournalError.self) { try JournalReader.load(path: path) }
    writeBytes(path, [])
    #expect(throws: JournalError.missingHeader(path: path)) { try JournalReader.load(path: path) }
  }

  @Test("a batch is one line and folds as all of its changes")
  func batchFold() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = folder.file("b.jsonl")
    let (writer, _) = try JournalWriter.create(
      at: path, unit: sampleUnit, operatorName: "A", time: "2026-11-25T10:00:00Z")
    try writer.append(
      .batch([
        .mailboxSaved(MailboxEntry(id: "skrytka-1", address: "/pzgliwice/skrytka", action: .keep)),
        .mailboxSettingsRecorded(MailboxSettings(mailboxID: "skrytka-1", values: ["trybPracy": "PULL"])),
        .cardSaved(ServiceCard(id: "karta-1", name: "Karta", status: .nieaktualna, action: .delete)),
      ]), operatorName: "A", time: "2026-11-25T10:01:00Z")
    writer.close()
    #expect(lines(path).count == 3)
    let state = try #require(UnitState.fold(try JournalReader.load(path: path).entries))
    #expect(state.mailboxes.first?.settings["trybPracy"] == "PULL")
    #expect(state.cards.count == 1)
    #expect(state.eventCount == 2)
  }
}
