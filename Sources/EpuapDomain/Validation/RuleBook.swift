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
    // Braces are ASCII, so positions found in the UTF-8 are valid string indices.
    let utf8 = template.utf8
    var result = ""
    var copied = utf8.startIndex
    var search = utf8.startIndex
    while let close = utf8[search...].firstIndex(of: UInt8(ascii: "}")) {
      // The innermost `{` before the `}`, so that a stray `{` in the text is kept.
      if let open = utf8[search..<close].lastIndex(of: UInt8(ascii: "{")),
        let value = values[String(template[utf8.index(after: open)..<close])]
      {
        result += template[copied..<open]
        result += value
        copied = utf8.index(after: close)
      }
      search = utf8.index(after: close)
    }
    return result + template[copied...]
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
