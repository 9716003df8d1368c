#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading files the program did not write itself (a journal given with `--journal`, an answers file, a
/// procedure file, the summary cache): only regular files, and only up to a size that fits in memory.
///
/// A FIFO would block `open` and `read` until someone writes to it, `/dev/zero` never ends, and a folder or
/// a socket cannot be read at all; each is refused at once with a message instead. The file is opened with
/// `O_NONBLOCK` (so a FIFO does not block the `open`) and checked with `fstat` on the descriptor that is then
/// read, so what was checked is what is read.
public enum RegularFile {
  /// What a path names, in words, for messages: „potok (FIFO)”, „urządzenie”, „folder” and so on.
  static func kind(of mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFREG: "zwykły plik"
    case S_IFDIR: "folder"
    case S_IFIFO: "potok (FIFO)"
    case S_IFCHR, S_IFBLK: "urządzenie"
    case S_IFSOCK: "gniazdo"
    case S_IFLNK: "dowiązanie symboliczne"
    default: "plik specjalny"
    }
  }

  /// Opens `path` for `access` (`O_RDONLY` or `O_RDWR`, more flags may be added) and checks that it is a
  /// regular file no larger than `limit`; returns the descriptor, or nil when there is no such file.
  ///
  /// `followLinks: false` refuses a symbolic link as the last part of the path.
  static func open(
    _ path: String, access: Int32 = O_RDONLY, limit: Int, followLinks: Bool = true
  ) throws(JournalError) -> Int32? {
    let flags = access | O_NONBLOCK | O_CLOEXEC | (followLinks ? 0 : O_NOFOLLOW)
    let fd = DurableFile.openDescriptor(path, flags)
    if fd < 0 {
      let code = errno
      if code == ENOENT { return nil }
      if code == ELOOP, !followLinks {
        throw .notRegularFile(path: path, kind: "dowiązanie symboliczne")
      }
      // A FIFO or device opened for writing may fail in its own ways (ENXIO): name the kind instead.
      var info = stat()
      if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
        throw .notRegularFile(path: path, kind: kind(of: info.st_mode))
      }
      let reading = access & O_ACCMODE == O_RDONLY
      throw DurableFile.error(
        code, path: path, operation: reading ? DurableFile.reading : "otwarcie do zapisu")
    }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      let code = errno
      DurableFile.closeDescriptor(fd)
      throw DurableFile.error(code, path: path, operation: DurableFile.reading)
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      DurableFile.closeDescriptor(fd)
      throw .notRegularFile(path: path, kind: kind(of: info.st_mode))
    }
    guard Int(info.st_size) <= limit else {
      DurableFile.closeDescriptor(fd)
      throw .fileTooLarge(path: path, limit: limit)
    }
    // Back to blocking reads and writes: the descriptor is a regular file, where it changes nothing but
    // keeps `write` from ever returning EAGAIN.
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    return fd
  }

  /// The whole file at `path`, or nil when it does not exist.
  public static func read(_ path: String, limit: Int, followLinks: Bool = true) throws(JournalError)
    -> [UInt8]?
  {
    guard let fd = try open(path, limit: limit, followLinks: followLinks) else { return nil }
    defer { DurableFile.closeDescriptor(fd) }
    return try read(fd, path: path, limit: limit)
  }

  /// Everything from the start of the open file `fd` (read with `pread`, so the file offset is left
  /// alone), refusing it once it grows past `limit`.
  static func read(_ fd: Int32, path: String, limit: Int) throws(JournalError) -> [UInt8] {
    var info = stat()
    var result: [UInt8] = []
    if fstat(fd, &info) == 0, info.st_size > 0 { result.reserveCapacity(min(Int(info.st_size), limit)) }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let offset = off_t(result.count)
      let count = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, offset) }
      if count < 0 {
        if errno == EINTR { continue }
        throw DurableFile.error(errno, path: path, operation: DurableFile.reading)
      }
      if count == 0 { return result }
      guard result.count + count <= limit else { throw .fileTooLarge(path: path, limit: limit) }
      result.append(contentsOf: chunk[0..<count])
    }
  }
}

/// The largest files the program reads; anything larger is refused before it is read.
public enum FileLimits {
  /// A journal: 50,000 events take about 13 MB; a journal this large is not one this program wrote.
  public static let journal = 1 << 30
  /// An answers file: its changes must fit in one journal line (4 MiB), with room for spaces and
  /// indentation.
  public static let answers = 64 << 20
  /// A procedure file (the built-in one has about 100 KB).
  public static let procedure = 16 << 20
  /// The start screen's summary cache.
  public static let summaryCache = 64 << 20
}
