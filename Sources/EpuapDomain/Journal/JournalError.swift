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
  /// A line was written by a newer version of the program (a newer format or an event type this version
  /// does not know): nothing is changed, the newer program reads it.
  case writtenByNewerVersion(path: String, line: Int, detail: String)
  /// The path names a FIFO, a device, a folder, … where a regular file is expected; it is not opened further.
  case notRegularFile(path: String, kind: String)
  /// The file is larger than anything this program reads (see `FileLimits`).
  case fileTooLarge(path: String, limit: Int)
  /// A file is not written there: the target is a link, a device, a journal, …; it was left as it was.
  case unsafeTarget(path: String, reason: String)
  /// The state folder can be written by other users and is not ours to tighten (or is a shared sticky
  /// folder such as /tmp).
  case unsafeFolder(path: String)
  /// The state folder cannot be listed.
  case folderUnreadable(path: String, reason: String)

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
      return "Błąd zapisu/odczytu (\(operation)) pliku \(path): \(SystemErrorText.polish(code)). "
        + "Wszystko zapisane wcześniej jest bezpieczne; spróbuj ponownie."
    case .alreadyExists(let path):
      return "Dziennik \(path) już istnieje. Wybierz go z listy, aby kontynuować, albo podaj inną ścieżkę."
    case .eventTooLarge(let bytes):
      return "Zmiana jest za duża do zapisania (\(bytes) bajtów, najwięcej \(JournalLimits.maxLineBytes)). "
        + "Skróć wpisane wartości."
    case .writtenByNewerVersion(let path, let line, let detail):
      return "Dziennik \(path) zapisała nowsza wersja programu (wiersz \(line): \(detail)). "
        + "Ta wersja nie może go odczytać ani dopisywać do niego; plik zostawiono bez zmian. "
        + "Użyj nowszej wersji epuap-wizard."
    case .notRegularFile(let path, let kind):
      return "\(path) to \(kind), a nie zwykły plik; nie odczytano go i niczego w nim nie zmieniono. "
        + "Podaj ścieżkę do zwykłego pliku."
    case .fileTooLarge(let path, let limit):
      return "Plik \(path) jest za duży (więcej niż \(limit / (1 << 20)) MiB); nie odczytano go. "
        + "Sprawdź, czy to właściwy plik."
    case .unsafeTarget(let path, let reason):
      return "Nie zapisano do \(path): \(reason). Plik zostawiono bez zmian; podaj inną ścieżkę "
        + "(zwykły plik albo nowy plik)."
    case .unsafeFolder(let path):
      return "Folder \(path) mogą zmieniać także inni użytkownicy (to folder wspólny albo cudzy); "
        + "nie prowadzę w nim dzienników. Wskaż własny folder (--state-dir) albo poproś administratora "
        + "o uprawnienia 0700."
    case .folderUnreadable(let path, let reason):
      return "Nie można odczytać folderu dzienników \(path): \(reason). "
        + "Sprawdź uprawnienia folderu albo wskaż inny: --state-dir FOLDER."
    }
  }

  /// What kind of failure this is, for the exit code of a command (see the README's table).
  public var kind: JournalFailureKind {
    switch self {
    case .damagedLine, .missingHeader, .folderUnreadable: .damaged
    case .writtenByNewerVersion: .newerVersion
    case .notFound: .missing
    case .diskFull: .writeFailed
    case .permissionDenied(_, let operation), .io(_, let operation, _):
      operation == DurableFile.reading ? .damaged : .writeFailed
    case .locked, .alreadyExists, .eventTooLarge, .notRegularFile, .fileTooLarge, .unsafeTarget,
      .unsafeFolder:
      .refused
    }
  }
}

/// The kinds of failure that commands tell apart by their exit code.
public enum JournalFailureKind: Sendable {
  /// Refused at the door (a locked journal, a FIFO, an unsafe target, …): nothing was written.
  case refused
  /// The journal (or the state folder) is damaged or cannot be read.
  case damaged
  /// A newer version of the program wrote the journal.
  case newerVersion
  /// The file does not exist.
  case missing
  /// Writing failed (full disk, no permission, a disk error); what was written before is whole.
  case writeFailed
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
    case .unknownType(let type):
      return "nieznany typ zdarzenia „\(type)”"
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
