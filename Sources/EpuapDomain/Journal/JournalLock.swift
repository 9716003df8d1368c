import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One writer per journal: an exclusive `flock` on `<journal>.lock`.
///
/// The lock is on a separate, stable file because the journal itself may be truncated during recovery;
/// the kernel drops a `flock` when its process dies, so a killed wizard leaves no stale lock behind.
/// The file holds the holder's process id and host, only to name it in the message to a second writer.
final class JournalLock {
  let path: String
  private var fd: Int32

  init(journalPath: String) throws(JournalError) {
    path = journalPath + ".lock"
    fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw DurableFile.error(errno, path: path, operation: "blokada") }
    _ = fchmod(fd, 0o600)
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
      if errno == EINTR { continue }
      let code = errno
      let holder = ((try? DurableFile.readAll(path)) ?? nil).map { String(decoding: $0, as: UTF8.self) }
      close(fd)
      fd = -1
      if code == EWOULDBLOCK {
        let described = holder.map { $0.trimmed } ?? ""
        throw .locked(path: journalPath, holder: described.isEmpty ? "inny proces" : described)
      }
      throw DurableFile.error(code, path: path, operation: "blokada")
    }
    let identity = Array("proces \(getpid()) na \(ProcessInfo.processInfo.hostName)\n".utf8)
    _ = ftruncate(fd, 0)
    _ = identity.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
  }

  func release() {
    guard fd >= 0 else { return }
    _ = ftruncate(fd, 0)
    flock(fd, LOCK_UN)
    close(fd)
    fd = -1
  }

  deinit { release() }
}
