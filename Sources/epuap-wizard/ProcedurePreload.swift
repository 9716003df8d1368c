import Dispatch
import EpuapDomain

/// Loads and checks the procedure on another core while the command line is parsed and the terminal
/// set up, so that the first screen does not wait for both one after the other.
///
/// `begin()` starts the load (first thing in `main`); `result()` waits for it, starting it if nobody
/// did. A command that never asks simply lets the load finish unused.
enum ProcedurePreload {
  /// The outcome, written once by the loading thread before `done` is signalled.
  private final class Slot: @unchecked Sendable {
    var result: Result<Procedure, ProcedureError>?
    let done = DispatchSemaphore(value: 0)
  }

  /// Created (and the load started) on first use; Swift runs this initializer exactly once.
  private static let slot: Slot = {
    let slot = Slot()
    DispatchQueue.global(qos: .userInteractive).async {
      slot.result = Result { () throws(ProcedureError) -> Procedure in try ProcedureLoader.standard() }
      slot.done.signal()
    }
    return slot
  }()

  static func begin() { _ = slot }

  static func result() -> Result<Procedure, ProcedureError> {
    let slot = self.slot
    slot.done.wait()
    slot.done.signal()  // so that a later call does not wait
    return slot.result!
  }
}
