import Foundation
import TestSupport
import Testing

/// `answers apply` finds the unit's journal by its identifier (letter case aside), never renames another unit, never
/// starts a second journal for the same unit, and makes a new journal appear with its whole batch.
@Suite("answers apply: which journal")
struct AnswersMatchingTests {
  func answers(name: String, identifier: String, extra: String = "") -> String {
    """
    { "format": "epuap-wizard-odpowiedzi", "version": 1, "operator": "Anna Nowak",
      "unit": { "name": "\(name)", "entityIdentifier": "\(identifier)", "role": "partner" },
      "decision": { "path": "portal" }\(extra) }
    """
  }

  func journals(_ dir: TempFolder) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".jsonl") }.sorted()
  }

  @Test("--journal on another unit's journal is refused; that journal is not renamed or touched")
  func otherUnitRefused() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    dir.write("a.json", answers(name: "Gmina Alfa", identifier: "alfa"))
    dir.write("b.json", answers(name: "Gmina Beta", identifier: "beta"))
    #expect(try Binary.run(["answers", "apply", dir.file("a.json")], stateDir: dir.path).code == 0)
    let journal = dir.file(try #require(try journals(dir).first))
    let before = FileManager.default.contents(atPath: journal)
    let result = try Binary.run(
      ["answers", "apply", dir.file("b.json"), "--journal", journal], stateDir: dir.path)
    #expect(result.code == 1)
    #expect(
      result.stderr.contains("jest dla jednostki „Gmina Beta” [beta], a dziennik dotyczy „Gmina Alfa” [alfa]")
    )
    #expect(FileManager.default.contents(atPath: journal) == before)
  }

  @Test("a unit without an identifier is found again by its name: one journal, however often it is applied")
  func emptyIdentifierOnce() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    dir.write("a.json", answers(name: "Szkoła bez identyfikatora", identifier: ""))
    for _ in 0..<3 {
      #expect(try Binary.run(["answers", "apply", dir.file("a.json")], stateDir: dir.path).code == 0)
    }
    #expect(try journals(dir).count == 1)
  }

  @Test("the identifier is the unit's in any letter case, as in the new-unit form: no second journal")
  func identifierLetterCase() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    dir.write("a.json", answers(name: "Gmina Alfa", identifier: "alfa"))
    dir.write("b.json", answers(name: "Gmina Alfa", identifier: "ALFA"))
    #expect(try Binary.run(["answers", "apply", dir.file("a.json")], stateDir: dir.path).code == 0)
    let result = try Binary.run(["answers", "apply", dir.file("b.json")], stateDir: dir.path)
    #expect(result.code == 0, "\(result.stderr)")
    #expect(try journals(dir).count == 1)
  }

  @Test("two journals of the same unit: refused with both named, nothing written")
  func ambiguousRefused() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    dir.write("a.json", answers(name: "Gmina Alfa", identifier: "alfa"))
    #expect(try Binary.run(["answers", "apply", dir.file("a.json")], stateDir: dir.path).code == 0)
    let first = try #require(try journals(dir).first)
    try FileManager.default.copyItem(atPath: dir.file(first), toPath: dir.file("kopia-alfa.jsonl"))
    let result = try Binary.run(["answers", "apply", dir.file("a.json")], stateDir: dir.path)
    #expect(result.code == 1)
    #expect(result.stderr.contains("kilka dzienników") && result.stderr.contains("kopia-alfa.jsonl"))
  }

  @Test("a refused file for a new unit leaves no journal; an accepted one appears with its whole batch")
  func newJournalWhole() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    dir.write(
      "bad.json", answers(name: "Gmina Gamma", identifier: "gamma", extra: #", "consent": {"who": "x"}"#))
    #expect(try Binary.run(["answers", "apply", dir.file("bad.json")], stateDir: dir.path).code == 1)
    #expect(try journals(dir).isEmpty)
    dir.write("good.json", answers(name: "Gmina Gamma", identifier: "gamma"))
    let result = try Binary.run(["answers", "apply", dir.file("good.json")], stateDir: dir.path)
    #expect(result.code == 0)
    #expect(result.stdout.contains("zastosowano 1 zmianę"))
    let text = try String(contentsOfFile: dir.file(try #require(try journals(dir).first)), encoding: .utf8)
    #expect(text.split(separator: "\n").count == 2, "the creation and the batch, from the start")
  }
}
