import EpuapDomain
import EpuapReport
import Foundation
import TestSupport
import Testing

/// What each document holds for a journal with the dates, components and cards recorded.
@Suite("Documents: the facts each one holds")
struct DocumentContentTests {
  /// A FINN journal (two mailboxes: one kept, one blocked) with 5.2, 5.3 and four kinds of cards.
  func journal(_ folder: TempFolder) throws -> String {
    let path = try finnJournal(folder)
    let session = try UnitSession.open(at: path, operatorName: "Anna Nowak", procedure: procedure)
    defer { session.close() }
    try session.values("5.2", ["komponenty": "B_PeUP, P_VPN; B_TPeUP", "dataZlecenia": "2026-11-20"])
    try session.values("5.3", ["jednostki": "sp1; Szkoła Podstawowa nr 2 w Gliwicach\nMOPS Gliwice"])
    try session.record(
      .batch([
        .cardSaved(
          ServiceCard(
            id: "k-url", name: "Zezwolenie na alkohol", status: .aktualna, action: .external, formName: "",
            url: "https://bip.gliwice.pl/alkohol", epuapForm: "", mailbox: "")),
        .cardSaved(
          ServiceCard(
            id: "k-epuap", name: "Pismo ogólne", status: .aktualna, action: .epuap, formName: "",
            url: "", epuapForm: "Pismo ogólne do podmiotu publicznego", mailbox: "/pzgliwice/SkrytkaESP")),
        .cardSaved(
          ServiceCard(
            id: "k-del", name: "Stara usługa", status: .nieaktualna, action: .delete, formName: "", url: "",
            epuapForm: "", mailbox: "")),
        .cardSaved(
          ServiceCard(
            id: "k-none", name: "Karta bez decyzji", status: .aktualna, action: nil, formName: "", url: "",
            epuapForm: "", mailbox: "")),
      ]))
    return path
  }

  func text(_ kind: DocumentKind, _ path: String) throws -> String {
    let document = try ChecklistDocument.load(
      journalPath: path, procedure: procedure, generatedAt: generatedAt, kind: kind)
    return ChecklistFormat.text.render(document)
  }

