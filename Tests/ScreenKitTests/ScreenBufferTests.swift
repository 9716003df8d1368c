import ScreenKit
import Testing

@Suite("Screen buffer cells, styles and text")
struct ScreenBufferTests {
  @Test("A new buffer is blank, and reads outside it are blank")
  func blankBuffer() {
    let buffer = makeBuffer(width: 3, height: 2)
    #expect(buffer.lines() == ["", ""])
    #expect(buffer[5, 5] == .blank)
    #expect(buffer[-1, 0] == .blank)
    #expect(buffer.cursor == nil)
    #expect(makeBuffer(width: -4, height: 2).size == ScreenSize(width: 0, height: 2))
  }

  @Test("lines() trims trailing spaces only, and text joins the lines")
  func linesTrimming() {
    var buffer = makeBuffer(width: 8, height: 3)
    buffer.write("  ab  ", x: 0, y: 0)
    buffer.write("c d", x: 5, y: 2, style: Style(.error))
    buffer.fill(x: 0, y: 1, width: 8, height: 1, style: Style(.normal, [.reverse]))
    #expect(buffer.lines() == ["  ab", "", "     c d"])
    #expect(buffer.text == "  ab\n\n     c d")
  }

  @Test("fill blanks a rectangle with a style and clips it to the screen")
  func fill() {
    var buffer = makeBuffer(width: 5, height: 3)
    for y in 0..<3 { buffer.write("abcde", x: 0, y: y) }
    let bar = Style(.accent, [.reverse])
    buffer.fill(x: 1, y: 1, width: 2, height: 5, style: bar)
    assertScreen(buffer, equals: ["abcde", "a  de", "a  de"])
    #expect(buffer[1, 1] == Cell(character: " ", width: 1, style: bar))
    #expect(buffer[3, 1].style == .plain)
    #expect(buffer[1, 0].style == .plain)

    buffer.fill(x: -3, y: -3, width: 100, height: 100, style: .plain)
    #expect(buffer == makeBuffer(width: 5, height: 3))
  }

  @Test("fill over half of a wide character blanks the other half")
  func fillHalfOfWide() {
    var buffer = makeBuffer(width: 6)
    buffer.write("漢字", x: 0, y: 0)
    buffer.fill(x: 1, y: 0, width: 2, height: 1, style: .plain)
    assertScreen(buffer, equals: [""])
    for x in 0..<6 { #expect(buffer[x, 0].width == 1) }
  }

  @Test("setStyle restyles cells and keeps their characters")
  func setStyle() {
    var buffer = makeBuffer(width: 6)
    buffer.write("abc", x: 0, y: 0)
    let strong = Style(.warning, [.bold])
    buffer.setStyle(x: 1, y: 0, width: 10, style: strong)
    assertScreen(buffer, equals: ["abc"])
    #expect(buffer[0, 0].style == .plain)
    #expect(buffer[1, 0].style == strong)
    #expect(buffer[5, 0].style == strong)
    buffer.setStyle(x: 0, y: 3, width: 2, style: strong)  // off screen: nothing happens
    #expect(buffer[0, 0].style == .plain)
  }

  @Test("setStyle from the right half of a wide character restyles its left half")
  func setStyleWide() {
    var buffer = makeBuffer(width: 4)
    buffer.write("漢x", x: 0, y: 0)
    buffer.setStyle(x: 1, y: 0, width: 1, style: Style(.error))
    #expect(buffer[0, 0].style == Style(.error))
    #expect(buffer[2, 0].style == .plain)
  }

  @Test("The cursor is part of what makes two screens equal")
  func cursorEquality() {
    var a = makeBuffer(width: 4, height: 2)
    let b = a
    a.cursor = CursorPosition(x: 1, y: 1)
    #expect(a != b)
    a.cursor = nil
    #expect(a == b)
  }

  @Test("reset blanks a frame in its own storage when the size holds, and remakes it when it does not")
  func resetReusesStorage() {
    var buffer = makeBuffer(width: 6, height: 3)
    buffer.write("Zażółć", x: 0, y: 0, style: Style(.accent, [.reverse]))
    buffer.write("界", x: 2, y: 2)
    buffer.cursor = CursorPosition(x: 1, y: 1)
    let before = buffer.withUnsafeCells { $0.baseAddress }
    buffer.reset(size: ScreenSize(width: 6, height: 3))
    #expect(buffer == makeBuffer(width: 6, height: 3))
    #expect(buffer.withUnsafeCells { $0.baseAddress } == before, "the same cells, not new ones")

    // Another holder of the cells keeps its frame: the reset copies instead.
    buffer.write("abc", x: 0, y: 1)
    let kept = buffer
    buffer.reset(size: ScreenSize(width: 6, height: 3))
    #expect(kept.lines() == ["", "abc", ""])
    #expect(buffer == makeBuffer(width: 6, height: 3))

    buffer.reset(size: ScreenSize(width: 4, height: -1))
    #expect(buffer == makeBuffer(width: 4, height: 0))
  }

  @Test("The minimum size is 80×24")
  func minimumSize() {
    #expect(ScreenSize.minimumSize == ScreenSize(width: 80, height: 24))
  }
}
