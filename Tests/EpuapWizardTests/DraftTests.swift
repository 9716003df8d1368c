import EpuapDomain
import EpuapWizard
import Foundation
import ScreenKit
import TestSupport
import Testing

/// Nothing typed is lost: a form's unrecorded text is kept beside the journal after every key, offered
/// back on the next start, and Esc asks before throwing it away.
@Suite("Drafts: typed input survives leaving, quitting and a killed process")
struct DraftTests {
  func draftFile(_ wizard: WizardHarness) throws -> String {
    try #require(wizard.journalPath) + ".szkic"
  }

  @Test("text typed and not saved comes back when the unit is opened again, in its form")
  func restoredAfterKill() throws {
    let temp = TempFolder(prefix: "epuap-draft")
    let folder = temp.path
    defer { temp.cleanup() }
    let draftPath: String
    do {
      let first = WizardHarness(folder: folder)
      first.createUnit()
      first.decide(.portal)
      first.open(step: "3.13")
      first.type("Jan Kowalski, Departament Cyfryzacji")  // no Tab: not recorded yet
      draftPath = try draftFile(first)
      #expect(FileManager.default.fileExists(atPath: draftPath), "kept after the key, before anything else")
      // The process dies here: the backend is dropped without a word (no quit, no save).
    }
    let second = WizardHarness(folder: folder)
    second.press(.down, .enter)
    #expect(second.currentStepID == "3.13")
    guard case .step(let step) = second.model.screen else { return }
    #expect(step.form.value("kto") == "Jan Kowalski, Departament Cyfryzacji")
    #expect(second.screenText.contains("Przywrócono niezapisany szkic (krok 3.13)"))
    #expect(second.model.unit?.consent == nil, "a draft is not a record")
    second.press(.tab)  // now it is saved, and the draft is gone
    #expect(second.model.unit?.consent?.who == "Jan Kowalski, Departament Cyfryzacji")
    #expect(!FileManager.default.fileExists(atPath: draftPath))
    second.cleanup()
  }

