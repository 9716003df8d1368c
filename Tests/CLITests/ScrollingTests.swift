import EpuapDomain
import EpuapWizard
import Foundation
import ScreenKit
import TestSupport
import Testing

/// The terminal layer scrolls rows instead of redrawing them when a list moves by a row; whatever it
/// does, the terminal must end up showing exactly the frame the pure render made.
@Suite("End to end: scrolling a long list (tmux)", .serialized)
struct ScrollingTests {
  @Test("a 300-card list moved down 40 rows and up 25 shows exactly what the pure render shows")
  func cardListMatchesRender() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let path = dir.file("karty-300.jsonl")
    let bench = URL(fileURLWithPath: Binary.path).deletingLastPathComponent().appendingPathComponent(
      "epuap-bench")
    _ = try Spawn.run([bench.path, "journal", "400", "300", path], capture: true)

    // The frame the wizard's pure update and render make for the same keys.
    let procedure = try ProcedureLoader.builtIn()
    let state = try #require(UnitState.fold(try JournalReader.load(path: path).entries))
    var model = WizardModel(
      procedure: procedure, size: ScreenSize(width: 80, height: 24), today: JournalClock.day(Date()))
    model = WizardCore.update(model, .journalOpened(path: path, state: state, notice: nil)).0
    let keys: [Key] = [.enter] + Array(repeating: .down, count: 40) + Array(repeating: .up, count: 25)
    for key in keys { model = WizardCore.update(model, .key(key)).0 }
    let expected = WizardView.render(model).lines().map { $0.trimmingTrailingSpaces }

    let tmux = try Tmux(
      "exec \(Binary.path) --journal \(path)",
      environment: ["EPUAP_WIZARD_STATE_DIR": dir.path, "LANG": "C.UTF-8"])
    #expect(try tmux.waitFor("Krok 4.2"), "\(tmux.screen())")
    try tmux.send("Enter")
    #expect(try tmux.waitFor("Kart: 300"), "\(tmux.screen())")
    for _ in 0..<40 { try tmux.send("Down") }
    for _ in 0..<25 { try tmux.send("Up") }
    let wanted = expected.joined(separator: "\n")
    var shown = ""
    for _ in 0..<40 {
      shown = tmux.screen().split(separator: "\n", omittingEmptySubsequences: false).prefix(24)
        .map { String($0).trimmingTrailingSpaces }.joined(separator: "\n")
      if shown == wanted { break }
      usleep(50_000)
    }
    #expect(shown == wanted)
    try tmux.send("Escape", "q", "q")
  }
}

extension String {
  fileprivate var trimmingTrailingSpaces: String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
