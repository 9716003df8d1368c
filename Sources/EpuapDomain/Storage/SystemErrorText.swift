#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What an `errno` value means, in Polish: `strerror` answers in the C locale's English, which must not
/// reach the clerk.
public enum SystemErrorText {
  public static func polish(_ code: Int32) -> String {
    switch code {
    case EACCES, EPERM: "brak uprawnień"
    case ENOENT: "nie ma takiego pliku ani folderu"
    case ENOSPC, EDQUOT: "brak miejsca na dysku"
    case EFBIG: "plik przekroczyłby dozwolony rozmiar"
    case EROFS: "system plików jest tylko do odczytu"
    case EIO: "błąd wejścia/wyjścia dysku"
    case ENOTDIR: "część ścieżki nie jest folderem"
    case EISDIR: "to jest folder"
    case ELOOP: "zbyt wiele dowiązań symbolicznych"
    case ENAMETOOLONG: "za długa nazwa pliku"
    case EEXIST: "plik już istnieje"
    case EXDEV: "pliki na różnych dyskach"
    case ENXIO, ENODEV: "brak urządzenia"
    case EMFILE, ENFILE: "za dużo otwartych plików"
    case ENOMEM: "brak pamięci"
    case EBUSY, ETXTBSY: "plik jest zajęty"
    case EAGAIN: "zasób chwilowo niedostępny"
    case ENOEXEC: "to nie jest program"
    default: "błąd systemu nr \(code)"
    }
  }
}