  @Test("Esc in a half-filled form asks; „n” goes back with the text as it was, „t” throws it away")
  func escapeAsks() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    wizard.open(step: "3.3")
    wizard.press(.character("a"))
    wizard.type("SkrytkaESP")
    wizard.press(.escape)
    #expect(wizard.screenText.contains("Porzucić niezapisane zmiany?"))
    wizard.press(.character("n"))
    guard case .mailboxForm(let item) = wizard.model.screen else {
      Issue.record("still the mailbox form expected")
      return
    }
    #expect(item.form.value("adres") == "/pzgliwice/SkrytkaESP")
    wizard.press(.escape, .character("t"))
    #expect(wizard.currentStepID == "3.3")
    #expect(wizard.model.unit?.mailboxes.isEmpty == true)
    #expect(!FileManager.default.fileExists(atPath: try draftFile(wizard)))
  }

  @Test("Esc in the new-unit form asks once something was typed; „n” keeps it; untouched, Esc just leaves")
  func newUnitEscapeAsks() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.press(.character("n"), .escape)
    guard case .start = wizard.model.screen, wizard.model.overlay == nil else {
      Issue.record("nothing typed: Esc goes back to the start screen without asking")
      return
    }
    wizard.press(.character("n"), .tab)
    wizard.type("Gmina Żółkiewka")
    wizard.press(.escape)
    #expect(wizard.screenText.contains("Porzucić niezapisane zmiany?"))
    #expect(wizard.screenText.contains("nowa jednostka"))
    wizard.press(.character("n"))
    guard case .newUnit(let form) = wizard.model.screen else {
      Issue.record("still the new-unit form expected")
      return
    }
    #expect(form.value("nazwa") == "Gmina Żółkiewka")
    wizard.press(.escape, .character("t"))
    guard case .start = wizard.model.screen else {
      Issue.record("„t” throws the form away and goes back to the start screen")
      return
    }
    #expect(wizard.model.journals.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: wizard.folder + "/.nowa-jednostka.szkic"))
  }

  @Test(
    "the new-unit form typed and never finished (the process killed) is offered back when it opens again; creating the unit removes its draft"
  )
  func newUnitDraft() throws {
    let temp = TempFolder(prefix: "epuap-draft")
    defer { temp.cleanup() }
    // A folder that does not exist yet, as on a clerk's first start: the draft makes it, 0700.
    let folder = temp.path + "/stan/epuap-wizard"
    let draft = folder + "/.nowa-jednostka.szkic"
    do {
      let first = WizardHarness(folder: folder)
      try? FileManager.default.removeItem(atPath: folder)  // the harness made it; a clerk's has none yet
      first.press(.character("n"), .tab)
      first.type("Gmina Żółkiewka")
      first.press(.tab)
      first.type("ugzolkiewka")
      #expect(FileManager.default.fileExists(atPath: draft))
      var info = stat()
      #expect(stat(folder, &info) == 0 && info.st_mode & 0o777 == 0o700)
      // No Esc, no quit: the process ends here, as when it is killed.
    }
    let again = WizardHarness(folder: folder)
    defer { again.cleanup() }
    #expect(again.model.journals.isEmpty, "a draft is not a journal")
    again.press(.character("n"))
    guard case .newUnit(let form) = again.model.screen else {
      Issue.record("the new-unit form expected")
      return
    }
    #expect(form.value("nazwa") == "Gmina Żółkiewka" && form.value("identyfikator") == "ugzolkiewka")
    #expect(again.screenText.contains("Przywrócono dane nowej jednostki"), "\(again.screenText)")
    // Finished and created: the draft has become the journal.
    again.press(.tab, .tab, .tab)
    again.type("Anna Nowak")
    again.press(.tab, .enter)
    #expect(again.model.unit?.unit.name == "Gmina Żółkiewka")
    #expect(!FileManager.default.fileExists(atPath: draft))
  }

  @Test("a new-unit draft stays while an existing unit is opened; one that fills in nothing is dropped")
  func newUnitDraftKeptAndDropped() throws {
    let temp = TempFolder(prefix: "epuap-draft")
    defer { temp.cleanup() }
    let draft = temp.path + "/.nowa-jednostka.szkic"
    do {
      let first = WizardHarness(folder: temp.path)
      first.createUnit(name: "Gmina Alfa", identifier: "alfa")
      first.backend.close()
    }
    do {
      let second = WizardHarness(folder: temp.path)
      second.press(.character("n"), .tab)
      second.type("Gmina Beta")
    }
    let third = WizardHarness(folder: temp.path)
    third.press(.down, .enter)  // the existing unit, not the new one
    #expect(third.model.unit?.unit.name == "Gmina Alfa")
    #expect(FileManager.default.fileExists(atPath: draft), "opening another unit keeps the form's draft")
    third.backend.close()
    // A draft holding only the defaults (as a hand edit could leave it): nothing to offer, and it goes.
    _ = FileManager.default.createFile(
      atPath: draft, contents: Data(#"{"place":{"newUnit":{}},"values":{"rola":"partner"}}"#.utf8))
    let fourth = WizardHarness(folder: temp.path)
    defer { fourth.cleanup() }
    fourth.press(.character("n"))
    #expect(!fourth.screenText.contains("Przywrócono"), "\(fourth.screenText)")
    #expect(!FileManager.default.fileExists(atPath: draft))
  }

  @Test("a restored new-unit draft thrown away with Esc is gone, and the form opens empty")
  func newUnitDraftDiscarded() throws {
    let temp = TempFolder(prefix: "epuap-draft")
    defer { temp.cleanup() }
    do {
      let first = WizardHarness(folder: temp.path)
      first.press(.character("n"), .tab)
      first.type("Gmina Alfa")
    }
    let again = WizardHarness(folder: temp.path)
    defer { again.cleanup() }
    again.press(.character("n"))
    again.press(.escape)
    #expect(again.screenText.contains("Porzucić niezapisane zmiany?"))
    again.press(.character("t"))
    #expect(!FileManager.default.fileExists(atPath: temp.path + "/.nowa-jednostka.szkic"))
    again.press(.character("n"))
    guard case .newUnit(let form) = again.model.screen else {
      Issue.record("the new-unit form expected")
      return
    }
    #expect(form.value("nazwa").isEmpty)
  }

  @Test("a settings form left by quitting is offered back whole, with its choices")
  func settingsDraft() throws {
    let temp = TempFolder(prefix: "epuap-draft")
    let folder = temp.path
    defer { temp.cleanup() }
    do {
      let first = WizardHarness(folder: folder)
      first.createUnit()
      first.decide(.sodFinn)
      try first.recordDirectly(
        .mailboxSaved(MailboxEntry(id: "skrytka-1", address: "/pzgliwice/skrytka", action: .keep)))
      first.open(step: "3.4")
      first.press(.home, .enter)
      first.press(.character(" "), .tab, .character(" "), .tab, .character(" "), .character(" "))
      first.press(.character("q"))  // a choice has the focus: q asks to quit
      #expect(first.screenText.contains("Niezapisany tekst (ustawienia skrytki"))
      first.press(.character("t"))
      first.backend.close()
    }
    let second = WizardHarness(folder: folder)
    defer { second.cleanup() }
    second.press(.down, .enter)
    guard case .settings(let settings) = second.model.screen else {
      Issue.record("the settings form expected: \(second.screenText)")
      return
    }
    #expect(settings.form.value("edycjaUruchomiona") == "tak")
    #expect(settings.form.value("trybPracyEdytuj") == "tak")
    #expect(settings.form.value("typSkrytki") == "asynchroniczna")
    second.press(.function(2))
    #expect(second.model.unit?.mailboxes.first?.settings["typSkrytki"] == "asynchroniczna")
  }

  @Test("a draft of an item removed meanwhile is dropped with a message, not restored")
  func draftOfRemovedItem() throws {
    let temp = TempFolder(prefix: "epuap-draft")
    let folder = temp.path
    defer { temp.cleanup() }
    do {
      let first = WizardHarness(folder: folder)
      first.createUnit()
      first.decide(.portal)
      try first.recordDirectly(
        .cardSaved(ServiceCard(id: "karta-1", name: "Karta", status: .aktualna)))
      first.open(step: "4.2")
      first.press(.home, .enter, .enter)
      first.type(" usługi")
      let journal = try #require(first.journalPath)
      first.backend.close()
      // Another session removes the card meanwhile.
      let other = try UnitSession.open(at: journal, procedure: WizardHarness.procedure)
      try other.record(.cardRemoved(ItemRef(id: "karta-1")))
      other.close()
    }
    let second = WizardHarness(folder: folder)
    defer { second.cleanup() }
    second.press(.down, .enter)
    #expect(second.screenText.contains("Niezapisany szkic dotyczył pozycji, której już nie ma"))
  }
}

/// A long paste arrives as thousands of keys at once: the run loop takes them in as one event, so it
/// costs one pass and one frame, not one of each per character.
@Suite("Pasting into a field")
struct PasteTests {
  @Test("10,000 characters waiting at once are typed in one event and drawn once; Ctrl-U clears the field")
  func longPaste() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    wizard.open(step: "3.13")
    let text = String(repeating: "Zażółć gęślą ", count: 770)
    let terminal = InMemoryTerminal(
      size: ScreenSize(width: 80, height: 24), keys: text.map { .character($0) })
    let runner = WizardRunner(model: wizard.model, terminal: terminal, backend: wizard.backend)
    #expect(runner.run(initialCommands: []) == .inputEnded)
    guard case .step(let step) = runner.model.screen else {
      Issue.record("the step screen expected")
      return
    }
    #expect(step.form.value("kto") == String(text.dropLast()), "all of it, as kept (trimmed)")
    #expect(terminal.frames.count <= 3, "drawn \(terminal.frames.count) times")
    let draft = try String(contentsOfFile: try #require(wizard.journalPath) + ".szkic", encoding: .utf8)
    #expect(draft.contains("Zażółć gęślą Zażółć"))
    // Ctrl-U clears the field; saving it is then „nothing changed”.
    let clear = InMemoryTerminal(size: ScreenSize(width: 80, height: 24), keys: [.control("u")])
    let again = WizardRunner(model: runner.model, terminal: clear, backend: wizard.backend)
    _ = again.run(initialCommands: [])
    guard case .step(let cleared) = again.model.screen else { return }
    #expect(cleared.form.value("kto").isEmpty)
  }

  @Test(
    "a paste where no field takes text changes nothing: not on the overview, not a step marked done by its „d”"
  )
  func pasteWithoutFieldChangesNothing() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.sodFinn)
    wizard.press(.escape)
    guard case .overview(let before) = wizard.model.screen else {
      Issue.record("Esc after the decision leads to the overview")
      return
    }
    wizard.runner.send(.typed("jj"))
    guard case .overview(let cursor) = wizard.model.screen else {
      Issue.record("a paste on the overview opens nothing")
      return
    }
    #expect(cursor == before, "the letters of a paste are not keys")
    #expect(
      wizard.screenText.contains("Wklejony tekst pominięto: kursor nie jest na polu."), "\(wizard.screenText)"
    )
    // Step 2.1 has no required field: „d” there marks it done. The cursor on „Oznacz jako zrobione (d)”,
    // a pasted word with a „d” in it records nothing.
    wizard.open(step: "2.1")
    let events = wizard.model.unit?.eventCount
    for _ in 0..<10 where !wizard.screenText.contains("▸ Oznacz jako zrobione") { wizard.press(.down) }
    #expect(wizard.screenText.contains("▸ Oznacz jako zrobione"), "\(wizard.screenText)")
    wizard.runner.send(.typed("Zadzwoniono"))
    #expect(wizard.model.unit?.step("2.1").status == .todo)
    #expect(wizard.model.unit?.eventCount == events)
    #expect(wizard.currentStepID == "2.1")
    #expect(wizard.screenText.contains("Wklejony tekst pominięto"), "\(wizard.screenText)")
    // Nor when the paste begins with the „d”, even though the next step has a field for the rest.
    wizard.runner.send(.typed("dzwoniono"))
    #expect(wizard.model.unit?.step("2.1").status == .todo)
    #expect(wizard.model.unit?.eventCount == events)
    #expect(wizard.currentStepID == "2.1")
    // Keys typed quickly are still keys: „c” and what is awaited arrive together, the prompt takes it.
    // (Before that, on step 2.3, whose fields are required, a „d” sends the cursor to the first empty
    // one; a paste beginning with it is set aside, not typed there.)
    wizard.open(step: "2.3")
    for _ in 0..<10 where !wizard.screenText.contains("▸ Oznacz jako zrobione") { wizard.press(.down) }
    wizard.runner.send(.typed("dostawca"))
    #expect(!wizard.screenText.contains("ostawca"), "\(wizard.screenText)")
    #expect(wizard.screenText.contains("▸ Oznacz jako zrobione"), "\(wizard.screenText)")
    #expect(wizard.screenText.contains("Wklejony tekst pominięto"), "\(wizard.screenText)")
    wizard.runner.send(.typed("cna pismo UM"))
    guard case .prompt(let prompt)? = wizard.model.overlay else {
      Issue.record("„c” opens the prompt for what is awaited: \(wizard.screenText)")
      return
    }
    #expect(prompt.input.text == "na pismo UM")
    #expect(wizard.model.unit?.eventCount == events, "nothing is recorded before Enter")
    wizard.press(.escape)
    // The same word pasted into a field of the step is its text.
    wizard.press(.home)
    wizard.runner.send(.typed("Zadzwoniono"))
    #expect(wizard.screenText.contains("Zadzwoniono"), "\(wizard.screenText)")
    #expect(wizard.model.unit?.step("2.1").status == .todo)
  }

  @Test("the start screen's filter takes „q”, „?” and a paste as text, not as quit and help")
  func startFilterTakesEveryLetter() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    guard case .start = wizard.model.screen else {
      Issue.record("a new folder opens on the start screen: \(wizard.screenText)")
      return
    }
    wizard.press(.character("/"), .character("q"), .character("?"))
    #expect(wizard.model.overlay == nil, "\(wizard.screenText)")
    wizard.runner.send(.typed("Gmina"))
    guard case .start(let list) = wizard.model.screen else {
      Issue.record("still the start screen")
      return
    }
    #expect(list.rows.filter.text == "q?Gmina")
  }
}

