import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What opening a journal for writing did about a torn last line.
public struct TailRecovery: Sendable, Equatable {
  public var line: Int
  public var byteCount: Int
  /// Where the torn bytes were kept: `<journal>.odlozone-<czas>`.
  public var sideFile: String
  public var problem: String

  public var message: String {
    "Ostatni wiersz dziennika (\(line)) był niepełny — zapewne przerwany zapis (awaria, brak zasilania). "
      + "Odłożono go do \(sideFile) (\(byteCount) B); wszystkie wcześniejsze zapisy są całe."
  }
}

/// The single writer of one journal: holds its lock and appends events durably.
///
/// `append` returns only once the line, with its newline, is on disk (`write` + `fsync`; the folder is
/// fsynced when the file is created). A failed write is cut back off the file, so the journal never keeps
/// half an event, and the next append after the cause is fixed works.
public final class JournalWriter {
  public let path: String
  public private(set) var lastHash: String
  public private(set) var eventCount: Int
  /// The journal, open for reading and appending (`O_APPEND`) and locked (`JournalLock`).
  private var fd: Int32
  private var committedLength: off_t
  /// The seal of what this writer has committed: the file's length and the last line's hash.
  public var seal: JournalSeal { JournalSeal(byteCount: Int(committedLength), lastHash: lastHash) }
  /// Test hook: called before each write with the bytes about to be written; may throw to simulate a
  /// failing disk through the same path as a real failure.
  public var beforeWrite: (([UInt8]) throws(JournalError) -> Void)?

  private init(path: String, fd: Int32, length: off_t, lastHash: String, eventCount: Int) {
    self.path = path
    self.fd = fd
    self.committedLength = length
    self.lastHash = lastHash
    self.eventCount = eventCount
  }

  deinit { close() }

  /// Creates a new journal whose first event is the unit's creation.
  ///
  /// The first line is written and synced to a new hidden file, which is locked and only then linked in
  /// under the journal's name (never over anything there): a journal never exists without its whole
  /// first line, and no other writer can come between.
  public static func create(
    at path: String, unit: UnitInfo, operatorName: String, time: String
  ) throws(JournalError) -> (JournalWriter, JournalEntry) {
    let (writer, entries) = try create(
      at: path, unit: unit, operatorName: operatorName, time: time, then: nil)
    return (writer, entries[0])
  }

  /// A new journal whose first lines are its creation and, when given, `then` (an applied answers file):
  /// both are written before the journal appears under its name, so it never exists without them.
  public static func create(
    at path: String, unit: UnitInfo, operatorName: String, time: String, then: JournalChange?
  ) throws(JournalError) -> (JournalWriter, [JournalEntry]) {
    let folder = PathText.folder(of: path)
    try DurableFile.ensureDirectory(folder)
    var entries: [JournalEntry] = []
    var bytes: [UInt8] = []
    var previous = JournalEntry.genesisHash
    for change in [JournalChange.unitCreated(unit)] + (then.map { [$0] } ?? []) {
      let line: (bytes: [UInt8], hash: String)
      do {
        line = try JournalLineCodec.encode(
          sequence: entries.count + 1, time: time, operatorName: operatorName, change: change,
          previousHash: previous)
      } catch let error as JournalError {
        throw error
      } catch {
        throw .io(path: path, operation: "kodowanie", code: EINVAL)
      }
      bytes += line.bytes
      previous = line.hash
      entries.append(
        JournalEntry(
          version: JournalEntry.formatVersion, sequence: entries.count + 1, time: time,
          operatorName: operatorName, change: change, hash: line.hash))
    }
    let fd = try createLocked(path, firstLine: bytes)
    let writer = JournalWriter(
      path: path, fd: fd, length: off_t(bytes.count), lastHash: previous, eventCount: entries.count)
    return (writer, entries)
  }

  /// The new journal at `path` with `firstLine`, locked, open for reading and appending.
  private static func createLocked(_ path: String, firstLine: [UInt8]) throws(JournalError) -> Int32 {
    let (fd, temporary) = try NewFile.openTemporary(beside: path, access: O_RDWR | O_APPEND)
    defer { unlink(temporary) }
    var linked = false
    do throws(JournalError) {
      try DurableFile.writeAll(fd, firstLine, path: path)
      try DurableFile.sync(fd, path: path)
      try JournalLock.acquire(fd, journalPath: path)
      if link(temporary, path) == 0 {
        linked = true
        try DurableFile.fsyncDirectory(PathText.folder(of: path))
      } else if !NewFile.linksUnsupported(errno) {
        throw DurableFile.error(errno, path: path, operation: "tworzenie pliku")
      }
    } catch {
      DurableFile.closeDescriptor(fd)
      throw error
    }
    if linked { return fd }
    // No hard links on this file system: the journal itself is created exclusively and locked before
    // its first line is written.
    DurableFile.closeDescriptor(fd)
    return try createInPlace(path, firstLine: firstLine)
  }

