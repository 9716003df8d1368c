import EpuapDomain
import EpuapReport
import Foundation
import TestSupport
import Testing
import TextLayout

/// Display width as a line printer counts it, worked out here independently of the report's own helper:
/// the CJK and emoji used in these tests take 2 columns, combining marks 0, everything else 1.
func columns(_ line: Substring) -> Int {
  line.unicodeScalars.reduce(0) { total, scalar in
    switch scalar.value {
    case 0x0300...0x036F: total
    case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60,
      0x1F300...0x1F64F:
      total + 2
    default: total + 1
    }
  }
}

func assertPrintable(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let badByte = text.utf8.first { $0 < 0x20 && $0 != 0x0A }
  #expect(badByte == nil, "\(name): control byte \(badByte ?? 0)", sourceLocation: sourceLocation)
  let badScalar = text.unicodeScalars.first {
    (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
      || (0x2066...0x2069).contains($0.value)
  }
  #expect(
    badScalar == nil, "\(name): control character U+\(String(badScalar?.value ?? 0, radix: 16))",
    sourceLocation: sourceLocation)
}

func assertFitsLinePrinter(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
  for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
    #expect(columns(line) <= 80, "line of \(columns(line)) columns: \(line)", sourceLocation: sourceLocation)
  }
  #expect(!text.utf8.contains(0x1B), sourceLocation: sourceLocation)
}

let hostile =
  "<script>alert(1)</script> \"cudzysłów\" 'apostrof' A&B \u{1B}[2J\u{7}\u{9B}31m \u{202E}odwrócone | *gwiazdka* _x_ # [link](http://x) \\"

@Suite("Checklist content")
struct ChecklistContentTests {
  /// A FINN journal whose every free text carries markup, quotes and control characters.
  func hostileJournal(_ folder: TempFolder) throws -> String {
    let unit = UnitInfo(name: "Gmina " + hostile, entityIdentifier: "gmina1", role: .partner)
    let session = try makeSession(
      folder, "hostile.jsonl", unit: unit, operatorName: "Operator \u{1B}]0;tytuł\u{7}")
    defer { session.close() }
    try session.record(.decisionMade(Decision(path: .sodFinn, vendor: "Dostawca " + hostile)))
    try session.values(
      "2.1", ["osobaKontaktowa": "Osoba " + hostile, "nieznane\u{1B}pole": "wartość " + hostile])
    try session.mark("3.2", .skipped, reason: "Powód " + hostile + "\nnowy wiersz\r\npowrót")
    try session.record(
      .batch([
        .mailboxSaved(
          MailboxEntry(
            id: "skrytka-1", address: "/gmina1/sk" + hostile, action: .keep, note: "Uwaga " + hostile)),
        .mailboxSettingsRecorded(
          MailboxSettings(mailboxID: "skrytka-1", values: ["trybPracy": "PUSH" + hostile])),
        .overrideSaved(
          VendorOverride(
            mailboxID: "skrytka-1", fieldID: "trybPracy", value: "PUSH", reason: "Powód " + hostile)),
        .systemSaved(
          SystemEntry(name: "sys" + hostile, type: "Lokalny", description: "Opis " + hostile, note: hostile)),
        .consentRecorded(Consent(who: "Kto " + hostile, date: "2026-11-20", reference: "Znak " + hostile)),
        .cardSaved(
          ServiceCard(
            id: "karta-1", name: "Karta " + hostile, status: .aktualna, action: .external,
            formName: "Formularz " + hostile,
            url: "https://example.pl/" + hostile)),
        .cardSaved(
          ServiceCard(
            id: "karta-2", name: "Karta 2 " + hostile, status: .aktualna, action: .epuap, epuapForm: hostile,
            mailbox: hostile)),
      ]))
    return session.path
  }

