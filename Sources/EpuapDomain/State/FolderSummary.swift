import FoundationEssentials

/// A folder of journals summed up, one row per unit: what a county sees of its subordinate units and the
/// Urząd Marszałkowski of every partner (`epuap-wizard summary`).
///
/// Each readable journal gives its unit's name, ePUAP identifier, role, path, steps done of those on the
/// path, the `Verdict`, the next date of its `Timeline` and its last change. A journal that cannot be read
/// is a row with the reason. Units a partner lists in step 5.3 („Jednostki podległe”, Regulamin § 6) are
/// placed under that partner; those listed without a journal in the folder are rows of their own.
///
/// The folder is only read: no journal is locked or changed, and nothing is written beside them.
public struct FolderSummary: Sendable {
  /// A journal as read from the folder: its file name and its state, or why it could not be read.
  public struct Source: Sendable {
    /// The file's name in the folder.
    public var file: String
    public var outcome: Result<UnitState, JournalError>
    /// The line number of a torn last line that was left out, if any.
    public var tornTailLine: Int?

    public init(file: String, outcome: Result<UnitState, JournalError>, tornTailLine: Int? = nil) {
      self.file = file
      self.outcome = outcome
      self.tornTailLine = tornTailLine
    }
  }

  /// One unit whose journal was read.
  public struct UnitLine: Sendable, Equatable {
    public var name: String
    public var entityIdentifier: String
    public var role: Role
    /// Nil while the decision (step 2.0) is not made.
    public var path: PathID?
    /// Steps done or skipped with a reason.
    public var done: Int
    /// Steps on the unit's path.
    public var total: Int
    /// Every reason the switch-over is not finished; none when it is.
    public var blocking: [Verdict.Blocker]
    /// The date to look at first (`Timeline.next`), if any.
    public var nextDeadline: Timeline.Entry?
    /// The time of the last event, as the journal keeps it (UTC).
    public var lastChange: String
    /// The line number of a torn last line that was left out, if any.
    public var tornTailLine: Int?
    /// What the unit lists in step 5.3 as its subordinate units, one entry each.
    public var listedSubordinates: [String]

    public var finished: Bool { blocking.isEmpty }
  }

  /// What a row stands for.
  public enum Kind: Sendable, Equatable {
    case unit(UnitLine)
    /// A journal file that cannot be read, with the reason in Polish.
    case unreadable(problem: String)
    /// A unit a partner lists in step 5.3 that has no journal in the folder.
    case missing
  }

  /// One row of the summary.
  public struct Row: Sendable, Equatable {
    public var kind: Kind
    /// The journal's file name; for a `missing` row, the entry as the partner wrote it.
    public var file: String
    /// How many levels of subordination above it: 0 for a unit no partner lists.
    public var depth: Int
    /// The partner the unit is subordinate to (its name), nil for a unit no partner in the folder lists.
    public var parent: String?

    /// The unit's name; the file name when the journal cannot be read; the entry itself for `missing`.
    public var title: String {
      if case .unit(let unit) = kind { return unit.name }
      return file
    }
  }

  /// The folder's path.
  public let folder: String
  /// Every row in order: each unit followed by the units it lists (deeper), then by those listed that
  /// have no journal here.
  public let rows: [Row]

  /// Readable units whose switch-over is finished.
  public var finishedCount: Int {
    rows.count(where: { if case .unit(let unit) = $0.kind { unit.finished } else { false } })
  }
  /// Readable units whose switch-over is not finished.
  public var unfinishedCount: Int {
    rows.count(where: { if case .unit(let unit) = $0.kind { !unit.finished } else { false } })
  }
  /// Journals that cannot be read.
  public var unreadableCount: Int {
    rows.count(where: { if case .unreadable = $0.kind { true } else { false } })
  }
  /// Units listed in a partner's step 5.3 without a journal in the folder.
  public var missingCount: Int { rows.count(where: { $0.kind == .missing }) }
  /// Journal files in the folder.
  public var journalCount: Int { rows.count(where: { $0.kind != .missing }) }

  /// Sums up `sources`, the journals of `folder`; `today` (a local `RRRR-MM-DD`) dates the deadlines and
  /// the checks of the verdict.
  public init(folder: String, sources: [Source], procedure: Procedure, today: String) {
    self.init(folder: folder, items: sources.map { Item(source: $0, procedure: procedure, today: today) })
  }

  private init(folder: String, items: [Item]) {
    self.folder = folder
    rows = Self.arrange(items)
  }

  /// Reads every journal of `folder` and sums them up; nil when there is no such folder.
  ///
  /// Journals are read as `JournalReader` reads them, without a lock (one open in a wizard is read as it
  /// stands on disk) and never through a symbolic link. A folder that cannot be listed throws.
  public static func read(folder: String, procedure: Procedure, today: String) throws(JournalError)
    -> FolderSummary?
  {
    guard let files = try JournalDirectory(path: folder).regularJournalFiles() else { return nil }
    var items = [Item?](repeating: nil, count: files.count)
    // Journals are independent: each is read, folded and checked whole on one thread, on every core.
    let workers = max(1, min(ParallelLineDecoder.processorCount, 8, files.count))
    items.withUnsafeMutableBufferPointer { buffer in
      let output = ItemSlots(base: buffer.baseAddress!)
      WorkerThreads.run(count: workers) { worker in
        var index = worker
        while index < files.count {
          output.base[index] = Item(
            source: readSource(files[index], workers: workers == 1 ? nil : 1), procedure: procedure,
            today: today)
          index += workers
        }
      }
    }
    return FolderSummary(folder: folder, items: items.compactMap { $0 })
  }

