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
  private var fd: Int32
  private var committedLength: off_t
  private let lock: JournalLock
  /// The seal of what this writer has committed: the file's length and the last line's hash.
  public var seal: JournalSeal { JournalSeal(byteCount: Int(committedLength), lastHash: lastHash) }
  /// Test hook: called before each write with the bytes about to be written; may throw to simulate a
  /// failing disk through the same path as a real failure.
  public var beforeWrite: (([UInt8]) throws(JournalError) -> Void)?

  private init(path: String, fd: Int32, length: off_t, lastHash: String, eventCount: Int, lock: JournalLock) {
    self.path = path
    self.fd = fd
    self.committedLength = length
    self.lastHash = lastHash
    self.eventCount = eventCount
    self.lock = lock
  }

  deinit { close() }

  /// Creates a new journal whose first event is the unit's creation.
  public static func create(
    at path: String, unit: UnitInfo, operatorName: String, time: String
  ) throws(JournalError) -> (JournalWriter, JournalEntry) {
    let folder = PathText.folder(of: path)
    try DurableFile.ensureDirectory(folder)
    let lock = try JournalLock(journalPath: path)
    if FileManager.default.fileExists(atPath: path) { throw .alreadyExists(path: path) }
    let change = JournalChange.unitCreated(unit)
    let line: (bytes: [UInt8], hash: String)
    do {
      line = try JournalLineCodec.encode(
        sequence: 1, time: time, operatorName: operatorName, change: change,
        previousHash: JournalEntry.genesisHash)
    } catch {
      throw .io(path: path, operation: "kodowanie", code: EINVAL)
    }
    try DurableFile.createNew(path, contents: line.bytes)
    let fd = DurableFile.openDescriptor(path, O_WRONLY | O_APPEND | O_CLOEXEC)
    guard fd >= 0 else { throw DurableFile.error(errno, path: path, operation: "otwarcie") }
    let writer = JournalWriter(
      path: path, fd: fd, length: off_t(line.bytes.count), lastHash: line.hash, eventCount: 1, lock: lock)
    let entry = JournalEntry(
      version: JournalEntry.formatVersion, sequence: 1, time: time, operatorName: operatorName,
      change: change, hash: line.hash)
    return (writer, entry)
  }

  /// Opens an existing journal for appending.
  ///
  /// A torn last line is moved to a side file first (the
  /// side file is written and synced before the journal is cut, so the bytes are never only in memory).
  public static func open(
    at path: String, now: Date = Date()
  ) throws(JournalError) -> (writer: JournalWriter, journal: LoadedJournal, recovery: TailRecovery?) {
    let lock = try JournalLock(journalPath: path)
    var journal = try JournalReader.load(path: path)
    var recovery: TailRecovery?
    if let tail = journal.tornTail {
      let sideFile = path + ".odlozone-" + JournalClock.compactStamp(now)
      var candidate = sideFile
      var attempt = 1
      while FileManager.default.fileExists(atPath: candidate) {
        attempt += 1
        candidate = sideFile + "-\(attempt)"
      }
      try DurableFile.createNew(candidate, contents: tail.bytes)
      let fd = DurableFile.openDescriptor(path, O_WRONLY | O_CLOEXEC)
      guard fd >= 0 else { throw DurableFile.error(errno, path: path, operation: "otwarcie") }
      defer { DurableFile.closeDescriptor(fd) }
      guard ftruncate(fd, off_t(journal.soundLength)) == 0 else {
        throw DurableFile.error(errno, path: path, operation: "obcięcie")
      }
      try DurableFile.sync(fd, path: path)
      recovery = TailRecovery(
        line: tail.line, byteCount: tail.bytes.count, sideFile: candidate, problem: tail.problem)
      journal.tornTail = nil
    }
    guard !journal.entries.isEmpty else { throw .missingHeader(path: path) }
    let fd = DurableFile.openDescriptor(path, O_WRONLY | O_APPEND | O_CLOEXEC)
    guard fd >= 0 else { throw DurableFile.error(errno, path: path, operation: "otwarcie do zapisu") }
    _ = fchmod(fd, 0o600)
    let writer = JournalWriter(
      path: path, fd: fd, length: off_t(journal.soundLength), lastHash: journal.lastHash,
      eventCount: journal.entries.count, lock: lock)
    return (writer, journal, recovery)
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

  /// Releases the file and the lock.
  ///
  /// Called on deinit too.
  public func close() {
    if fd >= 0 {
      DurableFile.closeDescriptor(fd)
      fd = -1
    }
    lock.release()
  }
}
