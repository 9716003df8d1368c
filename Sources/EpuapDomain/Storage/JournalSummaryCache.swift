import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// The summaries of a folder's journals as they were when last read in full, kept beside them in
/// `.spis-dziennikow.json`, so that the start screen can list the folder at once instead of reading and
/// checking every journal first.
///
/// A summary is used only while its journal keeps the same `JournalSeal`, and only until the journal has
/// been read in full right after the first screen: the cache saves time and decides nothing. It is written
/// like every file the program makes (`NewFile`); a file that is missing, damaged, not a regular file or
/// written with another `key` is ignored.
public struct JournalSummaryCache: Sendable {
  public static let fileName = ".spis-dziennikow.json"
  public let folder: String
  /// What the summaries depend on besides the journal: the program's version and the procedure's source.
  public let key: String

  public init(folder: String, key: String) {
    self.folder = folder
    self.key = key
  }

  public var path: String { folder + "/" + Self.fileName }

  /// A journal's summary and the seal of the content it was computed from.
  public struct Entry: Equatable, Sendable {
    public var seal: JournalSeal
    public var summary: JournalSummary
    /// The journal's `FileStamp` when the entry was stored, if its length was the seal's; nil until then.
    public var stamp: FileStamp?

    public init(seal: JournalSeal, summary: JournalSummary, stamp: FileStamp? = nil) {
      self.seal = seal
      self.summary = summary
      self.stamp = stamp
    }
  }

  /// The entries of the file by journal file name; empty when there is no usable file.
  public func load() -> [String: Entry] {
    guard let bytes = try? RegularFile.read(path, limit: FileLimits.summaryCache, followLinks: false) else {
      return [:]
    }
    let journals = bytes.withUnsafeBufferPointer { buffer -> [(file: String, entry: Entry)]? in
      var reader = JSONLineParser(bytes: buffer, maxDepth: 4)
      guard reader.read("["), reader.readInteger() == Self.format, reader.read(","),
        reader.readString() == key,
        reader.read(","), let journals = reader.readArray(of: { Self.entry(&$0, folder: folder) }),
        reader.read("]"), reader.atEnd()
      else { return nil }
      return journals
    }
    return Dictionary(journals ?? [], uniquingKeysWith: { _, last in last })
  }

