/// The journal's fast read path: a change built straight from a parsed `JSONValue`.
///
/// Kept beside each type's `Codable` conformance by the performance rule: running the conformances over
/// the parsed line (a `Decoder` over `JSONValue`, tried on 2026-12-02) made a 50,000-event resume 60–90 ms
/// slower and missed its target of half of `jq -c .` (docs/PERFORMANCE.md).
///
/// Each initializer accepts exactly what the synthesized `Decodable` conformance accepts for a well-formed
/// line (required members present with the right type, optional ones absent or `null`, unknown members
/// ignored) and returns `nil` otherwise, so that the line is read again by `JSONDecoder` and its error
/// message is the one users see. `JournalFastPathTests` checks the two paths agree.
extension JournalChange {
  init?(json: JSONValue) {
    guard let kind = json.choice("type", Kind.self), let payload = json["payload"] else { return nil }
    let change: JournalChange?
    switch kind {
    case .unitCreated: change = UnitInfo(json: payload).map(JournalChange.unitCreated)
    case .unitUpdated: change = UnitInfo(json: payload).map(JournalChange.unitUpdated)
    case .decisionMade: change = Decision(json: payload).map(JournalChange.decisionMade)
    case .stepMarked: change = StepMark(json: payload).map(JournalChange.stepMarked)
    case .stepValuesRecorded: change = StepValues(json: payload).map(JournalChange.stepValuesRecorded)
    case .mailboxSaved: change = MailboxEntry(json: payload).map(JournalChange.mailboxSaved)
    case .mailboxRemoved: change = ItemRef(json: payload).map(JournalChange.mailboxRemoved)
    case .mailboxSettingsRecorded:
      change = MailboxSettings(json: payload).map(JournalChange.mailboxSettingsRecorded)
    case .overrideSaved: change = VendorOverride(json: payload).map(JournalChange.overrideSaved)
    case .overrideRemoved: change = OverrideRef(json: payload).map(JournalChange.overrideRemoved)
    case .systemSaved: change = SystemEntry(json: payload).map(JournalChange.systemSaved)
    case .systemRemoved: change = ItemRef(json: payload).map(JournalChange.systemRemoved)
    case .consentRecorded: change = Consent(json: payload).map(JournalChange.consentRecorded)
    case .cardSaved: change = ServiceCard(json: payload).map(JournalChange.cardSaved)
    case .cardRemoved: change = ItemRef(json: payload).map(JournalChange.cardRemoved)
    case .batch:
      guard case .array(let elements) = payload else { return nil }
      var changes: [JournalChange] = []
      changes.reserveCapacity(elements.count)
      for element in elements {
        guard let change = JournalChange(json: element) else { return nil }
        changes.append(change)
      }
      change = .batch(changes)
    }
    guard let change else { return nil }
    self = change
  }
}

extension JSONValue {
  /// A member that must be a string.
  func text(_ key: String) -> String? { self[key]?.stringValue }

  /// A member that must be one of `T`'s raw values.
  func choice<T: RawRepresentable>(_ key: String, _: T.Type) -> T? where T.RawValue == String {
    text(key).flatMap(T.init(rawValue:))
  }

  /// An optional member: absent or `null` is `.some(nil)`, a wrong value is `nil`.
  fileprivate func optionalChoice<T: RawRepresentable>(_ key: String, _: T.Type) -> T??
  where T.RawValue == String {
    guard let value = self[key], value != .null else { return .some(nil) }
    guard let raw = value.stringValue, let choice = T(rawValue: raw) else { return nil }
    return .some(choice)
  }

  /// A member that must be an object of strings.
  fileprivate func strings(_ key: String) -> [String: String]? {
    guard case .object(let members) = self[key] else { return nil }
    var result: [String: String] = [:]
    result.reserveCapacity(members.count)
    for member in members {
      guard let value = member.value.stringValue else { return nil }
      result[member.key] = value
    }
    return result
  }

  var isObject: Bool {
    if case .object = self { return true }
    return false
  }
}

extension UnitInfo {
  init?(json: JSONValue) {
    guard json.isObject, let name = json.text("name"), let entity = json.text("entityIdentifier"),
      let role = json.choice("role", Role.self)
    else { return nil }
    self.init(name: name, entityIdentifier: entity, role: role)
  }
}

extension Decision {
  init?(json: JSONValue) {
    guard json.isObject, let path = json.choice("path", PathID.self), let vendor = json.text("vendor") else {
      return nil
    }
    self.init(path: path, vendor: vendor)
  }
}

extension StepMark {
  init?(json: JSONValue) {
    guard json.isObject, let step = json.text("stepID"), let status = json.choice("status", StepStatus.self),
      let reason = json.text("reason")
    else { return nil }
    self.init(stepID: step, status: status, reason: reason)
  }
}

extension StepValues {
  init?(json: JSONValue) {
    guard json.isObject, let step = json.text("stepID"), let values = json.strings("values") else {
      return nil
    }
    self.init(stepID: step, values: values)
  }
}

extension MailboxEntry {
  init?(json: JSONValue) {
    guard json.isObject, let id = json.text("id"), let address = json.text("address"),
      let action = json.choice("action", MailboxAction.self), let note = json.text("note")
    else { return nil }
    self.init(id: id, address: address, action: action, note: note)
  }
}

extension MailboxSettings {
  init?(json: JSONValue) {
    guard json.isObject, let mailbox = json.text("mailboxID"), let values = json.strings("values") else {
      return nil
    }
    self.init(mailboxID: mailbox, values: values)
  }
}

extension ItemRef {
  init?(json: JSONValue) {
    guard json.isObject, let id = json.text("id") else { return nil }
    self.init(id: id)
  }
}

extension OverrideRef {
  init?(json: JSONValue) {
    guard json.isObject, let mailbox = json.text("mailboxID"), let field = json.text("fieldID") else {
      return nil
    }
    self.init(mailboxID: mailbox, fieldID: field)
  }
}

extension VendorOverride {
  init?(json: JSONValue) {
    guard json.isObject, let mailbox = json.text("mailboxID"), let field = json.text("fieldID"),
      let value = json.text("value"), let reason = json.text("reason")
    else { return nil }
    self.init(mailboxID: mailbox, fieldID: field, value: value, reason: reason)
  }
}

extension SystemEntry {
  init?(json: JSONValue) {
    guard json.isObject, let name = json.text("name"), let type = json.text("type"),
      let description = json.text("description"), let note = json.text("note")
    else { return nil }
    self.init(name: name, type: type, description: description, note: note)
  }
}

extension Consent {
  init?(json: JSONValue) {
    guard json.isObject, let who = json.text("who"), let date = json.text("date"),
      let reference = json.text("reference")
    else { return nil }
    self.init(who: who, date: date, reference: reference)
  }
}

extension ServiceCard {
  init?(json: JSONValue) {
    guard json.isObject, let id = json.text("id"), let name = json.text("name"),
      let status = json.choice("status", CardStatus.self),
      let action = json.optionalChoice("action", CardAction.self),
      let formName = json.text("formName"), let url = json.text("url"),
      let epuapForm = json.text("epuapForm"),
      let mailbox = json.text("mailbox")
    else { return nil }
    self.init(
      id: id, name: name, status: status, action: action, formName: formName, url: url, epuapForm: epuapForm,
      mailbox: mailbox)
  }
}
