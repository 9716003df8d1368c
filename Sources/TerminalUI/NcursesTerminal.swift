import CNcursesw
import ScreenKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A real terminal through ncursesw: draws `ScreenBuffer`s and reads keys.
///
/// The only code in the project that calls ncurses. It keeps the `WINDOW *` that `initscr` returns
/// rather than using the `stdscr` global, which is not concurrency-safe in Swift 6. The terminal is
/// given back by `restore()`, by `deinit`, at exit and when the program crashes (see
/// `TerminalSignals`).
///
///     let terminal = try NcursesTerminal(environment: ProcessEnvironment.current)
///     defer { terminal.restore() }
///     terminal.draw(screen)
///     let key = terminal.readKey(timeoutMilliseconds: 200)
///     if let signal = NcursesTerminal.pendingSignal { terminal.restore(); exit(128 + signal) }
public final class NcursesTerminal: TerminalDevice {
  public private(set) var size: ScreenSize
  /// True once the input is gone (the terminal was closed); `readKey` then returns nil at once.
  public private(set) var isExhausted = false
  /// Whether this terminal gave the screen back already; a later `NcursesTerminal` may have it now.
  private(set) var restored = false
  let window: UnsafeMutablePointer<WINDOW>
  let palette: Palette
  /// The last frame drawn; cells equal to it are not sent to ncurses again (nil: repaint everything).
  var lastFrame: ScreenBuffer?

