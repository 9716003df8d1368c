import EpuapDomain
import Foundation
import TestSupport
import Testing

/// The Urząd Marszałkowski's own journal, finished: section 1 done with every value.
private let umAnswers = """
  {"format": "epuap-wizard-odpowiedzi", "version": 1, "operator": "Jan Kowalski",
   "unit": {"name": "Urząd Marszałkowski Województwa Śląskiego", "entityIdentifier": "umws", "role": "um"},
   "steps": {
     "1.1": {"status": "done", "values": {"aktualnyOdznaczony": "tak", "doBipOdznaczony": "tak"}},
     "1.2": {"status": "done", "values": {"parametryWydruku": "tak", "ikona": "tak", "powiazanaSkrzynka": "tak",
                                          "identyfikatorAdres": "tak"}},
     "1.3": {"status": "done", "values": {"potwierdzeniePartnera": "pismo Starostwa OR.1.2026",
                                          "dataRozlaczenia": "2026-11-24"}}}}
  """

/// A new unit with nothing done yet but, with `decision`, the path chosen.
private func newUnit(_ name: String, _ identifier: String, decision: String? = nil) -> String {
  """
  {"format": "epuap-wizard-odpowiedzi", "version": 1, "operator": "Ewa Nowak",
   "unit": {"name": "\(name)", "entityIdentifier": "\(identifier)", "role": "partner"}\(
    decision.map { #", "decision": {"path": "\#($0)"}"# } ?? "")}
  """
}

/// The county's partner lists its subordinate units in step 5.3.
private let subordinatesAnswers = """
  {"format": "epuap-wizard-odpowiedzi", "version": 1, "operator": "Anna Nowak",
   "unit": {"name": "Starostwo Powiatowe w Gliwicach", "entityIdentifier": "pzgliwice", "role": "partner"},
   "steps": {"5.3": {"values": {"jednostki": "sp1; UGWROGA, sp9"}}}}
  """

/// A unit name that tries to break out of HTML, a Markdown table and the terminal.
private let hostileName = "<script>alert(1)</script> | Gmina \u{1B}[31mWroga\u{1B}[0m"

/// Every entry of the folder with its kind, size and modification time, links not followed.
private func snapshot(_ folder: String) throws -> [String] {
  try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { name in
    var info = stat()
    guard lstat(folder + "/" + name, &info) == 0 else { return name + " ?" }
    return "\(name) \(info.st_mode) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
  }
}

/// A county's folder: a finished unit, unfinished ones, a subordinate listed in 5.3, a damaged journal,
/// a `.jsonl` that is no journal, a unit with a hostile name, and files that are not journals.
private struct CountyFolder {
  let dir = TempFolder(prefix: "epuap-cli-summary")
  var damaged = ""
  var subordinate = ""

  init() throws {
    let finn = try dir.appliedFinnJournal()
    for (file, answers) in [
      ("um.json", umAnswers), ("sp1.json", newUnit("Szkoła Podstawowa nr 1 w Gliwicach", "sp1")),
      ("zepsuty.json", newUnit("Gmina Zepsuta", "ugzepsuta", decision: "portal")),
      ("5.3.json", subordinatesAnswers),
    ] {
      dir.write(file, answers)
      let result = try Binary.run(["answers", "apply", dir.file(file)], stateDir: dir.path)
      guard result.code == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: ["stderr": result.stderr]) }
    }
    for file in ["a.json", "um.json", "sp1.json", "zepsuty.json", "5.3.json"] {
      try FileManager.default.removeItem(atPath: dir.file(file))
    }
    subordinate = dir.file("sp1-szkola-podstawowa-nr-1-w-gliwicach.jsonl")
    // A byte changed inside the last line: still JSON, but its hash no longer holds.
    damaged = dir.file("ugzepsuta-gmina-zepsuta.jsonl")
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: damaged)))
    let needle = Array("Ewa Nowak".utf8)
    guard let lineTwo = bytes.firstIndex(of: 0x0A).map({ $0 + 1 }),
      let at = (lineTwo..<(bytes.count - needle.count)).first(where: {
        Array(bytes[$0..<$0 + needle.count]) == needle
      })
    else { throw CocoaError(.fileReadCorruptFile) }
    bytes[at] = UInt8(ascii: "A")
    try Data(bytes).write(to: URL(fileURLWithPath: damaged))
    // A unit whose name no answers file would let in, written as a journal directly.
    let (writer, _) = try JournalWriter.create(
      at: dir.file("wrogi.jsonl"),
      unit: UnitInfo(name: hostileName, entityIdentifier: "ugwroga", role: .partner),
      operatorName: "X", time: "2026-11-25T10:00:00Z")
    writer.close()
    // What is not a journal: ignored, except a .jsonl file, which is a row with its problem.
    dir.write("notatka.txt", "nie dziennik")
    dir.write("nie-dziennik.jsonl", "zwykły tekst\n")
    dir.write(".spis-dziennikow.json", "{}")
    dir.write(finn + ".szkic", "{}")
    dir.write(finn + ".odlozone-20261125T100000Z", "{\"v\":")
    try FileManager.default.createDirectory(
      atPath: dir.file("archiwum.jsonl"), withIntermediateDirectories: false)
    try FileManager.default.createDirectory(atPath: dir.file("archiwum"), withIntermediateDirectories: false)
    try FileManager.default.createSymbolicLink(
      atPath: dir.file("link.jsonl"), withDestinationPath: dir.file(finn))
    guard mkfifo(dir.file("potok.jsonl"), 0o600) == 0, mkfifo(dir.file("potok"), 0o600) == 0 else {
      throw CocoaError(.fileWriteUnknown)
    }
  }
}

