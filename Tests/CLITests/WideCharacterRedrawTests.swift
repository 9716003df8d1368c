import Foundation
import TestSupport
import Testing

/// Wide characters (two columns) redrawn over each other in a real terminal: what ncurses keeps of an
/// old wide character must never blank what the new frame drew beside it.
@Suite("End to end: wide characters redrawn (tmux)", .serialized)
struct WideCharacterRedrawTests {
  @Test("deleting the letter before a wide character shows the wide character and what follows it")
  func deleteBeforeWideCharacter() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let tmux = try Tmux(
      "exec \(Binary.path)", environment: ["EPUAP_WIZARD_STATE_DIR": dir.path, "LANG": "C.UTF-8"])
    #expect(try tmux.waitFor("Nowa jednostka"), "\(tmux.screen())")
    try tmux.send("Enter")  // „Nowa jednostka”
    #expect(try tmux.waitFor("Nazwa jednostki"), "\(tmux.screen())")
    try tmux.send("Tab")
    try tmux.type("a界x")
    #expect(try tmux.waitFor("a界x"), "\(tmux.screen())")
    // The cursor back before 界, then the letter before it deleted: the row becomes „界x”.
    try tmux.send("Left", "Left", "BSpace")
    var row = ""
    for _ in 0..<40 {
      row =
        tmux.screen().split(separator: "\n").first { $0.contains("Nazwa jednostki") }.map(String.init) ?? ""
      if row.contains("界x") { break }
      usleep(50_000)
    }
    #expect(row.contains("界x") && !row.contains("a界"), "\(row)")
    try tmux.send("Escape", "t", "q", "t")
  }
}
