/// A terminal in memory for tests: keys come from a queue, every drawn screen is kept.
///
///     let terminal = InMemoryTerminal(size: ScreenSize(width: 80, height: 24), keys: [.down, .enter])
///     runLoop(terminal)
///     #expect(screenDiff(terminal.lastFrame!.lines(), expected) == nil)
public final class InMemoryTerminal: TerminalDevice {
  public private(set) var size: ScreenSize
  /// Every buffer passed to `draw`, oldest first.
  public private(set) var frames: [ScreenBuffer] = []
  private var keys: [Key]
  /// Index of the next key to read in `keys` (a queue read from the front without moving the rest).
  private var next = 0

  public init(size: ScreenSize, keys: [Key]) {
    self.size = size
    self.keys = keys
  }

  /// The screen as last drawn; nil before the first `draw`.
  public var lastFrame: ScreenBuffer? { frames.last }

  /// True once every queued key was read.
  public var isExhausted: Bool { next >= keys.count }

  public func draw(_ buffer: ScreenBuffer) { frames.append(buffer) }

  /// The next queued key; nil at once when none is left (the timeout is not waited for).
  public func readKey(timeoutMilliseconds: Int) -> Key? {
    guard next < keys.count else { return nil }
    next += 1
    return keys[next - 1]
  }

  /// Queues more keys after those not read yet.
  public func enqueue(_ more: [Key]) { keys += more }

  /// Changes the size and queues the `.resize` a real terminal would report.
  public func resize(to newSize: ScreenSize) {
    size = newSize
    keys.append(.resize)
  }
}
