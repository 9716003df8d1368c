#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `stat` says of a file that changes whenever it is written: its inode, its length, and the times
/// of the last change of its content and of its status, to the nanosecond.
///
/// The summary cache keeps a journal's stamp beside its seal. While the stamp is the same, the seal is
/// taken as unchanged without reading the file's end: one system call per journal listed instead of four
/// (about 1 ms of the start screen's first paint at 200 units, docs/PERFORMANCE.md).
public struct FileStamp: Equatable, Sendable {
  /// `inode:length:mtime:ctime`, as the cache stores it.
  public let text: String
  public let byteCount: Int

  /// The stamp of the regular file at `path` (links are not followed); nil for anything else.
  public init?(path: String) {
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    byteCount = Int(info.st_size)
    text =
      "\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
      + ":\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
  }

  /// The stamp of `path` now, when its length is `byteCount` (the length a seal was taken at); nil when
  /// the file has grown or shrunk since, so that no stamp vouches for a seal it was not taken with.
  public static func text(of path: String, ifLength byteCount: Int) -> String? {
    guard let stamp = FileStamp(path: path), stamp.byteCount == byteCount else { return nil }
    return stamp.text
  }
}
