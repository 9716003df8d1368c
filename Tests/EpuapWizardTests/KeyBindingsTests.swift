import EpuapDomain
import EpuapWizard
import Foundation
import ScreenKit
import Testing

/// One table per screen drives what a key does, the hint line and the help: they cannot disagree.
@Suite("Key bindings as data")
struct KeyBindingsTests {
  @Test("a step the instruction requires does not offer „s pomiń”; s says why; the help names its keys")
  func hintsFollowTheStep() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    wizard.open(step: "3.12")
    #expect(wizard.screen[23].contains("s pomiń"))
    wizard.open(step: "3.4")
    #expect(!wizard.screen[23].contains("s pomiń"))
    #expect(wizard.screen[23].contains("d zrobione") && wizard.screen[23].contains("c czeka"))
    wizard.press(.character("s"))
    #expect(wizard.screenText.contains("Kroku 3.4 nie można pominąć"))
    wizard.press(.character("?"))
    var help = wizard.screenText
    for _ in 0..<12 {
      wizard.press(.down)
      help += wizard.screenText
    }
    #expect(help.contains("d, F2 — oznacz jako zrobione"))
    #expect(help.contains("s — nic: tego kroku instrukcja nie pozwala pominąć"))
    #expect(help.contains("c — czeka na coś spoza urzędu"))
  }

  @Test("on the portal path F4 is not offered, yet pressing it says why")
  func vendorKeyOnPortal() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    try wizard.recordDirectly(
      .mailboxSaved(MailboxEntry(id: "skrytka-1", address: "/pzgliwice/skrytka", action: .keep)))
    wizard.open(step: "3.6")
    wizard.press(.home, .enter)
    #expect(!wizard.screen[23].contains("F4"))
    wizard.press(.tab, .tab, .tab, .tab, .character(" "), .function(4))
    #expect(wizard.screenText.contains("nie ma wykonawcy SOD"))
  }

  @Test("while a box is open, the bottom line names the box's keys, not the screen's beneath it")
  func boxKeysOnTheBottomLine() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    wizard.open(step: "3.1")
    #expect(wizard.screen.last?.contains("d zrobione") == true)
    wizard.press(.character("c"))  // „czeka — na co?”
    #expect(wizard.screen.last?.contains("Enter zapisz  Esc anuluj") == true, "\(wizard.screenText)")
    #expect(wizard.screen.last?.contains("d zrobione") == false)
    wizard.press(.escape)
    #expect(wizard.screen.last?.contains("d zrobione") == true)
  }
}
