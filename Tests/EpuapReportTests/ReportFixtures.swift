import EpuapDomain
import EpuapReport
import Foundation
import TestSupport
import Testing

/// The procedure, with the tests' time zone pinned (see `TestProcedure`).
let procedure = TestProcedure.builtIn

/// When every checklist in these tests is made: 2026-11-25 10:00:00 UTC.
let generatedAt = TestProcedure.fixedDate

/// A clock for `UnitSession` that starts at 2026-11-25 08:00 UTC and moves one minute per reading, so
/// journals have distinct, repeatable times.
final class TestClock: @unchecked Sendable {
  private let lock = NSLock()
  private var current = Date(timeIntervalSince1970: 1_795_593_600)

  func now() -> Date {
    lock.lock()
    defer { lock.unlock() }
    let date = current
    current += 60
    return date
  }
}

func fileBytes(_ path: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path) ?? Data()) }

func fileText(_ path: String) -> String { String(decoding: fileBytes(path), as: UTF8.self) }

/// A new journal at `folder/name` for `unit`, written through `UnitSession` with a `TestClock`.
func makeSession(_ folder: TempFolder, _ name: String, unit: UnitInfo, operatorName: String) throws
  -> UnitSession
{
  let clock = TestClock()
  return try UnitSession.create(
    at: folder.file(name), unit: unit, operatorName: operatorName, procedure: procedure,
    clock: { clock.now() })
}

extension UnitSession {
  func mark(_ stepID: String, _ status: StepStatus = .done, reason: String = "") throws {
    try record(.stepMarked(StepMark(stepID: stepID, status: status, reason: reason)))
  }

  func mark(_ stepIDs: [String]) throws {
    for id in stepIDs { try mark(id) }
  }

  func values(_ stepID: String, _ values: [String: String]) throws {
    try record(.stepValuesRecorded(StepValues(stepID: stepID, values: values)))
  }
}

/// The settings of steps 3.4–3.9 exactly as the instruction asks: „Edytuj” (3.4, 3.5), 3.6–3.8, „Zapisz”.
func recommendedSettings(emails: String) -> [String: String] {
  [
    "edycjaUruchomiona": "tak", "trybPracyEdytuj": "tak", "zapisano": "tak",
    "typSkrytki": "asynchroniczna", "rodzajOdpowiedzi": "UPP", "trybPracy": "PULL", "maksDokumentow": "0",
    "adresyEmail": emails, "progKolejki": "4", "kolejkaPrzepelniona": "tak", "bledyDostarczania": "tak",
    "nieodebranePo": "1", "transmisjaDokumenty": "Moje dokumenty", "transmisjaUPP": "Moje dokumenty",
  ]
}

let steps3 = (1...12).map { "3.\($0)" }

/// The receipt test of step 5.5 passed: sent, received, UPP issued, the e-mail came.
let receiptPassed = [
  "dataTestu": "2026-11-25", "dokumentOdebrany": "tak", "uppWydane": "tak", "emailPowiadomienia": "tak",
]

/// Who decided, when and on what document (step 2.0).
func decisionRecord(_ session: UnitSession) throws {
  try session.values(
    "2.0",
    [
      "ktoZdecydowal": "Jan Nowak, Wójt", "dataDecyzji": "2026-11-18",
      "dokumentDecyzji": "Zarządzenie nr 12/2026",
    ])
}

