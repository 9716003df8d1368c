import EpuapDomain
import EpuapWizard
import Foundation
import ScreenKit
import TestSupport

/// A wizard wired to a real journal in a temporary folder and an in-memory terminal at 80×24, with a
/// fixed clock: what the tests drive.
final class WizardHarness {
  /// The procedure, with the tests' time zone pinned (see `TestProcedure`).
  static let procedure = TestProcedure.builtIn
  static let fixedDate = TestProcedure.fixedDate  // 2026-11-25 10:00:00 UTC

  let folder: String
  let backend: JournalBackend
  let terminal: InMemoryTerminal
  let runner: WizardRunner

  init(size: ScreenSize = ScreenSize(width: 80, height: 24), folder: String? = nil) {
    self.folder = folder ?? (NSTemporaryDirectory() + "epuap-wizard-tests-" + UUID().uuidString)
    try? FileManager.default.createDirectory(atPath: self.folder, withIntermediateDirectories: true)
    backend = JournalBackend(
      procedure: Self.procedure, directory: JournalDirectory(path: self.folder),
      clock: { WizardHarness.fixedDate })
    terminal = InMemoryTerminal(size: size, keys: [])
    let (model, commands) = WizardCore.start(procedure: Self.procedure, size: size, today: "2026-11-25")
    runner = WizardRunner(model: model, terminal: terminal, backend: backend)
    runner.send(.resized(size))
    if commands.contains(.listJournals) { runner.send(.journalsListed(backend.listJournals())) }
  }

  deinit { backend.close() }

  var model: WizardModel { runner.model }
  var screen: [String] { WizardView.render(runner.model).lines() }
  var screenText: String { screen.joined(separator: "\n") }

  func press(_ keys: Key...) { for key in keys { runner.send(.key(key)) } }
  func press(_ keys: [Key]) { for key in keys { runner.send(.key(key)) } }

  func type(_ text: String) { for character in text { runner.send(.key(.character(character))) } }

  func cleanup() {
    backend.close()
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// Creates a unit through the new-unit screen.
  func createUnit(
    name: String = "Starostwo Powiatowe w Gliwicach", identifier: String = "pzgliwice", role: Role = .partner,
    operatorName: String = "Anna Nowak"
  ) {
    press(.enter)  // „Nowa jednostka”
    if role == .um { press(.character(" ")) }
    press(.tab)
    type(name)
    press(.tab)
    type(identifier)
    press(.tab)
    type(operatorName)
    press(.tab, .enter)
  }

  /// Chooses a path on the decision screen (cursor starts on the first path), fills who decided, when and
  /// on what document, and confirms.
  func decide(
    _ path: PathID, vendor: String = "", decidedBy: String = "Jan Nowak, Starosta",
    date: String = "2026-11-20", document: String = "Zarządzenie nr 12/2026"
  ) {
    let index = PathID.partnerChoices.firstIndex(of: path)!
    for _ in 0..<index { press(.down) }
    press(.enter)
    if path == .sodOther {
      type(vendor)
      press(.tab)
    }
    type(decidedBy)
    press(.tab)
    type(date)
    press(.tab)
    type(document)
    press(.function(2))
  }

  /// Opens a step through the overview, as a clerk would.
  func open(step id: String) {
    for _ in 0..<4 {
      if case .overview = model.screen { break }
      press(.escape)
    }
    press(.home)
    guard let index = model.checklist?.applicable.firstIndex(where: { $0.step.id == id }) else { return }
    for _ in 0..<index { press(.down) }
    press(.enter)
  }

  /// Opens the card list of step 4.2 through the overview, as a clerk would.
  func openCardList() {
    open(step: "4.2")
    press(.home, .enter)
  }

  /// Records changes straight into the open journal, as another session (or an answers file) would have.
  func recordDirectly(_ changes: JournalChange...) throws {
    guard let session = backend.session else { return }
    for change in changes { try session.record(change) }
    runner.send(.recorded(session.state))
  }

  var journalPath: String? { model.journalPath }

  var currentStepID: String? {
    if case .step(let step) = model.screen { return step.stepID }
    return nil
  }
}
