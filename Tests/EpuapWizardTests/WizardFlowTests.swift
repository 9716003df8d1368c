import EpuapDomain
import EpuapWizard
import Foundation
import ScreenKit
import TestSupport
import Testing

@Suite("Wizard update: navigation, saving, rules")
struct WizardFlowTests {
  @Test(
    "a new unit goes from the start screen through the decision to a step marked done, all in the journal")
  func newUnitToDoneStep() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    #expect(wizard.screenText.contains("Nowa jednostka"))
    wizard.createUnit()
    #expect(wizard.currentStepID == "2.0")
    wizard.decide(.sodFinn)
    #expect(wizard.model.unit?.decision?.path == .sodFinn)
    #expect(wizard.currentStepID == "2.1")
    #expect(wizard.screenText.contains("zrobione 1/"))
    let path = try #require(wizard.journalPath)
    let journal = try JournalReader.load(path: path)
    #expect(journal.entries.count == 2)
    #expect(UnitState.fold(journal.entries)?.step("2.0").status == .done)
  }

  @Test("a Polish text typed into a field arrives whole and is saved as typed")
  func polishText() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit(name: "Zażółć gęślą jaźń")
    #expect(wizard.model.unit?.unit.name == "Zażółć gęślą jaźń")
    #expect(wizard.screen[0].contains("Zażółć gęślą jaźń"))
  }

  @Test("an invalid value shows the library's message beside the field and is not saved")
  func invalidNotSaved() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.press(.enter, .tab)
    wizard.type("Gmina X")
    wizard.press(.tab)
    wizard.type("zły-identyfikator")
    wizard.press(.tab)
    wizard.type("Jan")
    wizard.press(.tab, .enter)
    #expect(wizard.model.unit == nil)
    #expect(wizard.screenText.contains("✗"))
    #expect(wizard.backend.listJournals().isEmpty)
  }

  @Test(
    "a new unit whose identifier has a journal in the folder is refused beside the field; nothing is created")
  func unitWithJournalNotCreatedTwice() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit(name: "Gmina Żółkiewka", identifier: "ugzolkiewka")
    wizard.press(.character("q"), .character("t"))
    let again = WizardHarness(folder: wizard.folder)
    again.createUnit(name: "Gmina Żółkiewka (drugi raz)", identifier: "UGZOLKIEWKA")
    #expect(again.model.unit == nil)
    #expect(again.screenText.contains("✗"), "\(again.screenText)")
    #expect(again.screenText.contains("ma już dziennik"), "\(again.screenText)")
    #expect(again.backend.listJournals().count == 1)
    again.backend.close()
  }

  @Test("a unit left right after it was created is resumed, not created, when it is opened again")
  func reopenedNewUnitSaysResumed() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit(name: "Gmina Żółkiewka", identifier: "ugzolkiewka")
    #expect(wizard.model.message?.text.hasPrefix("Utworzono dziennik jednostki") == true)
    #expect(wizard.model.unit?.eventCount == 1)
    wizard.backend.close()
    let again = WizardHarness(folder: wizard.folder)
    again.press(.down, .enter)  // the unit's row, below „Nowa jednostka”
    #expect(again.model.unit?.eventCount == 1)
    let message = try #require(again.model.message?.text)
    #expect(message.hasPrefix("Wznowiono"), "\(message)")
    #expect(again.backend.listJournals().count == 1)
    again.backend.close()
  }

  @Test("quitting speaks of the journal once a unit is open, and not before")
  func quitWordsFollowTheJournal() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.press(.character("q"))
    #expect(wizard.screenText.contains("Żaden dziennik nie jest otwarty"))
    #expect(!wizard.screenText.contains("jest zapisane w dzienniku"))
    wizard.press(.character("n"))
    wizard.createUnit()
    wizard.press(.escape)  // the overview, where q quits
    wizard.press(.character("q"))
    #expect(wizard.screenText.contains("jest zapisane w dzienniku"), "\(wizard.screenText)")
  }

  @Test("step 3.13 cannot be marked done without the consent; with it, it can")
  func consentGate() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    // Jump to 3.13 through the overview.
    wizard.press(.escape, .home)
    let index = try #require(wizard.model.checklist?.applicable.firstIndex { $0.step.id == "3.13" })
    for _ in 0..<index { wizard.press(.down) }
    wizard.press(.enter)
    #expect(wizard.currentStepID == "3.13")
    // Focus is on „Kto wyraził zgodę”; marking done now is refused: no consent yet.
    wizard.press(.function(2))
    #expect(wizard.model.unit?.step("3.13").status == .todo)
    #expect(wizard.model.unit?.consent == nil)
    #expect(wizard.screenText.contains("✗"))
    // Type the consent: who, (date pre-filled with today), reference; then „Oznacz jako zrobione”.
    wizard.type("Jan Kowalski, UMWS")
    wizard.press(.tab, .tab)
    wizard.type("DCF.1234.2026")
    wizard.press(.tab)
    wizard.press(.enter)
    let unit = try #require(wizard.model.unit)
    #expect(
      unit.consent == Consent(who: "Jan Kowalski, UMWS", date: "2026-11-25", reference: "DCF.1234.2026"))
    #expect(unit.step("3.13").status == .done)
  }

  @Test("the mailbox loop: add mailboxes, record settings per kept mailbox, then 3.6 can be done")
  func mailboxLoop() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    wizard.press(.escape, .home)
    let index = try #require(wizard.model.checklist?.applicable.firstIndex { $0.step.id == "3.3" })
    for _ in 0..<index { wizard.press(.down) }
    wizard.press(.enter)
    #expect(wizard.currentStepID == "3.3")
    // Add a kept mailbox: the address field is pre-filled with "/pzgliwice/".
    wizard.press(.character("a"))
    wizard.type("SkrytkaESP")
    wizard.press(.tab, .tab, .tab, .enter)
    #expect(wizard.model.unit?.mailboxes.map(\.address) == ["/pzgliwice/SkrytkaESP"])
    // A second one, blocked.
    wizard.press(.character("a"))
    wizard.type("ZMOKU")
    wizard.press(.tab, .character(" "), .character(" "), .tab, .tab, .enter)
    #expect(wizard.model.unit?.mailboxes.last?.action == .block)
    // A wrong address is refused with the rule's message.
    wizard.press(.character("a"))
    for _ in 0..<11 { wizard.press(.backspace) }
    wizard.type("pzgliwice-skrytka")
    wizard.press(.function(2))
    #expect(wizard.model.unit?.mailboxes.count == 2)
    #expect(wizard.screenText.contains("/<identyfikator podmiotu>/<nazwa skrytki>"))
    wizard.press(.escape)  // the typed address is not recorded: the wizard asks before it is thrown away
    #expect(wizard.screenText.contains("Porzucić niezapisane zmiany?"))
    wizard.press(.character("t"))
    wizard.press(.character("d"))
    #expect(wizard.model.unit?.step("3.3").status == .done)
    // Step 3.4 next; go to 3.6 and try to mark it done without settings.
    wizard.press(.character("n"), .character("n"))
    #expect(wizard.currentStepID == "3.6")
    wizard.press(.character("d"))
    #expect(wizard.model.unit?.step("3.6").status == .todo)
    #expect(wizard.screenText.contains("/pzgliwice/SkrytkaESP"))
    // Settings of the kept mailbox: choose values with space.
    wizard.press(.home, .enter)
    guard case .settings = wizard.model.screen else {
      Issue.record("settings form expected, got \(wizard.model.screen)")
      return
    }
    wizard.press(.character(" "), .tab, .character(" "), .tab)  // 3.4 and 3.5 „Edytuj” confirmed
    wizard.press(.character(" "), .character(" "), .tab)  // typSkrytki: synchroniczna → asynchroniczna
    wizard.press(.character(" "), .character(" "), .tab)  // rodzajOdpowiedzi: status → UPP
    wizard.press(.character(" "), .character(" "), .tab)  // trybPracy: PUSH → PULL
    wizard.type("0")
    wizard.press(.function(2))
    let settings = try #require(wizard.model.unit?.mailboxes.first?.settings)
    #expect(settings["typSkrytki"] == "asynchroniczna")
    #expect(settings["rodzajOdpowiedzi"] == "UPP")
    #expect(settings["trybPracy"] == "PULL")
    #expect(settings["maksDokumentow"] == "0")
    #expect(settings["edycjaUruchomiona"] == "tak" && settings["trybPracyEdytuj"] == "tak")
    wizard.press(.character("d"))
    #expect(wizard.model.unit?.step("3.6").status == .done)
    // 3.9 „Zapisz” is confirmed per mailbox too: not yet for this one.
    wizard.press(.escape, .home)
    let saveStep = try #require(wizard.model.checklist?.applicable.firstIndex { $0.step.id == "3.9" })
    for _ in 0..<saveStep { wizard.press(.down) }
    wizard.press(.enter, .character("d"))
    #expect(wizard.model.unit?.step("3.9").status == .todo)
    #expect(wizard.screenText.contains("brak ustawień kroku 3.9"))
  }

  @Test("a vendor value other than the recommended one warns, and is accepted with a reason")
  func vendorOverride() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.sodOther, vendor: "EZD RP")
    #expect(wizard.model.unit?.decision == Decision(path: .sodOther, vendor: "EZD RP"))
    let session = try #require(wizard.backend.session)
    try session.record(
      .mailboxSaved(MailboxEntry(id: "skrytka-1", address: "/pzgliwice/skrytka", action: .keep)))
    wizard.runner.send(.recorded(session.state))
    wizard.press(.escape, .home)
    let index = try #require(wizard.model.checklist?.applicable.firstIndex { $0.step.id == "3.6" })
    for _ in 0..<index { wizard.press(.down) }
    wizard.press(.enter, .home, .enter)
    // trybPracy: PUSH (differs from PULL), after the two „Edytuj” confirmations and two settings.
    wizard.press(.tab, .tab, .tab, .tab, .character(" "))
    #expect(wizard.screenText.contains("PULL"))
    wizard.press(.function(4))
    guard case .prompt = wizard.model.overlay else {
      Issue.record("override prompt expected")
      return
    }
    wizard.type("pismo dostawcy 12/2026")
    wizard.press(.enter)
    let override = try #require(wizard.model.unit?.overrides.first)
    #expect(override.value == "PUSH" && override.reason == "pismo dostawcy 12/2026")
  }

  @Test("skipping asks for a reason and records it")
  func skipWithReason() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    let step = try #require(wizard.currentStepID)
    #expect(step == "2.4")
    wizard.press(.tab, .tab, .tab)  // past the step's three fields, to its actions
    wizard.press(.character("s"), .enter)
    #expect(wizard.model.unit?.step(step).status == .todo, "an empty reason is refused")
    wizard.type("zrobił informatyk 24.11")
    wizard.press(.enter)
    #expect(wizard.model.unit?.step(step).status == .skipped)
    #expect(wizard.model.unit?.step(step).reason == "zrobił informatyk 24.11")
  }

  @Test("a failed write shows the Polish message and the step stays as it was")
  func diskFull() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    let session = try #require(wizard.backend.session)
    let path = session.path
    session.setBeforeWrite { _ throws(JournalError) in throw JournalError.diskFull(path: path) }
    wizard.decide(.portal)
    #expect(wizard.model.unit?.decision == nil)
    #expect(wizard.screenText.contains("Brak miejsca na dysku"))
    guard case .notice = wizard.model.overlay else {
      Issue.record("the failure should be shown whole in a notice")
      return
    }
    session.setBeforeWrite(nil)
    wizard.press(.escape, .function(2))
    #expect(wizard.model.unit?.decision?.path == .portal)
    #expect(wizard.model.unit?.step("2.0").values["dokumentDecyzji"] == "Zarządzenie nr 12/2026")
  }

  @Test("resuming lands on the first open step; nothing recorded is lost")
  func resume() throws {
    let temp = TempFolder(prefix: "epuap-resume")
    let folder = temp.path
    defer { temp.cleanup() }
    do {
      let first = WizardHarness(folder: folder)
      first.createUnit()
      first.decide(.sodFinn)
      first.press(.character("d"))  // 2.1 has no required fields: focus starts on „Oznacz jako zrobione”
      first.backend.close()
    }
    let second = WizardHarness(folder: folder)
    #expect(second.screenText.contains("Starostwo Powiatowe"))
    second.press(.down, .enter)
    #expect(second.currentStepID == "2.3", "FINN: who collects documents by hand until the SOD runs")
    #expect(second.model.unit?.step("2.1").status == .done)
  }

  @Test("the card list stays usable with 300 cards: filter by typing `/`, edit one")
  func cards300() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    let session = try #require(wizard.backend.session)
    try session.record(
      .batch(
        (1...300).map { number in
          .cardSaved(
            ServiceCard(
              id: "karta-\(number)", name: "Sprawa numer \(number)",
              status: number % 2 == 0 ? .aktualna : .nieaktualna))
        }))
    wizard.runner.send(.recorded(session.state))
    wizard.openCardList()
    guard case .cardList = wizard.model.screen else {
      Issue.record("card list expected")
      return
    }
    #expect(wizard.screenText.contains("Kart: 300"))
    wizard.press(.pageDown, .pageDown, .end)
    #expect(wizard.screenText.contains("Sprawa numer 300"))
    wizard.press(.character("/"))
    wizard.type("numer 137")
    wizard.press(.enter)
    #expect(wizard.screenText.contains("pasuje: 1"))
    wizard.press(.enter)
    guard case .cardForm = wizard.model.screen else {
      Issue.record("card form expected")
      return
    }
    // Card 137 is „Nieaktualna”; choose „Usuń”.
    wizard.press(.tab, .tab, .character(" "), .function(2))
    #expect(wizard.model.unit?.card("karta-137")?.action == .delete)
  }

  @Test(
    "a card form's error goes when its field is changed, before the next save, and comes back if still true")
  func cardFormErrorClearedByAnEdit() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    wizard.openCardList()
    wizard.press(.character("a"))
    wizard.type("Wydanie zaświadczenia o zameldowaniu")
    // Status „Aktualna” (the default) with „Usuń”: refused, the error under „Działanie”.
    wizard.press(.tab, .tab, .character(" "), .function(2))
    #expect(wizard.screenText.contains("✗ Karta „Wydanie zaświadczenia o zameldowaniu” ma status „Aktualna”"))
    // Another action: the message about „Usuń” is gone at once.
    wizard.press(.character(" "))
    #expect(!wizard.screenText.contains("ma status „Aktualna”"), "\(wizard.screenText)")
    // Back to „Usuń” and save again: the check gives it again.
    wizard.press(.left, .function(2))
    #expect(wizard.screenText.contains("ma status „Aktualna”"))
    // The error speaks of the status too: changing the status to „Nieaktualna” clears it, and the card
    // then saves.
    wizard.press(.up, .character(" "))
    #expect(wizard.screenText.contains("‹ Nieaktualna ›"), "\(wizard.screenText)")
    #expect(!wizard.screenText.contains("ma status „Aktualna”"), "\(wizard.screenText)")
    wizard.press(.function(2))
    #expect(wizard.model.unit?.cards.first?.status == .nieaktualna)
    #expect(wizard.model.unit?.cards.first?.action == .delete)
  }

  @Test("the card filter ignores letter case and Polish marks: „lodz” finds „Łódź”, „ZAZOLC” finds „zażółć”")
  func cardFilterFolding() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    let session = try #require(wizard.backend.session)
    let names = ["Meldunek w Łodzi", "Zażółć gęślą jaźń", "Wydanie prawa jazdy", "Urząd Łódź-Bałuty"]
    try session.record(
      .batch(
        names.enumerated().map { index, name in
          .cardSaved(ServiceCard(id: "karta-\(index)", name: name, status: .aktualna))
        }))
    wizard.runner.send(.recorded(session.state))
    wizard.openCardList()
    wizard.press(.character("/"))
    wizard.type("LODZ")
    wizard.press(.enter)
    #expect(wizard.screenText.contains("pasuje: 2"))
    #expect(wizard.screenText.contains("Meldunek w Łodzi") && wizard.screenText.contains("Urząd Łódź-Bałuty"))
    #expect(!wizard.screenText.contains("Wydanie prawa jazdy"))
    wizard.press(.character("/"))
    for _ in 0..<4 { wizard.press(.backspace) }
    wizard.type("zazolc")
    wizard.press(.enter)
    #expect(wizard.screenText.contains("pasuje: 1"))
    #expect(wizard.screenText.contains("Zażółć gęślą jaźń"))
  }

  @Test("q asks before quitting and says what is saved")
  func quit() {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.press(.character("q"))
    #expect(wizard.screenText.contains("Żaden dziennik nie jest otwarty; to, co zapisano wcześniej"))
    wizard.press(.character("n"))
    #expect(wizard.model.overlay == nil)
    wizard.press(.character("?"))
    #expect(wizard.screenText.contains("Pomoc"))
  }

  @Test("Enter on the last text field moves to a tick box whose keys and hint line are the screen's own")
  func enterOntoTickBoxLeavesTyping() {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.sodFinn)
    #expect(wizard.currentStepID == "2.1")
    wizard.press(.home, .down)  // the first field (the date), then the one below it
    wizard.type("Zgłoszenie 1234")
    wizard.press(.enter)
    // The value is saved and the cursor is on „Zamówiono „integrację bezpośrednią””, which takes no letters.
    #expect(wizard.model.unit?.steps["2.1"]?.values["osobaKontaktowa"] == "Zgłoszenie 1234")
    #expect(wizard.screenText.contains("▸ Zamówiono „integrację bezpośrednią”"))
    #expect(!wizard.screen[23].contains("zapisz pole"))
    #expect(wizard.screen[23].contains("q wyjście"))
    // The key that ticks the box is named first; a row that is not a field does not name it.
    #expect(wizard.screen[23].hasPrefix(" ↑↓ Enter  spacja/←→ zmień  d zrobione"))
    wizard.press(.character(" "))
    #expect(wizard.model.unit?.steps["2.1"]?.values["zlecenieIntegracji"] == "tak")
    wizard.press(.end)
    #expect(!wizard.screen[23].contains("spacja"))
    wizard.press(.character("q"))
    #expect(wizard.model.overlay == .quitConfirm)
  }
}