  @Test(
    "hostile values: HTML has no raw <script and no control characters; text and Markdown no control bytes")
  func hostileValues() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let checklist = try document(try hostileJournal(folder))
    let html = HTMLRenderer().render(checklist)
    #expect(!html.lowercased().contains("<script"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(
      html.contains("&quot;cudzysłów&quot;") && html.contains("&#39;apostrof&#39;")
        && html.contains("A&amp;B"))
    assertPrintable(html, "HTML")
    let text = TextRenderer().render(checklist)
    assertPrintable(text, "text")
    assertFitsLinePrinter(text)
    #expect(
      text.contains("\u{FFFD}[2J\u{FFFD}\u{FFFD}31m"), "control characters are shown as „�”, not dropped")
    let markdown = MarkdownRenderer().render(checklist)
    assertPrintable(markdown, "Markdown")
    #expect(markdown.contains("\\<script\\>"))
    #expect(!markdown.contains("[link]("))
  }

  @Test("Markdown tables keep their columns when a value has | and line breaks")
  func markdownTables() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let checklist = try document(try hostileJournal(folder))
    let markdown = MarkdownRenderer().render(checklist)
    let lines = markdown.split(separator: "\n")
    var index = 0
    var tables = 0
    while index < lines.count {
      guard lines[index].hasPrefix("| "), index + 1 < lines.count, lines[index + 1].hasPrefix("| ---") else {
        index += 1
        continue
      }
      tables += 1
      let cells = unescapedPipes(lines[index])
      var row = index + 1
      while row < lines.count, lines[row].hasPrefix("|") {
        #expect(unescapedPipes(lines[row]) == cells, "\(lines[row])")
        row += 1
      }
      index = row
    }
    #expect(tables >= 3)
  }

  func unescapedPipes(_ line: Substring) -> Int {
    var count = 0
    var escaped = false
    for character in line {
      if character == "|", !escaped { count += 1 }
      escaped = character == "\\" && !escaped
    }
    return count
  }

  @Test("text: every line at most 80 columns, long values wrapped and kept whole")
  func longValues() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let longURL = "https://bip.example.pl/" + String(repeating: "sprawa-", count: 60) + "koniec"
    let longName = "Gmina" + String(repeating: "Zażółćgęśląjaźń", count: 12) + " 東京都庁の電子窓口 e\u{301}"
    let unit = UnitInfo(name: longName, entityIdentifier: "dluga", role: .partner)
    let session = try makeSession(folder, "dluga.jsonl", unit: unit, operatorName: "Anna Nowak")
    try session.record(.decisionMade(Decision(path: .portal)))
    try session.record(
      .cardSaved(
        ServiceCard(
          id: "karta-1", name: longName, status: .aktualna, action: .external, formName: "F", url: longURL)))
    session.close()
    let checklist = try document(session.path)
    let text = TextRenderer().render(checklist)
    assertFitsLinePrinter(text)
    let joined = text.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
    #expect(joined.contains(longURL))
    #expect(joined.contains(longName.replacingOccurrences(of: " ", with: "")))
    for format in ChecklistFormat.allCases where format != .text {
      #expect(format.render(checklist).contains(longURL), "\(format) keeps the URL whole")
    }
  }

  @Test("every golden journal fits 80 columns in text")
  func goldenJournalsFit() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    for build in [portalJournal, finnJournal, otherSODJournal, umJournal] {
      assertFitsLinePrinter(TextRenderer().render(try document(try build(folder))))
    }
  }

  @Test("300 cards: all of them in text and HTML")
  func manyCards() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let unit = UnitInfo(name: "Starostwo Powiatowe w Katowicach", entityIdentifier: "spk", role: .partner)
    let session = try makeSession(folder, "spk.jsonl", unit: unit, operatorName: "Anna Nowak")
    try session.record(.decisionMade(Decision(path: .portal)))
    let actions: [CardAction?] = [.delete, .external, .epuap, .keep, nil]
    let cards = (1...300).map { number -> JournalChange in
      let id = String(format: "%03d", number)
      return .cardSaved(
        ServiceCard(
          id: "karta-\(number)", name: "Sprawa testowa nr \(id)",
          status: number % 2 == 0 ? .aktualna : .nieaktualna,
          action: actions[number % actions.count], formName: "Formularz \(id)",
          url: "https://bip.example.pl/\(id)",
          epuapForm: "Wniosek \(id)", mailbox: "/spk/skrytka"))
    }
    try session.record(.batch(cards))
    session.close()
    let checklist = try document(session.path)
    let text = TextRenderer().render(checklist)
    let html = HTMLRenderer().render(checklist)
    assertFitsLinePrinter(text)
    for number in 1...300 {
      let name = "Sprawa testowa nr " + String(format: "%03d", number)
      #expect(html.contains("<td>\(name)</td>"))
      #expect(text.contains(name) || text.contains("nr " + String(format: "%03d", number)), "\(name)")
    }
    #expect(html.components(separatedBy: "<tr>").count - 1 >= 301)
    #expect(text.contains("Kart: 300; bez decyzji: 60."))
  }

  @Test("an unfinished journal lists NIEZAKOŃCZONE and its open items before the steps")
  func unfinishedFirst() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let checklist = try document(try finnJournal(folder))
    #expect(!checklist.isFinished)
    let headings: [(ChecklistFormat, String, String)] = [
      (.text, "JEDNOSTKA I ŚCIEŻKA", "KROKI ŚCIEŻKI"),
      (.markdown, "## Jednostka i ścieżka", "## Kroki ścieżki"),
      (.html, "<h2>Jednostka i ścieżka</h2>", "<h2>Kroki ścieżki</h2>"),
    ]
    for (format, unitHeading, stepsHeading) in headings {
      let output = format.render(checklist)
      let reasons =
        checklist.blocks.compactMap { block -> Int? in
          if case .notice(let notice) = block { return notice.groups.first?.items.count }
          return nil
        }.first ?? 0
      #expect(reasons == 22, "every reason, each with its step")
      let notice = try #require(output.range(of: "NIEZAKOŃCZONE: \(reasons) powody blokują zakończenie"))
      let unit = try #require(output.range(of: unitHeading))
      let steps = try #require(output.range(of: stepsHeading))
      #expect(notice.lowerBound < unit.lowerBound && unit.lowerBound < steps.lowerBound, "\(format)")
      let openStep = try #require(output.range(of: "krok 3.13: do zrobienia"))
      let error = try #require(output.range(of: "Karta „Wydanie prawa jazdy”: przekierowanie"))
      let sekap = try #require(output.range(of: "Karta „Karta wędkarska”: adres"))
      let blocked = try #require(output.range(of: "Karta „Wyrejestrowanie pojazdu”: skrytka"))
      for found in [openStep, error, sekap, blocked] {
        #expect(found.lowerBound < unit.lowerBound, "\(format): reasons come before the unit")
      }
    }
    let finished = try document(try portalJournal(folder))
    #expect(finished.isFinished)
    #expect(!TextRenderer().render(finished).contains("NIEZAKOŃCZONE"))
  }

  @Test("a partner before the decision: steps common to every path, decision pending")
  func beforeDecision() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let session = try makeSession(
      folder, "nowa.jsonl", unit: UnitInfo(name: "Gmina Nowa", entityIdentifier: "", role: .partner),
      operatorName: "Anna Nowak")
    session.close()
    let text = TextRenderer().render(try document(session.path))
    #expect(text.contains("decyzja jeszcze nie podjęta (krok 2.0)"))
    #expect(text.contains("nie podano"))
    #expect(text.contains("[ ] 2.0") && text.contains("[ ] 3.13"))
    #expect(!text.contains("[ ] 2.1") && !text.contains("[ ] 1.1"))
  }

  @Test("the footer names the journal's events and its last hash, as journal verify prints it")
  func footerHash() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try otherSODJournal(folder)
    let journal = try JournalReader.load(path: path)
    let text = TextRenderer().render(try document(path))
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.contains("SHA-256: \(journal.lastHash)"))
    #expect(lines.contains("Zdarzeń w dzienniku: \(journal.entries.count)"))
    #expect(lines.contains("Dziennik: mopszabrze.jsonl"))
    #expect(!text.contains(folder.path), "no temporary folder in the printout")
  }

  @Test("HTML is one self-contained file with A4 print CSS")
  func htmlPrintCSS() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let html = HTMLRenderer().render(try document(try finnJournal(folder)))
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("@page { size: A4;"))
    #expect(html.contains("thead { display: table-header-group; }"))
    #expect(html.contains("tr { page-break-inside: avoid; break-inside: avoid; }"))
    for external in ["<link", "<script", "src=", "@import", "url("] {
      #expect(!html.contains(external), "\(external)")
    }
  }
}

