import EpuapDomain
import EpuapReport
import FoundationEssentials

/// What the wizard needs from the outside world: journals and printing.
///
/// The runtime calls it for the
/// commands `update` returns; tests give it a temporary folder.
public protocol WizardBackend: AnyObject {
  func listJournals() -> [JournalSummary]
  /// Reads in full the journals the last listing took from the summary cache; returns the listing again
  /// when any of them differs from its cached summary, nil when nothing changed or nothing was pending.
  func verifyListing(limit: Int) -> [JournalSummary]?
  /// Whether every journal of the last listing has been read in full (nothing left for `verifyListing`).
  var isListingSettled: Bool { get }
  /// Opens a journal; the notice says what recovery did, if anything; the draft is what was typed and
  /// not recorded when it was last left.
  func open(path: String) throws -> (state: UnitState, notice: String?, draft: Draft?)
  func create(unit: UnitInfo, operatorName: String) throws -> (path: String, state: UnitState)
  /// Appends durably; returns the state after the change.
  func record(_ change: JournalChange) throws -> UnitState
  /// Writes the checklist (and sends it to a printer); returns a Polish sentence saying where it went.
  func printChecklist(to destination: PrintDestination) throws -> String
  /// The printers the system knows, the default first; none when there is no CUPS.
  func listPrinters() -> PrinterList
  /// Keeps the open journal's draft, or with no journal open the new-unit form's draft in the folder
  /// (nil: removes it); the Polish reason when that failed.
  func saveDraft(_ draft: Draft?) -> String?
  /// The new-unit form's draft kept in the folder, if any.
  func newUnitDraft() -> Draft?
  /// Removes the new-unit form's draft from the folder; the Polish reason when that failed.
  func discardNewUnitDraft() -> String?
  func close()
}

/// The real backend: journals in a folder, written through `UnitSession`.
public final class JournalBackend: WizardBackend {
  public let procedure: Procedure
  public let directory: JournalDirectory
  public private(set) var session: UnitSession?
  private let clock: @Sendable () -> Date
  /// Prints the checklist of an open session: `(session, destination) -> message`.
  ///
  /// Set by the executable.
  public var printer: ((UnitSession, PrintDestination) throws -> String)?
  /// Lists the printers (`lpstat`); set by the executable.
  public var printers: (() -> PrinterList)?

  /// `listed` is the folder as `directory.listing(cache: summaryCache)` gave it just before (the start
  /// lists it while the procedure is read on another core): the first `listJournals` takes it instead of
  /// listing the folder again.
  public init(
    procedure: Procedure, directory: JournalDirectory, summaryCache: JournalSummaryCache? = nil,
    listed: [ListedJournal]? = nil, clock: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.procedure = procedure
    self.directory = directory
    self.summaryCache = summaryCache
    self.listedAhead = listed
    self.clock = clock
  }

  /// The folder's summary cache, when the start screen may use it; nil: every journal is read in full.
  public let summaryCache: JournalSummaryCache?

  /// The last listing, and what is left to do for it after the first frame (`verifyListing`).
  private var listed: [JournalSummary] = []
  private var unverified: [(path: String, cached: JournalSummaryCache.Entry)] = []
  /// Journals found unsound while checking the listing: they leave the cache.
  private var unsound: Set<String> = []
  /// Whether the folder was made and checked for the new-unit form's draft (`JournalDirectory.prepare`).
  private var folderPrepared = false
  /// Summaries to write into the cache, by journal file name.
  private var toCache: [String: JournalSummaryCache.Entry] = [:]
  /// The listing given to `init`, until the first `listJournals` takes it.
  private var listedAhead: [ListedJournal]?

  public func listJournals() -> [JournalSummary] {
    let journals = listedAhead ?? directory.listing(cache: summaryCache)
    listedAhead = nil
    unverified = []
    toCache = [:]
    listed = journals.map { journal in
      switch journal {
      case .cached(let path, let entry):
        unverified.append((path, entry))
        return entry.summary
      case .read(let read):
        let summary = JournalSummary.summary(of: read, procedure: procedure)
        if let seal = read.seal {
          toCache[PathText.lastComponent(of: read.path)] = .init(seal: seal, summary: summary)
        }
        return summary
      }
    }
    listed.sort { $0.lastChange > $1.lastChange }
    return listed
  }

  public var isListingSettled: Bool { unverified.isEmpty && toCache.isEmpty }

