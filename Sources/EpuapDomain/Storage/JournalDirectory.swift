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

  public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> JournalDirectory
  {
    if let dir = environment["EPUAP_WIZARD_STATE_DIR"], !dir.isEmpty { return JournalDirectory(path: dir) }
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return JournalDirectory(path: state + "/epuap-wizard")
    }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? accountHome()
    return JournalDirectory(path: home + "/.local/state/epuap-wizard")
  }

  /// The account's home folder from the password database, for a session started without `HOME`.
  static func accountHome() -> String {
    guard let entry = getpwuid(getuid()), let home = entry.pointee.pw_dir else { return "/" }
    return String(cString: home)
  }

  /// A path for a new unit's journal that no file uses yet, named after its ePUAP identifier or name.
  public func newJournalPath(for unit: UnitInfo) -> String {
    let base = Self.slug(unit.entityIdentifier.isEmpty ? unit.name : unit.entityIdentifier + "-" + unit.name)
    var candidate = "\(path)/\(base).\(Self.fileExtension)"
    var number = 2
    while FileManager.default.fileExists(atPath: candidate) {
      candidate = "\(path)/\(base)-\(number).\(Self.fileExtension)"
      number += 1
    }
    return candidate
  }

  /// Journal files in the folder, sorted by name.
  public func journalFiles() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.filter { $0.hasSuffix("." + Self.fileExtension) }.sorted().map { "\(path)/\($0)" }
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

  public static func read(path: String, procedure: Procedure) -> JournalSummary {
    summary(of: ReadJournal(path: path), procedure: procedure)
  }

  /// The summary of a journal already read: what remains needs the procedure (steps done of total).
  public static func summary(of read: ReadJournal, procedure: Procedure) -> JournalSummary {
    let path = read.path
    switch read.outcome {
    case .success(let (journal, state)):
      let checklist = Checklist(procedure: procedure, state: state)
      return JournalSummary(
        path: path, unitName: state.unit.name, entityIdentifier: state.unit.entityIdentifier,
        role: state.unit.role,
        chosenPath: state.path, doneCount: checklist.doneCount + checklist.skippedCount,
        totalCount: checklist.applicableCount, lastChange: state.updatedAt,
        lastOperator: journal.entries.last?.operatorName ?? "", eventCount: state.eventCount, problem: nil,
        tornTail: journal.tornTail != nil)
    case .failure(let error):
      return JournalSummary(
        path: path, unitName: PathText.lastComponent(of: path), entityIdentifier: "", role: nil,
        chosenPath: nil,
        doneCount: 0, totalCount: 0, lastChange: "", lastOperator: "", eventCount: 0, problem: error.message,
        tornTail: false)
    }
  }
}

/// A journal read and folded, without the procedure: the slow part of a summary, which can be done
/// before the procedure is loaded (the start screen reads journals on another core meanwhile).
public struct ReadJournal: Sendable {
  public let path: String
  public let outcome: Result<(journal: LoadedJournal, state: UnitState), JournalError>

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
