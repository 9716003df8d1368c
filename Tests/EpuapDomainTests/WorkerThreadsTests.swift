import Foundation
import Testing

@testable import EpuapDomain

/// The start of the wizard decodes the procedure on a second thread while the terminal starts and the
/// folder is listed (`WorkerThreads.inParallel`).
@Suite("Worker threads")
struct WorkerThreadsTests {
  @Test("inParallel runs the second piece on another thread at the same time, and returns both results")
  func inParallelOverlaps() {
    let caller = pthread_self()
    let started = DispatchSemaphore(value: 0)
    let (here, there) = WorkerThreads.inParallel(
      { () -> (sameThread: Bool, sawOther: Bool) in
        // Waits for the other piece to begin: it can only do so while this one runs if it has a thread.
        (pthread_equal(pthread_self(), caller) != 0, started.wait(timeout: .now() + 10) == .success)
      },
      while: { () -> (sameThread: Bool, answer: Int) in
        started.signal()
        return (pthread_equal(pthread_self(), caller) != 0, 42)
      })
    #expect(here.sameThread && here.sawOther)
    #expect(!there.sameThread && there.answer == 42)
  }
}
