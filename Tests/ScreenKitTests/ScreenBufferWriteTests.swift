import ScreenKit
import Testing

@Suite("Writing text into a screen buffer")
struct ScreenBufferWriteTests {
  @Test("Text is clipped at the right edge and the columns used are returned")
  func clipsAtRightEdge() {
    var buffer = makeBuffer(width: 10, height: 2)
    let used = buffer.write("Zażółć gęślą", x: 2, y: 1)
    #expect(used == 8)
    assertScreen(buffer, equals: ["", "  Zażółć g"])
  }

  @Test("maxWidth clips before the edge")
  func clipsAtMaxWidth() {
    var buffer = makeBuffer(width: 10)
    #expect(buffer.write("abcdef", x: 1, y: 0, maxWidth: 3) == 3)
    #expect(buffer.write("xyz", x: 6, y: 0, maxWidth: 0) == 0)
    assertScreen(buffer, equals: [" abc"])
  }

  @Test("A row outside the screen is ignored")
  func rowOutside() {
    var buffer = makeBuffer(width: 5, height: 2)
    #expect(buffer.write("abc", x: 0, y: 2) == 0)
    #expect(buffer.write("abc", x: 0, y: -1) == 0)
    #expect(buffer == makeBuffer(width: 5, height: 2))
  }

  @Test("A wide character takes a cell and a continuation cell")
  func wideCharacterCells() {
    var buffer = makeBuffer(width: 6)
    #expect(buffer.write("漢字", x: 1, y: 0) == 4)
    #expect(buffer[1, 0] == Cell(character: "漢", width: 2))
    #expect(buffer[2, 0].width == 0)
    #expect(buffer[3, 0].character == "字")
    #expect(buffer[4, 0].width == 0)
    assertScreen(buffer, equals: [" 漢字"])
  }

  @Test("A wide character that would straddle the edge becomes a space")
  func wideCharacterAtEdge() {
    var buffer = makeBuffer(width: 5)
    buffer.write("#####", x: 0, y: 0)
    let style = Style(.accent, [.reverse])
    #expect(buffer.write("ab漢字", x: 0, y: 0, style: style) == 5)
    #expect(buffer[4, 0] == Cell(character: " ", width: 1, style: style))
    assertScreen(buffer, equals: ["ab漢"])

    var clipped = makeBuffer(width: 10)
    clipped.write("##########", x: 0, y: 0)
    #expect(clipped.write("漢字", x: 0, y: 0, maxWidth: 3) == 3)
    assertScreen(clipped, equals: ["漢 #######"])
  }

  @Test("A wide character cut by the left edge leaves a space")
  func wideCharacterAtLeftEdge() {
    var buffer = makeBuffer(width: 5)
    #expect(buffer.write("漢ab", x: -1, y: 0) == 4)
    #expect(buffer[0, 0] == Cell(character: " ", width: 1))
    assertScreen(buffer, equals: [" ab"])
  }

  @Test("Overwriting half of a wide character blanks its other half")
  func overwriteHalf() {
    var buffer = makeBuffer(width: 6)
    buffer.write("漢字", x: 0, y: 0)
    buffer.write("x", x: 1, y: 0)
    assertScreen(buffer, equals: [" x字"])
    buffer.write("y", x: 2, y: 0)
    assertScreen(buffer, equals: [" xy"])
    for x in 0..<6 { #expect(buffer[x, 0].width == 1) }

    var shifted = makeBuffer(width: 6)
    shifted.write("漢字", x: 0, y: 0)
    shifted.write("界", x: 1, y: 0)  // covers the right half of 漢 and the left half of 字
    assertScreen(shifted, equals: [" 界"])
    #expect(shifted[3, 0] == .blank)
  }

  @Test("A combining mark stays with its letter in one cell")
  func combiningMark() {
    var buffer = makeBuffer(width: 4)
    #expect(buffer.write("e\u{301}x", x: 0, y: 0) == 2)
    #expect(buffer[0, 0].character == Character("e\u{301}"))
    #expect(buffer[1, 0].character == "x")
    #expect(buffer.write("\u{301}z", x: 2, y: 0) == 1)  // a lone mark is dropped
    assertScreen(buffer, equals: ["e\u{301}xz"])
  }

  @Test("A combining mark just past the room still joins the last letter written")
  func combiningMarkAtTheClip() {
    var buffer = makeBuffer(width: 10)
    #expect(buffer.write("abce\u{301}f", x: 0, y: 0, maxWidth: 4) == 4)
    #expect(buffer[3, 0].character == Character("e\u{301}"))
    #expect(buffer.write("Łódź ąę", x: 4, y: 0, maxWidth: 4) == 4)
    #expect(buffer[4, 0].character == "Ł" && buffer[7, 0].character == "ź")
    assertScreen(buffer, equals: ["abce\u{301}Łódź"])
  }

  @Test("Control characters never reach a cell raw")
  func controlCharactersReplaced() {
    var buffer = makeBuffer(width: 20, height: 3)
    #expect(buffer.write("\u{1B}[31mX\u{7}", x: 0, y: 0) == 7)
    buffer.write("a\tb\u{7F}c\u{85}d\u{9B}e\u{0}", x: 0, y: 1)
    buffer.write("\u{202E}abc\u{2066}\r\n", x: 0, y: 2)
    buffer[19, 2] = Cell(character: "\u{1B}")
    for y in 0..<3 {
      for x in 0..<20 {
        let scalars = buffer[x, y].character.unicodeScalars
        #expect(!scalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "cell \(x),\(y)")
      }
    }
    let gap = String(repeating: " ", count: 13)
    assertScreen(buffer, equals: ["�[31mX�", "a�b�c�d�e�", "�abc��" + gap + "�"])
  }
}
