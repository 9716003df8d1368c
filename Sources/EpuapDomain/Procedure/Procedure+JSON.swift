/// The procedure read from JSON: the one place that maps `procedure.json` onto the types.
///
/// `JSONDecoder` took about 2 ms of the wizard's first paint for the 78 KB file, most of it in generic
/// metadata lookups made for every object; parsing into `JSONValue` and mapping by hand takes a fraction of
/// that (docs/PERFORMANCE.md). The types stay `Encodable`, so a procedure can still be written out.
struct ProcedureJSON {
  let value: JSONValue
  /// Where the value is, in two parts put together only when an error names it.
  ///
  /// `holder` is the place of the object or array that holds the value, `last` its key or index there. An
  /// object or an array has its whole place in `holder` (its members are named after it); a string or a
  /// number, most of the file, keeps the two parts.
  private let holder: String
  private let last: Member?

  private enum Member {
    case key(String)
    case index(Int)
  }

  private init(value: JSONValue, in holder: String, at last: Member?) {
    self.value = value
    switch (value, last) {
    case (.object, let last?), (.array, let last?):
      self.holder = Self.place(holder, last)
      self.last = nil
    default:
      self.holder = holder
      self.last = last
    }
  }

  /// Where the value is, as the error names it: `sections[2].steps[1].title`.
  var entry: String { last.map { Self.place(holder, $0) } ?? holder }

  private static func place(_ holder: String, _ step: Member) -> String {
    switch step {
    case .key(let key): holder.isEmpty ? key : "\(holder).\(key)"
    case .index(let index): "\(holder)[\(index)]"
    }
  }

  /// The parsed file, or „niepoprawny JSON” (with no position: the parser does not keep one).
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(ProcedureError) -> ProcedureJSON {
    guard let value = JSONLineParser.parse(bytes, maxDepth: maxDepth) else {
      throw ProcedureError(file: "", entry: "(plik)", problem: "niepoprawny JSON")
    }
    return ProcedureJSON(value: value, in: "", at: nil)
  }

  /// Deeper than the procedure's own nesting (five levels), shallow enough that no file can exhaust the stack.
  static let maxDepth = 32

  /// The error for `problem` at `entry` (this value's place by default); the file is named by the loader.
  func fail(_ problem: String, at entry: String? = nil) -> ProcedureError {
    let place = entry ?? self.entry
    return ProcedureError(file: "", entry: place.isEmpty ? "(plik)" : place, problem: problem)
  }

  /// The member `key`, which must be there and not null.
  func member(_ key: String) throws(ProcedureError) -> ProcedureJSON {
    guard case .object = value else { throw fail("zły typ wartości") }
    guard let member = value[key] else { throw fail("brak pola „\(key)”") }
    guard member != .null else { throw fail("brak wartości", at: Self.place(entry, .key(key))) }
    return ProcedureJSON(value: member, in: entry, at: .key(key))
  }

  /// The member `key`, or nil when it is absent or null.
  func optional(_ key: String) throws(ProcedureError) -> ProcedureJSON? {
    guard case .object = value else { throw fail("zły typ wartości") }
    guard let member = value[key], member != .null else { return nil }
    return ProcedureJSON(value: member, in: entry, at: .key(key))
  }

  var string: String {
    get throws(ProcedureError) {
      guard case .string(let text) = value else { throw fail("zły typ wartości") }
      return text
    }
  }

  var integer: Int {
    get throws(ProcedureError) {
      guard case .integer(let number) = value else { throw fail("zły typ wartości") }
      return number
    }
  }

  var bool: Bool {
    get throws(ProcedureError) {
      guard case .bool(let flag) = value else { throw fail("zły typ wartości") }
      return flag
    }
  }

  /// The elements of an array, each mapped by `element`.
  func array<T>(_ element: (ProcedureJSON) throws(ProcedureError) -> T) throws(ProcedureError) -> [T] {
    guard case .array(let values) = value else { throw fail("zły typ wartości") }
    var result: [T] = []
    result.reserveCapacity(values.count)
    for (index, value) in values.enumerated() {
      result.append(try element(ProcedureJSON(value: value, in: entry, at: .index(index))))
    }
    return result
  }

  var strings: [String] {
    get throws(ProcedureError) { try array { element throws(ProcedureError) in try element.string } }
  }

  /// A value of a string enumeration.
  func oneOf<T: RawRepresentable>(_: T.Type) throws(ProcedureError) -> T where T.RawValue == String {
    let text = try string
    guard let known = T(rawValue: text) else { throw fail("nieznana wartość „\(text)”") }
    return known
  }
}