  /// Takes over the terminal on standard input and output.
  ///
  /// Installs the signal handlers first (see `installSignalHandlers`) and sets the locale from the
  /// environment, without which ncursesw cannot read or show Polish letters; a locale that is not UTF-8
  /// is refused (`TerminalError.notUTF8Locale`) before ncurses starts. `NO_COLOR` in
  /// `environment`, with any value, turns colour off.
  public init(environment: [String: String]) throws {
    Self.installSignalHandlers()
    setlocale(LC_ALL, "")
    // Checked before ncurses starts: in a locale that is not UTF-8 ncursesw reads Polish letters as
    // several wrong characters and draws them as `M-E~B`-like escapes.
    let codeset = String(cString: epuap_locale_codeset())
    guard codeset == "UTF-8" else { throw TerminalError.notUTF8Locale(codeset: codeset) }
    guard !TerminalSignals.isActive else { throw TerminalError.alreadyRunning }
    let name = environment["TERM"].flatMap { $0.isEmpty ? nil : $0 }
    switch epuap_probe_terminal(STDOUT_FILENO) {
    case 1: break
    case 0: throw TerminalError.unknownTerminal(name)
    default: throw name == nil ? TerminalError.unknownTerminal(nil) : TerminalError.noTerminfoDatabase
    }
    guard let window = initscr() else { throw TerminalError.cannotStart }
    TerminalSignals.terminalStarted()
    self.window = window
    cbreak()  // not raw(): Ctrl-C stays SIGINT, Ctrl-Z suspends
    noecho()
    nonl()
    Self.passControlKeysThrough()
    keypad(window, true)
    scrollok(window, false)
    idlok(window, true)  // a list that scrolled by a row is scrolled by the terminal: ncurses finds the move
    set_escdelay(25)
    // No typeahead check: by default ncurses polls the keyboard while it repaints (to give up a repaint
    // when keys are waiting), about two more system calls a key here. Frames here are small, and
    // letters typed in a burst are already taken as one event (`WizardRunner`).
    typeahead(-1)
    curs_set(0)
    // One write per frame. Until its screen has been left (`endwin`) and taken back (a refresh), ncurses
    // 6.4 empties its output buffer at every cursor move, so a key's repaint went out in five writes or
    // more, each a system call and a wake-up of the terminal; after the round trip a frame is one write.
    // Done here, before the first frame, the round trip shows nothing.
    endwin()
    doupdate()
    // The NO_COLOR convention: set and not empty.
    palette = Palette(noColor: !(environment["NO_COLOR"] ?? "").isEmpty)
    size = ScreenSize(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
  }

  deinit { restore() }

  /// Gives the terminal back (cursor visible, `endwin`); safe to call more than once.
  ///
  /// `draw` and `readKey` do nothing afterwards.
  public func restore() {
    guard !restored else { return }
    restored = true
    TerminalSignals.restoreTerminal()
  }

  /// Whether the terminal on standard output can move the cursor; nil when `TERM` is unset or unknown.
  ///
  /// `TERM=dumb` and line consoles cannot: the wizard then runs in line mode.
  public static func addressesCursor() -> Bool? {
    switch epuap_terminal_addresses_cursor(STDOUT_FILENO) {
    case 1: true
    case 0: false
    default: nil
    }
  }

  /// Installs the signal handlers and an `atexit` restore; `init` calls it, earlier calls are harmless.
  ///
  /// SIGINT, SIGQUIT, SIGTERM and SIGHUP are noted for `pendingSignal` (a second one quits at once); crash
  /// signals restore the terminal, then crash as before.
  public static func installSignalHandlers() { TerminalSignals.install() }

  /// The SIGINT, SIGQUIT, SIGTERM or SIGHUP that arrived since the last look, cleared as it is read.
  ///
  /// `readKey` returns nil early when one arrives. The run loop should then restore the terminal
  /// and exit with 128 + the number.
  public static var pendingSignal: Int32? { TerminalSignals.takePending() }

  /// Waits up to `timeoutMilliseconds` (negative: without limit) for a key; nil on timeout, when a
  /// stop signal arrived (see `pendingSignal`) or when the input is gone (see `isExhausted`).
  ///
  /// The wait is cut into slices of at most 100 ms so that a signal is noticed quickly whatever
  /// ncurses does with interrupted reads. Keys that mean nothing to the wizard are skipped.
  public func readKey(timeoutMilliseconds: Int) -> Key? {
    // Capped at about 24 days, so that the sum cannot overflow.
    let deadline =
      timeoutMilliseconds < 0 ? nil : Self.monotonicMilliseconds() + min(timeoutMilliseconds, Int(Int32.max))
    while !isExhausted, !restored {
      let remaining = deadline.map { max(0, $0 - Self.monotonicMilliseconds()) } ?? 100
      wtimeout(window, Int32(min(100, remaining)))
      var character: wint_t = 0
      let result = wget_wch(window, &character)
      if TerminalSignals.hasPending { return nil }
      if result == epuap_key_code_yes() {
        if Int32(character) == epuap_key_resize() {
          lastFrame = nil
          size = ScreenSize(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
          return .resize
        }
        if let key = KeyCodes.key(forCode: Int32(character)) { return key }
      } else if result != epuap_err() {
        if let key = KeyCodes.key(forCharacter: UInt32(character)) { return key }
      } else if Self.inputClosed() {
        isExhausted = true
      }
      if let deadline, Self.monotonicMilliseconds() >= deadline { return nil }
    }
    return nil
  }

  /// Milliseconds of the monotonic clock: `ContinuousClock` and `Duration` arithmetic cost a few per
  /// cent of a keystroke here, for a deadline counted in whole milliseconds.
  private static func monotonicMilliseconds() -> Int {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
  }

  /// Turns off what `cbreak` leaves on but the wizard does not want: XON/XOFF flow control, with
  /// which Ctrl-S freezes the screen until Ctrl-Q, and the extensions that swallow Ctrl-V.
  ///
  /// ncurses is told (`def_prog_mode`) so that it keeps these settings after a suspend; `endwin`
  /// puts back the settings from before `initscr`.
  private static func passControlKeysThrough() {
    var settings = termios()
    guard tcgetattr(STDIN_FILENO, &settings) == 0 else { return }
    settings.c_iflag &= ~tcflag_t(IXON)
    settings.c_lflag &= ~tcflag_t(IEXTEN)
    tcsetattr(STDIN_FILENO, TCSANOW, &settings)
    def_prog_mode()
  }

  /// Whether standard input hung up: `wget_wch` would otherwise fail at once, forever.
  private static func inputClosed() -> Bool {
    var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, 0) >= 0 else { return false }
    return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
  }
}
