import CNcursesw
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The signal that asked the program to stop and has not been handled yet; 0 for none.
private let pendingSignalNumber = Atomic<Int32>(0)
/// True between `initscr` and `endwin`: whoever flips it back to false calls `endwin`, exactly once.
private let terminalActive = Atomic<Bool>(false)
private let handlersInstalled = Atomic<Bool>(false)

/// The signals after which the program dies anyway: runtime traps, `abort` and faults.
///
/// A Swift runtime trap is SIGILL or SIGTRAP. Their handlers restore the terminal first, so a crash
/// does not leave it raw.
private let crashSignals: [Int32] = [SIGABRT, SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE]

/// The actions in place before ours, one per entry of `crashSignals`.
///
/// A crash still reaches Swift's backtracer through them. Written once before the handlers go in,
/// then only read.
nonisolated(unsafe) private let previousCrashActions = UnsafeMutablePointer<sigaction>.allocate(
  capacity: crashSignals.count)

/// Signals and the terminal.
///
/// SIGINT, SIGQUIT (Ctrl-\), SIGTERM and SIGHUP are only noted, in a lock-free atomic: the run loop
/// sees the number through `NcursesTerminal.pendingSignal`, restores the terminal and exits with
/// 128 + number. A
/// second such signal before the first was taken means the program is stuck: the terminal is
/// restored and the signal is raised again with its default action, so Ctrl-C twice always quits.
///
/// A crash signal restores the terminal with `endwin`, which is not async-signal-safe but is the
/// last thing the dying process does, then hands the signal to whoever handled it before.
enum TerminalSignals {
  /// Installs the handlers and an `atexit` restore; later calls do nothing.
  ///
  /// Must run before `initscr`: ncurses installs its own SIGINT and SIGTERM handlers (which exit at
  /// once) only where it finds the default action.
  static func install() {
    guard !handlersInstalled.exchange(true, ordering: .sequentiallyConsistent) else { return }
    takeBackSignals()
    for number in stopSignals {
      setAction(number, handler: noteSignal, previous: nil)
    }
    for (index, number) in crashSignals.enumerated() {
      previousCrashActions.advanced(by: index).initialize(to: sigaction())
      setAction(number, handler: restoreAndCrash, previous: previousCrashActions.advanced(by: index))
    }
    atexit { TerminalSignals.restoreTerminal() }
  }

  /// Marks the terminal as taken over by ncurses.
  static func terminalStarted() { terminalActive.store(true, ordering: .sequentiallyConsistent) }

  /// Whether ncurses has the terminal (started and not yet restored).
  static var isActive: Bool { terminalActive.load(ordering: .sequentiallyConsistent) }

  /// Whether a stop signal waits to be taken.
  static var hasPending: Bool { pendingSignalNumber.load(ordering: .sequentiallyConsistent) != 0 }

  /// The waiting stop signal, cleared as it is taken.
  static func takePending() -> Int32? {
    let number = pendingSignalNumber.exchange(0, ordering: .sequentiallyConsistent)
    return number == 0 ? nil : number
  }

  /// Gives the terminal back (cursor visible, `endwin`); only the first call does anything.
  static func restoreTerminal() {
    guard terminalActive.exchange(false, ordering: .sequentiallyConsistent) else { return }
    curs_set(1)
    endwin()
  }

  /// The signals that end the wizard cleanly: Ctrl-C, Ctrl-\ (whose default action would dump core
  /// and leave the terminal raw), `kill`, a closed terminal.
  static let stopSignals: [Int32] = [SIGINT, SIGQUIT, SIGTERM, SIGHUP]

  /// Unblocks the stop signals and SIGWINCH, and un-ignores SIGWINCH.
  ///
  /// A parent (a shell starting a job in the background, a test runner, a service manager) may have
  /// blocked or ignored them, and the wizard relies on them for a clean exit and for resizing;
  /// ncurses installs its SIGWINCH handler only over the default action. The stop signals get our
  /// handler even where they were ignored: Ctrl-C must always end the wizard.
  private static func takeBackSignals() {
    var mask = sigset_t()
    sigemptyset(&mask)
    for number in stopSignals + [SIGWINCH] { sigaddset(&mask, number) }
    sigprocmask(SIG_UNBLOCK, &mask, nil)
    if epuap_signal_is_ignored(SIGWINCH) != 0 { signal(SIGWINCH, SIG_DFL) }
  }

  /// `sigaction` with SA_RESTART, so that reads and writes elsewhere are not cut short; ncurses'
  /// wait for a key (`poll`) is interrupted all the same.
  private static func setAction(
    _ number: Int32, handler: @convention(c) (Int32) -> Void, previous: UnsafeMutablePointer<sigaction>?
  ) {
    var action = sigaction()
    #if canImport(Glibc)
      action.__sigaction_handler.sa_handler = handler
    #else
      action.__sigaction_u.__sa_handler = handler
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = Int32(SA_RESTART)
    sigaction(number, &action, previous)
  }
}

/// The handler of the stop signals: notes the signal; on a second one, quits.
private func noteSignal(_ number: Int32) {
  guard pendingSignalNumber.exchange(number, ordering: .sequentiallyConsistent) != 0 else { return }
  if terminalActive.exchange(false, ordering: .sequentiallyConsistent) { endwin() }
  signal(number, SIG_DFL)
  raise(number)
}

/// The handler of crash signals: restores the terminal, puts back the previous action and raises
/// the signal again, which that action receives as soon as this handler returns.
private func restoreAndCrash(_ number: Int32) {
  if terminalActive.exchange(false, ordering: .sequentiallyConsistent) { endwin() }
  if let index = crashSignals.firstIndex(of: number) {
    sigaction(number, previousCrashActions.advanced(by: index), nil)
  } else {
    signal(number, SIG_DFL)
  }
  raise(number)
}
