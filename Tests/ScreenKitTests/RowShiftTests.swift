import ScreenKit
import Testing

/// Finding a block of rows that scrolled by one row between two frames.
@Suite("Row shift between frames")
struct RowShiftTests {
  /// A 12-row frame: a title, then list rows `first`, `first + 1`, … with row `cursor` (0-based in the
  /// list) highlighted, then a footer.
  static func frame(first: Int, cursor: Int?, rows: Int = 10) -> ScreenBuffer {
    var buffer = makeBuffer(width: 20, height: rows + 2)
    _ = buffer.write("Karty", x: 0, y: 0)
    for index in 0..<rows {
      let style = index == cursor ? Style(.accent, .reverse) : .plain
      _ = buffer.write("Sprawa \(first + index)", x: 2, y: index + 1, style: style)
    }
    _ = buffer.write("q — wyjście", x: 0, y: rows + 1)
    return buffer
  }

  /// What a terminal shows after scrolling `shift` in `previous`: row y takes its source row, the vacated
  /// row is blank.
  static func scrolled(_ previous: ScreenBuffer, by shift: RowShift) -> [String] {
    let lines = previous.lines()
    return (0..<lines.count).map { y in shift.sourceRow(of: y).map { lines[$0] } ?? "" }
  }

  @Test("a list scrolled down by one with the cursor on its last row: the rows above the cursor move up")
  func scrollUp() throws {
    let previous = Self.frame(first: 1, cursor: 9)
    let current = Self.frame(first: 2, cursor: 9)
    let shift = try #require(current.rowShift(from: previous))
    // Rows 1–8 now show what rows 2–9 showed; row 9 (the old cursor row) comes in new, row 10 differs.
    #expect(shift == RowShift(top: 1, bottom: 9, lines: 1))
    let after = Self.scrolled(previous, by: shift)
    let wanted = current.lines()
    for y in 1..<9 { #expect(after[y] == wanted[y]) }
    #expect(after[0] == wanted[0] && after[11] == wanted[11])
  }

  @Test("a list scrolled up by one with the cursor on its first row: the rows below move down")
  func scrollDown() throws {
    let previous = Self.frame(first: 5, cursor: 0)
    let current = Self.frame(first: 4, cursor: 0)
    let shift = try #require(current.rowShift(from: previous))
    #expect(shift == RowShift(top: 2, bottom: 10, lines: -1))
    let after = Self.scrolled(previous, by: shift)
    for y in 3...10 { #expect(after[y] == current.lines()[y]) }
  }

  @Test("no shift when only the cursor moved, when few rows changed, or when the sizes differ")
  func noShift() {
    #expect(Self.frame(first: 1, cursor: 4).rowShift(from: Self.frame(first: 1, cursor: 3)) == nil)
    #expect(Self.frame(first: 1, cursor: nil).rowShift(from: Self.frame(first: 1, cursor: nil)) == nil)
    #expect(
      Self.frame(first: 2, cursor: nil, rows: 3).rowShift(from: Self.frame(first: 1, cursor: nil, rows: 3))
        == nil)
    #expect(
      Self.frame(first: 2, cursor: nil).rowShift(from: Self.frame(first: 1, cursor: nil, rows: 9)) == nil)
  }

  @Test("the source of every row: unchanged outside the block, one further inside, none for the new row")
  func sourceRows() {
    let up = RowShift(top: 2, bottom: 5, lines: 1)
    #expect((0...7).map { up.sourceRow(of: $0) } == [0, 1, 3, 4, 5, nil, 6, 7])
    let down = RowShift(top: 2, bottom: 5, lines: -1)
    #expect((0...7).map { down.sourceRow(of: $0) } == [0, 1, nil, 2, 3, 4, 6, 7])
  }
}

@Suite("Comparing cells in place")
struct CellSameTests {
  @Test("same bytes or equal values count as the same cell; a different character, width or style does not")
  func sameCells() {
    // The byte comparison relies on fields packed without gaps.
    #expect(
      MemoryLayout<Cell>.size == MemoryLayout<Character>.size + MemoryLayout<Int>.size
        + MemoryLayout<Style>.size)
    let long = String(repeating: "ż", count: 20)  // a character string too long to be stored inline
    let cells = [
      Cell(character: "a"), Cell(character: "a"), Cell(character: "b"), Cell(character: "a", width: 2),
      Cell(character: "a", style: Style(.error)), Cell(character: Character("e\u{301}")),
      Cell(character: Character("\u{E9}")), Cell(character: Character(String(long.prefix(1)))),
    ]
    cells.withUnsafeBufferPointer { cell in
      let base = cell.baseAddress!
      #expect(Cell.same(base, base + 1))
      #expect(!Cell.same(base, base + 2))
      #expect(!Cell.same(base, base + 3))
      #expect(!Cell.same(base, base + 4))
      // Canonically equivalent characters are equal cells, as `==` says, though their bytes differ.
      #expect(Cell.same(base + 5, base + 6) == (cells[5] == cells[6]))
      #expect(Cell.same(base + 7, base + 7))
    }
  }
}
