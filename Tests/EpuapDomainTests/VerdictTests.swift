import EpuapDomain
import EpuapReport
import Foundation
import Testing

private let procedure = try! ProcedureLoader.builtIn()
private let today = "2026-11-25"

/// A whole, correct run of one path, as an answers file: every step of the path done (2.4, 5.2 and 5.3
/// skipped with a reason, as the instruction lets them be), every value as the instruction asks.
func completeAnswers(_ path: PathID) -> [String: Any] {
  let role = path == .um ? "um" : "partner"
  var answers: [String: Any] = [
    "format": "epuap-wizard-odpowiedzi", "version": 1, "operator": "Anna Nowak",
    "unit": ["name": "Urząd Gminy Próbnej", "entityIdentifier": "ugproba", "role": role],
  ]
  var values: [String: [String: String]] = [:]
  if path == .um {
    values["1.1"] = ["aktualnyOdznaczony": "tak", "doBipOdznaczony": "tak"]
    values["1.2"] = [
      "parametryWydruku": "tak", "ikona": "tak", "powiazanaSkrzynka": "tak", "identyfikatorAdres": "tak",
    ]
    values["1.3"] = ["potwierdzeniePartnera": "pismo Gminy OR.1.2026", "dataRozlaczenia": "2026-11-24"]
  } else {
    answers["decision"] = ["path": path.rawValue] as [String: Any]
    if path == .sodOther { answers["decision"] = ["path": path.rawValue, "vendor": "EZD RP"] }
    values["2.0"] = [
      "ktoZdecydowal": "Jan Nowak, Wójt", "dataDecyzji": "2026-11-18",
      "dokumentDecyzji": "Zarządzenie 12/2026",
    ]
    values["2.3"] = ["odbiorRecznyKto": "Ewa Nowak, sekretariat", "odbiorRecznyOd": "2026-11-20"]
    values["4.1"] = ["liczbaKart": "3"]
    values["5.6"] = [
      "dataUruchomienia": "2026-11-24", "ktoPotwierdzil": "Jan Wiśniewski", "dokumentWSOD": "tak",
    ]
    answers["mailboxes"] = [
      [
        "address": "/ugproba/skrytka", "action": "keep",
        "settings": [
          "edycjaUruchomiona": "tak", "trybPracyEdytuj": "tak", "typSkrytki": "asynchroniczna",
          "rodzajOdpowiedzi": "UPP", "trybPracy": "PULL", "maksDokumentow": "0",
          "adresyEmail": "epuap@proba.pl",
          "progKolejki": "4", "kolejkaPrzepelniona": "tak", "bledyDostarczania": "tak", "nieodebranePo": "1",
          "transmisjaDokumenty": "Moje dokumenty", "transmisjaUPP": "Moje dokumenty", "zapisano": "tak",
          "dataTestu": "2026-11-25", "dokumentOdebrany": "tak", "uppWydane": "tak",
          "emailPowiadomienia": "tak",
        ],
      ],
      ["address": "/ugproba/ZMOKU", "action": "usuń"],
    ]
    answers["systems"] = [
      ["name": "i4m4hvn61u", "type": "Zewnętrzny", "description": "serwer SEKAP", "note": ""]
    ]
    answers["consent"] = ["who": "Jan Kowalski, UMWS", "date": "2026-11-20", "reference": "DCF.1.2026"]
    answers["cards"] = [
      [
        "name": "Wydanie prawa jazdy", "status": "Aktualna", "action": "external", "formName": "Wniosek",
        "url": "https://bip.proba.pl/prawo-jazdy",
      ],
      ["name": "Wpis do ewidencji", "status": "nieaktualna", "action": "Usuń"],
      [
        "name": "Rejestracja pojazdu", "status": "aktualna", "action": "epuap", "epuapForm": "Pismo ogólne",
        "mailbox": "/ugproba/skrytka",
      ],
    ]
  }
  var state = UnitState(
    unit: UnitInfo(name: "x", entityIdentifier: "", role: path == .um ? .um : .partner), createdAt: "")
  if path != .um { state.decision = Decision(path: path) }
  let skippable: Set<String> = ["2.4", "5.2", "5.3"]
  var steps: [String: Any] = [:]
  for item in Checklist(procedure: procedure, state: state).applicable {
    var step: [String: Any] = [:]
    if skippable.contains(item.step.id) {
      step = ["status": "skipped", "reason": "nie dotyczy tej jednostki"]
    } else {
      step = ["status": "done"]
    }
    if let values = values[item.step.id] { step["values"] = values }
    steps[item.step.id] = step
  }
  answers["steps"] = steps
  return answers
}