@Suite("The paper measures text as the screen does")
struct PaperWidthTests {
  @Test("emoji and wide characters: every text line fits 80 columns by the screen's own measure")
  func emojiFit() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let session = try makeSession(
      folder, "emoji.jsonl", unit: UnitInfo(name: "Gmina ✅✅✅ 漢字", entityIdentifier: "g1", role: .partner),
      operatorName: "Anna ✅")
    try session.record(
      .batch([
        .decisionMade(Decision(path: .portal)),
        .cardSaved(
          ServiceCard(
            id: "karta-1", name: String(repeating: "✅ Sprawa ", count: 30), status: .aktualna, action: .keep)),
        .cardSaved(ServiceCard(id: "karta-2", name: String(repeating: "⭐", count: 120), status: .aktualna)),
      ]))
    session.close()
    let text = TextRenderer().render(try document(session.path))
    #expect(DisplayWidth.of("✅") == 2)
    for line in text.split(separator: "\n") {
      #expect(DisplayWidth.of(line) <= 80, "\(DisplayWidth.of(line)) columns: \(line)")
    }
  }

  @Test("a 200,000-character word prints wrapped, nothing cut off, every line within 80 columns")
  func longWord() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let word = String(repeating: "ż", count: 200_000)
    let session = try makeSession(
      folder, "long.jsonl", unit: UnitInfo(name: "Gmina", entityIdentifier: "g1", role: .partner),
      operatorName: "Anna Nowak")
    try session.record(.cardSaved(ServiceCard(id: "karta-1", name: word, status: .aktualna)))
    session.close()
    let checklist = try document(session.path)
    let text = TextRenderer().render(checklist)
    #expect(text.filter { $0 == "ż" }.count >= 200_000)
    #expect(text.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= 80 })
  }
}
