/// The Polish texts of the rules, from the procedure, with their placeholders filled in.
public struct RuleBook: Sendable {
  private let texts: [String: String]

  public init(procedure: Procedure) {
    texts = Dictionary(procedure.rules.map { ($0.id, $0.message) }, uniquingKeysWith: { first, _ in first })
  }

  public func message(_ rule: RuleID, _ values: [String: String]) -> String {
    var text = texts[rule.rawValue] ?? rule.rawValue
    for (key, value) in values { text = text.replacingOccurrences(of: "{\(key)}", with: value) }
    return text
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

extension String {
  /// Plain `replacingOccurrences` without Foundation, so the domain's hot paths stay cheap.
  func replacingOccurrences(of target: String, with replacement: String) -> String {
    guard !target.isEmpty, firstRange(of: target) != nil else { return self }
    var result = ""
    var rest = self[...]
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
