/// A card's publication status on ePUAP, as the portal shows it.
public enum CardStatus: String, Codable, Sendable, CaseIterable {
  case aktualna
  case nieaktualna
}

/// What the office does with a card published from SEKAP (section 4).
public enum CardAction: String, Codable, Sendable, CaseIterable {
  /// „Usuń”: only for a „Nieaktualna” card.
  case delete
  /// „Zewnętrzny (chcę podać adres URL formularza)”: form name and URL (e.g. the BIP page).
  case external
  /// „Dostępny na ePUAP (chcę wybrać z listy)”: an ePUAP form and the mailbox it is served under.
  case epuap
  /// The office's own card: left as it is.
  case keep
}

/// One service card (karta usługi / karta sprawy) of the inventory.
public struct ServiceCard: Codable, Sendable, Equatable, Identifiable {
  /// Journal-local id, for example `karta-12`.
  public var id: String
  public var name: String
  public var status: CardStatus
  /// Nil while undecided.
  public var action: CardAction?
  public var formName: String
  public var url: String
  public var epuapForm: String
  public var mailbox: String

  public init(
    id: String, name: String, status: CardStatus, action: CardAction? = nil, formName: String = "",
    url: String = "", epuapForm: String = "", mailbox: String = ""
  ) {
    self.id = id
    self.name = name
    self.status = status
    self.action = action
    self.formName = formName
    self.url = url
    self.epuapForm = epuapForm
    self.mailbox = mailbox
  }
}
