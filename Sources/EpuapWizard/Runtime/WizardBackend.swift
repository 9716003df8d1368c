import EpuapDomain
import FoundationEssentials

/// What the wizard needs from the outside world: journals and printing.
///
/// The runtime calls it for the
/// commands `update` returns; tests give it a temporary folder.
public protocol WizardBackend: AnyObject {
  func listJournals() -> [JournalSummary]
  /// Opens a journal; the notice says what recovery did, if anything.
  func open(path: String) throws -> (state: UnitState, notice: String?)
  func create(unit: UnitInfo, operatorName: String) throws -> (path: String, state: UnitState)
  /// Appends durably; returns the state after the change.
  func record(_ change: JournalChange) throws -> UnitState
  /// Writes the checklist; returns a Polish sentence saying where it went.
  func printChecklist(format: String) throws -> String
  func close()
}

/// The real backend: journals in a folder, written through `UnitSession`.
public final class JournalBackend: WizardBackend {
  public let procedure: Procedure
  public let directory: JournalDirectory
  public private(set) var session: UnitSession?
  private let clock: @Sendable () -> Date
  /// Prints the checklist of an open session: `(session, format) -> message`.
  ///
  /// Set by the executable.
  public var printer: ((UnitSession, String) throws -> String)?

  public init(
    procedure: Procedure, directory: JournalDirectory, clock: @escaping @Sendable () -> Date = { Date() }
  ) {
    self.procedure = procedure
    self.directory = directory
    self.clock = clock
  }

  /// Journals of `directory` read before the wizard started (see `epuap-wizard`'s start-up): used
  /// once, by the first listing, instead of reading them again.
  public var readAhead: (() -> [ReadJournal])?

  public func listJournals() -> [JournalSummary] {
    let journals: [ReadJournal]
    if let readAhead {
      self.readAhead = nil
      journals = readAhead()
    } else {
      journals = directory.journalFiles().map(ReadJournal.init(path:))
    }
    return journals.map { JournalSummary.summary(of: $0, procedure: procedure) }
      .sorted { $0.lastChange > $1.lastChange }
  }

  public func open(path: String) throws -> (state: UnitState, notice: String?) {
    session?.close()
    session = nil
    let opened = try UnitSession.open(at: path, procedure: procedure, clock: clock)
    session = opened
    return (opened.state, opened.recovery?.message)
  }

  public func create(unit: UnitInfo, operatorName: String) throws -> (path: String, state: UnitState) {
    session?.close()
    session = nil
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

  public func printChecklist(format: String) throws -> String {
    guard let session else { throw JournalError.notFound(path: "(brak otwartego dziennika)") }
    guard let printer else { return "Drukowanie nie jest dostępne w tej wersji." }
    return try printer(session, format)
  }

  public func close() {
    session?.close()
    session = nil
  }
}
