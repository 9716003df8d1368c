import EpuapDomain
import EpuapReport
import Foundation
import TestSupport
import Testing

/// A name meant to break out of every format: HTML, a Markdown table, a terminal.
private let hostileName = "<script>alert(1)</script> | **Gmina** \u{1B}[31mCzerwona\u{1B}[0m\u{202E}ytap"

private func partnerState(_ name: String, _ identifier: String, lists listed: String? = nil) -> UnitState {
  var changes: [JournalChange] = [.decisionMade(Decision(path: .sodFinn, vendor: "FINN 8SQL"))]
  if let listed {
    changes.append(.stepValuesRecorded(StepValues(stepID: "5.3", values: ["jednostki": listed])))
  }
  changes.append(.stepValuesRecorded(StepValues(stepID: "5.2", values: ["dataZlecenia": "2026-11-20"])))
  return UnitState(
    unit: UnitInfo(name: name, entityIdentifier: identifier, role: .partner),
    createdAt: "2026-11-20T09:00:00Z"
  ).simulating(changes)
}

/// A county: a partner listing a school (in the folder), one not in the folder and the hostile unit; a
/// damaged journal; the Urząd Marszałkowski.
private func countySummary() -> FolderSummary {
  // Section 1 done with every value: the one finished unit.
  let um = UnitState(
    unit: UnitInfo(name: "Urząd Marszałkowski Województwa Śląskiego", entityIdentifier: "umws", role: .um),
    createdAt: "2026-11-20T09:00:00Z"
  ).simulating(
    [
      ("1.1", ["aktualnyOdznaczony": "tak", "doBipOdznaczony": "tak"]),
      (
        "1.2",
        ["parametryWydruku": "tak", "ikona": "tak", "powiazanaSkrzynka": "tak", "identyfikatorAdres": "tak"]
      ),
      ("1.3", ["potwierdzeniePartnera": "pismo OR.1.2026", "dataRozlaczenia": "2026-11-24"]),
    ].flatMap { step, values in
      [
        JournalChange.stepValuesRecorded(StepValues(stepID: step, values: values)),
        .stepMarked(StepMark(stepID: step, status: .done)),
      ]
    })
  return FolderSummary(
    folder: "/srv/powiat/dzienniki",
    sources: [
      .init(
        file: "pzgliwice.jsonl",
        outcome: .success(
          partnerState(
            "Starostwo Powiatowe w Gliwicach", "pzgliwice", lists: "sp1, sp9; \(hostileName)"))),
      .init(file: "sp1.jsonl", outcome: .success(partnerState("Szkoła Podstawowa nr 1 w Gliwicach", "sp1"))),
      .init(file: "wrogi.jsonl", outcome: .success(partnerState(hostileName, "wrogi\u{1B}[2J"))),
      .init(
        file: "zepsuty.jsonl",
        outcome: .failure(
          .damagedLine(path: "/srv/powiat/dzienniki/zepsuty.jsonl", line: 2, problem: .hashMismatch))),
      .init(file: "um.jsonl", outcome: .success(um), tornTailLine: 7),
    ],
    procedure: procedure, today: "2026-11-25")
}

private func render(_ format: ChecklistFormat) -> String {
  format.render(ChecklistDocument(summary: countySummary(), procedure: procedure, generatedAt: generatedAt))
}

