import CNcursesw
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Signals and the terminal: SIGINT, SIGTERM and SIGHUP are noted (the run loop restores the terminal
/// and exits); a crash signal restores the terminal at once and then lets the crash happen.
///
/// The handlers only touch lock-free atomics, except the crash handler, which calls `endwin` as a last
/// resort before the process dies anyway.
enum TerminalSignals {
  private static let pending = Atomic<Int32>(0)
  private static let active = Atomic<Bool>(false)

  static func install() {
    // A parent may have blocked or ignored these (a test runner, a service manager): the wizard relies on
    // them for resizing and for a clean exit, so it takes them back. ncurses installs its SIGWINCH handler
    // only over the default disposition.
    var mask = sigset_t()
    sigemptyset(&mask)
    for number in [SIGINT, SIGTERM, SIGHUP, SIGWINCH] { sigaddset(&mask, number) }
    sigprocmask(SIG_UNBLOCK, &mask, nil)
    signal(SIGWINCH, SIG_DFL)
    for number in [SIGINT, SIGTERM, SIGHUP] {
      signal(number) { received in TerminalSignals.pending.store(received, ordering: .sequentiallyConsistent)
      }
    }
    for number in [SIGABRT, SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE] {
      signal(number) { received in
        TerminalSignals.restoreTerminal()
        signal(received, SIG_DFL)
        raise(received)
      }
    }
    atexit { TerminalSignals.restoreTerminal() }
  }

  static func terminalStarted() { active.store(true, ordering: .sequentiallyConsistent) }

  static func takePending() -> Int32? {
    let value = pending.exchange(0, ordering: .sequentiallyConsistent)
    return value == 0 ? nil : value
  }

  /// `endwin` once; later calls do nothing.
  static func restoreTerminal() {
    guard active.exchange(false, ordering: .sequentiallyConsistent) else { return }
    curs_set(1)
    endwin()
  }
}
