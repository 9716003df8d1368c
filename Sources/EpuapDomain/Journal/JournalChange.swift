/// One recorded change of a unit's migration.
///
/// The journal is a sequence of these; the state is their fold.
///
/// Each case carries one payload type, so that a journal line reads as `"type": "stepMarked",
/// "payload": {...}`. Cases are never renamed or removed: old journals must keep loading.
public enum JournalChange: Sendable, Equatable {
  /// First event of every journal.
  case unitCreated(UnitInfo)
  case unitUpdated(UnitInfo)
  case decisionMade(Decision)
  case stepMarked(StepMark)
  case stepValuesRecorded(StepValues)
  case mailboxSaved(MailboxEntry)
  case mailboxRemoved(ItemRef)
  case mailboxSettingsRecorded(MailboxSettings)
  case overrideSaved(VendorOverride)
  case overrideRemoved(OverrideRef)
  case systemSaved(SystemEntry)
  case systemRemoved(ItemRef)
  case consentRecorded(Consent)
  case cardSaved(ServiceCard)
  case cardRemoved(ItemRef)
  /// Several changes that stand or fall together (one journal line), e.g. an applied answers file.
  case batch([JournalChange])

  /// The `type` of a journal line: each change's name, written once.
  ///
  /// Every `switch` over it (the two decoders, `kind`) is exhaustive, so a new case cannot be forgotten
  /// by one of them.
  public enum Kind: String, CaseIterable, Sendable {
    case unitCreated, unitUpdated, decisionMade, stepMarked, stepValuesRecorded, mailboxSaved
    case mailboxRemoved, mailboxSettingsRecorded, overrideSaved, overrideRemoved, systemSaved
    case systemRemoved, consentRecorded, cardSaved, cardRemoved, batch
  }

  public var kind: Kind {
    switch self {
    case .unitCreated: .unitCreated
    case .unitUpdated: .unitUpdated
    case .decisionMade: .decisionMade
    case .stepMarked: .stepMarked
    case .stepValuesRecorded: .stepValuesRecorded
    case .mailboxSaved: .mailboxSaved
    case .mailboxRemoved: .mailboxRemoved
    case .mailboxSettingsRecorded: .mailboxSettingsRecorded
    case .overrideSaved: .overrideSaved
    case .overrideRemoved: .overrideRemoved
    case .systemSaved: .systemSaved
    case .systemRemoved: .systemRemoved
    case .consentRecorded: .consentRecorded
    case .cardSaved: .cardSaved
    case .cardRemoved: .cardRemoved
    case .batch: .batch
    }
  }

  /// The `type` written to the journal line.
  public var typeName: String { kind.rawValue }

  /// The first `type` in a parsed change (or inside a batch of them) that this version does not know.
  static func unknownTypeName(in json: JSONValue) -> String? {
    guard let type = json["type"]?.stringValue else { return nil }
    guard let kind = Kind(rawValue: type) else { return type }
    guard kind == .batch, case .array(let elements)? = json["payload"] else { return nil }
    for element in elements {
      if let unknown = unknownTypeName(in: element) { return unknown }
    }
    return nil
  }
}

/// A step marked done, skipped (with a reason) or back to do.
public struct StepMark: Codable, Sendable, Equatable {
  public var stepID: String
  public var status: StepStatus
  public var reason: String

  public init(stepID: String, status: StepStatus, reason: String = "") {
    self.stepID = stepID
    self.status = status
    self.reason = reason
  }
}

/// Field values recorded at a step (not per mailbox), by field id.
///
/// Merged into what was there.
public struct StepValues: Codable, Sendable, Equatable {
  public var stepID: String
  public var values: [String: String]

  public init(stepID: String, values: [String: String]) {
    self.stepID = stepID
    self.values = values
  }
}

/// A mailbox added or edited (its address, action and note; settings travel separately).
public struct MailboxEntry: Codable, Sendable, Equatable {
  public var id: String
  public var address: String
  public var action: MailboxAction
  public var note: String

