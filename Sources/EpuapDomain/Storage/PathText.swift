/// Folder and file-name parts of a path given as text, with the results `NSString`'s path methods give.
///
/// The library links only FoundationEssentials, which has no `NSString`; these two are all it needs.
/// Both work on the path's UTF-8 bytes: `/` is one byte that never occurs inside another character, and
/// the start screen takes the file name of every journal in the folder before its first frame.
public enum PathText {
  private static let slash = UInt8(ascii: "/")

  /// The folder that holds `path`: `/a/b` → `/a`, `/a` → `/`, `b` → `` (empty), trailing `/` ignored.
  public static func parent(of path: String) -> String {
    let trimmed = withoutTrailingSlashes(path)
    guard let slash = trimmed.utf8.lastIndex(of: slash) else { return "" }
    let head = withoutTrailingSlashes(String(trimmed[..<slash]))
    return head.isEmpty ? "/" : head
  }

  /// The last part of `path`: `/a/b.jsonl` → `b.jsonl`, `/a/` → `a`, `/` → `/`.
  public static func lastComponent(of path: String) -> String {
    let trimmed = withoutTrailingSlashes(path)
    if trimmed == "/" { return "/" }
    guard let slash = trimmed.utf8.lastIndex(of: slash) else { return trimmed }
    return String(trimmed[trimmed.utf8.index(after: slash)...])
  }

  /// The folder that holds `path`, or `.` when the path names no folder.
  public static func folder(of path: String) -> String {
    let parent = parent(of: path)
    return parent.isEmpty ? "." : parent
  }

  /// `path` with runs of `/` made one and no `/` at the end (but for the root itself).
  private static func withoutTrailingSlashes(_ path: String) -> String {
    var previous: UInt8 = 0
    let clean = path.utf8.allSatisfy { byte in
      defer { previous = byte }
      return !(byte == slash && previous == slash)
    }
    if clean, path.utf8.count <= 1 || path.utf8.last != slash { return path }
    var result: [UInt8] = []
    result.reserveCapacity(path.utf8.count)
    for byte in path.utf8 where !(byte == slash && result.last == slash) { result.append(byte) }
    if result.count > 1, result.last == slash { result.removeLast() }
    return String(decoding: result, as: UTF8.self)
  }
}
