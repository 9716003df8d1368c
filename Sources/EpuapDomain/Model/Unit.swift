/// Who is walking the procedure: the partner's official, or Urząd Marszałkowski staff doing section 1.
public enum Role: String, Codable, Sendable, CaseIterable {
  /// Urzędnik Partnera SEKAP: makes the decision and reconfigures the office's ePUAP account.
  case partner
  /// Pracownik Urzędu Marszałkowskiego: disconnects the partner unit in admin.sekap.pl.
  case um
}

/// A way through the procedure.
///
/// Its raw value is the path id used in `Resources/procedure.json`.
public enum PathID: String, Codable, Sendable, CaseIterable {
  case portal
  case sodFinn = "sod-finn"
  case sodOther = "sod-inny"
  case um

  /// The paths a partner chooses between in section 2.
  public static let partnerChoices: [PathID] = [.portal, .sodFinn, .sodOther]
}

/// The unit (gmina, powiat, jednostka) whose ePUAP integration is being moved.
public struct UnitInfo: Codable, Sendable, Equatable {
  public var name: String
  /// Identifikator podmiotu na ePUAP, for example `ah7qcy621b`; may be empty when not known yet.
  public var entityIdentifier: String
  public var role: Role

  public init(name: String, entityIdentifier: String, role: Role) {
    self.name = name
    self.entityIdentifier = entityIdentifier
    self.role = role
  }

  /// Whether two ePUAP identifiers name the same entity: letter case aside, as a clerk may type either.
  ///
  /// The new-unit form and `answers apply` both find a unit's journal by it.
  public static func sameIdentifier(_ one: String, _ other: String) -> Bool {
    one.lowercased() == other.lowercased()
  }
}

/// The decision of section 2: how the office receives documents from now on.
public struct Decision: Codable, Sendable, Equatable {
  public var path: PathID
  /// Name of the SOD and its vendor; required for `sod-inny`, useful for `sod-finn`.
  public var vendor: String

  public init(path: PathID, vendor: String = "") {
    self.path = path
    self.vendor = vendor
  }

  /// `vendor` may be left out (it is needed for `sod-inny` only; the rules say so, not the format).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    path = try container.decode(PathID.self, forKey: .path)
    vendor = try container.decodeIfPresent(String.self, forKey: .vendor) ?? ""
  }

  private enum CodingKeys: String, CodingKey { case path, vendor }
}
