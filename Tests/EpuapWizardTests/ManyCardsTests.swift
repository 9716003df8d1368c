import EpuapDomain
import Foundation
import ScreenKit
import TestSupport
import Testing

@testable import EpuapWizard

/// The card list of a unit with many cards: its rows' lines made as the list reaches them.
@Suite("Many cards")
struct ManyCardsTests {
  @Test(
    "the card list's lines are made a screenful ahead, equal to lines made on the spot, and remade after an edit"
  )
  func cardLinesMadeAhead() throws {
    let wizard = WizardHarness()
    defer { wizard.cleanup() }
    wizard.createUnit()
    wizard.decide(.portal)
    try wizard.recordDirectly(
      .batch(
        (1...300).map { number in
          .cardSaved(ServiceCard(id: "karta-\(number)", name: "Sprawa numer \(number)", status: .nieaktualna))
        }))
    wizard.openCardList()
    guard case .cardList(let list) = wizard.model.screen else {
      Issue.record("card list expected")
      return
    }
    // 80×24, the cursor on the first card: the lines of the first 25 cards are made, not all 300.
    #expect(wizard.model.cardRows.texts.count == 25)
    let cards = wizard.model.filteredCards(list)
    let onTheSpot = (25..<50).map { wizard.model.cardRowText($0, card: cards[$0], list: list) }
    // The first key that reaches past them makes a screenful more, the same lines.
    wizard.press(.down)
    #expect(wizard.model.cardRows.texts.count == 50)
    #expect(Array(wizard.model.cardRows.texts[25..<50]) == onTheSpot)
    wizard.press(.down)
    #expect(wizard.model.cardRows.texts.count == 50, "a key within the lines made makes none")
    // An edit is a new event: the lines are made again and the row shows the new action.
    wizard.press(.up, .up, .enter)
    wizard.press(.tab, .tab, .character(" "), .function(2))
    #expect(wizard.model.unit?.card("karta-1")?.action == .delete)
    guard case .cardList = wizard.model.screen else {
      Issue.record("back on the card list expected")
      return
    }
    let row = try #require(wizard.screen.first { $0.contains("Sprawa numer 1 ") })
    #expect(row.contains("Usuń"), "\(row)")
    // Another width: the lines are made again for it.
    wizard.runner.send(.resized(ScreenSize(width: 100, height: 30)))
    // 2 + a name column of 100 − 37 + 1 + status 12 + „Usuń”.
    let first = try #require(wizard.model.cardRows.texts.first)
    let expectedWidth = 82
    #expect(first.count == expectedWidth, "\(first)")
  }
}
