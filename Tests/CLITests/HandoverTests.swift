import Foundation
import TestSupport
import Testing

/// The hand-over between the Urząd Marszałkowski's journal and a partner's, through answers files.
@Suite("Hand-over between the Urząd Marszałkowski and a partner")
struct HandoverTests {
  static let unit = #""name": "Starostwo Powiatowe w Gliwicach", "entityIdentifier": "pzgliwice""#

  /// A FINN partner whose cards are handled (4.1 counts two, 4.2 done), without the UM's consent yet.
  static let partner = """
    {"format": "epuap-wizard-odpowiedzi", "version": 1, "operator": "Anna Nowak",
     "unit": {\(unit), "role": "partner"},
     "decision": {"path": "sod-finn", "vendor": "FINN 8SQL"},
     "cards": [
       {"name": "Wydanie prawa jazdy", "status": "aktualna", "action": "external",
        "formName": "Wniosek", "url": "https://bip.gliwice.pl/prawo-jazdy"},
       {"name": "Wpis do ewidencji instruktorów", "status": "nieaktualna", "action": "delete"}],
     "steps": {"4.1": {"status": "done", "values": {"liczbaKart": "2"}}, "4.2": {"status": "done"}}}
    """

  /// The UM's journal for the same unit: section 1 done up to the disconnection (1.3).
  static let um = """
    {"format": "epuap-wizard-odpowiedzi", "version": 1, "operator": "Jan Kowalski",
     "unit": {\(unit), "role": "um"},
     "steps": {
       "1.1": {"status": "done", "values": {"aktualnyOdznaczony": "tak", "doBipOdznaczony": "tak"}},
       "1.2": {"status": "done", "values": {"parametryWydruku": "tak", "ikona": "tak", "powiazanaSkrzynka": "tak",
                                            "identyfikatorAdres": "tak"}}}}
    """

  func status(_ journal: String, _ folder: TempFolder) throws -> [String: Any] {
    let result = try Binary.run(["status", "--json", "--journal", journal], stateDir: folder.path)
    return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  }

  func lastHash(_ journal: String, _ folder: TempFolder) throws -> String {
    let info = try #require(try status(journal, folder)["journal"] as? [String: Any])
    return try #require(info["lastHash"] as? String)
  }

