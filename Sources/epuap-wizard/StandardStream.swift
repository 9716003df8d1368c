import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// Standard output or error, written whole with `write(2)`.
///
/// Unbuffered like `FileHandle`'s, which lives in Foundation proper and is not linked into the binary.
struct StandardStream {
  static let output = StandardStream(descriptor: STDOUT_FILENO)
  static let error = StandardStream(descriptor: STDERR_FILENO)

  let descriptor: Int32

  func write(_ data: Data) {
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

  func write(_ text: String) { write(Data(text.utf8)) }
}
