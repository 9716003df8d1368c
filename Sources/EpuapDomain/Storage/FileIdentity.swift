#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which file a path names (its device and inode), so that two paths written differently
/// (`./a.jsonl`, `/home/…/a.jsonl`, a link) are known to be one file.
public struct FileIdentity: Equatable, Sendable {
  private let device: UInt64
  private let inode: UInt64

  /// The identity of the file at `path`; nil when there is none (or it cannot be examined).
  public init?(path: String) {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
  }
}
