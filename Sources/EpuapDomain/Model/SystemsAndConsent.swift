/// An external system listed under Zarządzanie kontem → Systemy (step 3.11).
public struct SystemEntry: Codable, Sendable, Equatable {
  /// „Nazwa systemu”, for example `i4m4hvn61u`; unique in the list.
  public var name: String
  /// „Zewnętrzny” or „Lokalny”.
  public var type: String
  /// „Opis systemu”, for example „serwer SEKAP”.
  public var description: String
  public var note: String

  public init(name: String, type: String = "", description: String = "", note: String = "") {
    self.name = name
    self.type = type
    self.description = description
    self.note = note
  }
}

/// The Urząd Marszałkowski's consent to remove the SEKAP system (step 3.13).
public struct Consent: Codable, Sendable, Equatable {
  /// Who agreed, for example „Jan Kowalski, Departament Cyfryzacji UMWS”.
  public var who: String
  /// When, `RRRR-MM-DD`.
  public var date: String
  /// Reference: letter number, ticket or e-mail subject.
  public var reference: String

  public init(who: String, date: String, reference: String) {
    self.who = who
    self.date = date
    self.reference = reference
  }
}
