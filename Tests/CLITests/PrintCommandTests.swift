import Foundation
import TestSupport
import Testing

@Suite("print, run as a process")
struct PrintCommandTests {
  /// A state folder with the FINN unit of `finnAnswers`; returns the folder and the journal's path.
  func finnUnit() throws -> (TempFolder, String) {
    let dir = TempFolder(prefix: "epuap-cli")
    dir.write("answers.json", finnAnswers)
    let apply = try Binary.run(["answers", "apply", dir.file("answers.json")], stateDir: dir.path)
    #expect(apply.code == 0, "\(apply.stderr)")
    let name = try #require(
      try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasSuffix(".jsonl") })
    return (dir, dir.file(name))
  }

  @Test(
    "print to standard output: the checklist, the same last hash as journal verify, the journal unchanged")
  func printToStdout() throws {
    let (dir, journal) = try finnUnit()
    defer { dir.cleanup() }
    let before = FileManager.default.contents(atPath: journal)
    let print = try Binary.run(["print", "--journal", journal])
    #expect(print.code == 0, "\(print.stderr)")
    #expect(print.stdout.hasPrefix("LISTA KONTROLNA WYKONANIA\n"))
    #expect(print.stdout.contains("NIEZAKOŃCZONE: "))
    let verify = try Binary.run(["journal", "verify", journal])
    let hashLine = try #require(verify.stdout.split(separator: "\n").first { $0.hasPrefix("SHA-256: ") })
    #expect(print.stdout.split(separator: "\n").contains(hashLine))
    #expect(FileManager.default.contents(atPath: journal) == before)
  }

  @Test("--output writes the file and says where; --format html")
  func printToFile() throws {
    let (dir, journal) = try finnUnit()
    defer { dir.cleanup() }
    let target = dir.file("lista.html")
    let print = try Binary.run(["print", "--journal", journal, "--format", "html", "--output", target])
    #expect(print.code == 0, "\(print.stderr)")
    #expect(print.stdout == "Zapisano listę kontrolną (HTML) do pliku \(target).\n")
    let html = String(decoding: FileManager.default.contents(atPath: target) ?? Data(), as: UTF8.self)
    #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("@page { size: A4;"))
  }

  @Test("--lp without lp on PATH: exit 1, a Polish message, and the file beside the journal")
  func lpMissing() throws {
    let (dir, journal) = try finnUnit()
    defer { dir.cleanup() }
    let empty = dir.file("bez-lp")
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    let print = try Binary.run(
      ["print", "--journal", journal, "--lp", "Biuro"], environment: ["PATH": empty])
    let expected = String(journal.dropLast(".jsonl".count)) + "-lista-kontrolna.txt"
    #expect(print.code == 1)
    #expect(print.stderr.contains("nie znaleziono polecenia „lp”"))
    #expect(print.stderr.contains("zapisana do pliku \(expected)"))
    #expect(FileManager.default.fileExists(atPath: expected))
  }

  @Test("an unknown format and a printer without --lp are refused in Polish")
  func refusals() throws {
    let (dir, journal) = try finnUnit()
    defer { dir.cleanup() }
    let format = try Binary.run(["print", "--journal", journal, "--format", "pdf"])
    #expect(
      format.code == 1
        && format.stderr.contains("Nieznany format „pdf”. Dostępne: text, markdown, html (także „tekst”)."))
    let printer = try Binary.run(["print", "--journal", journal, "Biuro"])
    #expect(printer.code == 1 && printer.stderr.contains("razem z --lp"))
  }

  @Test("--document picks the document; one not for this unit, or unknown, is refused in Polish with exit 1")
  func documents() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let journal = try dir.appliedFinnJournal()
    let order = try Binary.run(["print", "--document", "zlecenie-zmiany"], stateDir: dir.path)
    #expect(order.code == 0, "\(order.stderr)")
    #expect(order.stdout.hasPrefix("ZLECENIE DOKONANIA ZMIAN W DOSTĘPIE DO SYSTEMU SEKAP"))
    let saved = try Binary.run(
      ["print", "--document", "test-odbioru", "--format", "html", "--lp"], stateDir: dir.path,
      environment: ["PATH": "/nonexistent"])
    #expect(saved.code == 1)  // no lp here; the file stays
    let base = String(journal.dropLast(".jsonl".count))
    #expect(FileManager.default.fileExists(atPath: dir.file(base + "-test-odbioru.html")), "\(saved.stderr)")
    let unknown = try Binary.run(["print", "--document", "umowa"], stateDir: dir.path)
    #expect(unknown.code == 1)
    #expect(unknown.stderr.contains("Nieznany dokument „umowa”. Dostępne: lista-kontrolna, zlecenie-zmiany"))
  }

  @Test("the vendor's sheet on the portal path is refused: there is no vendor")
  func vendorSheetOnPortal() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    dir.write(
      "a.json",
      """
      {"format": "epuap-wizard-odpowiedzi", "version": 1, "operator": "Anna Nowak",
       "unit": {"name": "Gmina Żółkiewka", "entityIdentifier": "ugzolkiewka", "role": "partner"},
       "decision": {"path": "portal"}}
      """)
    let apply = try Binary.run(["answers", "apply", dir.file("a.json")], stateDir: dir.path)
    try #require(apply.code == 0, "\(apply.stderr)")
    let result = try Binary.run(["print", "--document", "dla-wykonawcy"], stateDir: dir.path)
    #expect(result.code == 1)
    #expect(result.stderr.contains("nie ma wykonawcy systemu obiegu dokumentów"), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }
}
