/// The Polish texts of the rules, from the procedure, with their placeholders filled in.
public struct RuleBook: Sendable {
  private let texts: [String: String]

  public init(procedure: Procedure) {
    texts = Dictionary(procedure.rules.map { ($0.id, $0.message) }, uniquingKeysWith: { first, _ in first })
  }

  /// The rule's text with each `{name}` replaced by `values[name]`; unknown names stay as written.
  ///
  /// One pass, and values are inserted as they are: a value that itself contains `{name}` is not filled
  /// again. Runs for every card on screen at every keystroke, so no Foundation and no substring search.
  public func message(_ rule: RuleID, _ values: [String: String]) -> String {
    let template = texts[rule.rawValue] ?? rule.rawValue
    guard !values.isEmpty else { return template }
    var result = ""
    var rest = template[...]
    while let open = rest.firstIndex(of: "{"),
      let close = rest[open...].firstIndex(of: "}")
    {
      // The innermost `{` before the `}`, so that a stray `{` in the text is kept.
      let start = rest[open..<close].lastIndex(of: "{")!
      result += rest[..<start]
      result += values[String(rest[rest.index(after: start)..<close])] ?? String(rest[start...close])
      rest = rest[rest.index(after: close)...]
    }
    return result + rest
  }

  public func issue(
    _ rule: RuleID, field: String, _ values: [String: String] = [:], stepID: String? = nil,
    subject: String? = nil
  ) -> ValidationIssue {
    var filled = values
    if filled["pole"] == nil { filled["pole"] = field }
    return ValidationIssue(
      rule: rule, severity: rule.severity, field: field, message: message(rule, filled), stepID: stepID,
      subject: subject)
  }
}
