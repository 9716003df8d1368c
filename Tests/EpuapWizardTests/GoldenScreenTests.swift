// Whole-screen golden tests: each screen is rendered at 80×24 (one at 100×30) from a state built through
// `update`, and compared line by line with `Golden/<name>.txt`: its text, then (after a line `@style`)
// where the focus and highlights (reverse video, „R”) and input fields (underline, „U”) are, by row and
// column range, and where the cursor stands.
//
// To re-record after an intended change of a screen or of the procedure text:
//   RECORD_GOLDEN=1 swift test --filter GoldenScreenTests
// then review the changed files with `git diff Tests/EpuapWizardTests/Golden`. A recording run fails on
// purpose, so that it is never taken for a passing one; run the tests again without RECORD_GOLDEN.
import EpuapDomain
import EpuapWizard
import Foundation
import ScreenKit
import Testing

@Suite("Golden screens")
struct GoldenScreenTests {
  static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  /// The screen's styles that a reader checks: reversed (focus, highlight) and underlined (fields)
  /// column ranges per row, and the cursor.
  static func styleLines(_ buffer: ScreenBuffer) -> [String] {
    var lines = ["@style"]
    for y in 0..<buffer.size.height {
      var marks: [String] = []
      for (letter, flag) in [("R", TextStyle.reverse), ("U", TextStyle.underline)] {
        var start: Int?
        var ranges: [String] = []
        for x in 0...buffer.size.width {
          let on = x < buffer.size.width && buffer[x, y].style.text.contains(flag)
          if on, start == nil { start = x }
          if !on, let first = start {
            ranges.append(first == x - 1 ? "\(first)" : "\(first)-\(x - 1)")
            start = nil
          }
        }
        if !ranges.isEmpty { marks.append(letter + " " + ranges.joined(separator: ",")) }
      }
      if !marks.isEmpty { lines.append("\(y): " + marks.joined(separator: "; ")) }
    }
    lines.append("cursor: " + (buffer.cursor.map { "\($0.x),\($0.y)" } ?? "none"))
    return lines
  }

  func assertGolden(
    _ name: String, _ wizard: WizardHarness, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let buffer = WizardView.render(wizard.model)
    let actual = buffer.lines() + Self.styleLines(buffer)
    let file = Self.goldenFolder.appendingPathComponent(name + ".txt")
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
      try? (actual.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
      Issue.record(
        "recorded \(name); review it with git diff, then run the tests again without RECORD_GOLDEN",
        sourceLocation: sourceLocation)
      return
    }
    guard let text = try? String(contentsOf: file, encoding: .utf8) else {
      Issue.record(
        "no golden file \(file.path); record it with RECORD_GOLDEN=1", sourceLocation: sourceLocation)
      return
    }
    let expected = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    if let diff = screenDiff(actual, expected) {
      Issue.record("\(name):\n\(diff)", sourceLocation: sourceLocation)
    }
  }

  /// A FINN 8SQL unit with two mailboxes, settings, a system and three cards, built through the wizard's own
  /// journal so that every screen has real content.
  func finnUnit(size: ScreenSize = ScreenSize(width: 80, height: 24)) throws -> WizardHarness {
    let wizard = WizardHarness(size: size)
    wizard.createUnit()
    wizard.decide(.sodFinn)
    let session = try #require(wizard.backend.session)
    try session.record(
      .batch([
        .mailboxSaved(MailboxEntry(id: "skrytka-1", address: "/pzgliwice/SkrytkaESP", action: .keep)),
        .mailboxSaved(
          MailboxEntry(id: "skrytka-2", address: "/pzgliwice/ZMOKU", action: .block, note: "nieużywana")),
        .mailboxSettingsRecorded(
          MailboxSettings(
            mailboxID: "skrytka-1",
            values: [
              "typSkrytki": "asynchroniczna", "rodzajOdpowiedzi": "UPP", "trybPracy": "PUSH",
              "maksDokumentow": "0",
              "adresyEmail": "epuap@gliwice.pl", "progKolejki": "4",
            ])),
        .systemSaved(SystemEntry(name: "i4m4hvn61u", type: "Zewnętrzny", description: "serwer SEKAP")),
        .systemSaved(SystemEntry(name: "d3n3f04ve3", type: "Lokalny", description: "system lokalny")),
        .cardSaved(
          ServiceCard(
            id: "karta-1", name: "Zezwolenie na emisję gazów cieplarnianych z instalacji", status: .aktualna)),
        .cardSaved(
          ServiceCard(
            id: "karta-2", name: "Wpis do ewidencji instruktorów nauki jazdy", status: .nieaktualna,
            action: .delete)),
        .cardSaved(
          ServiceCard(
            id: "karta-3", name: "Wydanie prawa jazdy", status: .aktualna, action: .external,
            formName: "Wniosek",
            url: "https://bip.gliwice.pl/prawo-jazdy")),
        .stepMarked(StepMark(stepID: "2.1", status: .done)),
        .stepMarked(
          StepMark(stepID: "3.1", status: .skipped, reason: "konto było już w kontekście instytucji")),
      ]))
    wizard.runner.send(.recorded(session.state))
    return wizard
  }

  func open(_ wizard: WizardHarness, step id: String) throws {
    wizard.press(.escape, .home)
    let index = try #require(wizard.model.checklist?.applicable.firstIndex { $0.step.id == id })
    for _ in 0..<index { wizard.press(.down) }
    wizard.press(.enter)
  }

  @Test func startEmpty() {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    assertGolden("start-empty", wizard)
  }