  private static func createInPlace(_ path: String, firstLine: [UInt8]) throws(JournalError) -> Int32 {
    let fd = DurableFile.openDescriptor(path, O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else { throw DurableFile.error(errno, path: path, operation: "tworzenie pliku") }
    do throws(JournalError) {
      _ = fchmod(fd, 0o600)
      try JournalLock.acquire(fd, journalPath: path)
      try DurableFile.writeAll(fd, firstLine, path: path)
      try DurableFile.sync(fd, path: path)
      try DurableFile.fsyncDirectory(PathText.folder(of: path))
      return fd
    } catch {
      unlink(path)
      DurableFile.closeDescriptor(fd)
      throw error
    }
  }

  /// Opens an existing journal for appending.
  ///
  /// The file is opened once, locked, and read through that same descriptor, so the file read is the
  /// file locked and written. A torn last line is moved to a side file first (the side file is written
  /// and synced before the journal is cut, so the bytes are never only in memory). Anything else wrong
  /// (a file that does not begin as a journal, a damaged line, a line of a newer version) is refused
  /// before anything is moved or cut.
  public static func open(
    at path: String, now: Date = Date()
  ) throws(JournalError) -> (writer: JournalWriter, journal: LoadedJournal, recovery: TailRecovery?) {
    guard let fd = try RegularFile.open(path, access: O_RDWR | O_APPEND, limit: FileLimits.journal) else {
      throw .notFound(path: path)
    }
    do throws(JournalError) {
      try JournalLock.acquire(fd, journalPath: path)
      var journal = try JournalReader.parse(
        RegularFile.read(fd, path: path, limit: FileLimits.journal), path: path)
      guard !journal.entries.isEmpty else { throw .missingHeader(path: path) }
      var recovery: TailRecovery?
      if let tail = journal.tornTail {
        recovery = try moveAside(tail, of: path, fd: fd, soundLength: journal.soundLength, now: now)
        journal.tornTail = nil
      }
      _ = fchmod(fd, 0o600)
      let writer = JournalWriter(
        path: path, fd: fd, length: off_t(journal.soundLength), lastHash: journal.lastHash,
        eventCount: journal.entries.count)
      return (writer, journal, recovery)
    } catch {
      DurableFile.closeDescriptor(fd)
      throw error
    }
  }

  /// Keeps a torn last line in `<journal>.odlozone-<czas>` (a new file, synced) and only then cuts it
  /// off the journal.
  private static func moveAside(
    _ tail: TornTail, of path: String, fd: Int32, soundLength: Int, now: Date
  ) throws(JournalError) -> TailRecovery {
    let sideFile = path + ".odlozone-" + JournalClock.compactStamp(now)
    var candidate = sideFile
    var attempt = 1
    while true {
      do throws(JournalError) {
        try NewFile.create(candidate, with: tail.bytes)
        break
      } catch .alreadyExists {
        attempt += 1
        candidate = sideFile + "-\(attempt)"
      }
    }
    guard ftruncate(fd, off_t(soundLength)) == 0 else {
      throw DurableFile.error(errno, path: path, operation: "obcięcie")
    }
    try DurableFile.sync(fd, path: path)
    return TailRecovery(
      line: tail.line, byteCount: tail.bytes.count, sideFile: candidate, problem: tail.problem)
  }

  /// Appends one event durably and returns it as written.
  @discardableResult
  public func append(
    _ change: JournalChange, operatorName: String, time: String
  ) throws(JournalError) -> JournalEntry {
    guard fd >= 0 else { throw .io(path: path, operation: "zapis po zamknięciu", code: EBADF) }
    let sequence = eventCount + 1
    let line: (bytes: [UInt8], hash: String)
    do {
      line = try JournalLineCodec.encode(
        sequence: sequence, time: time, operatorName: operatorName, change: change, previousHash: lastHash)
    } catch {
      throw .io(path: path, operation: "kodowanie", code: EINVAL)
    }
    guard line.bytes.count <= JournalLimits.maxLineBytes else {
      throw .eventTooLarge(bytes: line.bytes.count)
    }
    do {
      try beforeWrite?(line.bytes)
      try DurableFile.writeAll(fd, line.bytes, path: path)
      try DurableFile.sync(fd, path: path)
    } catch {
      // Cut off whatever part of the line reached the file, so the journal ends at the last whole event.
      _ = ftruncate(fd, committedLength)
      _ = fsync(fd)
      throw error
    }
    committedLength += off_t(line.bytes.count)
    eventCount = sequence
    lastHash = line.hash
    return JournalEntry(
      version: JournalEntry.formatVersion, sequence: sequence, time: time, operatorName: operatorName,
      change: change, hash: line.hash)
  }

  /// Releases the file and with it the lock.
  ///
  /// Called on deinit too.
  public func close() {
    if fd >= 0 {
      DurableFile.closeDescriptor(fd)
      fd = -1
    }
  }
}
