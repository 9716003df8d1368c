import EpuapDomain
import ScreenKit
import TestSupport
import Testing

@testable import EpuapWizard

/// What an editing key does to a form field's error.
@Suite("Form edits")
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
}
