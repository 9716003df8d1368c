import ArgumentParser
import EpuapDomain
import EpuapReport
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// Options every command shares: which journal, and where journals live.
struct JournalOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Ścieżka do dziennika (pliku .jsonl). Domyślnie: jedyny dziennik w folderze stanu.",
      valueName: "dziennik"),
    completion: .file(extensions: ["jsonl"]))
  var journal: String?

  @Option(
    name: .customLong("state-dir"),
    help: ArgumentHelp(
      "Folder dzienników. Domyślnie $XDG_STATE_HOME/epuap-wizard albo ~/.local/state/epuap-wizard.",
      valueName: "folder"),
    completion: .directory)
  var stateDir: String?

  var directory: JournalDirectory {
    stateDir.map { JournalDirectory(path: $0) } ?? JournalDirectory.standard()
  }

  /// The journal to work on: `--journal`, or the only one in the folder.
  func resolveJournal() throws -> String {
    if let journal { return journal }
    let files = try directory.files()
    switch files.count {
    case 1: return files[0]
    case 0:
      throw CLIFailure(
        "W folderze \(directory.path) nie ma dzienników. Uruchom kreatora („epuap-wizard”) albo podaj --journal ŚCIEŻKA.",
        code: ExitStatus.missing)
    default:
      throw CLIFailure(
        "W folderze \(directory.path) jest \(files.count) dzienników. Wskaż jeden: --journal ŚCIEŻKA\n"
          + files.map { "  " + $0 }.joined(separator: "\n"), code: ExitStatus.refused)
    }
  }
}

/// A failure the command reports in Polish on standard error, with its exit code.
struct CLIFailure: Error, CustomStringConvertible, Sendable {
  var text: String
  var code: Int32

  init(_ text: String, code: Int32) {
    self.text = text
    self.code = code
  }

  var description: String { text }
}

/// The exit codes of every command: one table, shown in `--help` and in the README.
enum ExitStatus {
  /// Done.
  static let done: Int32 = 0
  /// Refused at the door, or invalid input: nothing was written.
  static let refused: Int32 = 1
  /// A journal (or the procedure file, or the state folder) is damaged or cannot be read.
  static let damaged: Int32 = 2
  /// The journal was written by a newer version of the program; nothing was changed.
  static let newerVersion: Int32 = 3
  /// A file named on the command line (journal, answers, procedure) does not exist.
  static let missing: Int32 = 4
  /// Writing failed (full disk, no permission to write, a disk error); what was written before is whole.
  static let writeFailed: Int32 = 5
  /// The command line itself is wrong (the argument parser's own code, `EX_USAGE`).
  static let commandLine: Int32 = 64

  static func code(for kind: JournalFailureKind) -> Int32 {
    switch kind {
    case .refused: refused
    case .damaged: damaged
    case .newerVersion: newerVersion
    case .missing: missing
    case .writeFailed: writeFailed
    }
  }

  /// The table as `--help` shows it.
  static let helpText = """
    Kody wyjścia (wszystkie polecenia): 0\u{00A0}— gotowe; 1\u{00A0}— odmowa lub błędne dane, nic nie \
    zapisano; 2\u{00A0}— dziennik (albo plik procedury, folder dzienników) uszkodzony lub nieczytelny; \
    3\u{00A0}— dziennik zapisała nowsza wersja programu, nic nie zmieniono; 4\u{00A0}— brak pliku \
    (dziennika, pliku odpowiedzi, procedury); 5\u{00A0}— zapis się nie udał (brak miejsca na dysku, \
    brak uprawnień do zapisu, błąd dysku), wcześniejsze zapisy są całe; 64\u{00A0}— błędny wiersz \
    polecenia; 128+N\u{00A0}— kreator przerwany sygnałem N.
    """
}

enum CLI {
  /// The procedure, or a failure that names the broken file.
  static func procedure() throws -> Procedure {
    try ProcedureSource.load()
  }

  /// Writes `text` and a newline to standard error, with no control character left in it (a file name or
  /// a value echoed in a message may carry one).
  static func warn(_ text: String) {
    StandardStream.error.write(Data((text.terminalSafe(keepNewlines: true) + "\n").utf8))
  }