extension Procedure {
  init(json: ProcedureJSON) throws(ProcedureError) {
    self.init(
      formatVersion: try json.member("formatVersion").integer, title: try json.member("title").string,
      source: try json.member("source").string, paths: try json.member("paths").array(PathInfo.init(json:)),
      unitFields: try json.member("unitFields").array(Field.init(json:)),
      sections: try json.member("sections").array(Section.init(json:)),
      rules: try json.member("rules").array(RuleText.init(json:)),
      interpretations: try json.member("interpretations").array(PathNote.init(json:)),
      orderNotices: try json.member("orderNotices").array(PathNote.init(json:)),
      sekapSystemName: try json.member("sekapSystemName").string,
      recommendedMaxMailboxes: try json.member("recommendedMaxMailboxes").integer,
      deadlines: try json.optional("deadlines")?.array(DeadlineRule.init(json:)),
      contact: try json.optional("contact").map { json throws(ProcedureError) in try Contact(json: json) })
    components = try json.optional("components")?.array(Component.init(json:))
    documents = try json.optional("documents")?.array(DocumentText.init(json:))
  }
}

extension DeadlineRule {
  init(json: ProcedureJSON) throws(ProcedureError) {
    self.init(
      id: try json.member("id").string, title: try json.member("title").string,
      source: try json.member("source").string, step: try json.member("step").string,
      field: try json.member("field").string, days: try json.member("days").integer,
      until: try json.optional("until")?.string, paths: try json.optional("paths")?.strings)
  }
}

extension Component {
  init(json: ProcedureJSON) throws(ProcedureError) {
    self.init(
      id: try json.member("id").string, name: try json.member("name").string,
      dependency: try json.member("dependency").string)
  }
}

extension DocumentText {
  init(json: ProcedureJSON) throws(ProcedureError) {
    self.init(
      id: try json.member("id").string, title: try json.member("title").string,
      subtitle: try json.member("subtitle").string, paragraphs: try json.member("paragraphs").strings,
      signatures: try json.member("signatures").strings)
  }
}

extension Contact {
  init(json: ProcedureJSON) throws(ProcedureError) {
    self.init(
      name: try json.member("name").string, phone: try json.member("phone").string,
      email: try json.member("email").string, web: try json.member("web").string,
      steps: try json.member("steps").strings)
  }
}

extension PathInfo {
  init(json: ProcedureJSON) throws(ProcedureError) {
    self.init(
      id: try json.member("id").string, title: try json.member("title").string,
      recommendation: try json.member("recommendation").string, summary: try json.member("summary").string,
      warnings: try json.member("warnings").strings, signatures: try json.optional("signatures")?.strings)
  }
}

extension PathNote {
  /// A plain string (a note for every path) or `{"text", "paths"}`.
  init(json: ProcedureJSON) throws(ProcedureError) {
    if case .string(let text) = json.value {
      self.init(text: text)
    } else {
      self.init(text: try json.member("text").string, paths: try json.optional("paths")?.strings)
    }
  }
}

extension Section {
  init(json: ProcedureJSON) throws(ProcedureError) {
    self.init(
      id: try json.member("id").string, number: try json.member("number").string,
      title: try json.member("title").string, actor: try json.member("actor").string,
      intro: try json.member("intro").string, steps: try json.member("steps").array(Step.init(json:)))
  }
}

extension Step {
  init(json: ProcedureJSON) throws(ProcedureError) {
    self.init(
      id: try json.member("id").string, number: try json.member("number").string,
      title: try json.member("title").string, location: try json.member("location").string,
      instruction: try json.member("instruction").string, paths: try json.member("paths").strings,
      kind: try json.member("kind").oneOf(StepKind.self),
      fields: try json.member("fields").array(Field.init(json:)),
      rules: try json.member("rules").strings, warnings: try json.member("warnings").strings,
      notes: try json.member("notes").strings, skippable: try json.optional("skippable")?.bool,
      requiresOneOf: try json.optional("requiresOneOf")?.strings,
      dateOrder: try json.optional("dateOrder").map { json throws(ProcedureError) in try DateOrder(json: json)
      })
  }
}

extension DateOrder {
  init(json: ProcedureJSON) throws(ProcedureError) {
    self.init(
      earlier: try json.member("earlier").string, later: try json.member("later").string,
      minDays: try json.member("minDays").integer)
  }
}

extension Field {
  init(json: ProcedureJSON) throws(ProcedureError) {
    self.init(
      id: try json.member("id").string, label: try json.member("label").string,
      kind: try json.member("kind").oneOf(FieldKind.self),
      choices: try json.member("choices").array(Choice.init(json:)),
      expected: try json.member("expected").string, required: try json.member("required").bool,
      hint: try json.member("hint").string,
      strength: try json.optional("strength")?.oneOf(ExpectationStrength.self),
      allowsFuture: try json.optional("allowsFuture")?.bool)
    toConfirm = try json.optional("toConfirm")?.bool
  }
}

extension Choice {
  /// A plain string (value and label alike) or `{"value", "label"}`.
  init(json: ProcedureJSON) throws(ProcedureError) {
    if case .string(let text) = json.value {
      self.init(value: text, label: text)
    } else {
      self.init(value: try json.member("value").string, label: try json.member("label").string)
    }
  }
}

extension RuleText {
  init(json: ProcedureJSON) throws(ProcedureError) {
    self.init(id: try json.member("id").string, message: try json.member("message").string)
  }
}
