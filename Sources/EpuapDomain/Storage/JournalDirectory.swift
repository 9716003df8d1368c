import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// The folder where journals live, one file per unit: `$XDG_STATE_HOME/epuap-wizard/` or, without it,
/// `~/.local/state/epuap-wizard/`.
public struct JournalDirectory: Sendable {
  public let path: String
  public static let fileExtension = "jsonl"

  public init(path: String) { self.path = path }

  public static func standard(environment: [String: String] = ProcessEnvironment.current)
    -> JournalDirectory
  {
    if let dir = environment["EPUAP_WIZARD_STATE_DIR"], !dir.isEmpty { return JournalDirectory(path: dir) }
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return JournalDirectory(path: state + "/epuap-wizard")
    }
    return JournalDirectory(path: homeFolder(environment: environment) + "/.local/state/epuap-wizard")
  }

  /// `HOME`, or the account's home folder when a session was started without it.
  public static func homeFolder(environment: [String: String] = ProcessEnvironment.current) -> String {
    environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? accountHome()
  }

  /// The account's home folder from the password database, for a session started without `HOME`.
  static func accountHome() -> String {
    guard let entry = getpwuid(getuid()), let home = entry.pointee.pw_dir else { return "/" }
    return String(cString: home)
  }

  /// A path for a new unit's journal that no file uses yet, named after its ePUAP identifier or name.
  public func newJournalPath(for unit: UnitInfo) -> String {
    let base = Self.slug(unit.entityIdentifier.isEmpty ? unit.name : unit.entityIdentifier + "-" + unit.name)
    var candidate = firstJournalPath(for: unit)
    var number = 2
    while FileManager.default.fileExists(atPath: candidate) {
      candidate = "\(path)/\(base)-\(number).\(Self.fileExtension)"
      number += 1
    }
    return candidate
  }

  /// The name the unit's first journal gets: its ePUAP identifier and name, made file-name-safe.
  public func firstJournalPath(for unit: UnitInfo) -> String {
    let base = Self.slug(unit.entityIdentifier.isEmpty ? unit.name : unit.entityIdentifier + "-" + unit.name)
    return "\(path)/\(base).\(Self.fileExtension)"
  }

  /// Journal files in the folder, sorted by name; empty when the folder cannot be read (see `files()`).
  public func journalFiles() -> [String] {
    (try? files()) ?? []
  }

  /// Journal files in the folder, sorted by name; none when the folder does not exist yet.
  ///
  /// The folder is checked first (`secure()`); one that cannot be read is an error, not an empty list.
  public func files() throws(JournalError) -> [String] {
    try fileNames().map { "\(path)/\($0)" }
  }

  /// The names of the journal files in the folder, sorted; none when the folder does not exist yet.
  ///
  /// The folder is checked first (`secure()`); one that cannot be read is an error, not an empty list.
  public func fileNames() throws(JournalError) -> [String] {
    guard try secure() else { return [] }
    guard let folder = opendir(path) else {
      throw .folderUnreadable(path: path, reason: SystemErrorText.polish(errno))
    }
    defer { closedir(folder) }
    var names: [String] = []
    while let entry = readdir(folder) {
      let name = Self.name(of: entry)
      if Self.isJournalName(name) { names.append(name) }
    }
    return names.sorted()
  }

  /// Whether a file name ends in `.jsonl` (compared as bytes: a file name is not text to normalise).
  static func isJournalName(_ name: String) -> Bool {
    name.utf8.count >= journalSuffix.count
      && name.utf8.suffix(journalSuffix.count).elementsEqual(journalSuffix)
  }

  private static let journalSuffix = Array(("." + fileExtension).utf8)

  /// The file name of a folder entry, up to its terminating zero.
  private static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
    withUnsafeBytes(of: entry.pointee.d_name) { raw in
      String(
        decoding: UnsafeRawBufferPointer(rebasing: raw[..<(raw.firstIndex(of: 0) ?? raw.count)]),
        as: UTF8.self)
    }
  }

  /// The regular `.jsonl` files of the folder, sorted by name, for reading only; nil when the folder does
  /// not exist.
  ///
  /// Unlike `files()`, the folder is left exactly as it is: a folder others can write (a county's shared
  /// folder) is neither tightened nor refused, since nothing will be written in it. Only regular files are
  /// listed: a symbolic link, a folder, a FIFO or a device named `*.jsonl` is left out, as is every other
  /// name (the summary cache, drafts, lines moved aside).
  public func regularJournalFiles() throws(JournalError) -> [String]? {
    guard let folder = opendir(path) else {
      let code = errno
      if code == ENOENT { return nil }
      var info = stat()
      if code == ENOTDIR, stat(path, &info) == 0 {
        throw .folderUnreadable(path: path, reason: "to \(RegularFile.kind(of: info.st_mode)), nie folder")
      }
      throw .folderUnreadable(path: path, reason: SystemErrorText.polish(code))
    }
    defer { closedir(folder) }
    let descriptor = dirfd(folder)
    var names: [String] = []
    while let entry = readdir(folder) {
      let name = Self.name(of: entry)
      guard Self.isJournalName(name) else { continue }
      var info = stat()
      guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG
      else { continue }
      names.append(name)
    }
    return names.sorted().map { "\(path)/\($0)" }
  }

  /// Makes the folder as a new journal would (0700, with its parents), for a file written before the
  /// first journal; the problem when it cannot be made or is not safe to write in (`secure()`).
  public func prepare() -> JournalError? {
    do throws(JournalError) {
      try DurableFile.ensureDirectory(path)
      try secure()
      return nil
    } catch {
      return error
    }
  }

  /// Checks the folder before journals are listed or written in it; false when it does not exist yet.
  ///
  /// A folder that other users may write to (group or other write bit) could have files planted or
  /// swapped in it: when it is ours it is tightened to 0700, otherwise (or when it is a shared sticky
  /// folder such as /tmp) it is refused. A path that is not a folder is refused too.
  @discardableResult
  public func secure() throws(JournalError) -> Bool {
    var info = stat()
    guard stat(path, &info) == 0 else {
      if errno == ENOENT { return false }
      throw .folderUnreadable(path: path, reason: SystemErrorText.polish(errno))
    }
    guard info.st_mode & S_IFMT == S_IFDIR else {
      throw .folderUnreadable(path: path, reason: "to \(RegularFile.kind(of: info.st_mode)), nie folder")
    }
    guard info.st_mode & (S_IWGRP | S_IWOTH) != 0 else { return true }
    // A sticky folder (like /tmp) is shared on purpose: taking it over would break it for everyone.
    guard info.st_uid == geteuid(), info.st_mode & S_ISVTX == 0, chmod(path, 0o700) == 0 else {
      throw .unsafeFolder(path: path)
    }
    return true
  }

  /// A file-name-safe, lowercase ASCII form: Latin letters lose their marks (ł too), other characters become `-`.
  public static func slug(_ text: String) -> String {
    var result = ""
    for character in SearchText.folded(text) {
      if character.isASCII, character.isLetter || character.isNumber {
        result.append(character)
      } else if !result.hasSuffix("-") {
        result += "-"
      }
    }
    var trimmed = Substring(result)
    while trimmed.hasPrefix("-") { trimmed = trimmed.dropFirst() }
    while trimmed.hasSuffix("-") { trimmed = trimmed.dropLast() }
    return trimmed.isEmpty ? "jednostka" : String(trimmed.prefix(80))
  }
}

