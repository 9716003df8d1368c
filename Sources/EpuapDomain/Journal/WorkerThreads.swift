#if canImport(Glibc)
  import Glibc
#endif

/// Plain POSIX threads for work on the way to the first screen.
///
/// Used instead of Dispatch because libdispatch starts its worker threads on first use, which cost
/// about two milliseconds there; a thread of our own starts in tens of microseconds.
public enum WorkerThreads {
  private final class Piece {
    let body: @Sendable (Int) -> Void
    let index: Int
    init(_ body: @escaping @Sendable (Int) -> Void, index: Int) {
      self.body = body
      self.index = index
    }
  }

  /// Runs `count` pieces of work at once, one on the calling thread and the rest on new threads.
  ///
  /// Returns when all are done. A piece whose thread cannot be created runs on the calling thread.
  static func run(count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    guard count > 1 else {
      if count == 1 { body(0) }
      return
    }
    var threads: [pthread_t] = []
    var inline: [Int] = []
    for index in 1..<count {
      let piece = Unmanaged.passRetained(Piece(body, index: index)).toOpaque()
      var thread = pthread_t()
      if pthread_create(&thread, nil, runPiece, piece) == 0 {
        threads.append(thread)
      } else {
        Unmanaged<Piece>.fromOpaque(piece).release()
        inline.append(index)
      }
    }
    body(0)
    for index in inline { body(index) }
    for thread in threads { pthread_join(thread, nil) }
  }

  /// The start routine of every thread: runs the piece it was given and releases it.
  private static let runPiece: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? = {
    context in
    let piece = Unmanaged<Piece>.fromOpaque(context!).takeRetainedValue()
    piece.body(piece.index)
    return nil
  }
}