/// Portal only, finished: every step done or skipped with a reason, consent recorded, two cards decided.
func portalJournal(_ folder: TempFolder) throws -> String {
  let unit = UnitInfo(name: "Urząd Gminy Pilchowice", entityIdentifier: "ugpilchowice", role: .partner)
  let session = try makeSession(folder, "ugpilchowice.jsonl", unit: unit, operatorName: "Anna Nowak")
  defer { session.close() }
  try session.record(.decisionMade(Decision(path: .portal)))
  try decisionRecord(session)
  try session.mark("2.0")
  try session.mark("2.4", .skipped, reason: "przełączenie nie zmienia osób w rolach SEKAP")
  try session.record(
    .batch([
      .mailboxSaved(MailboxEntry(id: "skrytka-1", address: "/ugpilchowice/skrytka", action: .keep)),
      .mailboxSaved(
        MailboxEntry(
          id: "skrytka-2", address: "/ugpilchowice/ZMOKU", action: .delete,
          note: "utworzona automatycznie, nieużywana")),
      .mailboxSettingsRecorded(
        MailboxSettings(
          mailboxID: "skrytka-1", values: recommendedSettings(emails: "sekretariat@pilchowice.pl"))),
      .systemSaved(SystemEntry(name: "i4m4hvn61u", type: "Zewnętrzny", description: "serwer SEKAP")),
    ]))
  try session.mark(steps3)
  try session.record(
    .consentRecorded(
      Consent(
        who: "Jan Kowalski, Departament Cyfryzacji UMWS", date: "2026-11-20", reference: "DCF-I.0123.45.2026")
    ))
  try session.mark("3.13")
  try session.values("4.1", ["liczbaKart": "2"])
  try session.mark("4.1")
  try session.record(
    .batch([
      .cardSaved(
        ServiceCard(
          id: "karta-1", name: "Deklaracja o wysokości opłaty za gospodarowanie odpadami", status: .aktualna,
          action: .external, formName: "Deklaracja śmieciowa", url: "https://bip.pilchowice.pl/odpady")),
      .cardSaved(
        ServiceCard(id: "karta-2", name: "Wpis do rejestru żłobków", status: .nieaktualna, action: .delete)),
    ]))
  try session.mark("4.2")
  try session.values("5.1", ["dataAktualizacji": "2026-11-25"])
  try session.mark("5.1")
  try session.mark("5.2", .skipped, reason: "komponenty wypowiada Starostwo zbiorczo dla gmin powiatu")
  try session.mark("5.3", .skipped, reason: "gmina nie ma jednostek podległych w SEKAP")
  try session.record(.mailboxSettingsRecorded(MailboxSettings(mailboxID: "skrytka-1", values: receiptPassed)))
  try session.mark("5.5")
  return session.path
}

/// FINN 8SQL, unfinished: two operators, a skipped step, partial mailbox settings, a card without a decision,
/// a redirect without its URL, one to sekap.pl and a form under a blocked mailbox (errors).
func finnJournal(_ folder: TempFolder) throws -> String {
  let unit = UnitInfo(name: "Starostwo Powiatowe w Gliwicach", entityIdentifier: "pzgliwice", role: .partner)
  let session = try makeSession(folder, "pzgliwice.jsonl", unit: unit, operatorName: "Anna Nowak")
  defer { session.close() }
  try session.record(.decisionMade(Decision(path: .sodFinn, vendor: "FINN 8SQL, Finn sp. z o.o.")))
  try session.mark("2.0")
  try session.values(
    "2.1",
    [
      "dataKontaktu": "2026-11-18", "osobaKontaktowa": "serwis FINN, zgłoszenie 4711",
      "zlecenieIntegracji": "tak",
    ])
  try session.mark("2.1")
  try session.mark("3.1")
  try session.mark("3.2", .skipped, reason: "konto było już otwarte w kontekście instytucji")
  try session.record(
    .batch([
      .mailboxSaved(MailboxEntry(id: "skrytka-1", address: "/pzgliwice/SkrytkaESP", action: .keep)),
      .mailboxSaved(
        MailboxEntry(id: "skrytka-2", address: "/pzgliwice/ZMOKU", action: .block, note: "nieużywana")),
      .mailboxSettingsRecorded(
        MailboxSettings(
          mailboxID: "skrytka-1",
          values: [
            "typSkrytki": "asynchroniczna", "rodzajOdpowiedzi": "UPP", "trybPracy": "PULL",
            "maksDokumentow": "0",
            "adresyEmail": "epuap@gliwice.pl, sekretariat@gliwice.pl", "progKolejki": "4",
          ])),
    ]))
  try session.mark(["3.3", "3.4", "3.5", "3.6"])
  session.operatorName = "Piotr Zieliński"
  try session.record(
    .batch([
      .systemSaved(SystemEntry(name: "i4m4hvn61u", type: "Zewnętrzny", description: "serwer SEKAP")),
      .systemSaved(
        SystemEntry(name: "d3n3f04ve3", type: "Lokalny", description: "system lokalny", note: "zostaje")),
      .cardSaved(
        ServiceCard(
          id: "karta-1", name: "Zezwolenie na emisję gazów cieplarnianych z instalacji", status: .aktualna)),
      .cardSaved(
        ServiceCard(
          id: "karta-2", name: "Wpis do ewidencji instruktorów nauki jazdy", status: .nieaktualna,
          action: .delete)),
      .cardSaved(
        ServiceCard(
          id: "karta-3", name: "Wydanie prawa jazdy", status: .aktualna, action: .external,
          formName: "Wniosek")),
      .cardSaved(
        ServiceCard(
          id: "karta-4", name: "Rejestracja pojazdu", status: .aktualna, action: .epuap,
          epuapForm: "Wniosek o rejestrację pojazdu", mailbox: "/pzgliwice/SkrytkaESP")),
      .cardSaved(
        ServiceCard(
          id: "karta-5", name: "Wyrejestrowanie pojazdu", status: .aktualna, action: .epuap,
          epuapForm: "Wniosek o wyrejestrowanie", mailbox: "/pzgliwice/ZMOKU")),
      .cardSaved(
        ServiceCard(
          id: "karta-6", name: "Karta wędkarska", status: .aktualna, action: .external,
          formName: "Wniosek o kartę", url: "https://www.sekap.pl/katalog/karta-wedkarska")),
    ]))
  try session.mark(["3.10", "3.11"])
  return session.path
}

