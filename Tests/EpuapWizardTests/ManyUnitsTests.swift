import EpuapDomain
import Foundation
import ScreenKit
import TestSupport
import Testing

@testable import EpuapWizard

/// A county's folder: thirty subordinate units whose names share a long beginning.
@Suite("The start screen with many units")
struct ManyUnitsTests {
  /// Thirty journals, „Jednostka podległa nr N – Szkoła Podstawowa nr N w Gliwicach”, identifiers sp1–sp30.
  func countyFolder() throws -> String {
    let folder = TempFolder(prefix: "epuap-county").path
    let directory = JournalDirectory(path: folder)
    for number in 1...30 {
      let unit = UnitInfo(
        name: "Jednostka podległa nr \(number) – Szkoła Podstawowa nr \(number) w Gliwicach",
        entityIdentifier: "sp\(number)", role: .partner)
      let session = try UnitSession.create(
        at: directory.newJournalPath(for: unit), unit: unit, operatorName: "Anna Nowak",
        procedure: WizardHarness.procedure, clock: { WizardHarness.fixedDate + Double(number * 60) })
      if number % 3 == 0 { try session.record(.decisionMade(Decision(path: .sodFinn))) }
      session.close()
    }
    return folder
  }

  @Test(
    "every row shows the identifier and where the names differ; the heading the focused unit's whole name")
  func rowsTellUnitsApart() throws {
    let folder = try countyFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let wizard = WizardHarness(folder: folder)
    wizard.press(.down)
    let rows = wizard.screen.filter { $0.contains("…nr ") }
    #expect(rows.count >= 10)
    #expect(Set(rows).count == rows.count, "no two rows alike")
    #expect(wizard.screenText.contains("sp30 "))
    #expect(
      wizard.screen[2].contains("▸ Jednostka podległa nr 30 – Szkoła Podstawowa nr 30 w Gliwicach [sp30]"))
  }

  @Test(
    "moving through 30 units: the focused row is always on screen, the rows run in order, ▲ and ▼ say what is hidden"
  )
  func scrollingThroughTheList() throws {
    let folder = try countyFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let wizard = WizardHarness(folder: folder)
    let order = wizard.model.startRows.summaries.map(\.entityIdentifier)
    #expect(order.count == 30)
    for cursor in 0...31 {  // one press past the end stays on the last unit
      let focused = min(cursor, 30)
      let screen = wizard.screen
      let rows = screen.enumerated().filter { $0.element.hasPrefix("  sp") }
      let shown = rows.map { String($0.element.dropFirst(2).prefix { $0 != " " }) }
      // Consecutive units of the listing, as many as fit.
      let top = try #require(shown.first)
      let first = try #require(order.firstIndex(of: top))
      #expect(shown == Array(order[first..<(first + shown.count)]), "cursor \(cursor)")
      #expect(shown.count >= 15, "cursor \(cursor): \(shown.count) rows")
      if focused > 0 {
        #expect(shown.contains(order[focused - 1]), "cursor \(cursor): the focused unit is on screen")
        #expect(screen[2].contains("[\(order[focused - 1])]"))
      }
      // The window scrolls once the focus passes its last row: the lines above the units go first.
      let scrolled = !screen.contains { $0.contains("Nowa jednostka (n)") }
      let content = screen[3..<22].joined()
      #expect(content.contains("▲") == scrolled, "cursor \(cursor)")
      #expect(content.contains("▼") == (first + shown.count < 30), "cursor \(cursor)")
      wizard.press(.down)
    }
  }

  @Test(
    "rows are made down to a screen below the cursor; a jump to the end shows the same rows as walking there")
  func rowsMadeAsReached() throws {
    let folder = try countyFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let jumped = WizardHarness(folder: folder)
    // 80×24: the cursor on „Nowa jednostka”, the lines of the first 25 units are made, not all 30.
    #expect(jumped.model.startRows.summaries.count == 30)
    #expect(jumped.model.startRows.texts.count == 25)
    // A line not made yet is made on the spot, the same as when the cursor reaches it.
    let onTheSpot = (25..<30).map { jumped.model.startRows.text($0) }
    // The first key that reaches past them makes a screenful more (here the 5 left), not one row.
    let stepped = WizardHarness(folder: folder)
    stepped.press(.down)
    #expect(stepped.model.startRows.texts.count == 30)
    #expect(Array(stepped.model.startRows.texts[25..<30]) == onTheSpot)
    jumped.press(.end)
    #expect(jumped.model.startRows.texts.count == 30)
    #expect(Array(jumped.model.startRows.texts[25..<30]) == onTheSpot)
    let walked = WizardHarness(folder: folder)
    walked.press(Array(repeating: .down, count: 30))
    #expect(jumped.screen == walked.screen)
    let last = try #require(jumped.model.startRows.summaries.last?.entityIdentifier)
    #expect(jumped.screen.contains { $0.hasPrefix("  \(last) ") } && jumped.screen[2].contains("[\(last)]"))
    // Back at the top with the lines already made, and a new order remakes them from the start.
    jumped.press(.home)
    #expect(jumped.screen == WizardHarness(folder: folder).screen)
    jumped.press(.character("s"))
    #expect(jumped.model.startRows.texts.count == 25)
  }

  @Test("/ filters by name or identifier, ignoring case and Polish marks; Esc clears; s changes the order")
  func filterAndOrder() throws {
    let folder = try countyFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let wizard = WizardHarness(folder: folder)
    wizard.press(.character("/"))
    wizard.type("SP2")
    wizard.press(.enter)
    #expect(wizard.screenText.contains("pasuje: 11 z 30"), "sp2 and sp20–sp29")
    wizard.press(.down, .enter)
    #expect(wizard.model.unit?.unit.entityIdentifier.hasPrefix("sp2") == true)
    let again = WizardHarness(folder: folder)
    again.press(.character("/"))
    again.type("szkola podstawowa nr 7 ")
    again.press(.enter)
    #expect(again.screenText.contains("pasuje: 1 z 30"))
    again.press(.escape)
    #expect(again.screenText.contains("jednostek: 30"))
    again.press(.character("s"))  // by name, in natural order: nr 1, nr 2, …, nr 10
    again.press(.down)
    #expect(again.screen[2].contains("nr 1 – Szkoła Podstawowa nr 1 w"))
    again.press(.down)
    #expect(again.screen[2].contains("nr 2 – Szkoła Podstawowa nr 2 w"))
  }
}

