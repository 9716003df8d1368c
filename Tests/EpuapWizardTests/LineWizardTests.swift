import EpuapDomain
import EpuapWizard
import Foundation
import TestSupport
import Testing

/// Line mode driven with answers given in advance, against a real journal in a temporary folder.
@Suite("Line mode: numbered questions, one answer per line")
struct LineWizardTests {
  /// A new partner unit, then the decision for the portal path.
  static let newPortalUnit = [
    "1", "", "Gmina Żółkiewka", "ugzolkiewka", "Łucja Śliwińska",
    "1", "1", "1", "Jan Kowalski", "20.11.2026", "Zarządzenie 12/2026",
  ]

  final class Run {
    let temp = TempFolder(prefix: "epuap-line")
    let backend: JournalBackend
    let console: ScriptedLineConsole
    let outcome: LineWizard.Outcome
    let wizard: LineWizard

    /// `prepare` may create a journal first; the wizard opens the one it returns.
    init(_ answers: [String], prepare: (JournalBackend) throws -> String? = { _ in nil }) rethrows {
      backend = JournalBackend(
        procedure: WizardHarness.procedure, directory: JournalDirectory(path: temp.path),
        clock: { WizardHarness.fixedDate })
      let journal = try prepare(backend)
      console = ScriptedLineConsole(answers)
      wizard = LineWizard(
        procedure: WizardHarness.procedure, backend: backend, console: console, today: "2026-11-25")
      outcome = wizard.run(journalPath: journal)
    }

    var state: UnitState? { backend.session?.state }
    var output: String { console.output }

    deinit {
      backend.close()
      temp.cleanup()
    }
  }

  @Test("3.13 cannot be skipped, cannot be done without the consent, and can wait, said in words")
  func consentStepRules() throws {
    // „Wybierz krok z listy” (2), step 15 of the portal path is 3.13.
    let run = try Run(Self.newPortalUnit + ["2", "15", "2", "3", "czekamy na zgodę UM", "2"])
    #expect(run.outcome == .inputEnded)
    let menu = try #require(run.output.components(separatedBy: "Co robisz w kroku 3.13?").dropFirst().first)
    let firstMenu = menu.components(separatedBy: "Numer").first ?? ""
    #expect(!firstMenu.contains("Pomiń"), "\(firstMenu)")
    #expect(run.output.contains("Krok 3.13 nie jest oznaczony jako „zrobione”:"))
    #expect(run.state?.step("3.13").status == .waiting)
    #expect(run.state?.step("3.13").reason == "czekamy na zgodę UM")
    #expect(run.output.contains("— czeka na: czekamy na zgodę UM (od 2026-11-25)"), "\(run.output)")
  }

  @Test("a wrong mailbox address is refused with the rule's Polish message and asked again")
  func mailboxAddressAskedAgain() throws {
    let run = try Run(
      Self.newPortalUnit + ["2", "5", "1", "skrytka bez ukośnika", "/ugzolkiewka/skrytka", "", ""])
    #expect(run.outcome == .inputEnded)
    let refused = run.output.components(separatedBy: "skrytka bez ukośnika\n").dropFirst().first ?? ""
    #expect(refused.hasPrefix("Błąd: "), "\(refused.prefix(200))")
    #expect(run.state?.mailboxes.map(\.address) == ["/ugzolkiewka/skrytka"])
    #expect(run.state?.mailboxes.first?.action == .keep)
  }

  @Test("a wrong ePUAP identifier of a new unit is refused with the rule's message and asked again")
  func unitIdentifierAskedAgain() throws {
    let run = try Run(["1", "", "Gmina Żółkiewka", "ug-żółkiewka", "ugzolkiewka", "Łucja Śliwińska"])
    #expect(run.output.contains("„ug-żółkiewka” nie jest identyfikatorem podmiotu ePUAP"), "\(run.output)")
    #expect(run.state?.unit.entityIdentifier == "ugzolkiewka")
  }