/// The state an answers file gives a new journal, or the problems `answers apply` refuses it with.
func apply(_ answers: [String: Any]) -> Result<UnitState, AnswersError> {
  let data = try! JSONSerialization.data(withJSONObject: answers)
  do {
    let file = try AnswersFile.decode(data, file: "test.json")
    let changes = try AnswersPlan(validator: Validator(procedure: procedure)).changes(
      for: file, onto: nil, file: "test.json", today: today)
    return .success(UnitState(unit: file.unit, createdAt: "").simulating(changes))
  } catch let error as AnswersError {
    return .failure(error)
  } catch {
    fatalError("unexpected \(error)")
  }
}

func verdict(_ state: UnitState) -> Verdict { Verdict(procedure: procedure, state: state, today: today) }

@Suite("The verdict: „ZAKOŃCZONE” only when the switch-over is really done")
struct VerdictTests {
  @Test("a complete, correct run of each path is finished", arguments: PathID.allCases)
  func completeRunFinishes(_ path: PathID) throws {
    let state = try apply(completeAnswers(path)).get()
    let result = verdict(state)
    #expect(result.finished, "\(result.blocking.map(\.line))")
    let report = StatusReport(procedure: procedure, state: state, journalPath: "x.jsonl", today: today)
    #expect(report.finished && report.blocking.isEmpty)
    #expect(
      StatusTextRenderer.render(report, procedure: procedure).contains(
        "ZAKOŃCZONE: nic nie blokuje zakończenia."))
  }

  struct OpenCase: Sendable, CustomTestStringConvertible {
    var name: String
    var path: PathID
    /// What happens after the complete run, as journal events (an edit, or an older journal).
    var changes: @Sendable (UnitState) -> [JournalChange]
    var step: String
    var says: String
    var testDescription: String { name }
  }

  static let mailbox = "skrytka-1"

  /// Each state below must read „NIEZAKOŃCZONE”, with its reason at its step.
  static let openCases: [OpenCase] = [
    OpenCase(
      name: "portal: 3.6 „Tryb pracy: PUSH”", path: .portal,
      changes: { _ in
        [.mailboxSettingsRecorded(MailboxSettings(mailboxID: mailbox, values: ["trybPracy": "PUSH"]))]
      },
      step: "3.6", says: "instrukcja wymaga „PULL”"),
    OpenCase(
      name: "portal: 3.8 „własny”", path: .portal,
      changes: { _ in
        [
          .mailboxSettingsRecorded(
            MailboxSettings(mailboxID: mailbox, values: ["transmisjaDokumenty": "własny"]))
        ]
      },
      step: "3.8", says: "instrukcja wymaga „Moje dokumenty”"),
    OpenCase(
      name: "portal: a vendor value on a path without a vendor", path: .portal,
      changes: { _ in
        [
          .mailboxSettingsRecorded(MailboxSettings(mailboxID: mailbox, values: ["trybPracy": "PUSH"])),
          .overrideSaved(
            VendorOverride(
              mailboxID: mailbox, fieldID: "trybPracy", value: "PUSH", reason: "prośba wykonawcy")),
        ]
      },
      step: "3.6", says: "instrukcja wymaga „PULL”. Zmień to ustawienie w ePUAP."),
    OpenCase(
      name: "3.13 „Usuń system” skipped, waiting for the UM", path: .sodFinn,
      changes: { _ in [.stepMarked(StepMark(stepID: "3.13", status: .skipped, reason: "czekamy na zgodę UM"))]
      },
      step: "3.13", says: "pominięty, a nie wolno"),
    OpenCase(
      name: "3.13 waiting for the UM's consent", path: .portal,
      changes: { _ in [.stepMarked(StepMark(stepID: "3.13", status: .waiting, reason: "zgoda UM"))] },
      step: "3.13", says: "czeka na: zgoda UM"),
    OpenCase(
      name: "4.1 counts 57 cards, 4.2 done with 3 on the list", path: .portal,
      changes: { _ in [.stepValuesRecorded(StepValues(stepID: "4.1", values: ["liczbaKart": "57"]))] },
      step: "4.2", says: "Liczba kart na liście w kroku 4.1: 57, a w kroku 4.2: 3"),
    OpenCase(
      name: "a card's ePUAP form under a mailbox marked „usuń”", path: .portal,
      changes: { state in
        var card = state.cards[2]
        card.mailbox = "/ugproba/ZMOKU"
        return [.cardSaved(card)]
      },
      step: "4.2", says: "ma w kroku 3.3 działanie „usuń”"),
    OpenCase(
      name: "a card's ePUAP form under a mailbox not on the list", path: .portal,
      changes: { state in
        var card = state.cards[2]
        card.mailbox = "/ugproba/inna"
        return [.cardSaved(card)]
      },
      step: "4.2", says: "nie jest zachowaną skrytką"),
    OpenCase(
      name: "a card redirected to sekap.pl", path: .sodOther,
      changes: { state in
        var card = state.cards[0]
        card.url = "https://www.sekap.pl/katalog/prawo-jazdy"
        return [.cardSaved(card)]
      },
      step: "4.2", says: "prowadzi na platformę SEKAP"),
    OpenCase(
      name: "4.2 done with a card without a decision", path: .portal,
      changes: { _ in
        [
          .cardSaved(ServiceCard(id: "karta-9", name: "Karta bez decyzji", status: .aktualna)),
          .stepValuesRecorded(StepValues(stepID: "4.1", values: ["liczbaKart": "4"])),
        ]
      },
      step: "4.2", says: "nie wybrano działania"),
    OpenCase(
      name: "UM: 1.1 done while „Do BIP” is still ticked", path: .um,
      changes: { _ in [.stepValuesRecorded(StepValues(stepID: "1.1", values: ["doBipOdznaczony": "nie"]))] },
      step: "1.1", says: "Popraw to w admin.sekap.pl"),
    OpenCase(
      name: "UM: 1.3 without the partner's confirmation or an agreed date", path: .um,
      changes: { _ in [.stepValuesRecorded(StepValues(stepID: "1.3", values: ["potwierdzeniePartnera": ""]))]
      },
      step: "1.3", says: "Uzupełnij jedno z pól"),
    OpenCase(
      name: "FINN: the SOD's integration not confirmed yet", path: .sodFinn,
      changes: { _ in [.stepMarked(StepMark(stepID: "5.6", status: .todo))] },
      step: "5.6", says: "do zrobienia"),
    OpenCase(
      name: "other SOD: no test document received in the SOD", path: .sodOther,
      changes: { _ in [.stepValuesRecorded(StepValues(stepID: "5.6", values: ["dokumentWSOD": "nie"]))] },
      step: "5.6", says: "instrukcja wymaga „tak”"),
    OpenCase(
      name: "a second kept mailbox without its „Edytuj”/„Zapisz”", path: .portal,
      changes: { _ in [.mailboxSaved(MailboxEntry(id: "skrytka-2", address: "/ugproba/ZMOKU", action: .keep))]
      },
      step: "3.4", says: "Skrytka /ugproba/ZMOKU: brak ustawień kroku 3.4"),
    OpenCase(
      name: "the receipt test: no UPP issued", path: .portal,
      changes: { _ in
        [.mailboxSettingsRecorded(MailboxSettings(mailboxID: mailbox, values: ["uppWydane": "nie"]))]
      },
      step: "5.5", says: "Nadawca otrzymał UPP"),
    OpenCase(
      name: "the decision without who, when and what document", path: .portal,
      changes: { _ in
        [
          .stepValuesRecorded(
            StepValues(stepID: "2.0", values: ["ktoZdecydowal": "", "dokumentDecyzji": ""]))
        ]
      },
      step: "2.0", says: "Kto zdecydował"),
    OpenCase(
      name: "people in roles reported 3 days before the change", path: .portal,
      changes: { _ in
        [
          .stepValuesRecorded(
            StepValues(stepID: "2.4", values: ["dataZmiany": "2026-11-23", "dataZgloszenia": "2026-11-20"])),
          .stepMarked(StepMark(stepID: "2.4", status: .done)),
        ]
      },
      step: "2.4", says: "mniej niż 7 dni"),
  ]

  @Test("a state that is not finished never reads as finished", arguments: openCases)
  func openStates(_ test: OpenCase) throws {
    let complete = try apply(completeAnswers(test.path)).get()
    let state = complete.simulating(test.changes(complete))
    let result = verdict(state)
    #expect(!result.finished)
    let match = result.blocking.first { $0.stepID == test.step && $0.text.contains(test.says) }
    #expect(match != nil, "\(result.blocking.map(\.line))")
    let report = StatusReport(procedure: procedure, state: state, journalPath: "x.jsonl", today: today)
    #expect(!report.finished && report.blocking == result.blocking)
    #expect(StatusTextRenderer.render(report, procedure: procedure).contains("NIEZAKOŃCZONE"))
  }

  struct RefusedCase: Sendable, CustomTestStringConvertible {
    var name: String
    var path: PathID
    var edit: @Sendable (inout [String: Any]) -> Void
    var says: String
    var testDescription: String { name }
  }

  static func setStep(_ answers: inout [String: Any], _ id: String, _ value: [String: Any]) {
    var steps = answers["steps"] as? [String: Any] ?? [:]
    steps[id] = value
    answers["steps"] = steps
  }

  static func firstMailbox(_ answers: inout [String: Any], _ edit: (inout [String: Any]) -> Void) {
    var mailboxes = answers["mailboxes"] as! [[String: Any]]
    edit(&mailboxes[0])
    answers["mailboxes"] = mailboxes
  }

  /// What `answers apply` refuses outright: nothing of the file is recorded.
  static let refusedCases: [RefusedCase] = [
    RefusedCase(
      name: "3.13 skipped", path: .portal,
      edit: { setStep(&$0, "3.13", ["status": "skipped", "reason": "czekamy na zgodę UM"]) },
      says: "Kroku 3.13 nie można pominąć"),
    RefusedCase(
      name: "3.6 skipped", path: .sodFinn,
      edit: { setStep(&$0, "3.6", ["status": "skipped", "reason": "później"]) },
      says: "Kroku 3.6 nie można pominąć"),
    RefusedCase(
      name: "4.2 skipped with a card undecided", path: .portal,
      edit: {
        var cards = $0["cards"] as! [[String: Any]]
        cards[0]["action"] = nil
        $0["cards"] = cards
        setStep(&$0, "4.2", ["status": "skipped", "reason": "później"])
      }, says: "Kroku 4.2 nie można pominąć, dopóki karty bez decyzji"),
    RefusedCase(
      name: "a vendor value on the portal path", path: .portal,
      edit: {
        firstMailbox(&$0) { $0["overrides"] = [["field": "progKolejki", "value": "10", "reason": "pismo"]] }
      }, says: "wykonawcy nie ma"),
    RefusedCase(
      name: "3.6 marked done with PUSH", path: .portal,
      edit: {
        firstMailbox(&$0) { mailbox in
          var settings = mailbox["settings"] as! [String: String]
          settings["trybPracy"] = "PUSH"
          mailbox["settings"] = settings
        }
      }, says: "instrukcja wymaga „PULL”"),
    RefusedCase(
      name: "waiting without saying for what", path: .portal,
      edit: { setStep(&$0, "3.13", ["status": "czeka"]) }, says: "wpisz, na co czekasz"),
    RefusedCase(
      name: "a card status in no known spelling", path: .portal,
      edit: {
        var cards = $0["cards"] as! [[String: Any]]
        cards[0]["status"] = "aktualnie"
        $0["cards"] = cards
      }, says: "dozwolone: „aktualna” („Aktualna”), „nieaktualna” („Nieaktualna”)"),
    RefusedCase(
      name: "4.2 done while 4.1 counts 57", path: .portal,
      edit: { setStep(&$0, "4.1", ["status": "done", "values": ["liczbaKart": "57"]]) },
      says: "Liczba kart na liście w kroku 4.1: 57, a w kroku 4.2: 3"),
    RefusedCase(
      name: "UM: 1.1 done with „Do BIP” ticked", path: .um,
      edit: {
        setStep(
          &$0, "1.1", ["status": "done", "values": ["aktualnyOdznaczony": "tak", "doBipOdznaczony": "nie"]])
      },
      says: "Popraw to w admin.sekap.pl"),
  ]

  @Test("answers apply refuses what would break a rule, and says where", arguments: refusedCases)
  func refused(_ test: RefusedCase) {
    var answers = completeAnswers(test.path)
    test.edit(&answers)
    switch apply(answers) {
    case .success(let state):
      Issue.record("applied; verdict \(verdict(state).blocking.map(\.line))")
    case .failure(let error):
      #expect(error.message.contains(test.says), "\(error.message)")
      #expect(error.message.contains("nic nie zapisano"))
    }
  }

  @Test("a vendor value left in an older journal counts for nothing on the portal path, and does not block")
  func leftoverVendorValue() throws {
    let complete = try apply(completeAnswers(.portal)).get()
    let state = complete.simulating([
      .overrideSaved(
        VendorOverride(mailboxID: "skrytka-1", fieldID: "trybPracy", value: "PUSH", reason: "stare"))
    ])
    #expect(verdict(state).finished, "the setting is PULL, as the instruction requires")
    let issues = Validator(procedure: procedure).issues(for: state, today: today)
    #expect(issues.contains { $0.rule == .overrideOutsideSOD && $0.severity == .warning })
  }

  @Test("the decision's vendor is needed only for another SOD; the screen's spellings are accepted")
  func vendorAndSpellings() throws {
    var portal = completeAnswers(.portal)
    portal["decision"] = ["path": "portal"]
    #expect((try? apply(portal).get()) != nil)
    var other = completeAnswers(.sodOther)
    other["decision"] = ["path": "sod-inny"]
    guard case .failure(let error) = apply(other) else {
      Issue.record("another SOD without its vendor must be refused")
      return
    }
    #expect(error.message.contains("nazwę systemu i jego dostawcy"))
    let state = try apply(completeAnswers(.portal)).get()
    #expect(state.cards.map(\.status) == [.aktualna, .nieaktualna, .aktualna])
    #expect(state.cards[1].action == .delete)
    #expect(state.mailboxes.last?.action == .delete)
  }
}