  /// Writes `entries` (by file name) over what the file holds now, leaving out the files in `removing`
  /// and journals that are no longer in the folder; returns whether the file was written.
  ///
  /// Each entry of `entries` gets the journal's stamp as it is now, if its length is still the seal's: the
  /// entries come from journals just read (or just written), so the stamp is of the content summarised.
  ///
  /// Another wizard may write the file at the same time: each write is a whole new file renamed into
  /// place, so a reader sees one version or the other, and a lost entry costs one full read.
  @discardableResult
  public func store(_ entries: [String: Entry], removing: Set<String> = []) -> Bool {
    var merged = load()
    for file in removing { merged[file] = nil }
    for (file, entry) in entries {
      var stamped = entry
      stamped.stamp = FileStamp.of(folder + "/" + file, ifLength: entry.seal.byteCount)
      merged[file] = stamped
    }
    let present = Set((try? JournalDirectory(path: folder).fileNames()) ?? [])
    let file = CacheFile(
      format: Self.format, key: key,
      journals: merged.filter { present.contains($0.key) }.sorted { $0.key < $1.key }.map {
        CacheFile.Journal(file: $0.key, entry: $0.value)
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    guard let data = try? encoder.encode(file) else { return false }
    // Readable by the owner only, like the journals whose contents it repeats; never written through a
    // link or over anything but a regular file.
    return (try? NewFile.replace(path, with: [UInt8](data))) != nil
  }

  /// Why the file cannot be used, when it is there but is not a regular file (a link, a FIFO, a device):
  /// it is then neither read nor written, and the folder is listed by reading every journal.
  public func problem() -> JournalError? {
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG else { return nil }
    return .notRegularFile(path: path, kind: RegularFile.kind(of: info.st_mode))
  }

  /// Raised when the file's layout changes, so that an older layout is ignored rather than misread.
  static let format = 3

  /// `[3, key, [journal, …]]`, each journal an array whose members go by position (`Journal`), read
  /// straight into entries (`entry(_:folder:)`): with named members, and a tree of them built first, reading
  /// the file took most of the way to the start screen's first frame at 200 units (docs/PERFORMANCE.md).
  private struct CacheFile: Encodable {
    /// The file name; the seal's length and last hash; the stamp's numbers or null; then the summary
    /// without its path (`load` puts it back from the folder and the file name): unit name, identifier,
    /// role, chosen path, steps done and applicable, last change, last operator, events, torn tail,
    /// problem, subordinates (null where there is none).
    struct Journal: Encodable {
      var file: String
      var entry: Entry

      func encode(to encoder: any Encoder) throws {
        let summary = entry.summary
        var members = encoder.unkeyedContainer()
        try members.encode(file)
        try members.encode(entry.seal.byteCount)
        try members.encode(entry.seal.lastHash)
        try members.encode(entry.stamp?.numbers)
        try members.encode(summary.unitName)
        try members.encode(summary.entityIdentifier)
        try members.encode(summary.role?.rawValue)
        try members.encode(summary.chosenPath?.rawValue)
        try members.encode(summary.doneCount)
        try members.encode(summary.totalCount)
        try members.encode(summary.lastChange)
        try members.encode(summary.lastOperator)
        try members.encode(summary.eventCount)
        try members.encode(summary.tornTail)
        try members.encode(summary.problem)
        try members.encode(summary.subordinates)
      }
    }
    var format: Int
    var key: String
    var journals: [Journal]

    func encode(to encoder: any Encoder) throws {
      var members = encoder.unkeyedContainer()
      try members.encode(format)
      try members.encode(key)
      try members.encode(journals)
    }
  }

  /// A journal's file name and entry, read as `CacheFile.Journal` wrote them; nil for anything else.
  static func entry(_ reader: inout JSONLineParser, folder: String) -> (file: String, entry: Entry)? {
    var first = true
    /// The next member: after a comma unless it is the first.
    func next<T>(_ read: (inout JSONLineParser) -> T?) -> T? {
      guard first || reader.read(",") else { return nil }
      first = false
      return read(&reader)
    }
    /// A member that may be null: nil inside when it is.
    func nullable<T>(_ read: (inout JSONLineParser) -> T?) -> T?? {
      next { reader in reader.readNull() ? .some(nil) : read(&reader).map { .some($0) } }
    }
    guard reader.read("["), let file = next({ $0.readString() }), let byteCount = next({ $0.readInteger() }),
      let lastHash = next({ $0.readString() }),
      let stamp = nullable({ $0.readArray(of: { $0.readInteger() }).flatMap(FileStamp.init(numbers:)) }),
      let unitName = next({ $0.readString() }), let entityIdentifier = next({ $0.readString() }),
      let role = nullable({ $0.readString().flatMap(Role.init(rawValue:)) }),
      let chosenPath = nullable({ $0.readString().flatMap(PathID.init(rawValue:)) }),
      let doneCount = next({ $0.readInteger() }), let totalCount = next({ $0.readInteger() }),
      let lastChange = next({ $0.readString() }), let lastOperator = next({ $0.readString() }),
      let eventCount = next({ $0.readInteger() }), let tornTail = next({ $0.readBool() }),
      let problem = nullable({ $0.readString() }),
      let subordinates = nullable({ $0.readArray(of: { $0.readString() }) }),
      reader.read("]")
    else { return nil }
    let summary = JournalSummary(
      path: folder + "/" + file, unitName: unitName, entityIdentifier: entityIdentifier, role: role,
      chosenPath: chosenPath, doneCount: doneCount, totalCount: totalCount, lastChange: lastChange,
      lastOperator: lastOperator, eventCount: eventCount, problem: problem, tornTail: tornTail,
      subordinates: subordinates)
    return (
      file, Entry(seal: JournalSeal(byteCount: byteCount, lastHash: lastHash), summary: summary, stamp: stamp)
    )
  }
}
