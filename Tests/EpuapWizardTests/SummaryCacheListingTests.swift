import EpuapDomain
import EpuapWizard
import Foundation
import ScreenKit
import Testing

/// The start screen lists a folder from its summary cache, then reads every journal in full once the
/// first frame is drawn; a journal that differs from its cached summary is shown as it really is.
@Suite("Journal backend: the summary cache")
struct SummaryCacheListingTests {
  static let procedure = WizardHarness.procedure

  /// A folder with one unit's journal, decided and with one step done, made through the wizard.
  func folderWithUnit() throws -> (folder: String, journal: String) {
    let wizard = WizardHarness()
    wizard.createUnit(name: "Gmina Łódź-Żółkiewka")
    wizard.decide(.sodFinn)
    wizard.press(.character("d"))
    let journal = try #require(wizard.journalPath)
    wizard.backend.close()
    return (wizard.folder, journal)
  }

  func backend(_ folder: String, key: String = "test") -> JournalBackend {
    JournalBackend(
      procedure: Self.procedure, directory: JournalDirectory(path: folder),
      summaryCache: JournalSummaryCache(folder: folder, key: key))
  }

  @Test("the first start reads in full and fills the cache; the next one lists from it, and agrees")
  func fillsThenUses() throws {
    let (folder, journal) = try folderWithUnit()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try? FileManager.default.removeItem(atPath: folder + "/" + JournalSummaryCache.fileName)
    let truth = JournalSummary.read(path: journal, procedure: Self.procedure)
    #expect(truth.doneCount == 2 && truth.chosenPath == .sodFinn)

    let first = backend(folder)
    #expect(first.listJournals() == [truth])
    #expect(first.verifyListing() == nil)
    #expect(JournalSummaryCache(folder: folder, key: "test").load().map(\.value.summary) == [truth])

    let cacheFile = folder + "/" + JournalSummaryCache.fileName
    let written = try FileManager.default.attributesOfItem(atPath: cacheFile)[.systemFileNumber] as? Int
    let second = backend(folder)
    #expect(second.listJournals() == [truth])
    #expect(second.verifyListing() == nil)
    #expect(second.verifyListing() == nil)
    // Confirming what the cache holds does not write it again.
    #expect(try FileManager.default.attributesOfItem(atPath: cacheFile)[.systemFileNumber] as? Int == written)
  }

  @Test("a listing taken ahead (at start, while the procedure is read) is used once, then the folder again")
  func listingTakenAheadIsUsedOnce() throws {
    let (folder, journal) = try folderWithUnit()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let directory = JournalDirectory(path: folder)
    let cache = JournalSummaryCache(folder: folder, key: "test")
    let ahead = directory.listing(cache: cache)
    // A second unit's journal appears after the listing was taken: only the next listing shows it.
    let other = folder + "/drugi.jsonl"
    try FileManager.default.copyItem(atPath: journal, toPath: other)
    let backend = JournalBackend(
      procedure: Self.procedure, directory: directory, summaryCache: cache, listed: ahead)
    #expect(backend.listJournals().map(\.path) == [journal])
    #expect(Set(backend.listJournals().map(\.path)) == [journal, other])
  }

  /// A cached summary that says something else than the journal, under the journal's true seal: what is
  /// listed shows which one was used.
  func plantWrongSummary(folder: String, journal: String) throws -> JournalSummary {
    let cache = JournalSummaryCache(folder: folder, key: "test")
    var planted = JournalSummary.read(path: journal, procedure: Self.procedure)
    planted.unitName = "Z pamięci podręcznej"
    planted.doneCount = 7
    let seal = try #require(JournalSeal.read(path: journal))
    #expect(cache.store([(journal as NSString).lastPathComponent: .init(seal: seal, summary: planted)]))
    return planted
  }

  /// Changes a step id inside the journal: the same length and the same last line, so the seal still
  /// matches and only a full read finds the broken hash chain.
  func damageInside(_ journal: String) throws {
    let text = try String(contentsOfFile: journal, encoding: .utf8)
    let damaged = text.replacingOccurrences(of: "\"stepID\":\"2.1\"", with: "\"stepID\":\"2.2\"")
    #expect(damaged != text && damaged.utf8.count == text.utf8.count)
    try damaged.write(toFile: journal, atomically: false, encoding: .utf8)
  }

