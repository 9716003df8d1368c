#if canImport(Glibc)
  import Glibc
#endif

/// What identifies a journal's content without reading it: its length and the hash stored on its last line.
///
/// Every line's hash chains over all the lines before it, so an appended, removed or rewritten last line
/// changes the seal. A change inside the file that keeps both (damage or an edit of the same length) does
/// not: that is why a summary found by its seal is shown only until the journal has been read in full
/// (see `JournalBackend.verifyListing`).
public struct JournalSeal: Equatable, Sendable {
  public var byteCount: Int
  /// The 64 hex digits on the last line.
  public var lastHash: String

  public init(byteCount: Int, lastHash: String) {
    self.byteCount = byteCount
    self.lastHash = lastHash
  }

  /// The most of the file's end that is read to find the last line; a longer last line means no seal.
  static let tailLimit = 1 << 16

  /// The seal of the journal at `path`, reading only its end; nil when the file cannot be read, is
  /// empty, does not end with a whole line, or its last line carries no hash.
  public static func read(path: String) -> JournalSeal? {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)  // a FIFO must not block the start
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var stats = stat()
    guard fstat(fd, &stats) == 0, stats.st_mode & S_IFMT == S_IFREG, stats.st_size > 0 else { return nil }
    let size = Int(stats.st_size)
    var tailSize = min(size, 4096)
    while true {
      var tail = [UInt8](repeating: 0, count: tailSize)
      let count = tail.withUnsafeMutableBytes { pread(fd, $0.baseAddress, tailSize, off_t(size - tailSize)) }
      guard count == tailSize, tail.last == UInt8(ascii: "\n") else { return nil }
      let line = tail[..<(tail.endIndex - 1)]
      if let newline = line.lastIndex(of: UInt8(ascii: "\n")) {
        return seal(of: line[(newline + 1)...], byteCount: size)
      }
      if tailSize == size { return seal(of: line, byteCount: size) }
      guard tailSize < tailLimit else { return nil }
      tailSize = min(size, tailSize * 4, tailLimit)
    }
  }

  private static func seal(of line: ArraySlice<UInt8>, byteCount: Int) -> JournalSeal? {
    guard case .hash(let hash, _) = JournalLineCodec.hashTail(of: line) else { return nil }
    return JournalSeal(byteCount: byteCount, lastHash: String(decoding: hash, as: UTF8.self))
  }
}