/// One line of `list` and of the wizard's start screen.
public struct JournalSummary: Sendable, Codable, Equatable {
  public var path: String
  public var unitName: String
  public var entityIdentifier: String
  public var role: Role?
  public var chosenPath: PathID?
  public var doneCount: Int
  public var totalCount: Int
  public var lastChange: String
  public var lastOperator: String
  public var eventCount: Int
  /// Set when the journal cannot be opened; the other values are then empty.
  public var problem: String?
  /// Set when its last line is torn (it will be moved aside when opened).
  public var tornTail: Bool
  /// The subordinate units a partner lists at step 5.3 (Regulamin, § 6), by identifier or name.
  public var subordinates: [String]? = nil

  public static func read(path: String, procedure: Procedure) -> JournalSummary {
    summary(of: ReadJournal(path: path), procedure: procedure)
  }

  /// The summary of a journal already read: what remains needs the procedure (steps done of total).
  public static func summary(of read: ReadJournal, procedure: Procedure) -> JournalSummary {
    let path = read.path
    switch read.outcome {
    case .success(let (journal, state)):
      return JournalSummary(
        path: path, state: state, lastOperator: journal.entries.last?.operatorName ?? "",
        tornTail: journal.tornTail != nil, procedure: procedure)
    case .failure(let error):
      return JournalSummary(
        path: path, unitName: PathText.lastComponent(of: path), entityIdentifier: "", role: nil,
        chosenPath: nil,
        doneCount: 0, totalCount: 0, lastChange: "", lastOperator: "", eventCount: 0, problem: error.message,
        tornTail: false)
    }
  }
}

