/// What happens to a mailbox (step 3.3): kept and reconfigured, deleted, or blocked.
public enum MailboxAction: String, Codable, Sendable, CaseIterable {
  case keep
  case delete
  case block
}

/// An ePUAP mailbox (skrytka) of the office, with its settings of steps 3.6–3.8.
public struct Mailbox: Codable, Sendable, Equatable, Identifiable {
  /// Journal-local id, for example `skrytka-1`; stable when the address is corrected.
  public var id: String
  /// `/<identyfikator podmiotu>/<nazwa skrytki>`, kept as typed.
  public var address: String
  public var action: MailboxAction
  public var note: String
  /// Values recorded in steps 3.6–3.8, by field id (for example `typSkrytki` → `asynchroniczna`).
  public var settings: [String: String]

  public init(
    id: String, address: String, action: MailboxAction, note: String = "", settings: [String: String] = [:]
  ) {
    self.id = id
    self.address = address
    self.action = action
    self.note = note
    self.settings = settings
  }

  /// The box name: what follows the entity identifier in the address.
  public var boxName: String {
    let parts = address.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: true)
    return parts.count == 2 ? String(parts[1]) : address
  }
}

/// A value the SOD vendor asked for instead of the instruction's, with the vendor's reason.
public struct VendorOverride: Codable, Sendable, Equatable {
  public var mailboxID: String
  public var fieldID: String
  public var value: String
  public var reason: String

  public init(mailboxID: String, fieldID: String, value: String, reason: String) {
    self.mailboxID = mailboxID
    self.fieldID = fieldID
    self.value = value
    self.reason = reason
  }
}