@Suite("The summary of a folder, in text, Markdown and HTML")
struct SummaryDocumentTests {
  @Test("text: 80 columns, every unit with its verdict, subordinates indented under their partner")
  func text() throws {
    let text = render(.text)
    assertFitsLinePrinter(text)
    assertPrintable(text, "summary text")
    #expect(text.hasPrefix("ZESTAWIENIE JEDNOSTEK\nFolder: /srv/powiat/dzienniki\n"))
    #expect(
      text.contains(
        "W folderze: 5 dzienników — zakończone: 1, niezakończone: 3, nieczytelne: 1.\nJednostki podległe"))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let partner = try #require(lines.firstIndex(of: "Starostwo Powiatowe w Gliwicach"))
    #expect(lines[partner + 1] == "  Identyfikator ePUAP: pzgliwice")
    #expect(lines[partner + 2] == "  Rola:                Partner")
    #expect(lines[partner + 3] == "  Ścieżka:             System obiegu dokumentów FINN 8SQL")
    #expect(lines[partner + 4].hasPrefix("  Kroki zrobione:      ") && lines[partner + 4].hasSuffix(" z 24"))
    #expect(lines[partner + 5].hasPrefix("  Werdykt:             NIEZAKOŃCZONE: "))
    #expect(lines[partner + 6].hasPrefix("                       - krok "))
    // A fresh partner has dozens of reasons: five are listed, and where to see them all.
    let reasons = lines[(partner + 6)...].prefix { $0.hasPrefix("                       ") }
    #expect(reasons.filter { $0.hasPrefix("                       - krok ") }.count == 5, "\(reasons)")
    #expect(
      reasons.joined(separator: " ").contains("innych; wszystkie: epuap-wizard status --journal"),
      "\(reasons)")
    #expect(lines.contains("  Najbliższy termin:   do 2026-11-27 — Karty usług obsłużone (sekcja 4), zanim"))
    let school = try #require(lines.firstIndex(of: "    Szkoła Podstawowa nr 1 w Gliwicach"))
    #expect(school > partner)
    #expect(lines[school + 1] == "    podległa: Starostwo Powiatowe w Gliwicach")
    #expect(lines[school + 2] == "      Identyfikator ePUAP: sp1")
    let missing = try #require(lines.firstIndex(of: "    sp9"))
    #expect(lines[missing + 2].hasPrefix("      Werdykt:             brak dziennika w folderze"))
    // The damaged journal: its file name and why it cannot be read.
    let damaged = try #require(lines.firstIndex(of: "zepsuty.jsonl"))
    #expect(lines[damaged + 1] == "  Werdykt:             NIE MOŻNA ODCZYTAĆ DZIENNIKA:")
    #expect(
      lines[damaged + 2].hasPrefix("                       - Dziennik /srv/powiat/dzienniki/zepsuty.jsonl"))
    let um = try #require(lines.firstIndex(of: "Urząd Marszałkowski Województwa Śląskiego"))
    #expect(lines[um + 2] == "  Rola:                Urząd Marszałkowski")
    #expect(lines[um + 4] == "  Kroki zrobione:      3 z 3")
    #expect(lines[um + 5] == "  Werdykt:             ZAKOŃCZONE")
    #expect(lines[um + 6] == "  Najbliższy termin:   —")
    #expect(lines[um + 8].hasPrefix("  Dziennik:            um.jsonl (urwany ostatni wiersz 7"))
    // Nothing from a journal reaches the paper as a control character.
    #expect(!text.contains("\u{1B}") && !text.contains("\u{202E}") && text.contains("\u{FFFD}[31mCzerwona"))
  }

  @Test("Markdown: one table row per unit, every journal text escaped")
  func markdown() {
    let markdown = render(.markdown)
    assertPrintable(markdown, "summary Markdown")
    let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") }
    // The header and its rule, the four readable units, the damaged journal and sp9, which has no journal
    // here.
    #expect(rows.count == 8, "\(rows)")
    #expect(
      rows[0]
        == "| Jednostka | Identyfikator ePUAP | Rola | Ścieżka | Kroki zrobione | Werdykt | Najbliższy termin | Ostatnia zmiana | Dziennik |"
    )
    for row in rows {
      // Nine columns in every row: a name's „|” is escaped and cannot add one.
      let cells = row.replacing("\\|", with: "").split(separator: "|", omittingEmptySubsequences: false)
      #expect(cells.count == 11, "\(row)")
    }
    #expect(rows.contains { $0.hasPrefix("| ↳ Szkoła Podstawowa nr 1 w Gliwicach (podległa: Starostwo") })
    #expect(rows.contains { $0.hasPrefix("| ↳ sp9 (podległa: Starostwo Powiatowe w Gliwicach) | — |") })
    #expect(rows.contains { $0.contains("| NIE MOŻNA ODCZYTAĆ DZIENNIKA: (1) Dziennik /srv/powiat") })
    #expect(markdown.contains("\\<script\\>alert(1)\\</script\\> \\| \\*\\*Gmina\\*\\*"))
    #expect(!markdown.contains("<script>") && !markdown.contains("\u{1B}"))
  }

  @Test("HTML: A4 landscape, one row per unit, every journal text escaped")
  func html() {
    let html = render(.html)
    assertPrintable(html, "summary HTML")
    #expect(html.contains("@page { size: A4 landscape;"))
    #expect(html.components(separatedBy: "<tr class=\"depth-").count - 1 == 6)
    #expect(
      html.contains("<tr class=\"depth-1\"><td class=\"title\"><strong>Szkoła Podstawowa nr 1 w Gliwicach"))
    #expect(html.contains("<div class=\"note\">podległa: Starostwo Powiatowe w Gliwicach</div>"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; | **Gmina** \u{FFFD}[31mCzerwona"))
    #expect(!html.contains("<script>") && !html.contains("\u{1B}"))
    #expect(
      html.contains("<td>NIE MOŻNA ODCZYTAĆ DZIENNIKA:<ul><li>Dziennik /srv/powiat/dzienniki/zepsuty.jsonl"))
  }

  @Test("an empty folder says so in every format")
  func emptyFolder() {
    let empty = FolderSummary(folder: "/srv/pusty", sources: [], procedure: procedure, today: "2026-11-25")
    let document = ChecklistDocument(summary: empty, procedure: procedure, generatedAt: generatedAt)
    for format in ChecklistFormat.allCases {
      #expect(format.render(document).contains("W folderze nie ma dzienników"), "\(format)")
    }
  }
}