/// Another SOD: the vendor asked for another queue threshold, recorded with its reason; section 5 still open.
func otherSODJournal(_ folder: TempFolder) throws -> String {
  let unit = UnitInfo(
    name: "Miejski Ośrodek Pomocy Społecznej w Zabrzu", entityIdentifier: "mopszabrze", role: .partner)
  let session = try makeSession(folder, "mopszabrze.jsonl", unit: unit, operatorName: "Katarzyna Mazur")
  defer { session.close() }
  try session.record(
    .decisionMade(Decision(path: .sodOther, vendor: "EZD RP, wdrożenie: Integrator Sp. z o.o.")))
  try decisionRecord(session)
  try session.mark("2.0")
  try session.values(
    "2.2",
    [
      "sposobIntegracji": "przez wykonawcę systemu", "dataKontaktu": "2026-11-19",
      "osobaKontaktowa": "zgłoszenie EZD-2231",
    ])
  try session.mark("2.2")
  try session.values("2.3", ["odbiorRecznyKto": "Ewa Nowak, kancelaria", "odbiorRecznyOd": "2026-11-22"])
  try session.mark("2.3")
  try session.mark("2.4", .skipped, reason: "bez zmian osób w rolach SEKAP")
  var settings = recommendedSettings(emails: "it@mops.zabrze.pl")
  settings["progKolejki"] = "10"
  settings["rodzajTransmisji"] = "SOAP binarnie"
  try session.record(
    .batch([
      .mailboxSaved(MailboxEntry(id: "skrytka-1", address: "/mopszabrze/skrytka", action: .keep)),
      .mailboxSettingsRecorded(MailboxSettings(mailboxID: "skrytka-1", values: settings)),
      .overrideSaved(
        VendorOverride(
          mailboxID: "skrytka-1", fieldID: "progKolejki", value: "10",
          reason: "system pobiera dokumenty co 15 minut; pismo wykonawcy nr 12/2026 z 2026-11-20")),
      .systemSaved(SystemEntry(name: "i4m4hvn61u", type: "Zewnętrzny", description: "serwer SEKAP")),
      .consentRecorded(
        Consent(who: "Jan Kowalski, UMWS", date: "2026-11-21", reference: "e-mail z 2026-11-21")),
    ]))
  try session.mark(steps3 + ["3.13"])
  try session.values("4.1", ["liczbaKart": "0"])
  try session.mark("4.1")
  try session.mark("4.2", .skipped, reason: "z SEKAP nie opublikowano żadnej karty")
  return session.path
}

/// Urząd Marszałkowski staff disconnecting a partner unit in admin.sekap.pl: section 1 only, finished.
func umJournal(_ folder: TempFolder) throws -> String {
  let unit = UnitInfo(name: "Starostwo Powiatowe w Tarnowskich Górach", entityIdentifier: "sptg", role: .um)
  let session = try makeSession(folder, "sptg-um.jsonl", unit: unit, operatorName: "Ewa Wiśniewska (UMWS)")
  defer { session.close() }
  try session.values("1.1", ["aktualnyOdznaczony": "tak", "doBipOdznaczony": "tak"])
  try session.mark("1.1")
  try session.values(
    "1.2",
    ["parametryWydruku": "tak", "ikona": "tak", "powiazanaSkrzynka": "tak", "identyfikatorAdres": "tak"])
  try session.mark("1.2")
  try session.values(
    "1.3", ["potwierdzeniePartnera": "pismo Starostwa OR.0123.7.2026", "dataRozlaczenia": "2026-11-24"])
  try session.mark("1.3")
  return session.path
}

/// The checklist of the journal at `path`, as made at `generatedAt`.
func document(_ path: String) throws -> ChecklistDocument {
  try ChecklistDocument.load(journalPath: path, procedure: procedure, generatedAt: generatedAt)
}