  /// The journal at `path` read and folded, or why it cannot be.
  ///
  /// `workers` threads read a long journal ahead (nil: one per core, as `JournalReader.load` does).
  static func readSource(_ path: String, workers: Int?) -> Source {
    let file = PathText.lastComponent(of: path)
    do throws(JournalError) {
      guard let bytes = try RegularFile.read(path, limit: FileLimits.journal, followLinks: false) else {
        throw .notFound(path: path)
      }
      let journal = try JournalReader.parse(bytes, path: path, workers: workers)
      guard let state = UnitState.fold(journal.entries) else { throw .missingHeader(path: path) }
      return Source(file: file, outcome: .success(state), tornTailLine: journal.tornTail?.line)
    } catch {
      return Source(file: file, outcome: .failure(error))
    }
  }

  // MARK: - Arranging the rows

  /// A source with what the summary needs of it.
  private struct Item {
    var file: String
    var kind: Kind
    /// The order of top-level rows: by name (letters without their marks, numbers by value), then file.
    var sortKey: String

    init(source: Source, procedure: Procedure, today: String) {
      file = source.file
      switch source.outcome {
      case .success(let state):
        kind = .unit(Self.line(state, tornTailLine: source.tornTailLine, procedure: procedure, today: today))
        sortKey = SearchText.folded(state.unit.name)
      case .failure(let error):
        kind = .unreadable(problem: error.message)
        sortKey = SearchText.folded(source.file)
      }
    }

    static func line(_ state: UnitState, tornTailLine: Int?, procedure: Procedure, today: String) -> UnitLine
    {
      let checklist = Checklist(procedure: procedure, state: state)
      let verdict = Verdict(procedure: procedure, state: state, today: today, checklist: checklist)
      let listed = SubordinateList.of(state)
      return UnitLine(
        name: state.unit.name, entityIdentifier: state.unit.entityIdentifier, role: state.unit.role,
        path: state.path, done: checklist.doneCount + checklist.skippedCount,
        total: checklist.applicableCount,
        blocking: verdict.blocking,
        nextDeadline: Timeline(
          procedure: procedure, state: state, today: today, checklist: checklist, verdict: verdict
        ).next,
        lastChange: state.updatedAt, tornTailLine: tornTailLine, listedSubordinates: listed)
    }

    /// The name the row is shown with.
    var rowTitle: String { unit?.name ?? file }

    var unit: UnitLine? {
      if case .unit(let unit) = kind { return unit }
      return nil
    }

    /// Whether the entry `listed` of a partner's step 5.3 names this journal's unit: its ePUAP identifier
    /// (in any letter case) or its exact name; for a journal that cannot be read, its file name as the
    /// wizard makes it from an identifier (`<identyfikator>-<nazwa>.jsonl`).
    func isNamed(by listed: String) -> Bool {
      if let unit {
        return SubordinateList.contains([listed], identifier: unit.entityIdentifier, name: unit.name)
      }
      let slug = JournalDirectory.slug(listed)
      let base = file.hasSuffix(".jsonl") ? String(file.dropLast(6)) : file
      return base == slug || base.hasPrefix(slug + "-")
    }
  }

  /// The rows in order: top-level units by name, each followed by its subordinates (by name, at any depth)
  /// and then by the entries of its list that have no journal here.
  private static func arrange(_ items: [Item]) -> [Row] {
    let order = items.indices.sorted { left, right in
      let (a, b) = (items[left], items[right])
      if a.sortKey != b.sortKey { return NaturalOrder.precedes(a.sortKey, b.sortKey) }
      if a.file != b.file { return NaturalOrder.precedes(a.file, b.file) }
      return left < right
    }
    // The first partner (in that order) whose list names a unit is its parent.
    var parent = [Int?](repeating: nil, count: items.count)
    var children = [[Int]](repeating: [], count: items.count)
    var missing = [[String]](repeating: [], count: items.count)
    for partner in order {
      guard let listed = items[partner].unit?.listedSubordinates else { continue }
      for entry in listed where !items[partner].isNamed(by: entry) {
        let named = order.filter { $0 != partner && items[$0].isNamed(by: entry) }
        if named.isEmpty { missing[partner].append(entry) }
        for child in named where parent[child] == nil {
          parent[child] = partner
          children[partner].append(child)
        }
      }
    }
    // Children are kept in the overall order, not the order of the list.
    let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
    for index in children.indices { children[index].sort { rank[$0]! < rank[$1]! } }

    // Units that only list each other (A lists B, B lists A) hang from no top: the first of them, in
    // order, becomes one.
    var reached = [Bool](repeating: false, count: items.count)
    func reach(_ index: Int) {
      reached[index] = true
      for child in children[index] where !reached[child] { reach(child) }
    }
    for index in order where parent[index] == nil { reach(index) }
    for index in order where !reached[index] {
      if let old = parent[index] { children[old].removeAll { $0 == index } }
      parent[index] = nil
      reach(index)
    }

    var rows: [Row] = []
    var placed = [Bool](repeating: false, count: items.count)
    func place(_ index: Int, depth: Int) {
      placed[index] = true
      let item = items[index]
      rows.append(
        Row(kind: item.kind, file: item.file, depth: depth, parent: parent[index].map { items[$0].rowTitle }))
      for child in children[index] where !placed[child] { place(child, depth: depth + 1) }
      for entry in missing[index] {
        rows.append(Row(kind: .missing, file: entry, depth: depth + 1, parent: item.rowTitle))
      }
    }
    for index in order where parent[index] == nil { place(index, depth: 0) }
    return rows
  }

  /// The results array shared by the reading threads; each writes only its own indices.
  private struct ItemSlots: @unchecked Sendable {
    let base: UnsafeMutablePointer<Item?>
  }
}
