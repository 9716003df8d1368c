import EpuapDomain
import EpuapWizard
import Foundation
import ScreenKit
import TestSupport
import Testing

/// A county lists its subordinate units at step 5.3 (Regulamin, § 6): the start screen shows them under it.
@Suite("Subordinate units under their partner on the start screen")
struct PartnerGroupsTests {
  /// The county (listing sp1 by identifier and a school by name at 5.3), those two units, and an unrelated
  /// commune; the county is written last, so the most-recent-first order would put it on top anyway, and
  /// the commune first of the rest.
  func folder() throws -> TempFolder {
    let folder = TempFolder(prefix: "epuap-groups")
    let directory = JournalDirectory(path: folder.path)
    let units: [(UnitInfo, [JournalChange])] = [
      (UnitInfo(name: "Szkoła Podstawowa nr 1", entityIdentifier: "sp1", role: .partner), []),
      (UnitInfo(name: "Gmina Żółkiewka", entityIdentifier: "ugzolkiewka", role: .partner), []),
      (UnitInfo(name: "Zespół Szkół w Pyskowicach", entityIdentifier: "zsp", role: .partner), []),
      (
        UnitInfo(name: "Starostwo Powiatowe w Gliwicach", entityIdentifier: "pzgliwice", role: .partner),
        [
          .stepValuesRecorded(
            StepValues(stepID: "5.3", values: ["jednostki": "SP1; Zespół Szkół w Pyskowicach\nbrak-takiej"]))
        ]
      ),
    ]
    for (offset, (unit, changes)) in units.enumerated() {
      let session = try UnitSession.create(
        at: directory.newJournalPath(for: unit), unit: unit, operatorName: "Anna Nowak",
        procedure: WizardHarness.procedure, clock: { WizardHarness.fixedDate + Double(offset * 60) })
      for change in changes { try session.record(change) }
      session.close()
    }
    return folder
  }

  @Test("the listed units follow their partner, indented; the others stay where the order puts them")
  func grouped() throws {
    let folder = try folder()
    defer { folder.cleanup() }
    let wizard = WizardHarness(folder: folder.path)
    defer { wizard.backend.close() }
    try expectGrouped(wizard)
    wizard.press(.down, .down, .enter)  // the first subordinate under the county
    #expect(["sp1", "zsp"].contains(wizard.model.unit?.unit.entityIdentifier ?? ""))
  }

  @Test("the list taken from the summary cache keeps the partner's list, so the grouping holds at once")
  func groupedFromCache() throws {
    let folder = try folder()
    defer { folder.cleanup() }
    let cache = JournalSummaryCache(folder: folder.path, key: "test")
    let directory = JournalDirectory(path: folder.path)
    let first = JournalBackend(procedure: WizardHarness.procedure, directory: directory, summaryCache: cache)
    _ = first.listJournals()
    _ = first.verifyListing(limit: .max)  // every journal read in full: the cache is written
    let second = JournalBackend(procedure: WizardHarness.procedure, directory: directory, summaryCache: cache)
    let listed = second.listJournals()
    #expect(!second.isListingSettled, "the listing came from the cache, not from the journals")
    #expect(
      listed.first { $0.entityIdentifier == "pzgliwice" }?.subordinates
        == ["SP1", "Zespół Szkół w Pyskowicach", "brak-takiej"])
    let wizard = WizardHarness(folder: folder.path)
    defer { wizard.backend.close() }
    wizard.runner.send(.journalsListed(listed))
    try expectGrouped(wizard)
  }

  /// The county first, its two listed units under it, the commune last and not indented.
  func expectGrouped(_ wizard: WizardHarness, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let rows = wizard.screen.filter {
      $0.contains("sp1 ") || $0.contains("zsp ") || $0.contains("pzgliwice ") || $0.contains("ugzolkiewka ")
    }
    #expect(rows.count == 4, "\(wizard.screenText)", sourceLocation: sourceLocation)
    #expect(rows.first?.contains("pzgliwice") == true, "\(rows)", sourceLocation: sourceLocation)
    #expect(
      rows.dropFirst().prefix(2).allSatisfy { $0.contains("└ ") }, "\(rows)", sourceLocation: sourceLocation)
    #expect(
      rows.last?.contains("ugzolkiewka") == true && rows.last?.contains("└") == false,
      sourceLocation: sourceLocation)
  }

  @Test("units that list each other are each shown once")
  func cycle() throws {
    let folder = TempFolder(prefix: "epuap-groups")
    defer { folder.cleanup() }
    let directory = JournalDirectory(path: folder.path)
    for (id, other) in [("ua", "ub"), ("ub", "ua")] {
      let unit = UnitInfo(name: "Jednostka \(id)", entityIdentifier: id, role: .partner)
      let session = try UnitSession.create(
        at: directory.newJournalPath(for: unit), unit: unit, operatorName: "Anna Nowak",
        procedure: WizardHarness.procedure, clock: { WizardHarness.fixedDate })
      try session.record(.stepValuesRecorded(StepValues(stepID: "5.3", values: ["jednostki": other])))
      session.close()
    }
    let wizard = WizardHarness(folder: folder.path)
    #expect(wizard.screen.filter { $0.contains("Jednostka ua") }.count == 1, "\(wizard.screenText)")
    #expect(wizard.screen.filter { $0.contains("Jednostka ub") }.count == 1)
    wizard.backend.close()
  }
}
