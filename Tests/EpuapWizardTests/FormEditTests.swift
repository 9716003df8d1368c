import EpuapDomain
import ScreenKit
import TestSupport
import Testing

@testable import EpuapWizard

/// What an editing key does to a form field's error, and how a long list's lines are made ahead.
@Suite("Form edits and lines made ahead")
struct FormEditTests {
  /// The decision step's „Kto zdecydował” field, with an error as a failed save leaves it.
  private func formWithError() throws -> FormState {
    let fields = try #require(TestProcedure.builtIn.step("2.0")?.fields)
    let index = try #require(fields.firstIndex { $0.id == "ktoZdecydowal" })
    var form = FormState(fields: fields, values: ["ktoZdecydowal": "Wójt"], focus: index)
    form.entries[index].error = "Pole wymagane."
    return form
  }

  @Test("a key that only moves within the text keeps the field's error; one that changes the text clears it")
  func errorFollowsTheValue() throws {
    var form = try formWithError()
    for key in [Key.left, .home, .end, .right] {
      let used = form.edit(key)
      #expect(used, "\(key)")
      #expect(form.focusedEntry?.error == "Pole wymagane.", "\(key)")
    }
    let typed = form.edit(.character("a"))
    #expect(typed)
    #expect(form.focusedEntry?.input.text == "Wójta")
    #expect(form.focusedEntry?.error == nil)
  }

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