@Suite("answers apply is strict")
struct StrictAnswersTests {
  func decode(_ json: String) -> AnswersError? {
    do {
      _ = try AnswersFile.decode(Data(json.utf8), file: "a.json")
      return nil
    } catch {
      return error
    }
  }

  @Test("a misspelt key is refused with its place and the keys allowed there")
  func unknownKeys() throws {
    let error = try #require(
      decode(
        """
        {"format": "epuap-wizard-odpowiedzi", "version": 1,
         "unit": {"name": "Gmina", "entityIdentifier": "g1", "role": "partner"},
         "consnet": {"who": "x"},
         "mailboxes": [{"address": "/g1/s", "action": "keep", "setings": {"trybPracy": "PULL"}}]}
        """))
    #expect(error.message.contains("consnet: nieznany klucz „consnet”"))
    #expect(error.message.contains("„consent”"))
    #expect(error.message.contains("mailboxes[0].setings: nieznany klucz „setings”"))
    #expect(error.message.contains("„settings”"))
    #expect(error.message.contains("nic nie zapisano"))
  }

  @Test("a key given twice is refused, not decided by which comes first")
  func duplicateKeys() throws {
    let error = try #require(
      decode(
        """
        {"format": "epuap-wizard-odpowiedzi", "version": 1,
         "unit": {"name": "Gmina", "entityIdentifier": "g1", "role": "partner", "name": "Inna gmina"}}
        """))
    #expect(error.message.contains("unit.name: klucz podany drugi raz"))
  }

  @Test("the keys step and field ids stand for are not checked as names; escaped keys are read as written")
  func idsAndEscapes() {
    #expect(
      decode(
        """
        {"format": "epuap-wizard-odpowiedzi", "version": 1,
         "unit": {"n\\u0061me": "Gmina", "entityIdentifier": "g1", "role": "partner"},
         "steps": {"3.1": {"status": "done"}, "2.1": {"values": {"dataKontaktu": "2026-11-18"}}}}
        """) == nil)
  }

  @Test(
    "a unit name of 1.5 million characters, an operator with an escape sequence: refused as the wizard does")
  func textsCheckedAsFields() throws {
    var answers = completeAnswers(.portal)
    answers["unit"] = [
      "name": String(repeating: "Gmina ", count: 250_000), "entityIdentifier": "ugproba", "role": "partner",
    ]
    answers["operator"] = "Anna \u{1B}[2J Nowak"
    guard case .failure(let error) = apply(answers) else {
      Issue.record("applied")
      return
    }
    #expect(error.message.contains("unit.name: Nazwa jednostki: tekst jest za długi"))
    #expect(error.message.contains("operator: "))
    #expect(!error.message.contains("\u{1B}"))
  }
}

extension StrictAnswersTests {
  @Test("a key with an escape sequence in it is named without the escape")
  func hostileKey() throws {
    let error = try #require(
      decode(
        """
        {"format": "epuap-wizard-odpowiedzi", "version": 1,
         "unit": {"name": "Gmina", "entityIdentifier": "g1", "role": "partner"}, "x\\u001b[2Jy": 1}
        """))
    #expect(error.message.contains("nieznany klucz „x�[2Jy”"))
    #expect(!error.message.unicodeScalars.contains { $0.value == 0x1B })
  }
}
