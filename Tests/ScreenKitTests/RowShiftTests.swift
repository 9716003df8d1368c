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
  @Test("cells are the same when character, width and style are; a different one of them is not")
  func sameCells() {
    // The byte comparison of rows relies on cells without padding between them.
    #expect(MemoryLayout<Cell>.size == MemoryLayout<Cell>.stride)
    let cells = [
      Cell(character: "a"), Cell(character: "a"), Cell(character: "b"), Cell(character: "a", width: 2),
      Cell(character: "a", style: Style(.error)), Cell(character: Character("e\u{301}")),
      Cell(character: Character("\u{E9}")), Cell(character: "ż"), Cell(character: "ż"),
    ]
    cells.withUnsafeBufferPointer { cell in
      let base = cell.baseAddress!
      #expect(Cell.same(base, base + 1))
      #expect(!Cell.same(base, base + 2))
      #expect(!Cell.same(base, base + 3))
      #expect(!Cell.same(base, base + 4))
      // The terminal is sent bytes: the two spellings of "é" are different cells.
      #expect(!Cell.same(base + 5, base + 6))
      #expect(Cell.same(base + 7, base + 8))
      for (i, j) in [(0, 1), (0, 2), (5, 6), (7, 8)] {
        #expect(Cell.same(base + i, base + j) == (cells[i] == cells[j]))
      }
    }
  }

  @Test("rows are the same exactly when their cells' bytes are")
  func sameRows() {
    let row = (0..<80).map { Cell(character: Character(String($0 % 10)), width: 1, style: Style(.accent)) }
    var composed = row
    composed[40] = Cell(character: Character("e\u{301}"))
    var precomposed = row
    precomposed[40] = Cell(character: Character("\u{E9}"))
    for (x, changed) in [(0, "x"), (41, "y"), (79, "z")] {
      var other = row
      other[x] = Cell(character: Character(changed), width: 1, style: Style(.accent))
      var restyled = row
      restyled[x].style = Style(.error)
      var widened = row
      widened[x].width = 2
      for different in [other, restyled, widened] {
        #expect(
          !row.withUnsafeBufferPointer { a in
            different.withUnsafeBufferPointer { b in Cell.same(row: a.baseAddress!, b.baseAddress!, count: 80)
            }
          }, "column \(x)")
        #expect(
          row.withUnsafeBufferPointer { a in
            different.withUnsafeBufferPointer { b in Cell.same(row: a.baseAddress!, b.baseAddress!, count: x)
            }
          }, "the columns before \(x)")
      }
    }
    #expect(
      row.withUnsafeBufferPointer { a in
        row.map { $0 }.withUnsafeBufferPointer { b in
          Cell.same(row: a.baseAddress!, b.baseAddress!, count: 80)
        }
      })
    // The terminal is sent bytes, so "é" as one scalar and as "e" with a combining accent are different.
    #expect(
      !composed.withUnsafeBufferPointer { a in
        precomposed.withUnsafeBufferPointer { b in Cell.same(row: a.baseAddress!, b.baseAddress!, count: 80) }
      })
  }
}

@Suite("A cell holds its character as UTF-8")
struct CellCharacterTests {
  @Test(
    "characters come back whole",
    arguments: ["a", " ", "~", "ż", "Ł", "—", "✓", "漢", "😀", "e\u{301}", "🇵🇱", "❤️", "👍🏽", "\u{FFFD}"]
      as [Character])
  func roundTrip(character: Character) {
    let cell = Cell(character: character, width: 2, style: Style(.warning, [.bold]))
    #expect(cell.character == character)
    #expect(cell.width == 2)
    #expect(cell.style == Style(.warning, [.bold]))
    var bytes: [UInt8] = []
    cell.withUTF8 { bytes = Array($0) }
    #expect(bytes == Array(String(character).utf8))
    let scalars = Array(character.unicodeScalars)
    #expect(cell.singleScalar == (scalars.count == 1 ? scalars[0] : nil))
    let ascii = scalars.count == 1 && (0x20..<0x7F).contains(scalars[0].value) ? UInt8(scalars[0].value) : nil
    #expect(cell.printableASCII == ascii)
  }

  @Test("a character longer than 15 bytes keeps the whole scalars from its start that fit")
  func longCharacters() {
    let family: Character = "👨\u{200D}👩\u{200D}👧\u{200D}👦"  // 25 bytes
    let cell = Cell(character: family, width: 2)
    var count = 0
    cell.withUTF8 { count = $0.count }
    #expect(count <= 15)
    // 👨, joiner, 👩, joiner: 4 + 3 + 4 + 3 bytes; the next 👧 would make 18.
    #expect(String(cell.character).unicodeScalars.elementsEqual(family.unicodeScalars.prefix(4)))
    var marks = Cell(character: Character("a" + String(repeating: "\u{301}", count: 10)))
    #expect(String(marks.character).unicodeScalars.count == 8)  // 1 + 7 × 2 bytes
    marks.character = "b"
    #expect(marks == Cell(character: "b"))
  }
}
