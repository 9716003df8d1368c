import Dispatch
import EpuapDomain
import FoundationEssentials

/// Work the start screen needs, started on another core as soon as the program starts, while the
/// command line is parsed and the terminal set up: the procedure and the journals of the standard folder.
///
/// Nothing here changes what a command does: each result is exactly what the command would have read
/// itself a few milliseconds later, and a command that does not ask simply lets the work finish unused.
enum StartupReadAhead {
  /// One serial queue: the procedure first (asked for first), then the journals.
  private static let queue = DispatchQueue(label: "epuap-wizard.read-ahead", qos: .userInteractive)

  static let procedure = Pending(on: queue) {
    Result { () throws(ProcedureError) -> Procedure in try ProcedureLoader.standard() }
  }

  /// The standard folder's journals, read and folded.
  ///
  /// Without arguments there is no `--state-dir`, so this
  /// is the folder the wizard lists.
  static let journals = Pending(on: queue) {
    JournalDirectory.standard().journalFiles().map(ReadJournal.init(path:))
  }

  /// Whether the wizard opens on its start screen, which lists the standard folder: run without arguments.
  static let opensStartScreen = CommandLine.arguments.count == 1

  /// Starts the work, first thing in `main`, when the wizard opens on its start screen.
  ///
  /// That is the case where the first screen waits for both. Other commands load the procedure when they
  /// ask for it (`wait()` then starts the load), so that `--help` or `list` pay for no work in the
  /// background.
  static func begin() {
    guard opensStartScreen else { return }
    _ = procedure
    _ = journals
  }
}

/// A value being computed on a queue; `wait()` returns it once it is there.
final class Pending<Value: Sendable>: @unchecked Sendable {
  // Written once by the queue before `done` is signalled, read only after waiting on `done`.
  private var value: Value?
  private let done = DispatchSemaphore(value: 0)

  init(on queue: DispatchQueue, _ work: @escaping @Sendable () -> Value) {
    queue.async {
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