  /// Reads in full up to `limit` of the journals still to be checked; the cache is written once all are.
  public func verifyListing(limit: Int = .max) -> [JournalSummary]? {
    guard !unverified.isEmpty || !toCache.isEmpty else { return nil }
    var changed = false
    let openJournal = session.flatMap { FileIdentity(path: $0.path) }
    let batch = unverified.prefix(max(1, limit))
    unverified.removeFirst(batch.count)
    for (path, cached) in batch {
      let summary: JournalSummary
      let seal: JournalSeal?
      if let session, let openJournal, session.seal == cached.seal, FileIdentity(path: path) == openJournal {
        // The open journal (`--journal`) was read in full and checked when it was opened, and nothing has
        // been appended since: its state is the truth, without a second read.
        summary = JournalSummary(
          path: path, state: session.state, lastOperator: session.lastOperatorName, tornTail: false,
          procedure: procedure)
        seal = session.seal
      } else {
        let read = ReadJournal(path: path)
        summary = JournalSummary.summary(of: read, procedure: procedure)
        seal = read.seal
      }
      let file = PathText.lastComponent(of: path)
      if let seal {
        // An entry without a stamp (written before stamps, or while its journal grew) is stored again,
        // so that the next start needs no read of the journal's end.
        if seal != cached.seal || summary != cached.summary || cached.stamp == nil {
          toCache[file] = .init(seal: seal, summary: summary)
        }
      } else {
        unsound.insert(file)
      }
      guard summary != cached.summary, let index = listed.firstIndex(where: { $0.path == path }) else {
        continue
      }
      listed[index] = summary
      changed = true
    }
    // The file is written only when it has to change, and once every listed journal was read: the usual
    // start confirms what it holds.
    if unverified.isEmpty {
      if let summaryCache, !toCache.isEmpty || !unsound.isEmpty {
        summaryCache.store(toCache, removing: unsound)
      }
      toCache = [:]
      unsound = []
    }
    guard changed else { return nil }
    listed.sort { $0.lastChange > $1.lastChange }
    return listed
  }

  public func open(path: String) throws -> (state: UnitState, notice: String?, draft: Draft?) {
    close()
    let opened = try UnitSession.open(at: path, procedure: procedure, clock: clock)
    session = opened
    return (opened.state, opened.recovery?.message, DraftFile(journalPath: opened.path).read())
  }

  public func saveDraft(_ draft: Draft?) -> String? {
    guard let session else {
      // Without a journal only the new-unit form has a draft.
      guard draft == nil || draft?.place == .newUnit else { return nil }
      let advice = "Wpisane dane nowej jednostki nie przetrwają zamknięcia kreatora."
      // The folder may not exist before the first journal: it is made as a journal's would be, once,
      // not at every key typed into the form.
      if draft != nil, !folderPrepared {
        if let problem = directory.prepare() {
          return "Nie można zachować szkicu: \(problem.message) \(advice)"
        }
        folderPrepared = true
      }
      return DraftFile(newUnitIn: directory.path).write(draft, advice: advice)
    }
    return DraftFile(journalPath: session.path).write(draft)
  }

  public func newUnitDraft() -> Draft? {
    DraftFile(newUnitIn: directory.path).read().flatMap { $0.place == .newUnit ? $0 : nil }
  }

  public func discardNewUnitDraft() -> String? { DraftFile(newUnitIn: directory.path).write(nil) }

  public func create(unit: UnitInfo, operatorName: String) throws -> (path: String, state: UnitState) {
    close()
    let path = directory.newJournalPath(for: unit)
    let created = try UnitSession.create(
      at: path, unit: unit, operatorName: operatorName, procedure: procedure, clock: clock)
    session = created
    return (path, created.state)
  }

  public func record(_ change: JournalChange) throws -> UnitState {
    guard let session else { throw JournalError.notFound(path: "(brak otwartego dziennika)") }
    try session.record(change)
    return session.state
  }

  public func printChecklist(to destination: PrintDestination) throws -> String {
    guard let session else { throw JournalError.notFound(path: "(brak otwartego dziennika)") }
    guard let printer else { return "Drukowanie nie jest dostępne w tej wersji." }
    return try printer(session, destination)
  }

  public func listPrinters() -> PrinterList { printers?() ?? .none }

  /// Closes the open journal and keeps its summary in the cache, so that the next start lists it at once.
  public func close() {
    if let session, let summaryCache {
      summaryCache.store([
        PathText.lastComponent(of: session.path): .init(seal: session.seal, summary: session.summary)
      ])
    }
    session?.close()
    session = nil
  }
}
