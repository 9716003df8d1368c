import EpuapDomain
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The draft of one journal, kept beside it as `<journal>.szkic` (JSON, mode 0600).
///
/// Written whole to a new temporary file (created exclusively, never through a link) and renamed over the
/// old one, so a killed process leaves the previous draft or the new one, never half of one. It is not
/// synced to the disk: it is written at every key, a process that dies leaves it in the system's cache,
/// and only a power cut can take the last keys of a draft. It is only a convenience: a draft that cannot
/// be read is ignored, and the journal never depends on it.
struct DraftFile {
  /// The most a draft may hold; a larger file is not a draft of ours.
  static let maxSize = 1 << 20
  let path: String

  init(journalPath: String) { path = journalPath + ".szkic" }

  /// The kept draft; nil when there is none or it is not a regular file of readable JSON.
  func read() -> Draft? {
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= Self.maxSize else {
      return nil
    }
    var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
    var done = 0
    while done < bytes.count {
      let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, $0.count - done) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return nil }
      done += count
    }
    return try? JSONDecoder().decode(Draft.self, from: Data(bytes))
  }

  /// Keeps `draft`, or removes the file when it is nil; the Polish reason when that failed.
  func write(_ draft: Draft?) -> String? {
    guard let draft else {
      if unlink(path) != 0, errno != ENOENT { return failure("usunięcie", errno) }
      return nil
    }
    guard let data = try? JSONEncoder().encode(draft) else { return "Nie można zapisać szkicu." }
    let temporary = path + ".tmp-\(getpid())"
    _ = unlink(temporary)
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return failure("utworzenie", errno) }
    let bytes = [UInt8](data)
    var done = 0
    while done < bytes.count {
      let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else {
        let code = errno
        close(fd)
        unlink(temporary)
        return failure("zapis", code)
      }
      done += count
    }
    close(fd)
    guard rename(temporary, path) == 0 else {
      let code = errno
      unlink(temporary)
      return failure("zapis", code)
    }
    return nil
  }

  private func failure(_ operation: String, _ code: Int32) -> String {
    "Nie można zachować szkicu (\(operation) \(PathText.lastComponent(of: path)): \(String(cString: strerror(code)))); "
      + "zapisz wpisany tekst (Tab lub F2), zanim wyjdziesz."
  }
}