  @Test func newUnitWithError() {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.press(.enter, .tab)
    wizard.type("Gmina Zażółć")
    wizard.press(.tab)
    wizard.type("gm-zazolc")
    wizard.press(.tab, .tab, .enter)
    assertGolden("new-unit-errors", wizard)
  }

  @Test func decision() {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.press(.down, .enter)
    assertGolden("decision-finn", wizard)
  }

  @Test func overview() throws {
    let wizard = try finnUnit()
    defer { wizard.cleanup() }
    wizard.press(.escape)
    assertGolden("overview", wizard)
  }

  @Test func mailboxes() throws {
    let wizard = try finnUnit()
    defer { wizard.cleanup() }
    try open(wizard, step: "3.3")
    wizard.press(.pageDown, .pageDown)
    assertGolden("step-3.3-mailboxes", wizard)
  }

  @Test func settingsForm() throws {
    let wizard = try finnUnit()
    defer { wizard.cleanup() }
    try open(wizard, step: "3.6")
    wizard.press(.home, .enter, .tab, .tab)
    assertGolden("settings-form", wizard)
  }

  @Test func systems() throws {
    let wizard = try finnUnit()
    defer { wizard.cleanup() }
    try open(wizard, step: "3.11")
    assertGolden("step-3.11-systems", wizard)
  }

  @Test func consentRefused() throws {
    let wizard = try finnUnit()
    defer { wizard.cleanup() }
    try open(wizard, step: "3.13")
    wizard.press(.function(2))
    assertGolden("step-3.13-consent-refused", wizard)
  }

  @Test func cardList() throws {
    let wizard = try finnUnit()
    defer { wizard.cleanup() }
    try open(wizard, step: "4.2")
    wizard.press(.home, .enter)
    assertGolden("card-list", wizard)
  }

  /// The heading's count is kept in the model (a key on a list of 5,000 cards does not count them again)
  /// and follows every decision recorded.
  @Test func cardListCountsUndecided() throws {
    let wizard = try finnUnit()
    defer { wizard.cleanup() }
    try open(wizard, step: "4.2")
    wizard.press(.home, .enter)
    #expect(wizard.screenText.contains("Kart: 3, bez decyzji: 1"))
    try wizard.recordDirectly(
      .cardSaved(ServiceCard(id: "karta-4", name: "Nowa karta", status: .aktualna)),
      .cardSaved(
        ServiceCard(
          id: "karta-1", name: "Zezwolenie na emisję gazów cieplarnianych z instalacji", status: .aktualna,
          action: .delete)))
    #expect(wizard.screenText.contains("Kart: 4, bez decyzji: 1"), "\(wizard.screenText)")
    try wizard.recordDirectly(
      .cardSaved(ServiceCard(id: "karta-4", name: "Nowa karta", status: .aktualna, action: .delete)))
    #expect(wizard.screenText.contains("Kart: 4, bez decyzji: 0"))
  }

  /// The filtered cards are kept between keys, and made again when a card is recorded.
  @Test func cardListFilterFollowsRecordedCards() throws {
    let wizard = try finnUnit()
    defer { wizard.cleanup() }
    try open(wizard, step: "4.2")
    wizard.press(.home, .enter, .character("/"))
    wizard.type("wpis")
    wizard.press(.enter, .down, .up)
    #expect(wizard.screenText.contains("pasuje: 1"), "\(wizard.screenText)")
    try wizard.recordDirectly(
      .cardSaved(ServiceCard(id: "karta-9", name: "Wpis do rejestru", status: .aktualna)))
    #expect(wizard.screenText.contains("Kart: 4, bez decyzji: 2 · pasuje: 2"), "\(wizard.screenText)")
    #expect(wizard.screenText.contains("Wpis do rejestru"))
    wizard.press(.down)
    #expect(wizard.screen.contains { $0.contains("Wpis do rejestru") })
    try wizard.recordDirectly(.cardSaved(ServiceCard(id: "karta-9", name: "Rejestr", status: .aktualna)))
    #expect(wizard.screenText.contains("pasuje: 1") && !wizard.screenText.contains("Rejestr"))
  }

  @Test func cardFormDeleteActive() throws {
    let wizard = try finnUnit()
    defer { wizard.cleanup() }
    try open(wizard, step: "4.2")
    wizard.press(.home, .enter, .enter, .tab, .tab, .character(" "), .function(2))
    assertGolden("card-form-delete-active", wizard)
  }

  @Test func finish() throws {
    let wizard = try finnUnit()
    defer { wizard.cleanup() }
    wizard.press(.escape, .character("f"))
    assertGolden("finish", wizard)
  }

  @Test func helpOverlay() throws {
    let wizard = try finnUnit()
    defer { wizard.cleanup() }
    try open(wizard, step: "3.3")
    wizard.press(.character("?"))
    assertGolden("help-step", wizard)
  }

  /// A county's folder of thirty units whose names share their beginning.
  @Test func startManyUnits() throws {
    let folder = try ManyUnitsTests().countyFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let wizard = WizardHarness(folder: folder)
    wizard.press(.down, .down)
    assertGolden("start-30-units", wizard)
  }

  @Test func quitOverlay() {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.press(.character("q"))
    assertGolden("quit", wizard)
  }

  @Test func tooSmall() {
    let wizard = WizardHarness(size: ScreenSize(width: 60, height: 20))
    defer { wizard.cleanup() }
    assertGolden("too-small", wizard)
  }

  @Test func largerTerminal() throws {
    let wizard = try finnUnit(size: ScreenSize(width: 100, height: 30))
    defer { wizard.cleanup() }
    try open(wizard, step: "3.7")
    assertGolden("step-3.7-100x30", wizard)
  }
}
