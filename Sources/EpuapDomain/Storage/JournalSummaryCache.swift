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
    guard let bytes = try? RegularFile.read(path, limit: FileLimits.summaryCache, followLinks: false),
      !bytes.isEmpty,
      let json = bytes.withUnsafeBufferPointer({ JSONLineParser.parse($0, maxDepth: 8) }),
      json["format"]?.integerValue == Self.format, json["key"]?.stringValue == key,
      case .array(let items)? = json["journals"]
    else { return [:] }
    var entries: [String: Entry] = [:]
    for item in items {
      guard let file = item["file"]?.stringValue, let byteCount = item["bytes"]?.integerValue,
        let lastHash = item["lastHash"]?.stringValue, let summaryJSON = item["summary"],
        var summary = JournalSummary(json: summaryJSON)
      else { continue }
      summary.path = folder + "/" + file
      entries[file] = Entry(
        seal: JournalSeal(byteCount: byteCount, lastHash: lastHash), summary: summary,
        stamp: item["stamp"]?.stringValue.flatMap(FileStamp.init(text:)))
    }
    return entries
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
        // Without the journal's path, which `load` puts back from the file's name: the cache need not repeat
        // the folder in every entry (as `\/`-escaped text, which is read byte by byte).
        var summary = $0.value.summary
        summary.path = ""
        return CacheFile.Journal(
          file: $0.key, bytes: $0.value.seal.byteCount, lastHash: $0.value.seal.lastHash,
          stamp: $0.value.stamp?.text, summary: summary)
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
  static let format = 2

  private struct CacheFile: Encodable {
    struct Journal: Encodable {
      var file: String
      var bytes: Int
      var lastHash: String
      var stamp: String?
      var summary: JournalSummary
    }
    var format: Int
    var key: String
    var journals: [Journal]
  }
}

extension JournalSummary {
  /// The summary as `JSONEncoder` wrote it into the cache; nil for anything else.
  init?(json: JSONValue) {
    guard json.isObject, let path = json.text("path"), let unitName = json.text("unitName"),
      let entityIdentifier = json.text("entityIdentifier"), let doneCount = json["doneCount"]?.integerValue,
      let totalCount = json["totalCount"]?.integerValue, let lastChange = json.text("lastChange"),
      let lastOperator = json.text("lastOperator"), let eventCount = json["eventCount"]?.integerValue,
      case .bool(let tornTail)? = json["tornTail"]
    else { return nil }
    // An optional member: absent is nil; present, it must read as `read` says, or the entry is unusable.
    func optional<T>(_ key: String, _ read: (JSONValue) -> T?) -> T?? {
      guard let raw = json[key] else { return .some(nil) }
      return read(raw).map { .some($0) } ?? nil
    }
    guard let role = optional("role", { $0.stringValue.flatMap(Role.init(rawValue:)) }),
      let chosenPath = optional("chosenPath", { $0.stringValue.flatMap(PathID.init(rawValue:)) }),
      let problem = optional("problem", \.stringValue),
      let subordinates = optional(
        "subordinates",
        { value -> [String]? in
          guard case .array(let items) = value else { return nil }
          let names = items.compactMap(\.stringValue)
          return names.count == items.count ? names : nil
        })
    else { return nil }
    self.init(
      path: path, unitName: unitName, entityIdentifier: entityIdentifier, role: role, chosenPath: chosenPath,
      doneCount: doneCount, totalCount: totalCount, lastChange: lastChange, lastOperator: lastOperator,
      eventCount: eventCount, problem: problem, tornTail: tornTail, subordinates: subordinates)
  }
}
