import EpuapDomain
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The user's documents folder, where the wizard saves a printout a clerk can find and open: the XDG user
/// directory `XDG_DOCUMENTS_DIR` (`~/.config/user-dirs.dirs`, „~/Dokumenty” on a Polish desktop), else
/// `~/Dokumenty` or `~/Documents` when one exists, else the home folder.
public enum DocumentsFolder {
  public static func path(environment: [String: String] = ProcessEnvironment.current) -> String {
    let home = JournalDirectory.homeFolder(environment: environment)
    let config = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.config"
    if let bytes = try? RegularFile.read(config + "/user-dirs.dirs", limit: 64 * 1024),
      let configured = documentsDir(inUserDirs: String(decoding: bytes, as: UTF8.self), home: home),
      isFolder(configured)
    {
      return configured
    }
    return [home + "/Dokumenty", home + "/Documents"].first(where: isFolder) ?? home
  }

  /// The value of `XDG_DOCUMENTS_DIR` in a `user-dirs.dirs` file.
  ///
  /// The file may hold `"$HOME/…"` or an absolute path; the home folder itself means „not set” (as
  /// xdg-user-dirs reads it).
  static func documentsDir(inUserDirs text: String, home: String) -> String? {
    for line in text.split(separator: "\n") {
      let line = String(line).trimmedSpaces
      guard line.hasPrefix("XDG_DOCUMENTS_DIR="), !line.hasPrefix("#") else { continue }
      var value = line.dropFirst("XDG_DOCUMENTS_DIR=".count)
      guard value.count >= 2, value.first == "\"", value.last == "\"" else { return nil }
      value = value.dropFirst().dropLast()
      let path: String
      if value.hasPrefix("$HOME/") {
        path = home + value.dropFirst("$HOME".count)
      } else if value.hasPrefix("/") {
        path = String(value)
      } else {
        return nil
      }
      let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
      return trimmed == home || path.contains("\\") ? nil : trimmed
    }
    return nil
  }

  private static func isFolder(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
  }
}
