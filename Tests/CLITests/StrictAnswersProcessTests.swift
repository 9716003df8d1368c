import EpuapDomain
import Foundation
import TestSupport
import Testing

/// The answers and printing findings, run as a clerk or a script would: the real binary.
@Suite("answers apply and print, run as a process")
struct StrictAnswersProcessTests {
  func file(extra: String, unitName: String = "Gmina Alfa", identifier: String = "alfa") -> String {
    """
    { "format": "epuap-wizard-odpowiedzi", "version": 1, "operator": "Anna Nowak",
      "unit": { "name": "\(unitName)", "entityIdentifier": "\(identifier)", "role": "partner" }\(extra) }
    """
  }

  func journals(_ dir: TempFolder) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".jsonl") }
  }

  @Test(
    "a misspelt key, a key given twice, a zero-width character, an escape in the name: refused, nothing written",
    arguments: [
      (#", "consnet": {"who": "x"}"#, "nieznany klucz „consnet”"),
      (#", "decision": {"path": "portal", "path": "sod-finn"}"#, "decision.path: klucz podany drugi raz"),
      (#", "decision": {"path": "sod-inny", "vendor": "EZD\u200BRP"}"#, "znaki sterujące"),
    ])
  func refused(_ extra: String, _ says: String) throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    dir.write("a.json", file(extra: extra))
    let result = try Binary.run(["answers", "apply", dir.file("a.json")], stateDir: dir.path)
    #expect(result.code == 1)
    #expect(result.stderr.contains(says), "\(result.stderr)")
    #expect(result.stderr.contains("nic nie zapisano"))
    #expect(journals(dir).isEmpty)
  }

  @Test(
    "a unit name of 1.5 million characters, or with an escape sequence: refused, the terminal never sees it")
  func hostileNames() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    dir.write("long.json", file(extra: "", unitName: String(repeating: "Gmina ", count: 250_000)))
    let long = try Binary.run(["answers", "apply", dir.file("long.json")], stateDir: dir.path)
    #expect(long.code == 1 && long.stderr.contains("tekst jest za długi"))
    dir.write("esc.json", file(extra: "", unitName: #"Gmina \u001b[2J\u001b]0;x\u0007"#))
    let escape = try Binary.run(["answers", "apply", dir.file("esc.json")], stateDir: dir.path)
    #expect(escape.code == 1 && escape.stderr.contains("znaki sterujące"))
    #expect(!escape.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    #expect(journals(dir).isEmpty)
  }

  @Test(
    "a journal whose unit name carries escape sequences (an older version, a hand edit): list shows it harmless"
  )
  func hostileJournalListed() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let procedure = try ProcedureLoader.builtIn()
    let unit = UnitInfo(
      name: "Gmina \u{1B}[2J\u{1B}]0;tytuł\u{07} \u{202E}Zła", entityIdentifier: "zla", role: .partner)
    let session = try UnitSession.create(
      at: dir.file("zla.jsonl"), unit: unit, operatorName: "Operator \u{1B}[31m", procedure: procedure)
    session.close()
    for arguments in [["list"], ["status"], ["journal", "verify", dir.file("zla.jsonl")]] {
      let result = try Binary.run(arguments, stateDir: dir.path)
      let output = result.stdout + result.stderr
      #expect(
        !output.unicodeScalars.contains { [0x1B, 0x07, 0x9B, 0x202E].contains($0.value) }, "\(arguments)")
    }
  }

  @Test("the text printout with emoji and a very long word: every line within 80 columns, the word whole")
  func printoutWidth() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let word = String(repeating: "ż", count: 5_000)
    dir.write(
      "a.json",
      file(
        extra: #", "decision": {"path": "portal"}, "cards": [{"name": "✅✅ Sprawa ✅ "#
          + String(repeating: "✅ ", count: 40) + #"", "status": "aktualna"}, {"name": ""# + word
          + #"", "status": "nieaktualna", "action": "delete"}]"#))
    let apply = try Binary.run(["answers", "apply", dir.file("a.json")], stateDir: dir.path)
    #expect(apply.code == 1, "a 5,000-character card name is refused as too long")
    // Shorter than the limit, still far longer than a line.
    let shorter = String(repeating: "ż", count: 1_500)
    dir.write(
      "b.json",
      file(
        extra: #", "decision": {"path": "portal"}, "cards": [{"name": "✅✅ Sprawa "#
          + String(repeating: "✅ ", count: 40) + #"", "status": "aktualna"}, {"name": ""# + shorter
          + #"", "status": "nieaktualna", "action": "delete"}]"#))
    #expect(try Binary.run(["answers", "apply", dir.file("b.json")], stateDir: dir.path).code == 0)
    let print = try Binary.run(["print"], stateDir: dir.path)
    #expect(print.code == 0, "\(print.stderr)")
    for line in print.stdout.split(separator: "\n") {
      let columns = line.unicodeScalars.reduce(0) { $0 + ($1.value == 0x2705 ? 2 : 1) }
      #expect(columns <= 80, "\(columns) columns: \(line)")
    }
    #expect(print.stdout.filter { $0 == "ż" }.count >= 1_500)
  }
}