  @Test("a cached summary is listed first and corrected by the full read that follows")
  func cachedThenCorrected() throws {
    try withPlantedListing { folder, journal, wizard, truth in
      #expect(wizard.verifyListing() == [truth])
      #expect(wizard.verifyListing() == nil)
      #expect(JournalSummaryCache(folder: folder, key: "test").load().map(\.value.summary) == [truth])
      // With another key (another version of the program) the planted summary is not used at all.
      _ = try plantWrongSummary(folder: folder, journal: journal)
      #expect(backend(folder, key: "other").listJournals() == [truth])
    }
  }

  /// A folder whose cache holds a wrong summary of its one journal (`plantWrongSummary`), a backend that
  /// has just listed it from the cache, and the journal's true summary; the folder goes afterwards.
  func withPlantedListing(
    _ body: (_ folder: String, _ journal: String, _ wizard: JournalBackend, _ truth: JournalSummary) throws
      -> Void
  ) throws {
    let (folder, journal) = try folderWithUnit()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let planted = try plantWrongSummary(folder: folder, journal: journal)
    let wizard = backend(folder)
    #expect(wizard.listJournals() == [planted])
    try body(folder, journal, wizard, JournalSummary.read(path: journal, procedure: Self.procedure))
  }

  @Test("a journal damaged inside, same length, is listed as damaged once read in full")
  func damageFoundAfterFirstFrame() throws {
    let (folder, journal) = try folderWithUnit()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let first = backend(folder)
    _ = first.listJournals()
    #expect(first.verifyListing() == nil)  // fills the cache
    try damageInside(journal)

    let wizard = backend(folder)
    #expect(wizard.listJournals().map(\.problem) == [nil])
    let corrected = try #require(wizard.verifyListing())
    #expect(corrected.count == 1)
    #expect(corrected[0].problem?.contains("wierszu") == true, "\(corrected)")
    // Damaged journals are not cached: the next start reads it in full before its first frame.
    let next = backend(folder)
    #expect(next.listJournals()[0].problem != nil)
  }

  @Test("the journal opened with --journal is not read a second time: its session knows it")
  func openJournalNotReadAgain() throws {
    try withPlantedListing { folder, journal, wizard, truth in
      // Opened through another spelling of its path, as a command line may give it.
      _ = try wizard.open(path: folder + "/./" + (journal as NSString).lastPathComponent)
      // Damage inside after the open: a second read would see it; the check uses the state the open read
      // and checked, and corrects the planted summary from it.
      try damageInside(journal)
      #expect(wizard.verifyListing() == [truth])
      wizard.close()
      // The next start lists from the cache and its full read after the first frame finds the damage.
      let next = backend(folder)
      #expect(next.listJournals() == [truth])
      #expect(try #require(next.verifyListing()).first?.problem?.contains("wierszu") == true)
    }
  }

  @Test("closing a unit caches what a full read of its journal says")
  func closeStoresSession() throws {
    let (folder, journal) = try folderWithUnit()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let wizard = backend(folder)
    _ = wizard.listJournals()
    _ = try wizard.open(path: journal)
    _ = try wizard.record(.stepMarked(StepMark(stepID: "3.1", status: .done)))
    wizard.close()
    let cached = JournalSummaryCache(folder: folder, key: "test").load()
    let entry = try #require(cached[(journal as NSString).lastPathComponent])
    #expect(entry.summary == JournalSummary.read(path: journal, procedure: Self.procedure))
    #expect(entry.seal == JournalSeal.read(path: journal))
    #expect(entry.summary.doneCount == 3)
  }

  @Test("the runner draws the cached listing first, then the corrected one, before reading a key")
  func runnerSettlesAfterFirstFrame() throws {
    let (folder, journal) = try folderWithUnit()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    _ = try plantWrongSummary(folder: folder, journal: journal)
    let size = ScreenSize(width: 80, height: 24)
    let terminal = InMemoryTerminal(size: size, keys: [])
    let (model, commands) = WizardCore.start(procedure: Self.procedure, size: size, today: "2026-11-25")
    let runner = WizardRunner(model: model, terminal: terminal, backend: backend(folder))
    #expect(runner.run(initialCommands: commands) == .inputEnded)
    let frames = terminal.frames.map { $0.lines().joined(separator: "\n") }
    let state = try #require(UnitState.fold(try JournalReader.load(path: journal).entries))
    let total = Checklist(procedure: Self.procedure, state: state).applicableCount
    #expect(frames.count == 2)
    #expect(frames.first?.contains("Z pamięci podręcznej") == true)
    #expect(frames.first?.contains("7/\(total)") == true)
    #expect(frames.last?.contains("Gmina Łódź-Żółkiewka") == true)
    #expect(frames.last?.contains("2/\(total)") == true)
  }
}