@Suite("A message longer than its line")
struct LongMessageTests {
  @Test("the message line says F3; F3 shows the message whole, scrolled with ↓ when it is long")
  func readWhole() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    wizard.open(step: "3.3")
    wizard.press(.character("a"), .control("u"))
    let address = (1...300).map { "zly\($0)" }.joined(separator: "-") + "-KONIEC"
    wizard.type(address)
    wizard.press(.function(2))
    let line = wizard.screen[22]
    #expect(line.contains("(F3 — całość)"), "\(line)")
    wizard.press(.function(3))
    guard case .message = wizard.model.overlay else {
      Issue.record("the whole message expected in a box")
      return
    }
    func boxShows(_ text: String) -> Bool {
      wizard.screen.contains { $0.hasPrefix("    │") && $0.contains(text) }
    }
    #expect(boxShows("„zly1-zly2") && !boxShows("KONIEC"), "the box opens at the start: \(wizard.screenText)")
    var seen = false
    for _ in 0..<20 where !seen {
      wizard.press(.down)
      seen = boxShows("KONIEC")
    }
    #expect(seen, "the end of the message can be scrolled to")
    wizard.press(.escape)
    #expect(wizard.model.overlay == nil)
  }
}

extension PasteTests {
  @Test("a paste right after choosing a path goes into the field the cursor moved to")
  func pasteAfterChoosingPath() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.press(.down, .enter)  // FINN 8SQL: the cursor moves to „Kto zdecydował”
    wizard.runner.send(.typed("Jan Nowak, Starosta"))
    guard case .step(let step) = wizard.model.screen else { return }
    #expect(step.form.value("ktoZdecydowal") == "Jan Nowak, Starosta")
    #expect(step.form.value("dostawca").isEmpty)
  }
}