extension JournalSummary {
  /// The summary of a journal's folded state (`lastOperator`: who wrote its last line).
  public init(path: String, state: UnitState, lastOperator: String, tornTail: Bool, procedure: Procedure) {
    let checklist = Checklist(procedure: procedure, state: state)
    self.init(
      path: path, unitName: state.unit.name, entityIdentifier: state.unit.entityIdentifier,
      role: state.unit.role, chosenPath: state.path, doneCount: checklist.doneCount + checklist.skippedCount,
      totalCount: checklist.applicableCount, lastChange: state.updatedAt, lastOperator: lastOperator,
      eventCount: state.eventCount, problem: nil, tornTail: tornTail)
    let listed = SubordinateList.of(state)
    subordinates = listed.isEmpty ? nil : listed
  }
}

/// A journal as the start screen first lists it: from the folder's summary cache when the file still has
/// the seal the summary was computed from, read in full otherwise.
public enum ListedJournal: Sendable {
  /// Unchanged since its summary was cached, as far as the seal tells: still to be read in full.
  case cached(path: String, JournalSummaryCache.Entry)
  case read(ReadJournal)
}

extension JournalDirectory {
  /// The folder's journals, each from `cache` when its seal matches, read in full otherwise.
  ///
  /// A journal whose `FileStamp` is the one stored with its entry keeps its seal without the file's end
  /// being read; any other is sealed from its end (`JournalSeal.read`).
  ///
  /// A folder that cannot be read (or is refused by `secure()`) is listed as one entry that carries the
  /// error, so that the start screen says why instead of showing an empty folder.
  public func listing(cache: JournalSummaryCache?) -> [ListedJournal] {
    let names: [String]
    do throws(JournalError) {
      names = try fileNames()
    } catch {
      return [.read(ReadJournal(path: path, failure: error))]
    }
    let entries = names.isEmpty ? [:] : cache?.load() ?? [:]
    // The files are stamped relative to the folder, so that its path is not looked up again for each.
    let folder = entries.isEmpty ? -1 : open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    defer { if folder >= 0 { close(folder) } }
    return names.map { name in
      let path = "\(self.path)/\(name)"
      // (The summary's path is the listing's own spelling of the folder, whatever the cache's was.)
      if var entry = entries[name],
        (folder >= 0 && entry.stamp != nil && FileStamp(name: name, inFolder: folder) == entry.stamp)
          || JournalSeal.read(path: path) == entry.seal
      {
        entry.summary.path = path
        return .cached(path: path, entry)
      }
      return .read(ReadJournal(path: path))
    }
  }
}

extension ReadJournal {
  /// The seal of the content read, when the journal was read whole and sound (no torn last line).
  public var seal: JournalSeal? {
    guard case .success(let (journal, _)) = outcome, journal.tornTail == nil, let last = journal.entries.last
    else { return nil }
    return JournalSeal(byteCount: journal.soundLength, lastHash: last.hash)
  }
}

/// A journal read and folded, without the procedure: the slow part of a summary, which can be done
/// before the procedure is loaded (the wizard lists its folder while the procedure is decoded on another
/// core).
public struct ReadJournal: Sendable {
  public let path: String
  public let outcome: Result<(journal: LoadedJournal, state: UnitState), JournalError>

  /// A journal (or folder) that could not be read at all.
  init(path: String, failure: JournalError) {
    self.path = path
    outcome = .failure(failure)
  }

  /// Reads and folds the journal at `path`; never throws: a problem is kept in `outcome`.
  public init(path: String) {
    self.path = path
    do throws(JournalError) {
      let journal = try JournalReader.load(path: path)
      guard let state = UnitState.fold(journal.entries) else { throw .missingHeader(path: path) }
      outcome = .success((journal, state))
    } catch {
      outcome = .failure(error)
    }
  }
}

extension Error {
  /// The Polish message of the project's errors, or a generic description.
  public var message: String {
    switch self {
    case let error as JournalError: return error.message
    case let error as ProcedureError: return error.message
    case let error as AnswersError: return error.message
    default: return String(describing: self)
    }
  }
}
