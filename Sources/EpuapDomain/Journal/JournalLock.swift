import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One writer per journal: an exclusive `flock` on the journal's own open file.
///
/// The lock belongs to the file (its device and inode), not to a path: the same journal reached through
/// a symbolic link, a hard link or a path written differently is the same lock, and there is no side file
/// that could be deleted (freeing the journal for a second writer) or replaced by a link (whose target a
/// writer would then truncate). Recovery cuts a torn tail off with `ftruncate` on the same inode, so the
/// lock stays valid; nothing ever renames a journal. The kernel drops a `flock` when its process dies, so
/// a killed wizard leaves no stale lock behind.
enum JournalLock {
  /// Locks the open journal `fd`; throws `.locked` naming the holder when another writer has it.
  ///
  /// A lock found taken is tried again for a moment (`patience`): a journal just closed can stay locked
  /// for the instant in which a process started by another thread shares its open file before `exec`
  /// closes it (`O_CLOEXEC`). A writer that really holds it is named when the moment is over.
  static func acquire(_ fd: Int32, journalPath: String) throws(JournalError) {
    let clock = ContinuousClock()
    let deadline = clock.now + patience
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
      if errno == EINTR { continue }
      let code = errno
      guard code == EWOULDBLOCK else {
        throw DurableFile.error(code, path: journalPath, operation: "blokada")
      }
      guard clock.now < deadline else {
        throw .locked(path: journalPath, holder: holder(of: fd) ?? "inny proces")
      }
      usleep(10_000)
    }
  }

  /// How long a taken lock is tried again before the journal is reported open elsewhere.
  static let patience: Duration = .milliseconds(200)

  /// The process holding a `flock` on the file, as the kernel lists it in `/proc/locks`
  /// (`1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF`: pid, then major:minor:inode).
  static func holder(of fd: Int32) -> String? {
    var info = stat()
    guard fstat(fd, &info) == 0,
      let table = try? RegularFile.read("/proc/locks", limit: 16 << 20)
    else { return nil }
    let device = UInt64(info.st_dev)
    let major = ((device >> 8) & 0xfff) | ((device >> 32) & ~UInt64(0xfff))
    let minor = (device & 0xff) | ((device >> 12) & ~UInt64(0xff))
    let file =
      String(major, radix: 16).leftPadded(2) + ":" + String(minor, radix: 16).leftPadded(2) + ":"
      + String(UInt64(info.st_ino))
    for line in String(decoding: table, as: UTF8.self).split(separator: "\n") {
      let fields = line.split(separator: " ")
      guard fields.count >= 6, fields[1] == "FLOCK", fields[5] == Substring(file) else { continue }
      return "proces \(fields[4]) na \(ProcessInfo.processInfo.hostName)"
    }
    return nil
  }
}

extension String {
  /// The text with zeros in front up to `width` characters (hex device numbers in `/proc/locks`).
  fileprivate func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
