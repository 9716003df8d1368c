import Foundation
import TestSupport
import Testing

/// The command line as a clerk meets it: the version says what it is, a slip in a command's name gets a
/// suggestion, the Polish name of a format works.
@Suite("The command line in Polish")
struct PolishCommandLineTests {
  @Test("--version names the program")
  func version() throws {
    let result = try Binary.run(["--version"])
    #expect(result.code == 0)
    #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("epuap-wizard 1."))
  }

  @Test(
    "a mistyped command gets the nearest one; an unknown one the list; exit 64",
    arguments: [
      ("stauts", "Czy chodziło o „status”?"), ("lsit", "Czy chodziło o „list”?"), ("xyz", "Polecenia:"),
    ])
  func mistyped(_ word: String, _ says: String) throws {
    let result = try Binary.run([word])
    #expect(result.code == 64)
    #expect(
      result.stderr.contains("nieznane polecenie „\(word)”") && result.stderr.contains(says),
      "\(result.stderr)")
  }

  @Test("print --format tekst is the text format")
  func polishFormat() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    dir.write("a.json", finnAnswers)
    #expect(try Binary.run(["answers", "apply", dir.file("a.json")], stateDir: dir.path).code == 0)
    let result = try Binary.run(["print", "--format", "tekst"], stateDir: dir.path)
    #expect(result.code == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("LISTA KONTROLNA WYKONANIA"))
  }
}