  @Test(
    "the partner's „cards handled” reaches the UM's 1.3, and the UM's consent the partner's 3.13, by reference"
  )
  func roundTrip() throws {
    let office = TempFolder(prefix: "epuap-partner")
    let marshal = TempFolder(prefix: "epuap-um")
    defer {
      office.cleanup()
      marshal.cleanup()
    }
    office.write("p.json", Self.partner)
    marshal.write("um.json", Self.um)
    let partnerJournal = office.file("pzgliwice.jsonl")
    let umJournal = marshal.file("pzgliwice-um.jsonl")
    #expect(
      try Binary.run(
        ["answers", "apply", office.file("p.json"), "--journal", partnerJournal], stateDir: office.path
      )
      .code == 0)
    #expect(
      try Binary.run(
        ["answers", "apply", marshal.file("um.json"), "--journal", umJournal], stateDir: marshal.path
      )
      .code == 0)

    // Before its 1.3, the UM has nothing to send.
    let early = try Binary.run(["answers", "handover", "--journal", umJournal], stateDir: marshal.path)
    #expect(early.code == 1)
    #expect(early.stderr.contains("krok 1.3 nie jest jeszcze zrobiony"), "\(early.stderr)")

    // Partner → UM: the cards are handled.
    let partnerHash = try lastHash(partnerJournal, office)
    let toUM = marshal.file("od-partnera.json")
    let sent = try Binary.run(
      ["answers", "handover", "--journal", partnerJournal, "-o", toUM], stateDir: office.path)
    #expect(sent.code == 0, "\(sent.stderr)")
    #expect(sent.stdout.contains("Urząd Marszałkowski stosuje go poleceniem"), "\(sent.stdout)")
    let received = try Binary.run(["answers", "apply", toUM, "--journal", umJournal], stateDir: marshal.path)
    #expect(received.code == 0, "\(received.stderr)")
    let umSteps = try #require(try status(umJournal, marshal)["steps"] as? [[String: Any]])
    let confirmation =
      (umSteps.first { $0["id"] as? String == "1.3" }?["values"] as? [String: String])?[
        "potwierdzeniePartnera"] ?? ""
    #expect(confirmation.contains("karty usług obsłużone (krok 4.2 zrobiony"), "\(confirmation)")
    #expect(confirmation.contains("pzgliwice.jsonl") && confirmation.contains(String(partnerHash.prefix(16))))

    // The UM disconnects (1.3 done, with the partner's confirmation recorded) and sends its consent.
    marshal.write(
      "done.json",
      """
      {"format": "epuap-wizard-odpowiedzi", "version": 1, "unit": {\(Self.unit), "role": "um"},
       "steps": {"1.3": {"status": "done", "values": {"dataRozlaczenia": "2026-11-24"}}}}
      """)
    #expect(
      try Binary.run(
        ["answers", "apply", marshal.file("done.json"), "--journal", umJournal], stateDir: marshal.path
      )
      .code == 0)
    let umHash = try lastHash(umJournal, marshal)
    let toPartner = office.file("od-um.json")
    #expect(
      try Binary.run(
        ["answers", "handover", "--journal", umJournal, "-o", toPartner], stateDir: marshal.path
      ).code
        == 0)
    let applied = try Binary.run(
      ["answers", "apply", toPartner, "--journal", partnerJournal], stateDir: office.path)
    #expect(applied.code == 0, "\(applied.stderr)")
    let consent = try #require(try status(partnerJournal, office)["consent"] as? [String: String])
    #expect(consent["date"] == "2026-11-24")
    #expect(consent["who"] == "Jan Kowalski, Urząd Marszałkowski Województwa Śląskiego")
    #expect(consent["reference"]?.contains("pzgliwice-um.jsonl") == true)
    #expect(consent["reference"]?.contains(String(umHash.prefix(16))) == true, "\(consent)")
  }

  @Test("a partner whose cards are not handled has nothing to send yet")
  func partnerTooEarly() throws {
    let office = TempFolder(prefix: "epuap-partner")
    defer { office.cleanup() }
    office.write("p.json", Self.partner.replacingOccurrences(of: #", "4.2": {"status": "done"}"#, with: ""))
    let journal = office.file("p.jsonl")
    #expect(
      try Binary.run(
        ["answers", "apply", office.file("p.json"), "--journal", journal], stateDir: office.path
      ).code == 0)
    let result = try Binary.run(["answers", "handover", "--journal", journal], stateDir: office.path)
    #expect(result.code == 1)
    #expect(result.stderr.contains("krok 4.2 nie jest jeszcze zrobiony"), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test("a partner whose 4.2 is marked done while the cards do not add up sends nothing, and says why")
  func partnerDoneButBlocked() throws {
    let office = TempFolder(prefix: "epuap-partner")
    defer { office.cleanup() }
    // 4.2 done, then a card added without a decision: the cards no longer add up.
    office.write("p.json", Self.partner)
    office.write(
      "karta.json",
      #"{"format": "epuap-wizard-odpowiedzi", "version": 1, "operator": "Anna Nowak", "unit": {"#
        + Self.unit + #", "role": "partner"}, "cards": [{"name": "Nowa karta", "status": "aktualna"}]}"#)
    let journal = office.file("p.jsonl")
    for file in ["p.json", "karta.json"] {
      let applied = try Binary.run(
        ["answers", "apply", office.file(file), "--journal", journal], stateDir: office.path)
      #expect(applied.code == 0, "\(applied.stderr)")
    }
    let steps = try #require(try status(journal, office)["steps"] as? [[String: Any]])
    #expect(steps.first { $0["id"] as? String == "4.2" }?["status"] as? String == "done")
    let result = try Binary.run(["answers", "handover", "--journal", journal], stateDir: office.path)
    #expect(result.code == 1)
    #expect(
      result.stderr.contains("Krok 4.2 jest oznaczony jako zrobiony, ale nadal blokuje"), "\(result.stderr)")
    #expect(!result.stderr.contains(".."))
    #expect(result.stdout.isEmpty)
  }
}
