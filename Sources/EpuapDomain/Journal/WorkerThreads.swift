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

  /// Runs `here` on the calling thread while `there` runs on a new thread; returns both results when
  /// both are done.
  ///
  /// `there` runs on the calling thread after `here` when no thread can be created.
  public static func inParallel<Here, There: Sendable>(
    _ here: () -> Here, while there: @escaping @Sendable () -> There
  ) -> (Here, There) {
    let slot = Slot<There>()
    let piece = Unmanaged.passRetained(Piece({ _ in slot.value = there() }, index: 1)).toOpaque()
    var thread = pthread_t()
    let started = pthread_create(&thread, nil, runPiece, piece) == 0
    if !started { Unmanaged<Piece>.fromOpaque(piece).release() }
    let mine = here()
    if started {
      pthread_join(thread, nil)
    } else {
      slot.value = there()
    }
    // Written by the thread before it ended, read after `pthread_join`, which orders the two.
    return (mine, slot.value!)
  }

  /// The result of the other thread's work.
  private final class Slot<Value>: @unchecked Sendable {
    var value: Value?
  }

  /// The start routine of every thread: runs the piece it was given and releases it.
  private static let runPiece: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? = {
    context in
    let piece = Unmanaged<Piece>.fromOpaque(context!).takeRetainedValue()
    piece.body(piece.index)
    return nil
  }
}
