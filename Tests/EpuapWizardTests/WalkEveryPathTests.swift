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

  func fillMailboxSettings(_ wizard: WizardHarness) {
    wizard.press(.home, .enter)  // the first kept mailbox's settings
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
    wizard.press(.tab, .character(" "), .tab, .character(" "), .function(2))  // „Moje dokumenty” twice; save
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
        wizard.press(.character(" "), .character(" "), .tab, .character(" "), .character(" "), .function(2))
      case "1.2":
        wizard.press(
          .character(" "), .tab, .character(" "), .tab, .character(" "), .tab, .character(" "), .function(2))
      case "3.3":
        wizard.press(.character("a"))
        wizard.type("SkrytkaESP")
        wizard.press(.function(2), .function(2))
      case "3.6":
        fillMailboxSettings(wizard)
        wizard.press(.function(2))
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
    #expect(wizard.screenText.contains("Wszystkie kroki ścieżki są zamknięte"), "\(wizard.screenText)")
    let checklist = try #require(wizard.model.checklist)
    #expect(checklist.isComplete)
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
  }
}
