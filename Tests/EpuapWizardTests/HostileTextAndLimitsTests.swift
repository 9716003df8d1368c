import EpuapDomain
import EpuapReport
import EpuapWizard
import Foundation
import ScreenKit
import Testing

@Suite("Hostile text and large units")
struct HostileTextAndLimitsTests {
  /// Every scalar on screen: none may be a control character.
  func controlScalars(_ buffer: ScreenBuffer) -> [Unicode.Scalar] {
    var found: [Unicode.Scalar] = []
    for y in 0..<buffer.size.height {
      for x in 0..<buffer.size.width {
        for scalar in buffer[x, y].character.unicodeScalars
        where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
          found.append(scalar)
        }
      }
    }
    return found
  }

  @Test(
    "escape sequences in a loaded journal are never drawn raw; long values are cut for display, kept whole")
  func hostileJournal() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    let session = try #require(wizard.backend.session)
    let longName = "Karta " + String(repeating: "bardzo długa nazwa ", count: 150)
    try session.record(
      .batch([
        .cardSaved(ServiceCard(id: "karta-1", name: "\u{1B}[2J\u{7}Karta\u{9B}31m wroga", status: .aktualna)),
        .cardSaved(ServiceCard(id: "karta-2", name: longName, status: .nieaktualna)),
        .mailboxSaved(MailboxEntry(id: "skrytka-1", address: "/x/\u{1B}]0;tytuł\u{7}", action: .keep)),
      ]))
    wizard.runner.send(.recorded(session.state))
    wizard.openCardList()
    let list = WizardView.render(wizard.model)
    #expect(controlScalars(list).isEmpty)
    #expect(list.text.contains("�[2J�Karta�31m wroga"))
    #expect(list.text.contains("Karta bardzo długa nazwa"))
    #expect(list.text.contains("…"))
    #expect(list.lines().allSatisfy { DisplayWidth.of($0) <= 80 })
    #expect(wizard.model.unit?.card("karta-2")?.name == longName, "kept whole in the journal's state")
    let reloaded = try JournalReader.load(path: session.path)
    #expect(UnitState.fold(reloaded.entries)?.card("karta-2")?.name == longName)
    // The status report for the terminal is safe too.
    let report = StatusTextRenderer.render(
      StatusReport(procedure: WizardHarness.procedure, state: session.state, journalPath: session.path),
      procedure: WizardHarness.procedure)
    #expect(!report.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
  }

  @Test("typed control characters are refused with a message and not saved")
  func typedControl() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.press(.enter, .tab)
    wizard.type("Gmina\u{1B}[31m")
    wizard.press(.tab)
    wizard.type("gmina")
    wizard.press(.tab)
    wizard.type("Jan")
    wizard.press(.tab, .enter)
    #expect(wizard.model.unit == nil)
    #expect(wizard.screenText.contains("znaki sterujące"))
    #expect(controlScalars(WizardView.render(wizard.model)).isEmpty)
  }

  @Test("1000 mailboxes and 5000 cards load, validate and stay usable")
  func largeUnit() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.sodOther, vendor: "EZD RP")
    let session = try #require(wizard.backend.session)
    try session.record(
      .batch(
        (1...1000).map {
          .mailboxSaved(
            MailboxEntry(
              id: "skrytka-\($0)", address: "/pzgliwice/skrytka\($0)", action: $0 % 2 == 0 ? .keep : .block))
        }))
    for chunk in 0..<5 {
      try session.record(
        .batch(
          (1...1000).map { number in
            let id = chunk * 1000 + number
            return .cardSaved(
              ServiceCard(id: "karta-\(id)", name: "Sprawa \(id)", status: .nieaktualna, action: .delete))
          }))
    }
    wizard.runner.send(.recorded(session.state))
    let reloaded = try #require(UnitState.fold(try JournalReader.load(path: session.path).entries))
    #expect(reloaded.mailboxes.count == 1000 && reloaded.cards.count == 5000)
    let issues = wizard.model.validator.issues(for: reloaded)
    #expect(issues.contains { $0.rule == .moreThanRecommendedMailboxes })
    wizard.openCardList()
    wizard.press(.end)
    #expect(wizard.screenText.contains("Sprawa 5000"))
    wizard.press(.character("/"))
    wizard.type("Sprawa 4321")
    wizard.press(.enter)
    #expect(wizard.screenText.contains("pasuje: 1"))
  }

  @Test("an event beyond the documented limit (4 MiB) is refused with a message; the journal is unchanged")
  func tooLarge() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    let session = try #require(wizard.backend.session)
    let before = try Data(contentsOf: URL(fileURLWithPath: session.path))
    let huge = JournalChange.batch(
      (1...30_000).map {
        .cardSaved(
          ServiceCard(id: "karta-\($0)", name: "Karta numer \($0) z opisem usługi", status: .aktualna))
      })
    #expect(throws: JournalError.self) { try session.record(huge) }
    do {
      try session.record(huge)
    } catch {
      #expect(error.message.contains("za duża"))
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: session.path)) == before)
    #expect(session.state.cards.isEmpty)
  }
}