extension ManyUnitsTests {
  /// A folder listed from its summary cache is then read in full a few journals at a time, whenever no
  /// key is waiting: a key pressed at once is drawn before the whole folder is read.
  @Test("a key is not kept waiting while the folder's journals are read in full after the first frame")
  func keysBeforeTheFullRead() throws {
    let folder = try countyFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let cache = JournalSummaryCache(folder: folder, key: "test")
    func backend() -> JournalBackend {
      JournalBackend(
        procedure: WizardHarness.procedure, directory: JournalDirectory(path: folder), summaryCache: cache)
    }
    let first = backend()
    _ = first.listJournals()
    while first.verifyListing(limit: 8) != nil || !first.isListingSettled {}
    // The cache now says 99 steps done for every unit: only a full read can tell otherwise.
    var planted = cache.load()
    #expect(planted.count == 30)
    for name in planted.keys { planted[name]?.summary.doneCount = 99 }
    #expect(cache.store(planted))
    let size = ScreenSize(width: 80, height: 24)
    let terminal = InMemoryTerminal(size: size, keys: [.down])
    let (model, commands) = WizardCore.start(
      procedure: WizardHarness.procedure, size: size, today: "2026-11-25")
    let second = backend()
    let runner = WizardRunner(model: model, terminal: terminal, backend: second)
    #expect(runner.run(initialCommands: commands) == .inputEnded)
    let frames = terminal.frames.map { $0.lines().joined(separator: "\n") }
    #expect(frames.count >= 3)
    #expect(frames[1].contains("▸ Jednostka podległa nr 30"), "the key's frame comes second")
    #expect(frames[1].components(separatedBy: "99/").count > 10, "drawn before the folder was read in full")
    #expect(!frames.last!.contains("99/"), "and the full read corrects every row")
    #expect(second.isListingSettled)
  }
}