  @Test(
    "a unit that has a journal in the folder is not started again: the identifier is refused, saying where")
  func unitWithJournalNotStartedTwice() throws {
    let run = try Run(["1", "", "Gmina Żółkiewka", "UGZolkiewka", "ugzolkiewka2", "Łucja Śliwińska"]) {
      backend in
      _ = try backend.create(
        unit: UnitInfo(name: "Gmina Żółkiewka", entityIdentifier: "ugzolkiewka", role: .partner),
        operatorName: "Anna Nowak")
      backend.close()
      return nil
    }
    #expect(
      run.output.contains("jednostka „UGZolkiewka” ma już dziennik w tym folderze (Gmina Żółkiewka, plik "),
      "\(run.output)")
    #expect(run.state?.unit.entityIdentifier == "ugzolkiewka2")
    #expect(run.backend.listJournals().count == 2)
  }

  @Test("the Urząd Marszałkowski's journal about a partner does not stop the partner's own journal")
  func umJournalDoesNotBlockPartner() throws {
    let run = try Run(["1", "", "Gmina Żółkiewka", "ugzolkiewka", "Łucja Śliwińska"]) { backend in
      _ = try backend.create(
        unit: UnitInfo(name: "Gmina Żółkiewka", entityIdentifier: "ugzolkiewka", role: .um),
        operatorName: "Anna Nowak")
      backend.close()
      return nil
    }
    #expect(!run.output.contains("ma już dziennik"), "\(run.output)")
    #expect(run.state?.unit.role == .partner && run.state?.unit.entityIdentifier == "ugzolkiewka")
  }

  @Test("a number outside the list and a word are explained and asked again")
  func wrongNumbers() throws {
    let run = try Run(["0", "dwa", "3"])
    #expect(run.output.contains("„0” nie jest numerem z listy. Wpisz liczbę od 1 do 1."))
    #expect(run.output.contains("„dwa” nie jest numerem z listy."))
    #expect(run.state == nil)
  }

  @Test("what a hostile journal holds reaches the output without control characters")
  func hostileTextIsCleaned() throws {
    // A unit name with escape sequences, as another program could have written it into a journal.
    let run = try Run(["2"]) { backend in
      let (path, _) = try backend.create(
        unit: UnitInfo(
          name: "Gmina\u{1B}[2J\u{1B}]0;x\u{07}", entityIdentifier: "ugzolkiewka", role: .partner),
        operatorName: "Łucja")
      backend.close()
      return path
    }
    #expect(run.output.contains("Jednostka: Gmina"))
    #expect(!run.output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(run.output)")
  }

  /// The number „Wybierz krok z listy” gives `stepID` on `path` (a partner's path, after the decision).
  static func listNumber(_ stepID: String, on path: String) -> String {
    let ids = WizardHarness.procedure.allSteps.filter { $0.paths.contains(path) }.map(\.id)
    return String((ids.firstIndex(of: stepID) ?? -1) + 1)
  }

  /// A unit on `path` (1 portal, 2 FINN) with one kept mailbox, then 3.6 answered with PUSH for „Tryb pracy”.
  static func pushAt36(path: String, choice: String, vendor: [String], note: String = "") -> [String] {
    ["1", "", "Gmina Żółkiewka", "ugzolkiewka", "Łucja Śliwińska", "1", "1", choice] + vendor
      + ["Jan Kowalski", "20.11.2026", "Zarządzenie 12/2026"]
      + ["2", listNumber("3.3", on: path), "1", "/ugzolkiewka/skrytka", "", note, "7"]
      + ["2", listNumber("3.6", on: path), "1", "2", "2", "1", "0"]
  }

  @Test("on an SOD path a setting against the instruction is asked for the vendor's reason and then counts")
  func vendorValue() throws {
    let run = try Run(
      Self.pushAt36(path: "sod-finn", choice: "2", vendor: ["FINN 8SQL"]) + ["pismo FINN nr 5/2026"])
    #expect(run.output.contains("„Tryb pracy”: „PUSH” zamiast „PULL” z instrukcji"), "\(run.output)")
    let state = try #require(run.state)
    #expect(state.mailboxes.first?.settings["trybPracy"] == "PUSH")
    #expect(state.overrides.map(\.reason) == ["pismo FINN nr 5/2026"])
    #expect(state.step("3.6").status == .done, "\(run.output)")
  }

  @Test("on the portal path a setting against the instruction is recorded, and the step stays open")
  func portalRequirement() throws {
    let run = try Run(Self.pushAt36(path: "portal", choice: "1", vendor: []))
    #expect(!run.output.contains("zamiast „PULL” z instrukcji. Jeśli"), "no vendor on the portal path")
    #expect(run.output.contains("Krok 3.6 nie jest oznaczony jako „zrobione”:"), "\(run.output)")
    let state = try #require(run.state)
    #expect(state.mailboxes.first?.settings["trybPracy"] == "PUSH")
    #expect(state.step("3.6").status == .todo)
  }

  @Test("a mailbox's note stays when its settings are filled in")
  func noteKeptBySettings() throws {
    let run = try Run(Self.pushAt36(path: "portal", choice: "1", vendor: [], note: "skrzynka sekretariatu"))
    let state = try #require(run.state)
    #expect(state.mailboxes.first?.settings["trybPracy"] == "PUSH", "\(run.output)")
    #expect(state.mailboxes.first?.note == "skrzynka sekretariatu")
  }

  @Test("input that ends at the vendor's reason keeps the mailbox's settings, without a reason")
  func settingsKeptWhenReasonNotGiven() throws {
    let run = try Run(Self.pushAt36(path: "sod-finn", choice: "2", vendor: ["FINN 8SQL"]))
    #expect(run.outcome == .inputEnded)
    #expect(run.output.contains("zamiast „PULL” z instrukcji"), "\(run.output)")
    let state = try #require(run.state)
    #expect(state.mailboxes.first?.settings["trybPracy"] == "PUSH")
    #expect(state.overrides.isEmpty)
    #expect(state.step("3.6").status == .todo)
  }

  @Test("input that ends half-way through a mailbox's settings keeps the settings answered")
  func settingsKeptAtEndOfInput() throws {
    let answers = Self.pushAt36(path: "portal", choice: "1", vendor: []).dropLast(3)  // only „Typ skrytki”
    let run = try Run(Array(answers))
    #expect(run.outcome == .inputEnded)
    let state = try #require(run.state)
    #expect(state.mailboxes.first?.settings["typSkrytki"] == "asynchroniczna", "\(run.output)")
    #expect(state.mailboxes.first?.settings["trybPracy"] == nil)
    #expect(state.step("3.6").status == .todo)
  }
}