@Suite("summary: every unit of a folder, read without locks, nothing written", .serialized)
struct SummaryCommandTests {
  @Test("every unit listed with its verdict, a damaged and a locked journal included; the folder untouched")
  func wholeFolder() throws {
    let county = try CountyFolder()
    let dir = county.dir
    defer { dir.cleanup() }
    // Another process holds the subordinate's journal, as an open wizard does.
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/bin/sh")
    holder.arguments = ["-c", "exec 9<\"$0\"; flock -n 9 || exit 1; exec sleep 30", county.subordinate]
    try holder.run()
    defer {
      kill(holder.processIdentifier, SIGKILL)
      holder.waitUntilExit()
    }
    usleep(300_000)
    dir.write("sp1.json", newUnit("Szkoła Podstawowa nr 1 w Gliwicach", "sp1"))
    let writer = try Binary.run(["answers", "apply", dir.file("sp1.json"), "--journal", county.subordinate])
    #expect(writer.code == 1 && writer.stderr.contains("jest już otwarty w innym oknie"), "\(writer.stderr)")
    try FileManager.default.removeItem(atPath: dir.file("sp1.json"))

    let before = try snapshot(dir.path)
    let result = try Binary.run(["summary", "--dir", dir.path])
    #expect(result.code == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty, "\(result.stderr)")
    #expect(try snapshot(dir.path) == before)
    let text = result.stdout
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // Polish letters, „—”, „�” and box-free text: one column per scalar.
    for line in lines { #expect(line.unicodeScalars.count <= 80, "\(line.unicodeScalars.count): \(line)") }
    #expect(!text.utf8.contains(0x1B))
    #expect(
      text.contains("W folderze: 6 dzienników — zakończone: 1, niezakończone: 3, nieczytelne: 2.\n"))
    #expect(text.contains("Jednostki podległe wymienione w kroku 5.3 bez dziennika w folderze: 1.\n"))

    let partner = try #require(lines.firstIndex(of: "Starostwo Powiatowe w Gliwicach"))
    #expect(lines[partner + 5].hasPrefix("  Werdykt:             NIEZAKOŃCZONE: "))
    let school = try #require(lines.firstIndex(of: "    Szkoła Podstawowa nr 1 w Gliwicach"))
    #expect(school > partner && lines[school + 1] == "    podległa: Starostwo Powiatowe w Gliwicach")
    #expect(lines[school + 2] == "      Identyfikator ePUAP: sp1")
    let missing = try #require(lines.firstIndex(of: "    sp9"))
    #expect(missing > school && lines[missing + 2].contains("brak dziennika w folderze"))
    // The hostile unit, listed by its identifier in 5.3: under the partner too, its ESC made visible.
    let hostile = try #require(lines.firstIndex { $0.hasPrefix("    <script>alert(1)</script> | Gmina") })
    #expect(hostile > partner && lines[hostile].contains("\u{FFFD}[31mWroga"))
    let um = try #require(lines.firstIndex(of: "Urząd Marszałkowski Województwa Śląskiego"))
    #expect(lines[um + 2] == "  Rola:                Urząd Marszałkowski")
    #expect(lines[um + 4] == "  Kroki zrobione:      3 z 3")
    #expect(lines[um + 5] == "  Werdykt:             ZAKOŃCZONE")
    #expect(lines[um + 6] == "  Najbliższy termin:   —")
    // The damaged journal and the .jsonl that is not one: rows with the reason.
    let damaged = try #require(lines.firstIndex(of: "ugzepsuta-gmina-zepsuta.jsonl"))
    #expect(lines[damaged + 1] == "  Werdykt:             NIE MOŻNA ODCZYTAĆ DZIENNIKA:")
    let reason = lines[(damaged + 2)...].prefix { !$0.isEmpty }.map {
      $0.trimmingCharacters(in: .whitespaces)
    }.joined(separator: " ")
    #expect(reason.contains("jest uszkodzony w wierszu 2: suma kontrolna się nie zgadza"), "\(reason)")
    let notJournal = try #require(lines.firstIndex(of: "nie-dziennik.jsonl"))
    #expect(lines[notJournal + 1] == "  Werdykt:             NIE MOŻNA ODCZYTAĆ DZIENNIKA:")
    // Links, folders, FIFOs, drafts, lines moved aside, the summary cache: not rows.
    for name in ["link.jsonl", "potok", "archiwum", "notatka", ".szkic", ".odlozone", ".spis-dziennikow"] {
      #expect(!text.contains(name), "\(name)")
    }
  }

