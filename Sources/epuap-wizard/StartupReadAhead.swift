import Dispatch
import EpuapDomain
import FoundationEssentials

/// Work the start screen needs, started on another core as soon as the program starts, while the
/// command line is parsed and the terminal set up: the procedure and the journals of the standard folder.
///
/// Nothing here changes what a command does: each result is exactly what the command would have read
/// itself a few milliseconds later, and a command that does not ask simply lets the work finish unused.
enum StartupReadAhead {
  /// The procedure and the journals are read at the same time, each on a thread of its own, while the
  /// terminal is set up.
  static let procedure = Pending { loadProcedure() }

  /// The built-in procedure, or the file `EPUAP_WIZARD_PROCEDURE` names: read only when it is a regular
  /// file of sensible size (a FIFO or `/dev/zero` is refused at once), and with Foundation's English
  /// descriptions of broken JSON left out of the message.
  static func loadProcedure(environment: [String: String] = ProcessEnvironment.current)
    -> Result<Procedure, CLIFailure>
  {
    do throws(ProcedureError) {
      guard let path = environment["EPUAP_WIZARD_PROCEDURE"], !path.isEmpty else {
        return .success(try ProcedureLoader.builtIn())
      }
      let bytes: [UInt8]
      do throws(JournalError) {
        guard let read = try RegularFile.read(path, limit: FileLimits.procedure) else {
          return .failure(
            CLIFailure(
              "Nie ma pliku procedury \(path) (zmienna EPUAP_WIZARD_PROCEDURE). Sprawdź ścieżkę albo usuń "
                + "zmienną, aby użyć procedury wbudowanej.", code: ExitStatus.missing))
        }
        bytes = read
      } catch {
        return .failure(CLIFailure(error.message, code: ExitStatus.code(for: error.kind)))
      }
      return .success(try ProcedureLoader.load(Data(bytes), file: path))
    } catch {
      var error = error
      if error.problem.hasPrefix("niepoprawny JSON") { error.problem = "niepoprawny JSON" }
      return .failure(CLIFailure(error.message, code: ExitStatus.damaged))
    }
  }

  /// The standard folder's journals, from its summary cache where the files are unchanged.
  ///
  /// The others are read and folded. Without arguments there is no `--state-dir`, so this is the
  /// folder the wizard lists.
  static let journals = Pending {
    let directory = JournalDirectory.standard()
    return directory.listing(cache: summaryCache(for: directory))
  }

  /// The summary cache of `directory`, for the summaries this program computes with the standard procedure.
  static func summaryCache(
    for directory: JournalDirectory, environment: [String: String] = ProcessEnvironment.current
  ) -> JournalSummaryCache {
    let procedure = environment["EPUAP_WIZARD_PROCEDURE"].flatMap { $0.isEmpty ? nil : $0 } ?? "wbudowana"
    return JournalSummaryCache(
      folder: directory.path, key: "epuap-wizard \(EpuapWizardCommand.version); procedura: \(procedure)")
  }

  /// How the wizard was opened, when it is one of the two everyday command lines.
  static let launch = DirectLaunch(arguments: Array(CommandLine.arguments.dropFirst()))

  /// Whether the wizard opens on its start screen, which lists the standard folder: run without arguments.
  static var opensStartScreen: Bool { launch == .startScreen }

  /// Starts the work, first thing in `main`, when the wizard opens directly.
  ///
  /// The start screen waits for both the procedure and the journals, a resumed journal for the procedure.
  /// Other commands load the procedure when they ask for it (`wait()` then starts the load), so that
  /// `--help` or `list` pay for no work in the background.
  static func begin() {
    guard let launch else { return }
    _ = procedure
    if launch == .startScreen { _ = journals }
  }
}

/// The two command lines the wizard is opened with every day, recognised without the argument parser:
/// none (the start screen) and `--journal PATH` (resuming one unit, as the wizard says on quitting).
///
/// Anything else, `--journal=PATH` and `--state-dir` included, goes through the parser as before.
enum DirectLaunch: Equatable {
  case startScreen
  case resume(journal: String)

  init?(arguments: [String]) {
    if arguments.isEmpty {
      self = .startScreen
    } else if arguments.count == 2, arguments[0] == "--journal", !arguments[1].isEmpty,
      !arguments[1].hasPrefix("-")
    {
      self = .resume(journal: arguments[1])
    } else {
      return nil
    }
  }
}

/// A value being computed on a thread of its own (`WorkerThreads.detach`); `wait()` returns it once it
/// is there.
final class Pending<Value: Sendable>: @unchecked Sendable {
  // Written once by the thread before `done` is signalled, read only after waiting on `done`.
  private var value: Value?
  private let done = DispatchSemaphore(value: 0)

  init(_ work: @escaping @Sendable () -> Value) {
    WorkerThreads.detach {
      self.value = work()
      self.done.signal()
    }
  }

  func wait() -> Value {
    done.wait()
    done.signal()  // so that a later call does not wait
    return value!
  }
}
