import EpuapDomain
import EpuapWizard
import Foundation
import ScreenKit
import Testing

/// The states that must never read as finished, reached with the wizard's keys as a clerk would.
@Suite("The verdict through the wizard's keys")
struct VerdictByKeysTests {
  @Test(
    "3.13 cannot be skipped; „c” marks it waiting, the next-step key passes over it, the verdict stays open")
  func consentStepWaits() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    wizard.open(step: "3.13")
    #expect(wizard.currentStepID == "3.13")
    wizard.press(.tab, .tab, .tab)  // past the consent's fields, to the actions
    wizard.press(.character("s"))
    #expect(wizard.model.overlay == nil)
    #expect(wizard.screenText.contains("Kroku 3.13 nie można pominąć"))
    #expect(!wizard.screenText.contains("Pomiń z podaniem powodu"))
    wizard.press(.character("c"), .enter)
    #expect(wizard.model.unit?.step("3.13").status == .todo, "what is awaited must be said")
    wizard.type("zgoda Urzędu Marszałkowskiego, pismo wysłane 2026-11-20")
    wizard.press(.enter)
    #expect(wizard.model.unit?.step("3.13").status == .waiting)
    #expect(wizard.currentStepID == "4.1", "the next open step, past the waiting one")
    let blocking = try #require(wizard.model.verdict?.blocking)
    #expect(blocking.contains { $0.stepID == "3.13" && $0.text.contains("czeka na: zgoda Urzędu") })
    wizard.press(.escape)  // the overview, its cursor on 4.1
    #expect(wizard.screenText.contains("[~] 3.13"), "\(wizard.screenText)")
  }

  @Test("the consent is saved field by field without marking „Usuń system” done")
  func consentIsItsOwnFact() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    wizard.open(step: "3.13")
    wizard.type("Jan Kowalski, UMWS")
    wizard.press(.tab, .tab)
    wizard.type("DCF.1234.2026")
    wizard.press(.tab)
    let unit = try #require(wizard.model.unit)
    #expect(
      unit.consent == Consent(who: "Jan Kowalski, UMWS", date: "2026-11-25", reference: "DCF.1234.2026"))
    #expect(unit.step("3.13").status == .todo, "the consent is recorded; the removal is not")
    #expect(wizard.model.verdict?.blocking.contains { $0.stepID == "3.13" } == true)
  }

  @Test("portal: a vendor value is refused, and PUSH is recorded but keeps 3.6 from being done")
  func portalHasNoVendor() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    try wizard.recordDirectly(
      .mailboxSaved(MailboxEntry(id: "skrytka-1", address: "/pzgliwice/skrytka", action: .keep)))
    wizard.open(step: "3.6")
    wizard.press(.home, .enter)
    wizard.press(.tab, .tab, .tab, .tab, .character(" "))  // Tryb pracy: PUSH
    wizard.press(.function(4))
    #expect(wizard.model.overlay == nil)
    #expect(wizard.screenText.contains("nie ma wykonawcy SOD"))
    wizard.press(.function(2))
    #expect(wizard.model.unit?.mailboxes.first?.settings["trybPracy"] == "PUSH", "what is set is recorded")
    wizard.press(.character("d"))
    #expect(wizard.model.unit?.step("3.6").status == .todo)
    #expect(wizard.screenText.contains("instrukcja wymaga „PULL”"))
  }

  @Test("a vendor value is dropped once the setting is changed back to the instruction's")
  func staleVendorValueDropped() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.sodFinn)
    try wizard.recordDirectly(
      .mailboxSaved(MailboxEntry(id: "skrytka-1", address: "/pzgliwice/skrytka", action: .keep)),
      .mailboxSettingsRecorded(MailboxSettings(mailboxID: "skrytka-1", values: ["trybPracy": "PUSH"])),
      .overrideSaved(
        VendorOverride(mailboxID: "skrytka-1", fieldID: "trybPracy", value: "PUSH", reason: "pismo")))
    wizard.open(step: "3.6")
    wizard.press(.home, .enter)
    wizard.press(.tab, .tab, .tab, .tab, .character(" "))  // Tryb pracy: PUSH → PULL
    wizard.press(.function(2))
    #expect(wizard.model.unit?.mailboxes.first?.settings["trybPracy"] == "PULL")
    #expect(wizard.model.unit?.overrides.isEmpty == true)
  }

  @Test("UM: 1.1 with „Do BIP” still ticked cannot be done, and the message speaks of admin.sekap.pl")
  func umDoBip() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit(role: .um)
    #expect(wizard.currentStepID == "1.1")
    wizard.press(.character(" "), .tab, .character(" "), .character(" "))  // Aktualny: tak; Do BIP: nie
    wizard.press(.function(2))
    #expect(wizard.model.unit?.step("1.1").status == .todo)
    #expect(wizard.screenText.contains("admin.sekap.pl"))
    #expect(!wizard.screenText.contains("SOD"))
  }

  @Test("UM: what a step may wait for is the partner's cards, not the Urząd Marszałkowski's own consent")
  func umWaitingExample() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit(role: .um)
    #expect(wizard.currentStepID == "1.1")
    let row = "Czeka — na coś spoza urzędu, np. przekierowanie kart przez Partnera (c)"
    #expect(wizard.screenText.contains(row))
    wizard.press(.character("?"))
    #expect(wizard.screenText.contains("(np. przekierowanie kart przez Partnera)"), "\(wizard.screenText)")
    wizard.press(.escape, .character("c"))
    guard case .prompt(let prompt)? = wizard.model.overlay else {
      Issue.record("„c” opens no prompt: \(String(describing: wizard.model.overlay))")
      return
    }
    #expect(prompt.explanation.contains("(np. przekierowanie kart przez Partnera, pismo z 2026-11-20)"))
    #expect(!wizard.screenText.contains("zgod"), "\(wizard.screenText)")
  }

  @Test("a partner's step may wait for the Urząd Marszałkowski's consent, as the row and the prompt say")
  func partnerWaitingExample() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    wizard.open(step: "3.13")
    #expect(wizard.screenText.contains("Czeka — na coś spoza urzędu, np. zgodę UM (c)"))
    wizard.press(.tab, .tab, .tab, .character("c"))
    guard case .prompt(let prompt)? = wizard.model.overlay else {
      Issue.record("„c” opens no prompt: \(String(describing: wizard.model.overlay))")
      return
    }
    #expect(prompt.explanation.contains("(np. zgoda Urzędu Marszałkowskiego, pismo z 2026-11-20)"))
  }

  @Test(
    "2.4: the 7-day error under „Data zgłoszenia” goes when „Data zmiany osób” is changed; then it is done")
  func reportTooLateFollowsEitherDate() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    wizard.open(step: "2.4")
    wizard.press(.home)
    wizard.type("2026-11-27")
    wizard.press(.enter)
    wizard.type("2026-11-24")
    wizard.press(.enter, .function(2))
    #expect(wizard.model.unit?.step("2.4").status == .todo)
    #expect(wizard.screenText.contains("mniej niż 7 dni"), "\(wizard.screenText)")
    wizard.press(.up)  // from „Data zgłoszenia”, where the error took the cursor, to „Data zmiany osób”
    wizard.press(.control("u"))
    #expect(!wizard.screenText.contains("mniej niż 7 dni"), "\(wizard.screenText)")
    wizard.runner.send(.typed("2026-12-10"))
    wizard.press(.enter, .function(2))
    #expect(wizard.model.unit?.step("2.4").status == .done)
  }

  @Test("4.2 cannot be done while 4.1 counts other cards than the list; the message names both numbers")
  func cardCount() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    try wizard.recordDirectly(
      .stepValuesRecorded(StepValues(stepID: "4.1", values: ["liczbaKart": "57"])),
      .cardSaved(ServiceCard(id: "karta-1", name: "Karta", status: .nieaktualna, action: .delete)))
    wizard.open(step: "4.2")
    wizard.press(.character("d"))
    #expect(wizard.model.unit?.step("4.2").status == .todo)
    let message = try #require(wizard.model.message?.text)
    #expect(message.contains("57") && message.contains("w kroku 4.2: 1"), "\(message)")
  }

  @Test("a card's mailbox is chosen from the kept ones; „/bez decyzji” finds undecided cards")
  func cardMailboxAndFilter() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    try wizard.recordDirectly(
      .mailboxSaved(MailboxEntry(id: "skrytka-1", address: "/pzgliwice/skrytka", action: .keep)),
      .mailboxSaved(MailboxEntry(id: "skrytka-2", address: "/pzgliwice/ZMOKU", action: .delete)),
      .cardSaved(ServiceCard(id: "karta-1", name: "Rejestracja pojazdu", status: .aktualna)),
      .cardSaved(ServiceCard(id: "karta-2", name: "Wpis", status: .nieaktualna, action: .delete)))
    wizard.open(step: "4.2")
    wizard.press(.home, .enter)
    wizard.press(.character("/"))
    wizard.type("bez decyzji")
    wizard.press(.enter)
    #expect(wizard.screenText.contains("Rejestracja pojazdu") && !wizard.screenText.contains("Wpis "))
    wizard.press(.enter)
    guard case .cardForm(let item) = wizard.model.screen else {
      Issue.record("card form expected: \(wizard.screenText)")
      return
    }
    let mailboxField = try #require(item.form.entries.first { $0.field.id == "skrytka" }?.field)
    #expect(mailboxField.choices.map(\.value) == ["/pzgliwice/skrytka"], "only the kept mailbox")
    // Dostępny na ePUAP: form and mailbox.
    wizard.press(.tab, .tab, .character(" "), .character(" "), .character(" "), .tab)
    wizard.type("Pismo ogólne")
    wizard.press(.tab, .character(" "), .function(2))
    let card = try #require(wizard.model.unit?.card("karta-1"))
    #expect(card.action == .epuap && card.mailbox == "/pzgliwice/skrytka", "\(wizard.screenText)")
  }

  @Test("after the last card is removed, the cursor stays on the list: Enter edits, not „Nowa karta”")
  func cursorAfterRemoval() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    try wizard.recordDirectly(
      .cardSaved(ServiceCard(id: "karta-1", name: "Pierwsza", status: .nieaktualna, action: .delete)),
      .cardSaved(ServiceCard(id: "karta-2", name: "Druga", status: .nieaktualna, action: .delete)))
    wizard.open(step: "4.2")
    wizard.press(.home, .enter, .end, .character("x"), .enter)
    #expect(wizard.model.unit?.cards.map(\.name) == ["Pierwsza"])
    wizard.press(.enter)
    guard case .cardForm(let item) = wizard.model.screen else {
      Issue.record("card form expected")
      return
    }
    #expect(item.itemID == "karta-1")
  }

  @Test("the finish screen says the same as the paper: every blocking reason with its step")
  func finishScreenVerdict() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    wizard.open(step: "3.1")
    wizard.press(.escape, .character("f"))
    guard case .finish = wizard.model.screen else {
      Issue.record("finish screen expected: \(wizard.screenText)")
      return
    }
    let verdict = try #require(wizard.model.verdict)
    #expect(!verdict.finished)
    #expect(wizard.screenText.contains("NIEZAKOŃCZONE: co blokuje zakończenie (\(verdict.blocking.count))"))
    #expect(wizard.screenText.contains("krok 2.4: do zrobienia"))
  }
}
