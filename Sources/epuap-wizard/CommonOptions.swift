import ArgumentParser
import EpuapDomain
import FoundationEssentials

/// Options every command shares: which journal, and where journals live.
struct JournalOptions: ParsableArguments {
  @Option(
    name: .long, help: "Ścieżka do dziennika (pliku .jsonl). Domyślnie: jedyny dziennik w folderze stanu.")
  var journal: String?

  @Option(
    name: .customLong("state-dir"),
    help: "Folder dzienników. Domyślnie $XDG_STATE_HOME/epuap-wizard albo ~/.local/state/epuap-wizard.")
  var stateDir: String?

  var directory: JournalDirectory {
    stateDir.map { JournalDirectory(path: $0) } ?? JournalDirectory.standard()
  }

  /// The journal to work on: `--journal`, or the only one in the folder.
  func resolveJournal() throws -> String {
    if let journal { return journal }
    let files = directory.journalFiles()
    switch files.count {
    case 1: return files[0]
    case 0:
      throw CLIFailure(
        "W folderze \(directory.path) nie ma dzienników. Uruchom kreatora („epuap-wizard”) albo podaj --journal ŚCIEŻKA.",
        code: 1)
    default:
      throw CLIFailure(
        "W folderze \(directory.path) jest \(files.count) dzienników. Wskaż jeden: --journal ŚCIEŻKA\n"
          + files.map { "  " + $0 }.joined(separator: "\n"), code: 1)
    }
  }
}

/// A failure the command reports in Polish on standard error, with its exit code.
struct CLIFailure: Error, CustomStringConvertible {
  var text: String
  var code: Int32

  init(_ text: String, code: Int32) {
    self.text = text
    self.code = code
  }

  var description: String { text }
}

enum CLI {
  /// The procedure, or a failure that names the broken file.
  static func procedure() throws -> Procedure {
    switch StartupReadAhead.procedure.wait() {
    case .success(let procedure): return procedure
    case .failure(let error): throw CLIFailure(error.message, code: 2)
    }
  }

  /// Runs `body`, turning the project's errors into a Polish message on stderr and an exit code.
  static func run(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let failure as CLIFailure {
      StandardStream.error.write(Data((failure.text + "\n").utf8))
      throw ExitCode(failure.code)
    } catch let error as JournalError {
      StandardStream.error.write(Data((error.message + "\n").utf8))
      switch error {
      case .locked, .alreadyExists, .notFound, .eventTooLarge: throw ExitCode(1)
      default: throw ExitCode(2)
      }
    } catch let error as AnswersError {
      StandardStream.error.write(Data((error.message + "\n").utf8))
      throw ExitCode(1)
    }
  }

  static func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    StandardStream.output.write(data)
    StandardStream.output.write(Data("\n".utf8))
  }
}
