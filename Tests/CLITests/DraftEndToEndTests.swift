import Foundation
import TestSupport
import Testing

/// Typed text that is not recorded yet survives Ctrl-C and `kill -9` of the real binary: the next start
/// offers it back in its form.
@Suite("Drafts of the real binary in tmux", .serialized)
struct DraftEndToEndTests {
  /// A unit on the portal path from an answers file, and the wizard opened on its journal's step 3.13.
  func wizardOnConsent(_ dir: TempFolder) throws -> (Tmux, String) {
    dir.write(
      "a.json",
      """
      { "format": "epuap-wizard-odpowiedzi", "version": 1, "operator": "Anna Nowak",
        "unit": { "name": "Gmina Próbna", "entityIdentifier": "ugproba", "role": "partner" },
        "decision": { "path": "portal" } }
      """)
    let apply = try Binary.run(["answers", "apply", dir.file("a.json")], stateDir: dir.path)
    #expect(apply.code == 0, "\(apply.stderr)")
    let journal = try #require(
      try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasSuffix(".jsonl") })
    let path = dir.file(journal)
    let environment = ["EPUAP_WIZARD_STATE_DIR": dir.path, "LANG": "C.UTF-8"]
    let tmux = try Tmux("exec \(Binary.path) --journal \(path)", environment: environment)
    #expect(try tmux.waitFor("Krok 2.0"), "\(tmux.screen())")
    // The overview lists 2.0, 2.4 and 3.1–3.13 on the portal path: 3.13 is 14 rows down.
    try tmux.send("Escape", "Home")
    for _ in 0..<14 { try tmux.send("Down") }
    try tmux.send("Enter")
    #expect(try tmux.waitFor("Krok 3.13"), "\(tmux.screen())")
    return (tmux, path)
  }

  @Test("kill -9 and Ctrl-C while typing: the typed text is offered back", arguments: ["KILL", "INT"])
  func survives(_ signal: String) throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let (tmux, journal) = try wizardOnConsent(dir)
    // The consent's „who”, typed and not saved (no Tab).
    try tmux.type("Ewa Wiśniewska, UMWS")
    #expect(try tmux.waitFor("Ewa Wiśniewska, UMWS"))
    let pid = try tmux.panePID
    if signal == "KILL" {
      kill(pid, SIGKILL)
    } else {
      try tmux.send("C-c")
    }
    for _ in 0..<50 where !(try tmux.paneDead) { usleep(100_000) }
    #expect(try tmux.paneDead, "the wizard should have ended after \(signal)")
    try tmux.respawn(
      "exec \(Binary.path) --journal \(journal)",
      environment: ["EPUAP_WIZARD_STATE_DIR": dir.path, "LANG": "C.UTF-8"])
    #expect(try tmux.waitFor("Przywrócono niezapisany szkic"), "\(tmux.screen())")
    #expect(tmux.screen().contains("Krok 3.13") && tmux.screen().contains("Ewa Wiśniewska, UMWS"))
  }

  @Test(
    "kill -9 and Ctrl-C while the new-unit form is half typed: opening the form again offers it back",
    arguments: ["KILL", "INT"])
  func newUnitSurvives(_ signal: String) throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let environment = ["EPUAP_WIZARD_STATE_DIR": dir.path, "LANG": "C.UTF-8"]
    let tmux = try Tmux("exec \(Binary.path)", environment: environment)
    #expect(try tmux.waitFor("Nowa jednostka"), "\(tmux.screen())")
    try tmux.send("n", "Tab")
    try tmux.type("Gmina Żółkiewka")
    #expect(try tmux.waitFor("Gmina Żółkiewka"))
    if signal == "KILL" {
      kill(try tmux.panePID, SIGKILL)
    } else {
      try tmux.send("C-c")
    }
    for _ in 0..<50 where !(try tmux.paneDead) { usleep(100_000) }
    #expect(try tmux.paneDead)
    if signal == "INT" {
      // No journal yet: the message says where the typing went, not that it is in a journal.
      #expect(
        tmux.screen().contains("Dane wpisane w formularzu nowej jednostki są zachowane"), "\(tmux.screen())")
      #expect(!tmux.screen().contains("jest w dzienniku"))
    }
    try tmux.respawn("exec \(Binary.path)", environment: environment)
    #expect(try tmux.waitFor("Nowa jednostka"), "\(tmux.screen())")
    #expect(!tmux.screen().contains("Gmina Żółkiewka"), "a draft is not listed as a unit")
    try tmux.send("n")
    #expect(try tmux.waitFor("Przywrócono dane nowej jednostki"), "\(tmux.screen())")
    #expect(tmux.screen().contains("Gmina Żółkiewka"))
  }
}
