/// The procedure's fast read path: built straight from a parsed `JSONValue`, as the journal's lines are.
///
/// `JSONDecoder` spends most of its time on the procedure resolving generic types at run time, on the
/// path to the first screen. Each initializer accepts exactly what the synthesized `Decodable` conformance
/// accepts (every member present with the right type, unknown members ignored) and returns `nil`
/// otherwise; `ProcedureLoader` then decodes the file with `JSONDecoder`, whose error names the entry.
/// `ProcedureFastPathTests` checks the two agree.
extension Procedure {
  init?(json: JSONValue) {
    guard json.isObject, let formatVersion = json["formatVersion"]?.integerValue,
      let title = json.text("title"),
      let source = json.text("source"), let paths = json.list("paths", PathInfo.init(json:)),
      let unitFields = json.list("unitFields", Field.init(json:)),
      let sections = json.list("sections", Section.init(json:)),
      let rules = json.list("rules", RuleText.init(json:)),
      let interpretations = json.list("interpretations", \.stringValue),
      let sekapSystemName = json.text("sekapSystemName"),
      let recommendedMaxMailboxes = json["recommendedMaxMailboxes"]?.integerValue
    else { return nil }
    self.init(
      formatVersion: formatVersion, title: title, source: source, paths: paths, unitFields: unitFields,
      sections: sections, rules: rules, interpretations: interpretations, sekapSystemName: sekapSystemName,
      recommendedMaxMailboxes: recommendedMaxMailboxes)
  }
}

extension PathInfo {
  init?(json: JSONValue) {
    guard json.isObject, let id = json.text("id"), let title = json.text("title"),
      let recommendation = json.text("recommendation"), let summary = json.text("summary"),
      let warnings = json.list("warnings", \.stringValue)
    else { return nil }
    self.init(id: id, title: title, recommendation: recommendation, summary: summary, warnings: warnings)
  }
}

extension Section {
  init?(json: JSONValue) {
    guard json.isObject, let id = json.text("id"), let number = json.text("number"),
      let title = json.text("title"),
      let actor = json.text("actor"), let intro = json.text("intro"),
      let steps = json.list("steps", Step.init(json:))
    else { return nil }
    self.init(id: id, number: number, title: title, actor: actor, intro: intro, steps: steps)
  }
}

extension Step {
  init?(json: JSONValue) {
    guard json.isObject, let id = json.text("id"), let number = json.text("number"),
      let title = json.text("title"),
      let location = json.text("location"), let instruction = json.text("instruction"),
      let paths = json.list("paths", \.stringValue), let kind = json.choice("kind", StepKind.self),
      let fields = json.list("fields", Field.init(json:)), let rules = json.list("rules", \.stringValue),
      let warnings = json.list("warnings", \.stringValue), let notes = json.list("notes", \.stringValue)
    else { return nil }
    self.init(
      id: id, number: number, title: title, location: location, instruction: instruction, paths: paths,
      kind: kind, fields: fields, rules: rules, warnings: warnings, notes: notes)
  }
}

extension Field {
  init?(json: JSONValue) {
    guard json.isObject, let id = json.text("id"), let label = json.text("label"),
      let kind = json.choice("kind", FieldKind.self), let choices = json.list("choices", Choice.init(json:)),
      let expected = json.text("expected"), case .bool(let required) = json["required"],
      let hint = json.text("hint")
    else { return nil }
    self.init(
      id: id, label: label, kind: kind, choices: choices, expected: expected, required: required, hint: hint)
  }
}

extension Choice {
  /// A string (value and label alike) or `{"value": …, "label": …}`, as `init(from:)` reads it.
  init?(json: JSONValue) {
    if let text = json.stringValue {
      self.init(value: text, label: text)
    } else if json.isObject, let value = json.text("value"), let label = json.text("label") {
      self.init(value: value, label: label)
    } else {
      return nil
    }
  }
}

extension RuleText {
  init?(json: JSONValue) {
    guard json.isObject, let id = json.text("id"), let message = json.text("message") else { return nil }
    self.init(id: id, message: message)
  }
}

extension JSONValue {
  /// A member that must be an array whose every element `element` accepts.
  func list<T>(_ key: String, _ element: (JSONValue) -> T?) -> [T]? {
    guard case .array(let values) = self[key] else { return nil }
    var result: [T] = []
    result.reserveCapacity(values.count)
    for value in values {
      guard let converted = element(value) else { return nil }
      result.append(converted)
    }
    return result
  }
}
