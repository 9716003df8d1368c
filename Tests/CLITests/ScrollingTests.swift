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
    let frame = WizardView.render(model)
    let expected = frame.lines().map { $0.trimmingTrailingSpaces }
    // Which cells of the list are in reverse video (the focused card), by the render's styles.
    let listRows = 3..<(frame.size.height - 2)
    let reversed = listRows.map { y in
      (0..<frame.size.width).map { frame[$0, y].style.text.contains(.reverse) }
    }

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
    // The styles reach the terminal too: cell by cell, the same ones in reverse video.
    // -N keeps trailing spaces, where a reversed row's fill would otherwise go unseen.
    let capture = try tmux.tmux(["capture-pane", "-p", "-e", "-N", "-t", tmux.name])
    let styled = capture.split(separator: "\n", omittingEmptySubsequences: false)
    let shownReversed = listRows.map { y in
      y < styled.count ? reverseVideoCells(String(styled[y]), width: frame.size.width) : []
    }
    #expect(reversed.joined().contains(true), "the render has a focused row")
    for (offset, y) in listRows.enumerated() where shownReversed[offset] != reversed[offset] {
      Issue.record("row \(y): reverse video differs from the render: \(styled[y].debugDescription)")
    }
    try tmux.send("Escape", "q", "q")
  }
}

/// For each of `width` columns of a line captured with `tmux capture-pane -e`, whether it is shown in
/// reverse video, following the line's SGR sequences (0 or none resets, 7 sets, 27 clears).
private func reverseVideoCells(_ line: String, width: Int) -> [Bool] {
  var cells: [Bool] = []
  var reverse = false
  var scalars = Substring(line).unicodeScalars[...]
  while let scalar = scalars.first {
    scalars = scalars.dropFirst()
    if scalar == "\u{1B}" {
      guard scalars.first == "[" else { continue }
      let body = scalars.dropFirst().prefix { !("@"..."~").contains($0) }
      scalars = scalars.dropFirst(body.count + 2)
      var parameters = String(String.UnicodeScalarView(body)).split(
        separator: ";", omittingEmptySubsequences: false)[...]
      while let parameter = parameters.popFirst() {
        switch parameter {
        case "", "0", "27": reverse = false
        case "7": reverse = true
        case "38", "48", "58":  // a colour: 5;N or 2;R;G;B follow
          parameters = parameters.dropFirst(parameters.first == "2" ? 4 : 2)
        default: break
        }
      }
    } else {
      cells.append(reverse)
    }
  }
  return Array((cells + Array(repeating: false, count: max(0, width - cells.count))).prefix(width))
}

extension String {
  fileprivate var trimmingTrailingSpaces: String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
