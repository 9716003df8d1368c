/// Folder and file-name parts of a path given as text, with the results `NSString`'s path methods give.
///
/// The library links only FoundationEssentials, which has no `NSString`; these two are all it needs.
public enum PathText {
  /// The folder that holds `path`: `/a/b` → `/a`, `/a` → `/`, `b` → `` (empty), trailing `/` ignored.
  public static func parent(of path: String) -> String {
    let trimmed = withoutTrailingSlashes(path)
    guard let slash = trimmed.lastIndex(of: "/") else { return "" }
    let head = withoutTrailingSlashes(String(trimmed[..<slash]))
    return head.isEmpty ? "/" : head
  }

  /// The last part of `path`: `/a/b.jsonl` → `b.jsonl`, `/a/` → `a`, `/` → `/`.
  public static func lastComponent(of path: String) -> String {
    let trimmed = withoutTrailingSlashes(path)
    if trimmed == "/" { return "/" }
    guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
    return String(trimmed[trimmed.index(after: slash)...])
  }

  /// The folder that holds `path`, or `.` when the path names no folder.
  public static func folder(of path: String) -> String {
    let parent = parent(of: path)
    return parent.isEmpty ? "." : parent
  }

  /// `path` with runs of `/` made one and no `/` at the end (but for the root itself).
  private static func withoutTrailingSlashes(_ path: String) -> String {
    var result = ""
    for character in path where !(character == "/" && result.hasSuffix("/")) { result.append(character) }
    if result.count > 1, result.hasSuffix("/") { result.removeLast() }
    return result
  }
}
