import EpuapDomain
import EpuapWizard
import Foundation
import ScreenKit
import Testing

/// Every path, walked with keys from the new unit to the finish screen, as a clerk would.
@Suite("Walking every path to the finish screen")
struct WalkEveryPathTests {
  enum Walk: String, CaseIterable, Sendable {
    case portal, finn, other, um
  }

  /// Steps 3.4–3.9 of the first kept mailbox, in one form: „Edytuj” (3.4, 3.5), the settings of 3.6–3.8,
  /// „Zapisz” (3.9).
  func fillMailboxSettings(_ wizard: WizardHarness) {
    wizard.press(.home, .enter)  // the first kept mailbox's settings
    wizard.press(.character(" "), .tab)  // 3.4 „Edytuj” przy skrytce: tak
    wizard.press(.character(" "), .tab)  // 3.5 „Tryb pracy” → „Edytuj”: tak
    wizard.press(.character(" "), .character(" "), .tab)  // Typ skrytki → asynchroniczna
    wizard.press(.character(" "), .character(" "), .tab)  // Rodzaj odpowiedzi → UPP
    wizard.press(.character(" "), .character(" "), .tab)  // Tryb pracy → PULL
    wizard.type("0")
    wizard.press(.tab)
    wizard.type("epuap@gmina.pl, sekretariat@gmina.pl")
    wizard.press(.tab)
    wizard.type("4")
    wizard.press(.tab, .character(" "), .tab, .character(" "), .tab)  // both notices: tak
    wizard.type("1")
    wizard.press(.tab, .character(" "), .tab, .character(" "), .tab)  // „Moje dokumenty” twice
    // „Rodzaj transmisji” left empty; 3.9 „Zapisz”: tak; save.
    wizard.press(.tab, .character(" "), .function(2))
  }

  /// The receipt test of 5.5 for the first kept mailbox: sent, received, UPP, e-mail.
  func fillReceiptTest(_ wizard: WizardHarness) {
    wizard.press(.home, .enter)
    wizard.type("2026-11-24")
    wizard.press(.tab, .character(" "), .tab, .character(" "), .tab, .character(" "), .function(2))
  }

  @Test("a path from the new unit to the finish screen", arguments: Walk.allCases)
  func walk(_ walk: Walk) throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit(role: walk == .um ? .um : .partner)
    switch walk {
    case .portal: wizard.decide(.portal)
    case .finn: wizard.decide(.sodFinn)
    case .other: wizard.decide(.sodOther, vendor: "EZD RP")
    case .um: break
    }
    var visited: [String] = []
    for _ in 0..<60 {
      guard let step = wizard.currentStepID else { break }
      visited.append(step)
      switch step {
      case "1.1":
        wizard.press(.character(" "), .tab, .character(" "), .function(2))  // both unticked: tak
      case "1.3":
        wizard.type("2026-11-24")  // Data rozłączenia (the first empty required field)
        wizard.press(.backTab, .backTab)
        wizard.type("Pismo Partnera OR.0123.5.2026")
        wizard.press(.function(2))
      case "2.3":
        wizard.type("Ewa Kowalska, sekretariat")
        wizard.press(.tab)
        wizard.type("2026-11-25")
        wizard.press(.function(2))
      case "2.4":
        wizard.press(.tab, .tab, .tab, .character("s"))  // past the three fields to the actions
        wizard.type("przełączenie nie zmienia osób w rolach SEKAP")
        wizard.press(.enter)
        #expect(wizard.model.unit?.step(step).status == .skipped, "step \(step): \(wizard.screenText)")
        continue
      case "1.2":
        wizard.press(
          .character(" "), .tab, .character(" "), .tab, .character(" "), .tab, .character(" "), .function(2))
      case "3.3":
        wizard.press(.character("a"))
        wizard.type("SkrytkaESP")
        wizard.press(.function(2), .function(2))
      case "3.4":
        fillMailboxSettings(wizard)
        wizard.press(.function(2))
      case "5.5":
        fillReceiptTest(wizard)
        wizard.press(.function(2))
      case "5.6":
        wizard.type("2026-11-25")
        wizard.press(.tab)
        wizard.type("Jan Wiśniewski, wykonawca SOD")
        wizard.press(.tab, .character(" "), .function(2))
      case "3.11":
        wizard.press(.character("a"), .function(2), .function(2))  // the suggested i4m4hvn61u
      case "3.13":
        wizard.type("Jan Kowalski, Urząd Marszałkowski")
        wizard.press(.tab, .tab)
        wizard.type("DCF.1234.2026")
        wizard.press(.function(2))
      default:
        wizard.press(.function(2))
      }
      #expect(wizard.model.unit?.step(step).status == .done, "step \(step): \(wizard.screenText)")
      if wizard.model.unit?.step(step).status != .done { break }
    }
    guard case .finish = wizard.model.screen else {
      Issue.record("not on the finish screen after \(visited): \(wizard.screenText)")
      return
    }
    #expect(wizard.screenText.contains("ZAKOŃCZONE: nic nie blokuje zakończenia"), "\(wizard.screenText)")
    let checklist = try #require(wizard.model.checklist)
    #expect(checklist.isComplete)
    #expect(wizard.model.verdict?.finished == true, "\(wizard.model.verdict?.blocking ?? [])")
    #expect(visited == checklist.applicable.map(\.step.id).filter { $0 != "2.0" })
    // Quit and resume: nothing lost, the finish screen again.
    let folder = wizard.folder
    wizard.backend.close()
    let again = WizardHarness(folder: folder)
    again.press(.down, .enter)
    guard case .finish = again.model.screen else {
      Issue.record("resume should land on the finish screen")
      return
    }
    #expect(again.model.checklist?.isComplete == true)
    #expect(again.model.verdict?.finished == true)
  }
}
