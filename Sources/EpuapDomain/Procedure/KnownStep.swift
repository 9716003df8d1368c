/// The steps the code relies on by id, each with the kind and the fields it must have.
///
/// `ProcedureLoader` checks every one of them once, when the procedure is loaded, so the rest of the code
/// names them by case rather than by literal ids scattered across layers.
public enum KnownStep: String, CaseIterable, Sendable {
  /// Section 2: the decision.
  case decision = "2.0"
  /// 3.3: the list of mailboxes.
  case mailboxes = "3.3"
  /// 3.11: the list of systems.
  case systems = "3.11"
  /// 3.13: „Usuń system”, with the Urząd Marszałkowski's consent.
  case consent = "3.13"
  /// 4.1: the number of cards on the portal's list.
  case cardCount = "4.1"
  /// 4.2: the cards and what is done with each.
  case cards = "4.2"
  /// 5.3: the partner's subordinate units (Regulamin § 6), listed in one text field.
  case subordinateUnits = "5.3"
  /// 1.3: the Urząd Marszałkowski disconnects the integration, after the partner's confirmation.
  case disconnection = "1.3"
  /// 3.7: the notification e-mail addresses, per mailbox (the receipt test names them).
  case notifications = "3.7"
  /// 5.1: the website and BIP updated for residents.
  case residentsInformation = "5.1"
  /// 5.2: the Zlecenie zmiany: the components given up and the filing date.
  case changeOrder = "5.2"
  /// 5.5: the receipt test of every kept mailbox.
  case receiptTest = "5.5"

  /// The step's id in the procedure.
  public var id: String { rawValue }

  /// The kind the step must have.
  public var kind: StepKind {
    switch self {
    case .decision: .decision
    case .mailboxes: .mailboxes
    case .systems: .systems
    case .consent: .consent
    case .cardCount, .subordinateUnits, .disconnection, .residentsInformation, .changeOrder: .simple
    case .cards: .cards
    case .notifications, .receiptTest: .perMailbox
    }
  }

  /// The field ids the code reads at the step.
  public var fieldIDs: [String] {
    switch self {
    case .decision: ["sciezka", "dostawca"]
    case .mailboxes: ["adres", "dzialanie", "uwagi"]
    case .systems: ["nazwa", "typ", "opis", "uwagi"]
    case .consent: ["kto", "kiedy", "sygnatura"]
    case .cardCount: ["liczbaKart"]
    case .cards: ["nazwa", "status", "dzialanie", "nazwaFormularza", "adresURL", "formularzEpuap", "skrytka"]
    case .subordinateUnits: ["jednostki"]
    case .disconnection: ["potwierdzeniePartnera", "dataRozlaczenia"]
    case .notifications: ["adresyEmail"]
    case .residentsInformation: ["dataAktualizacji"]
    case .changeOrder: ["komponenty", "dataZlecenia"]
    case .receiptTest: ["dataTestu", "dokumentOdebrany", "uppWydane", "emailPowiadomienia"]
    }
  }
}
