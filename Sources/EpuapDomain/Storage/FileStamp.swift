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
/// as numbers; the text form is only for the cache file.
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

  /// A stamp as the cache stores it, `inode:length:mtime:ctime` with the times as `seconds.nanoseconds`
  /// (the seconds negative before 1970); nil for any other text.
  public init?(text: String) {
    var text = text
    guard
      let fields = text.withUTF8({ bytes -> (UInt64, Int, Int, Int, Int, Int)? in
        var index = 0
        // The digits from `index` on (after a `-` where `signed`), then `end` (nil: the end of the text).
        func number(signed: Bool = false, then end: UInt8?) -> (magnitude: UInt64, negative: Bool)? {
          let negative = signed && index < bytes.count && bytes[index] == UInt8(ascii: "-")
          if negative { index += 1 }
          let start = index
          var value: UInt64 = 0
          while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(bytes[index] &- UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            index += 1
          }
          guard index > start else { return nil }
          if let end {
            guard index < bytes.count, bytes[index] == end else { return nil }
            index += 1
          } else {
            guard index == bytes.count else { return nil }
          }
          return (value, negative)
        }
        // A signed number that fits an Int.
        func integer(_ parsed: (magnitude: UInt64, negative: Bool)?) -> Int? {
          guard let parsed, parsed.magnitude <= UInt64(Int.max) else { return nil }
          return parsed.negative ? -Int(parsed.magnitude) : Int(parsed.magnitude)
        }
        let colon = UInt8(ascii: ":")
        let dot = UInt8(ascii: ".")
        guard let inode = number(then: colon)?.magnitude, let length = integer(number(then: colon)),
          let modified = integer(number(signed: true, then: dot)),
          let modifiedNanoseconds = integer(number(then: colon)),
          let changed = integer(number(signed: true, then: dot)),
          let changedNanoseconds = integer(number(then: nil))
        else { return nil }
        return (inode, length, modified, modifiedNanoseconds, changed, changedNanoseconds)
      })
    else { return nil }
    (inode, byteCount, modified, modifiedNanoseconds, changed, changedNanoseconds) = fields
  }

  /// `inode:length:mtime:ctime`, as the cache stores it.
  public var text: String {
    "\(inode):\(byteCount):\(modified).\(modifiedNanoseconds):\(changed).\(changedNanoseconds)"
  }

  /// The stamp of `path` now, when its length is `byteCount` (the length a seal was taken at); nil when
  /// the file has grown or shrunk since, so that no stamp vouches for a seal it was not taken with.
  public static func of(_ path: String, ifLength byteCount: Int) -> FileStamp? {
    guard let stamp = FileStamp(path: path), stamp.byteCount == byteCount else { return nil }
    return stamp
  }
}
