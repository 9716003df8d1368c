import EpuapDomain
import EpuapWizard
import Foundation
import ScreenKit
import Testing

/// A terminal that, like the ncurses one, keeps only the frame on screen, so that the runner draws each
/// new frame into the cells of the frame before last; every frame is checked against a fresh render.
private final class LastFrameTerminal: TerminalDevice {
  private(set) var size: ScreenSize
  private var keys: [Key]
  private var sizes: [ScreenSize]
  weak var runner: WizardRunner?
  private(set) var lastFrame: ScreenBuffer?
  private(set) var framesDrawn = 0
  private(set) var framesWithCursor = 0
  private(set) var mismatches: [String] = []

  /// `keys` in order; each `.resize` among them brings the next of `sizes`.
  init(size: ScreenSize, keys: [Key], sizes: [ScreenSize]) {
    self.size = size
    self.keys = keys
    self.sizes = sizes
  }

  func draw(_ buffer: ScreenBuffer) {
    framesDrawn += 1
    if buffer.cursor != nil { framesWithCursor += 1 }
    lastFrame = buffer
    guard let runner else { return }
    let fresh = WizardView.render(runner.model)
    if buffer != fresh {
      mismatches.append(
        "frame \(framesDrawn): "
          + (screenDiff(buffer.lines(), fresh.lines()) ?? "the same text, other styles or cursor"))
    }
  }

  func readKey(timeoutMilliseconds: Int) -> Key? {
    guard !keys.isEmpty else { return nil }
    let key = keys.removeFirst()
    if key == .resize, !sizes.isEmpty { size = sizes.removeFirst() }
    return key
  }

  var isExhausted: Bool { keys.isEmpty }
}

@Suite("Frames drawn into the cells of the frame before last")
struct FrameReuseTests {
  @Test(
    "each frame equals a fresh render of its model: no cell, style or cursor left over from an earlier screen"
  )
  func reusedFramesMatchFreshRenders() throws {
    let setup = WizardHarness()
    defer { setup.cleanup() }
    setup.createUnit(name: "Gmina Żółkiewka", identifier: "ugzolkiewka")
    setup.backend.close()

    var keys: [Key] = [.escape, .down, .up, .character("?"), .character("x"), .character("/")]
    keys += "Żół".map { Key.character($0) }
    keys += [.enter, .resize, .down, .up, .resize, .enter]  // 100×30, then back to 80×24; opens the unit
    keys += [.down, .enter, .tab] + "Jan Nowak".map { Key.character($0) }
    keys += [.escape, .character("n"), .escape, .escape, .character("q")]
    let terminal = LastFrameTerminal(
      size: ScreenSize(width: 80, height: 24), keys: keys,
      sizes: [ScreenSize(width: 100, height: 30), ScreenSize(width: 80, height: 24)])
    let backend = JournalBackend(
      procedure: WizardHarness.procedure, directory: JournalDirectory(path: setup.folder),
      clock: { WizardHarness.fixedDate })
    defer { backend.close() }
    let (model, commands) = WizardCore.start(
      procedure: WizardHarness.procedure, size: terminal.size, today: "2026-11-25")
    let runner = WizardRunner(model: model, terminal: terminal, backend: backend)
    terminal.runner = runner
    _ = runner.run(initialCommands: commands)

    #expect(terminal.mismatches.isEmpty, "\(terminal.mismatches.joined(separator: "\n"))")
    #expect(terminal.framesDrawn >= keys.count / 2, "frames were drawn: \(terminal.framesDrawn)")
    #expect(terminal.framesWithCursor > 0, "a field was typed into, with the cursor shown")
  }
}