  /// The text with every run of spaces and line breaks as one space: phrases wrapped in tables still match.
  func flat(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

  @Test("zlecenie-zmiany: components given up from 5.2, the P_VPN warning, the date, subordinate units")
  func changeOrder() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let out = try text(.changeOrder, try journal(folder))
    #expect(flat(out).contains("Data złożenia zlecenia: 2026-11-20"), "\(out)")
    #expect(
      flat(out).contains("Wyłączenie dostępu przez Centrum najpóźniej: 2026-11-27 (Regulamin, § 5 ust. 1–2)"))
    let row = { (id: String) in
      out.split(separator: "\n").first { $0.hasPrefix(id + " ") }.map(String.init) ?? ""
    }
    #expect(row("B_PeUP").contains(" tak "))
    #expect(row("P_VPN").contains(" tak "))
    #expect(row("P_eMail").contains(" nie "))
    #expect(row("B_LMS").contains(" nie "))
    #expect(out.contains("rezygnacja z P_VPN bez P_eMail"))
    #expect(flat(out).contains("- sp1 - Szkoła Podstawowa nr 2 w Gliwicach - MOPS Gliwice"), "\(out)")
    #expect(out.contains("Kierownik Jednostki"))
    #expect(flat(out).contains("+48 32 700 78 16"))
  }

  @Test("zlecenie-zmiany: the end of access comes from the procedure's deadline, as the timeline counts it")
  func changeOrderDeadlineFromProcedure() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try journal(folder)
    var changed = procedure
    let index = try #require(changed.deadlines?.firstIndex { $0.id == KnownDeadline.accessEnds.id })
    changed.deadlines?[index].days = 14
    let document = try ChecklistDocument.load(
      journalPath: path, procedure: changed, generatedAt: generatedAt, kind: .changeOrder)
    let out = flat(ChecklistFormat.text.render(document))
    #expect(out.contains("Wyłączenie dostępu przez Centrum najpóźniej: 2026-12-04"), "\(out)")
    let state = try #require(UnitState.fold(try JournalReader.load(path: path).entries))
    let timeline = Timeline(procedure: changed, state: state, today: "2026-11-25")
    #expect(timeline.entries.first { $0.id == KnownDeadline.accessEnds.id }?.date == "2026-12-04")

    // A deadline the procedure holds for other paths only is not printed, as the timeline leaves it out.
    changed.deadlines?[index].paths = ["portal"]
    let otherPath = try ChecklistDocument.load(
      journalPath: path, procedure: changed, generatedAt: generatedAt, kind: .changeOrder)
    #expect(!ChecklistFormat.text.render(otherPath).contains("Wyłączenie dostępu"))

    changed.deadlines?.remove(at: index)
    let without = try ChecklistDocument.load(
      journalPath: path, procedure: changed, generatedAt: generatedAt, kind: .changeOrder)
    #expect(!ChecklistFormat.text.render(without).contains("Wyłączenie dostępu"))
  }

  @Test("zlecenie-zmiany: a 5.2 text without identifiers leaves tick boxes, never „nie” for every component")
  func changeOrderWithoutIdentifiers() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try finnJournal(folder)
    let session = try UnitSession.open(at: path, operatorName: "Anna Nowak", procedure: procedure)
    try session.values("5.2", ["komponenty": "platforma testowa i e-learning"])
    session.close()
    let out = try text(.changeOrder, path)
    #expect(flat(out).contains("Nie ma tam identyfikatorów komponentów"), "\(out)")
    let rows = out.split(separator: "\n").filter { $0.hasPrefix("B_") || $0.hasPrefix("P_") }
    #expect(rows.count == 7 && rows.allSatisfy { $0.contains("[ ] tak  [ ] nie") }, "\(rows)")
  }

  @Test("dla-wykonawcy: the entity and the kept mailbox with its settings; the blocked one left out")
  func vendorHandoff() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let out = try text(.vendorHandoff, try journal(folder))
    #expect(flat(out).contains("Identyfikator podmiotu ePUAP: pzgliwice"), "\(out)")
    #expect(!flat(out).contains("„Edytuj” przy skrytce"), "the confirmations of 3.4 and 3.5 are not settings")
    #expect(out.contains("/pzgliwice/SkrytkaESP"))
    #expect(!out.contains("/pzgliwice/ZMOKU"), "a blocked mailbox is not integrated")
    #expect(out.contains("Pominięto skrytki oznaczone w kroku 3.3 do usunięcia albo zablokowania (1)"))
    #expect(out.contains("Tryb pracy:") && out.contains("PULL"))
    #expect(out.contains("i4m4hvn61u"))
    #expect(out.contains("https://epuap.gov.pl/wps/myportal/strefa-urzednika/pomoc_urzednik"))
    #expect(out.contains("FINN 8SQL"))
  }

  @Test("dla-mieszkancow: where each card's form is now, and the pages to update")
  func residentsNotice() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let out = try text(.residentsNotice, try journal(folder))
    #expect(out.contains("https://bip.gliwice.pl/alkohol"))
    #expect(
      flat(out).contains(
        "ePUAP: formularz „Pismo ogólne do podmiotu publicznego”, skrytka /pzgliwice/SkrytkaESP"),
      "\(out)")
    #expect(out.contains("usługa wycofana"))
    #expect(out.contains("do ustalenia (karta bez decyzji w kroku 4.2)"))
    #expect(out.contains("Profil Zaufany") && out.contains("Węzeł Krajowy"))
    #expect(out.contains("Biuletyn Informacji Publicznej"))
  }

  @Test("dla-mieszkancow: a date typed into 5.1 while it is still to do is a plan, not „Zaktualizowano”")
  func residentsNoticeUpdateOnlyWhenDone() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try journal(folder)
    let session = try UnitSession.open(at: path, operatorName: "Anna Nowak", procedure: procedure)
    try session.values("5.1", ["dataAktualizacji": "2026-11-30"])
    session.close()
    let planned = flat(try text(.residentsNotice, path))
    #expect(!planned.contains("Zaktualizowano"), "\(planned)")
    #expect(planned.contains("Krok 5.1 (aktualizacja strony i BIP): do zrobienia, wpisana data: 2026-11-30."))
    let again = try UnitSession.open(at: path, operatorName: "Anna Nowak", procedure: procedure)
    try again.record(.stepMarked(StepMark(stepID: "5.1", status: .done)))
    again.close()
    #expect(flat(try text(.residentsNotice, path)).contains("Zaktualizowano (krok 5.1): 2026-11-30."))
  }

  @Test("test-odbioru: blanks to fill in for a mailbox not yet tested; none for a blocked one")
  func receiptTest() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let out = try text(.receiptTest, try journal(folder))
    #expect(out.contains("/pzgliwice/SkrytkaESP"))
    #expect(!out.contains("/pzgliwice/ZMOKU"))
    #expect(out.contains("Dokument dotarł do skrytki:") && out.contains("[ ] tak  [ ] nie"))
    #expect(out.contains("epuap@gliwice.pl, sekretariat@gliwice.pl"))
  }

  @Test("a hostile unit name is escaped in HTML and cleaned of escapes in every document")
  func hostileName() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let unit = UnitInfo(name: "Gmina <script>x</script>\u{1B}[2J", entityIdentifier: "ug", role: .partner)
    let session = try makeSession(folder, "ug.jsonl", unit: unit, operatorName: "A")
    try session.record(.decisionMade(Decision(path: .sodFinn, vendor: "FINN 8SQL")))
    session.close()
    for kind in DocumentKind.allCases {
      let document = try ChecklistDocument.load(
        journalPath: folder.file("ug.jsonl"), procedure: procedure, generatedAt: generatedAt, kind: kind)
      let html = ChecklistFormat.html.render(document)
      #expect(!html.contains("<script>"), "\(kind)")
      #expect(html.contains("&lt;script&gt;"), "\(kind)")
      #expect(!ChecklistFormat.text.render(document).unicodeScalars.contains { $0.value == 0x1B }, "\(kind)")
    }
  }
}
