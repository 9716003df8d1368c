import Testing

@testable import EpuapWizard

/// How a long list's row lines are made as the cursor comes near them (`LinesAhead`).
@Suite("Lines made ahead")
struct LinesAheadTests {
  @Test("lines are made down to a screen below the cursor, then a screenful ahead, never past the list")
  func linesAhead() {
    var made: [Int] = []
    var lines: [String] = []
    func extend(cursor: Int, count: Int = 100) {
      LinesAhead.extend(&lines, count: count, cursor: cursor, screenHeight: 10) { index in
        made.append(index)
        return "line \(index)"
      }
    }
    extend(cursor: 0)
    #expect(lines.count == 11 && made == Array(0..<11))
    extend(cursor: 0)
    extend(cursor: 1)  // needs 0...11: the first key past the made lines makes a screenful more
    #expect(lines.count == 22)
    for cursor in 2...11 { extend(cursor: cursor) }
    #expect(lines.count == 22, "no key within the screenful made more")
    extend(cursor: 95)
    #expect(lines.count == 100 && lines == (0..<100).map { "line \($0)" })
    #expect(made == Array(0..<100), "each line made once, in order")
  }
}