  /// Writes a line for a person to standard output, with no control character left in it.
  static func say(_ text: String) {
    StandardStream.output.write(Data((text.terminalSafe(keepNewlines: true) + "\n").utf8))
  }

  /// Runs `body`, turning every error into a Polish message on stderr and the exit code of the table.
  static func run(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let exit as ExitCode {
      throw exit
    } catch let failure as CLIFailure {
      warn(failure.text)
      throw ExitCode(failure.code)
    } catch let error as JournalError {
      warn(error.message)
      throw ExitCode(ExitStatus.code(for: error.kind))
    } catch let error as AnswersError {
      warn(error.message)
      throw ExitCode(ExitStatus.refused)
    } catch let error as ProcedureError {
      warn(error.message)
      throw ExitCode(ExitStatus.damaged)
    } catch {
      // No other error should get here; if one does, its (English) description stays out of sight.
      warn("Nieoczekiwany błąd programu; nic nie zapisano. Zgłoś to administratorowi.")
      throw ExitCode(ExitStatus.refused)
    }
  }

  /// The journal at `path` read without changing it; a torn last line is mentioned on standard error.
  static func readJournal(_ path: String) throws -> (LoadedJournal, UnitState) {
    let journal = try JournalReader.load(path: path)
    guard let state = UnitState.fold(journal.entries) else { throw JournalError.missingHeader(path: path) }
    if let tail = journal.tornTail {
      warn(
        "Uwaga: ostatni wiersz dziennika (\(tail.line)) jest urwany (\(tail.problem)); pominięto go. "
          + "Zostanie odłożony do osobnego pliku przy następnym otwarciu do zapisu.")
    }
    return (journal, state)
  }

  static func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    StandardStream.output.write(data)
    StandardStream.output.write(Data("\n".utf8))
  }
}

/// `-o`/`--output`: a file written new (0600) and put in place only when whole, or standard output.
struct OutputOption: ParsableArguments {
  @Option(
    name: .shortAndLong,
    help: ArgumentHelp("Zapisz do pliku zamiast na standardowe wyjście.", valueName: "plik"),
    completion: .file())
  var output: String?

  /// Refuses a target that must not be written over, before anything is read: a wrong target costs nothing.
  func check() throws { if let output { try NewFile.checkTarget(output) } }

  /// Writes `data` to the file (through `NewFile`) or to standard output; a failure names the file, not a
  /// journal, and says what to do.
  func write(_ data: Data) throws {
    guard let output else {
      StandardStream.output.write(data)
      return
    }
    do throws(JournalError) {
      try NewFile.replace(output, with: [UInt8](data))
    } catch {
      let reason: String
      switch error {
      case .unsafeTarget: throw error
      case .diskFull: reason = SystemErrorText.polish(ENOSPC)
      case .permissionDenied: reason = SystemErrorText.polish(EACCES)
      case .notFound: reason = "nie ma takiego folderu"
      case .io(_, _, let code): reason = SystemErrorText.polish(code)
      default: reason = error.message
      }
      throw CLIFailure(
        "Nie można zapisać do \(output): \(reason). Sprawdź ścieżkę i uprawnienia, albo podaj inny plik: "
          + "--output PLIK.", code: ExitStatus.writeFailed)
    }
  }
}

/// `--format`: text (also „tekst”), markdown or html.
struct FormatOption: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp("Format: text albo tekst (80 kolumn), markdown albo html (A4).", valueName: "format"),
    completion: .list(ChecklistFormat.allCases.map(\.rawValue) + ["tekst"]))
  var format = "text"

  /// The format named, or a Polish refusal listing the ones there are.
  func resolved() throws -> ChecklistFormat {
    guard let resolved = ChecklistFormat(named: format) else {
      throw CLIFailure(
        "Nieznany format „\(format.terminalSafe())”. Dostępne: "
          + ChecklistFormat.allCases.map(\.rawValue).joined(separator: ", ") + " (także „tekst”).",
        code: ExitStatus.refused)
    }
    return resolved
  }
}
