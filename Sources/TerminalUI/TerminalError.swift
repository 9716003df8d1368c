/// Why the terminal could not be taken over; the description is Polish, for the user.
public enum TerminalError: Error, CustomStringConvertible, Equatable {
  /// `TERM` names a terminal that terminfo does not know (or is unset).
  case unknownTerminal(String?)
  /// There is no terminfo database at all.
  case noTerminfoDatabase
  /// Another `NcursesTerminal` still has the terminal.
  case alreadyRunning
  /// `initscr` failed.
  case cannotStart
  /// The locale's character set is not UTF-8 (`LANG=C`, `LC_ALL=POSIX`, …): Polish letters could be
  /// neither read nor shown, so the terminal is not taken over.
  case notUTF8Locale(codeset: String)

  public var description: String {
    switch self {
    case .unknownTerminal(let name?): "nieznany typ terminala „\(name)” (zmienna TERM)"
    case .unknownTerminal(nil): "nie ustawiono typu terminala (zmienna TERM)"
    case .noTerminfoDatabase: "brak bazy opisów terminali (terminfo)"
    case .alreadyRunning: "terminal jest już używany przez kreatora"
    case .cannotStart: "ncurses nie uruchomił terminala"
    case .notUTF8Locale(let codeset):
      "ustawienia językowe nie używają UTF-8 (kodowanie „\(codeset)”), więc polskie litery nie dałyby się "
        + "wpisać ani wyświetlić"
    }
  }
}
