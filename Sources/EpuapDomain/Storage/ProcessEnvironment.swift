#if canImport(Glibc)
  import Glibc
#endif

/// The process's environment variables, read once.
///
/// `ProcessInfo.processInfo.environment` builds a new dictionary on every call, about 9,000 instructions
/// a variable; the start-up path asked for it six times (state folder, procedure, terminal, summary
/// cache), 2.4 million instructions before the first screen. The wizard never changes its environment.
public enum ProcessEnvironment {
  public static let current: [String: String] = read()

  /// `NAME=value` entries of `environ`; for a name given twice the first one counts, as with `getenv`.
  static func read() -> [String: String] {
    var result: [String: String] = [:]
    // `environ` is NULL after `clearenv()`, which Swift's non-optional import does not show.
    guard UInt(bitPattern: environ) != 0 else { return result }
    var entry = environ
    while let pointer = entry.pointee {
      let length = strlen(pointer)
      pointer.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
        let buffer = UnsafeBufferPointer(start: bytes, count: length)
        guard let equals = buffer.firstIndex(of: UInt8(ascii: "=")), equals > 0 else { return }
        let name = String(decoding: buffer[..<equals], as: UTF8.self)
        if result[name] == nil {
          result[name] = String(decoding: buffer[(equals + 1)...], as: UTF8.self)
        }
      }
      entry += 1
    }
    return result
  }
}