  public init(id: String, address: String, action: MailboxAction, note: String = "") {
    self.id = id
    self.address = address
    self.action = action
    self.note = note
  }
}

/// Settings of steps 3.6–3.8 recorded for one mailbox, by field id.
///
/// Merged into what was there.
public struct MailboxSettings: Codable, Sendable, Equatable {
  public var mailboxID: String
  public var values: [String: String]

  public init(mailboxID: String, values: [String: String]) {
    self.mailboxID = mailboxID
    self.values = values
  }
}

/// Names an item to remove: a mailbox or card id, or a system name.
public struct ItemRef: Codable, Sendable, Equatable {
  public var id: String

  public init(id: String) { self.id = id }
}

public struct OverrideRef: Codable, Sendable, Equatable {
  public var mailboxID: String
  public var fieldID: String

  public init(mailboxID: String, fieldID: String) {
    self.mailboxID = mailboxID
    self.fieldID = fieldID
  }
}

extension JournalChange: Codable {
  private enum CodingKeys: String, CodingKey { case type, payload }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let type = try container.decode(String.self, forKey: .type)
    guard let kind = Kind(rawValue: type) else {
      throw DecodingError.dataCorruptedError(
        forKey: .type, in: container, debugDescription: "nieznany typ zdarzenia „\(type)”")
    }
    func payload<T: Decodable>(_: T.Type) throws -> T { try container.decode(T.self, forKey: .payload) }
    switch kind {
    case .unitCreated: self = .unitCreated(try payload(UnitInfo.self))
    case .unitUpdated: self = .unitUpdated(try payload(UnitInfo.self))
    case .decisionMade: self = .decisionMade(try payload(Decision.self))
    case .stepMarked: self = .stepMarked(try payload(StepMark.self))
    case .stepValuesRecorded: self = .stepValuesRecorded(try payload(StepValues.self))
    case .mailboxSaved: self = .mailboxSaved(try payload(MailboxEntry.self))
    case .mailboxRemoved: self = .mailboxRemoved(try payload(ItemRef.self))
    case .mailboxSettingsRecorded: self = .mailboxSettingsRecorded(try payload(MailboxSettings.self))
    case .overrideSaved: self = .overrideSaved(try payload(VendorOverride.self))
    case .overrideRemoved: self = .overrideRemoved(try payload(OverrideRef.self))
    case .systemSaved: self = .systemSaved(try payload(SystemEntry.self))
    case .systemRemoved: self = .systemRemoved(try payload(ItemRef.self))
    case .consentRecorded: self = .consentRecorded(try payload(Consent.self))
    case .cardSaved: self = .cardSaved(try payload(ServiceCard.self))
    case .cardRemoved: self = .cardRemoved(try payload(ItemRef.self))
    case .batch: self = .batch(try payload([JournalChange].self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(typeName, forKey: .type)
    switch self {
    case .unitCreated(let p), .unitUpdated(let p): try container.encode(p, forKey: .payload)
    case .decisionMade(let p): try container.encode(p, forKey: .payload)
    case .stepMarked(let p): try container.encode(p, forKey: .payload)
    case .stepValuesRecorded(let p): try container.encode(p, forKey: .payload)
    case .mailboxSaved(let p): try container.encode(p, forKey: .payload)
    case .mailboxRemoved(let p), .systemRemoved(let p), .cardRemoved(let p):
      try container.encode(p, forKey: .payload)
    case .mailboxSettingsRecorded(let p): try container.encode(p, forKey: .payload)
    case .overrideSaved(let p): try container.encode(p, forKey: .payload)
    case .overrideRemoved(let p): try container.encode(p, forKey: .payload)
    case .systemSaved(let p): try container.encode(p, forKey: .payload)
    case .consentRecorded(let p): try container.encode(p, forKey: .payload)
    case .cardSaved(let p): try container.encode(p, forKey: .payload)
    case .batch(let p): try container.encode(p, forKey: .payload)
    }
  }
}
