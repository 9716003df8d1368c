import EpuapDomain
import ScreenKit

/// A form of procedure fields: values being typed, the focused field, and the messages of the last check.
///
/// Values live here until they are valid and saved; the journal only ever sees checked values.
public struct FormState: Equatable, Sendable {
  public struct Entry: Equatable, Sendable {
    public var field: Field
    public var input: TextInput
    /// The library's message for the value, shown beside the field.
    public var error: String?
    /// The rule `error` comes from (`setError`); nil when there is none or no rule gave it.
    public var errorRule: RuleID?
    public var warning: String?

    /// The value as it is kept (`Field.stored`).
    public var storedValue: String { field.stored(input.text) }
  }

  public var entries: [Entry]
  /// Focused entry index.
  public var focus: Int
  /// Field ids not shown (for example card fields the chosen action does not need); focus skips them.
  public var hidden: Set<String> = []

  public init(fields: [Field], values: [String: String] = [:], focus: Int = 0) {
    entries = fields.map { field in
      let value = values[field.id] ?? ""
      return Entry(field: field, input: TextInput(value), error: nil, warning: nil)
    }
    self.focus = focus
  }

  public var values: [String: String] {
    Dictionary(uniqueKeysWithValues: entries.map { ($0.field.id, $0.input.text) })
  }

  /// A field's value as it is kept (`Field.stored`: trimmed, a date as `RRRR-MM-DD`).
  public func value(_ id: String) -> String { entries.first { $0.field.id == id }.map(\.storedValue) ?? "" }

  public var focusedEntry: Entry? { entries.indices.contains(focus) ? entries[focus] : nil }

  /// Indices of the entries on screen, in order.
  public var visibleIndices: [Int] { entries.indices.filter { !hidden.contains(entries[$0].field.id) } }

  /// Moves focus to the next (or previous) visible field; false at either end.
  public mutating func moveFocus(by step: Int) -> Bool {
    let visible = visibleIndices
    guard let position = visible.firstIndex(of: focus) else {
      if let first = visible.first { focus = first }
      return false
    }
    let next = position + step
    guard visible.indices.contains(next) else { return false }
    focus = visible[next]
    return true
  }

  /// Whether the focused field takes typed letters (so letter shortcuts must not fire).
  public var isTyping: Bool { isTyping(at: focus) }

  /// Whether the field at `index` takes typed letters.
  public func isTyping(at index: Int) -> Bool {
    guard entries.indices.contains(index) else { return false }
    switch entries[index].field.kind {
    case .choice, .checkbox: return false
    default: return true
    }
  }

  public mutating func set(_ id: String, _ value: String) {
    guard let index = entries.firstIndex(where: { $0.field.id == id }) else { return }
    entries[index].input.set(value)
  }

  /// Applies an editing key to the focused field.
  ///
  /// Returns true when the key was used. A field's error spoke of its old value, so a key that changes
  /// the value clears it (the next check or save gives it again if it still applies), in every form
  /// alike; a key that only moves within the text leaves it.
  public mutating func edit(_ key: Key) -> Bool {
    let before = focusedEntry?.input.text
    guard applyEdit(key) else { return false }
    if entries[focus].input.text != before { valueChanged(at: focus) }
    return true
  }

  /// Types `text` (a paste, or letters that arrived together) into the focused field.
  public mutating func type(_ text: Substring) {
    guard entries.indices.contains(focus), !text.isEmpty else { return }
    entries[focus].input.insert(contentsOf: text)
    valueChanged(at: focus)
  }

  /// Shows `issue`'s message beside the field at `index`; nil clears it.
  public mutating func setError(_ issue: ValidationIssue?, at index: Int) {
    entries[index].error = issue?.message
    entries[index].errorRule = issue?.rule
  }

  /// Clears what a change of the value at `index` may have answered.
  ///
  /// Its own error spoke of the old value, and an error that reads other fields too (the card's action
  /// with its status, two dates) may have spoken of it. Both go; the next check or save gives them again
  /// if they still apply.
  private mutating func valueChanged(at index: Int) {
    setError(nil, at: index)
    for other in entries.indices where entries[other].errorRule?.readsOtherFields == true {
      setError(nil, at: other)
    }
  }

  private mutating func applyEdit(_ key: Key) -> Bool {
    guard entries.indices.contains(focus) else { return false }
    let field = entries[focus].field
    switch field.kind {
    case .choice:
      let values = field.choices.map(\.value)
      guard !values.isEmpty else { return false }
      let current = values.firstIndex(of: entries[focus].input.text)
      switch key {
      case .character(" "), .right:
        entries[focus].input.set(values[((current ?? -1) + 1) % values.count])
      case .left:
        entries[focus].input.set(values[((current ?? 0) - 1 + values.count) % values.count])
      default: return false
      }
      return true
    case .checkbox:
      switch key {
      case .character(" "), .left, .right:
        entries[focus].input.set(entries[focus].input.text == "tak" ? "nie" : "tak")
        return true
      default: return false
      }
    default:
      switch key {
      case .character(let character):
        entries[focus].input.insert(character)
      case .backspace: entries[focus].input.backspace()
      case .delete: entries[focus].input.deleteForward()
      case .left: entries[focus].input.moveLeft()
      case .right: entries[focus].input.moveRight()
      case .home: entries[focus].input.moveHome()
      case .end: entries[focus].input.moveEnd()
      case .control("u"): entries[focus].input.clear()
      default: return false
      }
      return true
    }
  }

  /// Checks every value with `check` and stores the messages; true when there is no error.
  public mutating func validate(_ check: (Field, String) -> [ValidationIssue]) -> Bool {
    var valid = true
    for index in entries.indices {
      let issues = check(entries[index].field, entries[index].input.text)
      setError(issues.errors.first, at: index)
      entries[index].warning = issues.warnings.first?.message
      if entries[index].error != nil { valid = false }
    }
    return valid
  }

  /// Focus on the first field with an error, if any.
  public mutating func focusFirstError() {
    if let index = entries.firstIndex(where: { $0.error != nil }) { focus = index }
  }
}
