import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// Standard output or error, written whole with `write(2)`: the commands' output and line mode's.
///
/// Unbuffered like `FileHandle`'s, which lives in Foundation proper and is not linked into the binary.
public struct StandardStream: Sendable {
  public static let output = StandardStream(descriptor: STDOUT_FILENO)
  public static let error = StandardStream(descriptor: STDERR_FILENO)

  public let descriptor: Int32

  public func write(_ data: Data) {
    data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if count < 0, errno == EINTR { continue }
        if count <= 0 { return }
        offset += count
      }
    }
  }

  public func write(_ text: String) { write(Data(text.utf8)) }
}
