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

  /// Step 2.4's form: an error of the 7-day rule under „Data zgłoszenia”, and an own-value error under
  /// „Znak pisma”, as a refused „zrobione” leaves them; the focus on „Data zmiany osób”.
  private func formWithTwoErrors() throws -> FormState {
    let fields = try #require(TestProcedure.builtIn.step("2.4")?.fields)
    var form = FormState(
      fields: fields, values: ["dataZmiany": "2026-11-27", "dataZgloszenia": "2026-11-24"])
    let rules = Validator(procedure: TestProcedure.builtIn).rules
    form.setError(rules.issue(.reportTooLate, field: "Data zgłoszenia do Centrum", stepID: "2.4"), at: 1)
    form.setError(rules.issue(.controlCharacters, field: "Znak pisma", stepID: "2.4"), at: 2)
    return form
  }

  @Test(
    "changing a field clears the errors of rules that read it with others, and leaves other fields' own errors",
    arguments: [false, true])
  func errorOfTwoFieldsFollowsEither(pasted: Bool) throws {
    var form = try formWithTwoErrors()
    let late = try #require(form.entries[1].error)
    let control = try #require(form.entries[2].error)
    _ = form.edit(.left)
    #expect(form.entries[1].error == late, "a key that changes nothing keeps it")
    if pasted {
      form.type("0")
    } else {
      _ = form.edit(.character("0"))
    }
    #expect(form.entries[0].input.text == "2026-11-207")
    #expect(form.entries[1].error == nil)
    #expect(form.entries[2].error == control)
  }
}
