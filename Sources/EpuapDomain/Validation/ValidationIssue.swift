/// One finding of validation: which rule, how serious, about which field, and the Polish message.
public struct ValidationIssue: Sendable, Equatable, Codable {
  public var rule: RuleID
  public var severity: RuleID.Severity
  /// The field's label as the clerk sees it, for example „Typ skrytki”.
  public var field: String
  /// Says what is wrong and what to do.
  public var message: String
  /// The step it belongs to, if any.
  public var stepID: String?
  /// The mailbox, card or system it is about, if any.
  public var subject: String?

  public var isError: Bool { severity == .error }
}

extension Array where Element == ValidationIssue {
  public var errors: [ValidationIssue] { filter(\.isError) }
  public var warnings: [ValidationIssue] { filter { !$0.isError } }
}
