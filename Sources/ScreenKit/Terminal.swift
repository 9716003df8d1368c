/// A key press, as the wizard understands it.
public enum Key: Equatable, Sendable, Hashable {
  /// A printable character, including Polish letters and space.
  case character(Character)
  case enter, escape, tab, backTab, backspace, delete, up, down, left, right, home, end, pageUp, pageDown
  /// Ctrl with a letter, as the lowercase letter: Ctrl-A is `.control("a")`.
  case control(Character)
  case function(Int)
  /// The window changed size.
  case resize
}

/// The edge between the program and a terminal: ncurses in production, memory in tests.
public protocol TerminalDevice: AnyObject {
  var size: ScreenSize { get }
  func draw(_ buffer: ScreenBuffer)
  /// Waits up to `timeoutMilliseconds` for a key; nil when none came.
  func readKey(timeoutMilliseconds: Int) -> Key?
  /// True when no key can come any more (a test's keys ran out; the terminal closed).
  var isExhausted: Bool { get }
}

/// A terminal in memory: keys come from a queue, drawn frames are kept for assertions.
public final class InMemoryTerminal: TerminalDevice {
  public private(set) var size: ScreenSize
  public private(set) var frames: [ScreenBuffer] = []
  private var keys: [Key]

  public init(size: ScreenSize, keys: [Key]) {
    self.size = size
    self.keys = keys
  }

  public var lastFrame: ScreenBuffer? { frames.last }
  public var isExhausted: Bool { keys.isEmpty }

  public func draw(_ buffer: ScreenBuffer) { frames.append(buffer) }

  public func readKey(timeoutMilliseconds: Int) -> Key? {
    keys.isEmpty ? nil : keys.removeFirst()
  }

  public func enqueue(_ more: [Key]) { keys += more }

  /// Changes the size and queues the `.resize` key a real terminal would send.
  public func resize(to newSize: ScreenSize) {
    size = newSize
    keys.append(.resize)
  }
}