  @Test("Markdown and HTML: one row per unit, a hostile name escaped; --output writes a new file elsewhere")
  func markdownAndHTML() throws {
    let county = try CountyFolder()
    let dir = county.dir
    defer { dir.cleanup() }
    let before = try snapshot(dir.path)
    let markdown = try Binary.run(["summary", "--dir", dir.path, "--format", "markdown"])
    #expect(markdown.code == 0, "\(markdown.stderr)")
    let rows = markdown.stdout.split(separator: "\n").filter { $0.hasPrefix("| ") }
    // The header and its rule, six journals and sp9, listed without one.
    #expect(rows.count == 9, "\(rows)")
    #expect(
      markdown.stdout.contains(
        "| ↳ \\<script\\>alert(1)\\</script\\> \\| Gmina �\\[31mWroga�\\[0m (podległa:"))
    #expect(!markdown.stdout.contains("<script>") && !markdown.stdout.utf8.contains(0x1B))

    let output = TempFolder(prefix: "epuap-cli-summary-out")
    defer { output.cleanup() }
    let html = try Binary.run(
      ["summary", "--format", "html", "--output", output.file("zestawienie.html")], stateDir: dir.path)
    #expect(html.code == 0, "\(html.stderr)")
    #expect(html.stdout.contains("Zapisano zestawienie (HTML) do pliku"))
    let page = try String(contentsOfFile: output.file("zestawienie.html"), encoding: .utf8)
    #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("size: A4 landscape"))
    #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; | Gmina \u{FFFD}[31mWroga"))
    #expect(!page.contains("<script>") && !page.utf8.contains(0x1B))
    #expect(page.components(separatedBy: "<tr class=\"depth-").count - 1 == 7)
    #expect(try snapshot(dir.path) == before)
  }

  @Test("a missing folder, an unknown format and an output onto a journal or a link are refused")
  func refusals() throws {
    let dir = TempFolder(prefix: "epuap-cli-summary")
    defer { dir.cleanup() }
    let missing = try Binary.run(["summary", "--dir", dir.file("nie-ma")])
    #expect(missing.code == 4 && missing.stderr.contains("Nie ma folderu"), "\(missing.stderr)")
    dir.write("plik", "x")
    let notFolder = try Binary.run(["summary", "--dir", dir.file("plik")])
    #expect(notFolder.code == 2 && notFolder.stderr.contains("nie folder"), "\(notFolder.stderr)")
    let format = try Binary.run(["summary", "--format", "pdf"], stateDir: dir.path)
    #expect(format.code == 1 && format.stderr.contains("Nieznany format „pdf”"))
    let name = try dir.appliedFinnJournal()
    let journal = try Binary.run(["summary", "--output", dir.file(name)], stateDir: dir.path)
    #expect(journal.code == 1 && journal.stderr.contains("to dziennik"), "\(journal.stderr)")
    try FileManager.default.createSymbolicLink(
      atPath: dir.file("link.txt"), withDestinationPath: dir.file("plik"))
    let link = try Binary.run(["summary", "-o", dir.file("link.txt")], stateDir: dir.path)
    #expect(link.code == 1 && link.stderr.contains("dowiązanie symboliczne"), "\(link.stderr)")
    #expect(try String(contentsOfFile: dir.file("plik"), encoding: .utf8) == "x")
    // --state-dir names the folder too, as in every other command; an empty folder is not an error.
    let empty = TempFolder(prefix: "epuap-cli-summary")
    defer { empty.cleanup() }
    let none = try Binary.run(["summary", "--state-dir", empty.path])
    #expect(none.code == 0 && none.stdout.contains("W folderze nie ma dzienników"), "\(none.stderr)")
  }
}
