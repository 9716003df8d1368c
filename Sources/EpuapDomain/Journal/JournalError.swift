import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// Everything that can go wrong with a journal, each with a Polish message that says what to do.
public enum JournalError: Error, Equatable, Sendable {
  /// A line before the last one is damaged: the file is refused and left untouched.
  case damagedLine(path: String, line: Int, problem: JournalLineProblem)
  /// The first event is not the unit's creation.
  case missingHeader(path: String)
  /// Another process holds the journal's lock.
  case locked(path: String, holder: String)
  case notFound(path: String)
  /// No space left; nothing of the failed event was kept, the events before it are intact.
  case diskFull(path: String)
  case permissionDenied(path: String, operation: String)
  case io(path: String, operation: String, code: Int32)
  case alreadyExists(path: String)
  /// An event would make a line longer than `JournalLimits.maxLineBytes`.
  case eventTooLarge(bytes: Int)

  public var message: String {
    switch self {
    case .damagedLine(let path, let line, let problem):
      return "Dziennik \(path) jest uszkodzony w wierszu \(line): \(problem.polish). "
        + "Plik zostawiono bez zmian. Przywróć go z kopii zapasowej albo zgłoś się do administratora; "
        + "„epuap-wizard journal verify \(path)” pokaże szczegóły."
    case .missingHeader(let path):
      return "Dziennik \(path) nie zaczyna się od utworzenia jednostki (wiersz 1). "
        + "To nie jest dziennik epuap-wizard albo jego początek zginął. Plik zostawiono bez zmian."
    case .locked(let path, let holder):
      return "Dziennik \(path) jest już otwarty w innym oknie (\(holder)). "
        + "Zamknij tamto okno albo poczekaj, aż ktoś skończy; dwa okna naraz mogłyby pomieszać zapisy."
    case .notFound(let path):
      return "Nie ma dziennika \(path). Sprawdź ścieżkę albo zobacz listę: „epuap-wizard list”."
    case .diskFull(let path):
      return "Brak miejsca na dysku: ostatniej zmiany nie zapisano w \(path). "
        + "Wszystko zapisane wcześniej jest bezpieczne. Zwolnij miejsce i powtórz ostatnią czynność."
    case .permissionDenied(let path, let operation):
      return "Brak uprawnień (\(operation)) do \(path). "
        + "Sprawdź, czy pracujesz na swoim koncie i czy folder nie jest tylko do odczytu."
    case .io(let path, let operation, let code):
      return "Błąd zapisu/odczytu (\(operation)) pliku \(path): \(String(cString: strerror(code))). "
        + "Wszystko zapisane wcześniej jest bezpieczne; spróbuj ponownie."
    case .alreadyExists(let path):
      return "Dziennik \(path) już istnieje. Wybierz go z listy, aby kontynuować, albo podaj inną ścieżkę."
    case .eventTooLarge(let bytes):
      return "Zmiana jest za duża do zapisania (\(bytes) bajtów, najwięcej \(JournalLimits.maxLineBytes)). "
        + "Skróć wpisane wartości."
    }
  }
}

extension JournalLineProblem {
  public var polish: String {
    switch self {
    case .notJSON(let detail): return "wiersz nie jest poprawnym zapisem zdarzenia (\(detail))"
    case .missingHash: return "brak sumy kontrolnej (hash) na końcu wiersza"
    case .hashMismatch:
      return "suma kontrolna się nie zgadza — wiersz zmieniono, usunięto lub przestawiono"
    case .unsupportedVersion(let version):
      return
        "nieobsługiwana wersja formatu (\(version)); ta wersja programu czyta wersję \(JournalEntry.formatVersion)"
    case .wrongSequence(let expected, let found):
      return "zły numer kolejny zdarzenia (jest \(found), powinien być \(expected))"
    }
  }
}

/// Limits that keep a journal loadable.
public enum JournalLimits {
  /// The longest line the journal writes or reads: 4 MiB.
  public static let maxLineBytes = 4 * 1024 * 1024
}
