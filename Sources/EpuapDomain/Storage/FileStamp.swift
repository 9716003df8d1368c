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
/// (about 1 ms of the start screen's first paint at 200 units, docs/PERFORMANCE.md). Stamps are compared
/// and stored as numbers.
public struct FileStamp: Equatable, Sendable {
  public let inode: UInt64
  public let byteCount: Int
  let modified: Int, modifiedNanoseconds: Int
  let changed: Int, changedNanoseconds: Int

  /// The stamp of the regular file at `path` (links are not followed); nil for anything else.
  public init?(path: String) {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    self.init(info)
  }

  /// The stamp of the regular file `name` in the open folder `folder` (links are not followed): the folder's
  /// path is not looked up again for each of its files.
  public init?(name: String, inFolder folder: Int32) {
    var info = stat()
    guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
    self.init(info)
  }

  private init?(_ info: stat) {
    guard info.st_mode & S_IFMT == S_IFREG else { return nil }
    inode = UInt64(info.st_ino)
    byteCount = Int(info.st_size)
    modified = Int(info.st_mtim.tv_sec)
    modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
    changed = Int(info.st_ctim.tv_sec)
    changedNanoseconds = Int(info.st_ctim.tv_nsec)
  }

  /// A stamp as the cache stores it: inode (its bits as a signed number), length, then the two times as
  /// seconds (negative before 1970) and nanoseconds; nil for anything else.
  public init?(numbers: [Int]) {
    guard numbers.count == 6, numbers[1] >= 0, (0..<1_000_000_000).contains(numbers[3]),
      (0..<1_000_000_000).contains(numbers[5])
    else { return nil }
    inode = UInt64(bitPattern: Int64(numbers[0]))
    byteCount = numbers[1]
    (modified, modifiedNanoseconds, changed, changedNanoseconds) = (
      numbers[2], numbers[3], numbers[4], numbers[5]
    )
  }

  /// The numbers `init(numbers:)` reads back.
  public var numbers: [Int] {
    [Int(Int64(bitPattern: inode)), byteCount, modified, modifiedNanoseconds, changed, changedNanoseconds]
  }

  /// The stamp of `path` now, when its length is `byteCount` (the length a seal was taken at); nil when
  /// the file has grown or shrunk since, so that no stamp vouches for a seal it was not taken with.
  public static func of(_ path: String, ifLength byteCount: Int) -> FileStamp? {
    guard let stamp = FileStamp(path: path), stamp.byteCount == byteCount else { return nil }
    return stamp
  }
}
