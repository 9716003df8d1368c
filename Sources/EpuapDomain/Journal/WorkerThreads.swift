#if canImport(Glibc)
  import Glibc
#endif

/// Runs `count` pieces of work at once, one on the calling thread and the rest on new POSIX threads,
/// and returns when all are done.
///
/// Used instead of `DispatchQueue.concurrentPerform` because libdispatch starts its worker threads on
/// first use, which cost about two milliseconds on the way to the first screen; a thread of our own
/// starts in tens of microseconds. A piece whose thread cannot be created runs on the calling thread.
enum WorkerThreads {
  private final class Piece {
    let body: @Sendable (Int) -> Void
    let index: Int
    init(_ body: @escaping @Sendable (Int) -> Void, index: Int) {
      self.body = body
      self.index = index
    }
  }

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
      let created = pthread_create(
        &thread, nil,
        { context in
          let piece = Unmanaged<Piece>.fromOpaque(context!).takeRetainedValue()
          piece.body(piece.index)
          return nil
        }, piece)
      if created == 0 {
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
}
