import EpuapDomain
import EpuapWizard
import ScreenKit
import Testing

/// What the model keeps alongside the unit's state (the checklist, the cards with errors) follows every
/// change of that state, as if worked out from scratch.
@Suite("Wizard model: state derived from the unit")
struct DerivedStateTests {
  static let procedure = try! ProcedureLoader.builtIn()

  static func state(cards: [ServiceCard]) -> UnitState {
    var entries = [
      JournalEntry(
        version: 1, sequence: 1, time: "2026-11-25T10:00:00Z", operatorName: "Test",
        change: .unitCreated(UnitInfo(name: "Gmina", entityIdentifier: "gmina", role: .partner)), hash: "")
    ]
    for (index, card) in cards.enumerated() {
      entries.append(
        JournalEntry(
          version: 1, sequence: index + 2, time: "2026-11-25T10:00:00Z", operatorName: "Test",
          change: .cardSaved(card), hash: ""))
    }
    return UnitState.fold(entries)!
  }

  static func fromScratch(_ model: WizardModel) -> Set<String> {
    Set((model.unit?.cards ?? []).filter { !model.validator.checkCard($0).errors.isEmpty }.map(\.id))
  }

  @Test("a card gains and loses its error mark as it is changed; unchanged cards keep theirs")
  func cardsWithErrorsFollowChanges() {
    var model = WizardModel(
      procedure: Self.procedure, size: ScreenSize(width: 80, height: 24), today: "2026-11-25")
    #expect(model.cardsWithErrors.isEmpty && model.checklist == nil)
    // Deleting a card that is still current needs its withdrawal first: an error.
    let wrong = ServiceCard(id: "k1", name: "Wycinka drzew", status: .aktualna, action: .delete)
    let fine = ServiceCard(id: "k2", name: "Zaświadczenie", status: .nieaktualna, action: .delete)
    model.unit = Self.state(cards: [wrong, fine])
    #expect(model.cardsWithErrors == ["k1"])
    #expect(model.cardsWithErrors == Self.fromScratch(model))
    #expect(model.checklist == Checklist(procedure: Self.procedure, state: model.unit!))

    var fixed = wrong
    fixed.status = .nieaktualna
    let broken = ServiceCard(id: "k3", name: "Meldunek", status: .aktualna, action: .delete)
    model.unit = Self.state(cards: [fixed, fine, broken])
    #expect(model.cardsWithErrors == ["k3"])
    #expect(model.cardsWithErrors == Self.fromScratch(model))

    model.unit = nil
    #expect(model.cardsWithErrors.isEmpty && model.checklist == nil)
  }
}
