import ScreenKit
import Testing

@Suite("In-memory terminal")
struct InMemoryTerminalTests {
  let size = ScreenSize(width: 10, height: 2)

  @Test("Keys come out in order, then nil")
  func popsKeys() {
    let terminal = InMemoryTerminal(size: size, keys: [.character("ż"), .enter, .control("s")])
    #expect(!terminal.isExhausted)
    #expect(terminal.readKey(timeoutMilliseconds: 100) == .character("ż"))
    #expect(terminal.readKey(timeoutMilliseconds: 100) == .enter)
    terminal.enqueue([.escape])
    #expect(terminal.readKey(timeoutMilliseconds: 100) == .control("s"))
    #expect(terminal.readKey(timeoutMilliseconds: 100) == .escape)
    #expect(terminal.isExhausted)
    #expect(terminal.readKey(timeoutMilliseconds: 100) == nil)
  }

  @Test("Every drawn frame is kept")
  func recordsFrames() {
    let terminal = InMemoryTerminal(size: size, keys: [])
    #expect(terminal.lastFrame == nil)
    var first = ScreenBuffer(size: size)
    first.write("jeden", x: 0, y: 0)
    var second = first
    second.write("dwa", x: 0, y: 1)
    terminal.draw(first)
    terminal.draw(second)
    #expect(terminal.frames == [first, second])
    #expect(terminal.lastFrame?.lines() == ["jeden", "dwa"])
  }

  @Test("resize changes the size and queues .resize after the waiting keys")
  func resize() {
    let terminal = InMemoryTerminal(size: size, keys: [.down])
    let bigger = ScreenSize(width: 100, height: 30)
    terminal.resize(to: bigger)
    #expect(terminal.size == bigger)
    #expect(terminal.readKey(timeoutMilliseconds: 0) == .down)
    #expect(terminal.readKey(timeoutMilliseconds: 0) == .resize)
    #expect(terminal.readKey(timeoutMilliseconds: 0) == nil)
  }

  @Test("A terminal used through the protocol")
  func throughProtocol() {
    let device: any TerminalDevice = InMemoryTerminal(size: size, keys: [.tab])
    #expect(device.readKey(timeoutMilliseconds: 0) == .tab)
    #expect(device.isExhausted)
  }
}
