import FoundationEssentials

/// An open journal with its folded state: the one place where changes are recorded.
///
/// `record` appends durably first and folds the change into `state` only after the append returned, so
/// the state never shows what is not on disk.
public final class UnitSession {
  public let procedure: Procedure
  public let validator: Validator
  public private(set) var state: UnitState
  public var operatorName: String
  public var path: String { writer.path }
  /// Who wrote the journal's last line.
  public private(set) var lastOperatorName: String
  /// The journal's seal after the last append (see `JournalSummaryCache`).
  public var seal: JournalSeal { writer.seal }
  /// Set when opening moved a torn last line aside.
  public let recovery: TailRecovery?
  private let writer: JournalWriter
  private let clock: @Sendable () -> Date

  init(
    procedure: Procedure, writer: JournalWriter, state: UnitState, operatorName: String,
    recovery: TailRecovery?, lastOperatorName: String,
    clock: @escaping @Sendable () -> Date
  ) {
    self.lastOperatorName = lastOperatorName
    self.procedure = procedure
    self.validator = Validator(procedure: procedure)
    self.writer = writer
    self.state = state
    self.operatorName = operatorName
    self.recovery = recovery
    self.clock = clock
  }

  /// Starts a new journal for `unit` at `path`; with `then`, that change is its second line, written
  /// before the journal appears, so a journal never exists without it.
  public static func create(
    at path: String, unit: UnitInfo, operatorName: String, procedure: Procedure,
    clock: @escaping @Sendable () -> Date = { Date() }, then: JournalChange? = nil
  ) throws(JournalError) -> UnitSession {
    let (writer, entries) = try JournalWriter.create(
      at: path, unit: unit, operatorName: operatorName, time: JournalClock.timestamp(clock()), then: then)
    var state = UnitState(unit: unit, createdAt: entries[0].time)
    for entry in entries { state.apply(entry) }
    return UnitSession(
      procedure: procedure, writer: writer, state: state, operatorName: operatorName, recovery: nil,
      lastOperatorName: operatorName, clock: clock)
  }

  /// Opens an existing journal; the operator defaults to the last one who wrote in it.
  public static func open(
    at path: String, operatorName: String? = nil, procedure: Procedure,
    clock: @escaping @Sendable () -> Date = { Date() }
  ) throws(JournalError) -> UnitSession {
    let (writer, journal, recovery) = try JournalWriter.open(at: path, now: clock())
    guard let state = UnitState.fold(journal.entries) else { throw .missingHeader(path: path) }
    return UnitSession(
      procedure: procedure, writer: writer, state: state,
      operatorName: operatorName ?? journal.entries.last?.operatorName ?? "", recovery: recovery,
      lastOperatorName: journal.entries.last?.operatorName ?? "", clock: clock)
  }

  /// Appends `change` durably, then folds it into `state`.
  ///
  /// On error nothing changes.
  @discardableResult
  public func record(_ change: JournalChange) throws(JournalError) -> JournalEntry {
    let entry = try writer.append(change, operatorName: operatorName, time: JournalClock.timestamp(clock()))
    state.apply(entry)
    lastOperatorName = entry.operatorName
    return entry
  }

  /// Today's local date, `RRRR-MM-DD`, for checks such as a consent date not in the future.
  public var today: String { LocalTime.day(clock()) }

  public var checklist: Checklist { Checklist(procedure: procedure, state: state) }

  /// For tests of failing disks: see `JournalWriter.beforeWrite`.
  public func setBeforeWrite(_ hook: (([UInt8]) throws(JournalError) -> Void)?) { writer.beforeWrite = hook }

  /// The journal's summary as the folder's list shows it.
  public var summary: JournalSummary {
    JournalSummary(
      path: path, state: state, lastOperator: lastOperatorName, tornTail: false, procedure: procedure)
  }

  public func close() { writer.close() }
}
