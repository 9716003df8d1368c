import EpuapDomain
import EpuapWizard
import Foundation
import ScreenKit
import TestSupport
import Testing

/// The switch-over's dates where the clerk works: the overview, the step screens, the help, line mode.
@Suite("Deadlines and the contact on screen")
struct TimelineOnScreenTests {
  @Test("the overview marks a passed deadline whose step is still to do, and lists the dates ahead")
  func overviewShowsDeadlines() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.sodFinn)
    // The Zlecenie zmiany was filed on 10 November: the Centrum switches the unit off by 17 November, and
    // the cards (4.2) are not done on 25 November.
    try wizard.recordDirectly(
      .stepValuesRecorded(StepValues(stepID: "5.2", values: ["dataZlecenia": "2026-11-10"])))
    wizard.open(step: "2.0")
    wizard.press(.escape)
    let screen = wizard.screenText
    #expect(screen.contains("✗ PO TERMINIE (minął 2026-11-17): Karty usług obsłużone"), "\(screen)")
    #expect(!screen.contains("· 2026-11-17"), "a passed date to know is not listed as ahead")
    #expect(wizard.model.timeline?.overdue.map(\.stepID) == ["4.2"])
  }

  @Test("a date ahead is listed with its source; none is shown before it can be counted")
  func dateAhead() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    wizard.open(step: "2.0")
    wizard.press(.escape)
    #expect(!wizard.screenText.contains("Termin"), "\(wizard.screenText)")
    try wizard.recordDirectly(
      .stepValuesRecorded(StepValues(stepID: "2.4", values: ["dataZmiany": "2026-12-10"])))
    #expect(wizard.screenText.contains("· Do 2026-12-03: Zgłoszenie zmiany osób"), "\(wizard.screenText)")
  }

  @Test("the steps that need the Centrum, and the help, give its telephone and e-mail")
  func contactShown() {
    let wizard = WizardHarness(size: ScreenSize(width: 100, height: 40))
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    wizard.open(step: "5.2")
    #expect(wizard.screenText.contains("+48 32 700 78 16"), "\(wizard.screenText)")
    #expect(wizard.screenText.contains("scsi@e-slask.pl"))
    wizard.open(step: "3.1")
    #expect(!wizard.screenText.contains("scsi@e-slask.pl"))
    wizard.press(.character("?"))
    #expect(wizard.screenText.contains("scsi@e-slask.pl"), "\(wizard.screenText)")
  }
}
