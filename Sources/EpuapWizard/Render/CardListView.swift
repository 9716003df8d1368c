import EpuapDomain
import FoundationEssentials
import ScreenKit

/// The service card list: a table that scrolls, with a filter typed after `/`.
enum CardListView {
  static func draw(_ model: WizardModel, list: CardList, into buffer: inout ScreenBuffer, area: ContentArea) {
    let all = model.unit?.cards ?? []
    let cards = model.filteredCards(list)
    var header = " Kart: \(all.count), bez decyzji: \(model.undecidedCardCount)"
    if !list.filter.text.isEmpty || list.filtering { header += " · pasuje: \(cards.count)" }
    buffer.write(header, x: 0, y: area.top, style: Styles.dim)
    let filterY = area.top + 1
    if list.filtering || !list.filter.text.isEmpty {
      let prompt = " Szukaj: "
      buffer.write(prompt, x: 0, y: filterY, style: Styles.heading)
      let shown = DisplayWidth.truncateLeading(list.filter.text, to: area.width - 12)
      buffer.write(shown, x: DisplayWidth.of(prompt), y: filterY, style: Styles.field)
      if list.filtering {
        buffer.cursor = CursorPosition(x: DisplayWidth.of(prompt) + DisplayWidth.of(shown), y: filterY)
      }
    } else {
      buffer.write(
        " / — szukaj (nazwa, status, działanie, „bez decyzji”), a — dodaj, Enter — edytuj", x: 0, y: filterY,
        style: Styles.dim)
    }
    let nameWidth = nameColumn(area.width)
    let columns =
      "  " + DisplayWidth.pad("Nazwa karty (opis usługi)", to: nameWidth) + DisplayWidth.pad("Status", to: 12)
      + "Działanie"
    buffer.write(columns, x: 0, y: area.top + 2, style: Styles.dim)
    // Only the rows on screen are placed, their lines made as the list reaches them (`refreshCardRows`):
    // the list stays as fast with 5000 cards as with 30.
    let height = area.height - 3
    let first = max(0, min(list.cursor - height + 1, cards.count - height))
    let visible = cards.indices.clamped(to: first..<min(cards.count, first + height))
    var lines: [ContentLine] = []
    for index in visible {
      let card = cards[index]
      var line = ContentLine(
        model.cardRowText(index, card: card, list: list), card.action == nil ? Styles.dim : .plain, row: index
      )
      line.highlighted = index == list.cursor && !list.filtering
      lines.append(line)
    }
    if cards.isEmpty {
      lines.append(
        ContentLine(
          all.isEmpty
            ? "  Brak kart. a — dodaj pierwszą kartę." : "  Żadna karta nie pasuje do wyszukiwania.",
          Styles.dim))
    }
    Viewport.draw(lines, into: &buffer, top: area.top + 3, height: height, focusRow: list.cursor)
    if first > 0 { buffer.write("▲", x: area.width - 1, y: area.top + 3, style: Styles.dim) }
    if first + height < cards.count {
      buffer.write("▼", x: area.width - 1, y: area.top + 2 + height, style: Styles.dim)
    }
  }

  /// A card's row: its name, status and action, and ✗ when it has errors.
  ///
  /// Made when the list reaches it (`WizardModel.refreshCardRows`), not at every key.
  static func rowText(_ card: ServiceCard, width: Int, hasErrors: Bool) -> String {
    let status = card.status == .aktualna ? "Aktualna" : "Nieaktualna"
    let action = card.action.map { shortAction($0) } ?? "— bez decyzji —"
    return "  " + DisplayWidth.pad(card.name, to: nameColumn(width) - 1) + " "
      + DisplayWidth.pad(status, to: 12)
      + action + (hasErrors ? " ✗" : "")
  }

  /// The name column's width: status 12 and the action take the rest.
  static func nameColumn(_ width: Int) -> Int { width - 36 }

  static func shortAction(_ action: CardAction) -> String {
    switch action {
    case .delete: "Usuń"
    case .external: "Zewnętrzny (URL)"
    case .epuap: "Dostępny na ePUAP"
    case .keep: "Zostaw (własna)"
    }
  }
}
