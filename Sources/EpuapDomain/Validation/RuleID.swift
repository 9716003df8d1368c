/// Every validation rule the library checks.
///
/// The Polish text of each is in `Resources/procedure.json`
/// under `rules`, with the placeholders listed here; the loader refuses a file that lacks one.
///
/// Severity is behaviour, so it lives here: an error blocks saving the value or marking the step done,
/// a warning informs.
public enum RuleID: String, CaseIterable, Sendable, Codable {
  case mailboxAddressShape = "adres-skrytki-ksztalt"
  case mailboxAddressIdentifier = "adres-skrytki-identyfikator"
  case mailboxNameSpaces = "adres-skrytki-spacje"
  case mailboxNameNonASCII = "adres-skrytki-znaki"
  case mailboxDuplicate = "skrytka-duplikat"
  case emailInvalid = "email-nieprawidlowy"
  case urlInvalid = "url-nieprawidlowy"
  case numberInvalid = "liczba-nieprawidlowa"
  case choiceInvalid = "wybor-spoza-listy"
  case checkboxInvalid = "pole-tak-nie"
  case dateInvalid = "data-nieprawidlowa"
  case dateInFuture = "data-z-przyszlosci"
  case required = "pole-wymagane"
  case controlCharacters = "tekst-znaki-sterujace"
  case tooLong = "tekst-za-dlugi"
  case entityIdentifier = "identyfikator-podmiotu"
  case unitHasJournal = "jednostka-ma-dziennik"
  case differsFromRecommended = "wartosc-inna-niz-zalecana"
  case overrideNeedsReason = "nadpisanie-bez-powodu"
  case moreThanRecommendedMailboxes = "wiecej-niz-dwie-skrytki"
  case noMailboxes = "brak-skrytek"
  case mailboxMissingSettings = "skrytka-bez-ustawien"
  case consentRequired = "zgoda-wymagana"
  case consentIncomplete = "zgoda-niepelna"
  case cardDeleteNeedsWithdrawal = "karta-usun-aktualna"
  case cardExternalRedirectIncomplete = "karta-przekierowanie-url"
  case cardEpuapRedirectIncomplete = "karta-przekierowanie-epuap"
  case cardWithoutAction = "karta-bez-decyzji"
  case sekapSystemMissing = "brak-systemu-sekap"
  case otherSystemPresent = "inny-system"
  case skipNeedsReason = "pominiecie-bez-powodu"
  case decisionRequired = "decyzja-wymagana"
  case vendorRequired = "dostawca-wymagany"
  case requiredValue = "wartosc-wymagana"
  case requiredValueSOD = "wartosc-wymagana-sod"
  case requiredValueUM = "wartosc-wymagana-um"
  case overrideOutsideSOD = "wartosc-dostawcy-poza-sod"
  case stepNotSkippable = "krok-niepomijalny"
  case cardsUndecidedNoSkip = "karty-bez-decyzji-pominiecie"
  case waitingNeedsReason = "czekanie-bez-powodu"
  case cardCountMismatch = "karty-liczba-niezgodna"
  case cardMailboxUnknown = "karta-skrytka-nieznana"
  case cardMailboxNotKept = "karta-skrytka-nieaktywna"
  case cardRedirectToSekap = "karta-url-sekap"
  case cardDuplicate = "karta-duplikat"
  case mailboxOtherEntity = "adres-skrytki-inny-podmiot"
  case oneOfRequired = "jedno-z-pol-wymagane"
  case reportTooLate = "termin-przed-zmiana"

  public enum Severity: String, Sendable, Codable {
    case error
    case warning
  }

  public var severity: Severity {
    switch self {
    case .mailboxNameSpaces, .mailboxNameNonASCII, .differsFromRecommended,
      .moreThanRecommendedMailboxes, .cardWithoutAction, .sekapSystemMissing, .otherSystemPresent,
      .cardDuplicate, .mailboxOtherEntity:
      return .warning
    default:
      return .error
    }
  }

  /// A value that is well-formed but not what the instruction asks for: it is recorded (it says what is set
  /// in the portal) and keeps the step from being done, rather than being refused as typed.
  public var isAgainstInstruction: Bool {
    switch self {
    case .requiredValue, .requiredValueSOD, .requiredValueUM, .differsFromRecommended: return true
    default: return false
    }
  }

  /// A rule that reads more than one field of the form its error is shown in (the card's status with its
  /// action, the redirect's fields, two dates): a change of any field of that form may answer it.
  public var readsOtherFields: Bool {
    switch self {
    case .cardDeleteNeedsWithdrawal, .cardExternalRedirectIncomplete, .cardEpuapRedirectIncomplete,
      .oneOfRequired, .reportTooLate:
      return true
    default: return false
    }
  }

  /// Placeholders the rule's text may use; each is filled in when the message is made.
  public var placeholders: [String] {
    switch self {
    case .mailboxAddressShape, .mailboxDuplicate: return ["pole", "wartosc"]
    case .mailboxAddressIdentifier: return ["pole", "identyfikator"]
    case .mailboxNameSpaces, .mailboxNameNonASCII: return ["pole", "nazwa"]
    case .emailInvalid, .urlInvalid, .numberInvalid, .checkboxInvalid, .dateInvalid, .dateInFuture:
      return ["pole", "wartosc"]
    case .choiceInvalid: return ["pole", "wartosc", "dozwolone"]
    case .required, .controlCharacters, .overrideNeedsReason: return ["pole"]
    case .tooLong: return ["pole", "limit"]
    case .entityIdentifier: return ["pole", "wartosc"]
    case .unitHasJournal: return ["pole", "wartosc", "jednostka", "plik"]
    case .differsFromRecommended: return ["pole", "wartosc", "zalecana"]
    case .moreThanRecommendedMailboxes: return ["liczba", "zalecana"]
    case .noMailboxes: return []
    case .mailboxMissingSettings: return ["skrytka", "krok"]
    case .consentRequired: return []
    case .consentIncomplete: return ["pole"]
    case .cardDeleteNeedsWithdrawal, .cardExternalRedirectIncomplete, .cardEpuapRedirectIncomplete,
      .cardWithoutAction:
      return ["karta"]
    case .sekapSystemMissing: return ["system"]
    case .otherSystemPresent: return ["system"]
    case .skipNeedsReason: return ["krok"]
    case .decisionRequired: return []
    case .vendorRequired: return ["pole"]
    case .requiredValue, .requiredValueSOD, .requiredValueUM: return ["pole", "wartosc", "zalecana"]
    case .overrideOutsideSOD: return ["pole", "zalecana"]
    case .stepNotSkippable, .waitingNeedsReason: return ["krok"]
    case .cardsUndecidedNoSkip: return ["krok", "liczba"]
    case .cardCountMismatch: return ["liczba", "lista"]
    case .cardMailboxUnknown: return ["karta", "skrytka", "dozwolone"]
    case .cardMailboxNotKept: return ["karta", "skrytka", "dzialanie"]
    case .cardRedirectToSekap: return ["karta", "wartosc"]
    case .cardDuplicate: return ["karta", "liczba"]
    case .mailboxOtherEntity: return ["pole", "wartosc", "identyfikator", "jednostka"]
    case .oneOfRequired: return ["pola"]
    case .reportTooLate: return ["pole", "wartosc", "dni", "pozniejsze", "zmiana"]
    }
  }
}
