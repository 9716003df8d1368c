#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one way the program creates files: the summary cache, printouts, exported answers, the side files
/// of a recovery.
///
/// The content goes to a new file made with `O_CREAT | O_EXCL | O_NOFOLLOW` (mode 0600) in the target's
/// folder, is written and fsynced, and only then is renamed over the target (or linked in, when the target
/// must not exist yet), and the folder is fsynced. A reader sees the old file or the whole new one; a
/// crash leaves at most a hidden temporary file. `O_EXCL | O_NOFOLLOW` means a name planted in the folder
/// (a symbolic link to somewhere else) is never followed.
///
/// What is replaced is checked first: only a missing target or a regular file that is not a journal
/// (nor a journal's side file) is written over. A symbolic link, a FIFO, a device, a folder or a journal
/// is refused and left as it was.
public enum NewFile {
  /// Writes `bytes` to `path`, replacing a regular file that is there.
  public static func replace(_ path: String, with bytes: [UInt8]) throws(JournalError) {
    try checkTarget(path)
    let temporary = try writeTemporary(bytes, beside: path)
    guard rename(temporary, path) == 0 else {
      let code = errno
      unlink(temporary)
      throw DurableFile.error(code, path: path, operation: "zmiana nazwy")
    }
    try DurableFile.fsyncDirectory(PathText.folder(of: path))
  }

  /// Writes `bytes` to `path`, which must not exist yet (`alreadyExists` otherwise).
  public static func create(_ path: String, with bytes: [UInt8]) throws(JournalError) {
    let temporary = try writeTemporary(bytes, beside: path)
    defer { unlink(temporary) }
    if link(temporary, path) != 0 {
      let code = errno
      // A file system without hard links: create the file itself exclusively.
      guard linksUnsupported(code) else {
        throw DurableFile.error(code, path: path, operation: "tworzenie pliku")
      }
      return try DurableFile.createNew(path, contents: bytes)
    }
    try DurableFile.fsyncDirectory(PathText.folder(of: path))
  }

  /// Refuses a target that is not a missing file or a plain regular file other than a journal.
  public static func checkTarget(_ path: String) throws(JournalError) {
    var info = stat()
    if lstat(path, &info) != 0 {
      if errno == ENOENT { return }
      throw DurableFile.error(errno, path: path, operation: DurableFile.reading)
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw .unsafeTarget(path: path, reason: "to \(RegularFile.kind(of: info.st_mode)), nie zwykły plik")
    }
    let name = PathText.lastComponent(of: path)
    if name.hasSuffix("." + JournalDirectory.fileExtension) || name.contains(".odlozone-")
      || startsLikeJournal(path)
    {
      throw .unsafeTarget(path: path, reason: "to dziennik (albo jego odłożony wiersz)")
    }
  }

  /// Whether the file begins like a journal line (`{"v":`), whatever its name.
  static func startsLikeJournal(_ path: String) -> Bool {
    let fd = DurableFile.openDescriptor(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { DurableFile.closeDescriptor(fd) }
    var head = [UInt8](repeating: 0, count: journalStart.count)
    let count = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
    return count == journalStart.count && head == journalStart
  }

  private static let journalStart = Array(#"{"v":"#.utf8)

  /// A new hidden file beside `path` holding `bytes`, written and fsynced; returns its path.
  private static func writeTemporary(_ bytes: [UInt8], beside path: String) throws(JournalError) -> String {
    let (fd, temporary) = try openTemporary(beside: path, access: O_WRONLY)
    do throws(JournalError) {
      try DurableFile.writeAll(fd, bytes, path: path)
      try DurableFile.sync(fd, path: path)
    } catch {
      DurableFile.closeDescriptor(fd)
      unlink(temporary)
      throw error
    }
    DurableFile.closeDescriptor(fd)
    return temporary
  }

  /// A new, empty hidden file beside `path` (`O_CREAT | O_EXCL | O_NOFOLLOW`, mode 0600), open with
  /// `access` (more flags may be added); returns the descriptor and the file's path.
  static func openTemporary(beside path: String, access: Int32) throws(JournalError) -> (
    fd: Int32, path: String
  ) {
    let folder = PathText.folder(of: path)
    let base = folder + "/." + PathText.lastComponent(of: path) + ".tmp-\(getpid())-"
    var attempt = 0
    while true {
      attempt += 1
      let temporary = base + "\(attempt)"
      let fd = DurableFile.openDescriptor(
        temporary, access | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
      if fd < 0 {
        let code = errno
        if code == EEXIST, attempt < 100 { continue }
        // A missing folder is a failed write, not a missing journal (`notFound` names a journal).
        if code == ENOENT { throw .io(path: path, operation: "tworzenie pliku", code: code) }
        throw DurableFile.error(code, path: path, operation: "tworzenie pliku")
      }
      _ = fchmod(fd, 0o600)
      return (fd, temporary)
    }
  }

  /// Whether `link` failed because the file system has no hard links (FAT on a USB stick).
  static func linksUnsupported(_ code: Int32) -> Bool {
    code == EPERM || code == EOPNOTSUPP || code == ENOSYS
  }
}
