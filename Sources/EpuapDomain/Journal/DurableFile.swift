import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Thin POSIX file operations with the durability the journal needs: full writes, fsync of files
/// and of their folder, private permissions whatever the umask.
///
/// Foundation's atomic write does not fsync the folder on Linux, so the journal uses these instead.
enum DurableFile {
  /// Creates `path` (and missing parents) as folders with mode 0700.
  static func ensureDirectory(_ path: String) throws(JournalError) {
    var info = stat()
    if stat(path, &info) == 0 {
      if info.st_mode & S_IFMT != S_IFDIR {
        throw .io(path: path, operation: "to nie jest folder", code: ENOTDIR)
      }
      return
    }
    let parent = PathText.parent(of: path)
    if !parent.isEmpty, parent != path { try ensureDirectory(parent) }
    if mkdir(path, 0o700) != 0, errno != EEXIST {
      throw error(errno, path: path, operation: "tworzenie folderu")
    }
    _ = chmod(path, 0o700)
    try fsyncDirectory(parent.isEmpty ? "." : parent)
  }

  static func fsyncDirectory(_ path: String) throws(JournalError) {
    let fd = open(path, O_RDONLY | O_DIRECTORY)
    guard fd >= 0 else { throw error(errno, path: path, operation: "otwarcie folderu") }
    defer { close(fd) }
    if fsync(fd) != 0, errno != EINVAL { throw error(errno, path: path, operation: "fsync folderu") }
  }

  /// The operation named in errors of reading, by which a failed read is told from a failed write.
  static let reading = "odczyt"

  /// Reads the whole regular file (at most `FileLimits.journal` bytes); nil when it does not exist.
  static func readAll(_ path: String) throws(JournalError) -> [UInt8]? {
    try RegularFile.read(path, limit: FileLimits.journal)
  }

  /// Writes every byte (retrying short writes and EINTR).
  static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(JournalError) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if written < 0 {
        if errno == EINTR { continue }
        throw error(errno, path: path, operation: "zapis")
      }
      offset += written
    }
  }

  static func sync(_ fd: Int32, path: String) throws(JournalError) {
    while fsync(fd) != 0 {
      if errno == EINTR { continue }
      throw error(errno, path: path, operation: "fsync")
    }
  }

  /// Writes a new file durably: created exclusively (never through a symbolic link) with mode 0600,
  /// written, fsynced, folder fsynced.
  static func createNew(_ path: String, contents: [UInt8]) throws(JournalError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw error(errno, path: path, operation: "tworzenie pliku") }
    defer { close(fd) }
    _ = fchmod(fd, 0o600)
    try writeAll(fd, contents, path: path)
    try sync(fd, path: path)
    try fsyncDirectory(PathText.folder(of: path))
  }

  /// `open(2)`, reachable from types that have an `open` of their own.
  static func openDescriptor(_ path: String, _ flags: Int32, _ mode: mode_t = 0o600) -> Int32 {
    open(path, flags, mode)
  }

  static func closeDescriptor(_ fd: Int32) { close(fd) }

  static func error(_ code: Int32, path: String, operation: String) -> JournalError {
    switch code {
    case ENOSPC, EDQUOT, EFBIG: return .diskFull(path: path)
    case EACCES, EPERM, EROFS: return .permissionDenied(path: path, operation: operation)
    case ENOENT: return .notFound(path: path)
    case EEXIST: return .alreadyExists(path: path)
    default: return .io(path: path, operation: operation, code: code)
    }
  }
}

extension String {
  var nonEmpty: String? { isEmpty ? nil : self }
}
