import EpuapDomain
import FoundationEssentials
import ScreenKit

extension WizardModel {

  /// Cards shown by the list: all, or those whose row contains the filter (case and Polish marks ignored):
  /// the name, the status and the action as the list shows them, so „bez decyzji” finds the undecided.
  ///
  /// Taken from `cardRows` while neither the unit nor the filter has changed, so that moving through a
  /// filtered list of 5,000 cards does not fold every card's text again at each key.
  func filteredCards(_ list: CardList) -> [ServiceCard] {
    if cardRows.source == cardRowsSource(list) { return cardRows.cards }
    return matchingCards(list)
  }

  /// What the filtered cards and their lines depend on: the unit's journal and its last event, the
  /// filter and the width.
  private func cardRowsSource(_ list: CardList) -> CardRows.Source {
    CardRows.Source(
      journalPath: journalPath, eventCount: unit?.eventCount ?? -1, filter: list.filter.text,
      width: size.width)
  }

  /// Keeps the list's filtered cards for the keys that follow (see `filteredCards`), and makes the lines
  /// the cursor reaches (`LinesAhead`).
  mutating func refreshCardRows(_ list: CardList) {
    let source = cardRowsSource(list)
    if source != cardRows.source {
      cardRows = CardRows(source: source, cards: matchingCards(list))
    }
    let (cards, withErrors, width) = (cardRows.cards, cardsWithErrors, size.width)
    LinesAhead.extend(&cardRows.texts, count: cards.count, cursor: list.cursor, screenHeight: size.height) {
      CardListView.rowText(cards[$0], width: width, hasErrors: withErrors.contains(cards[$0].id))
    }
  }

  /// The line of `card`, the `index`-th of `filteredCards(list)`: as made ahead, or made on the spot.
  func cardRowText(_ index: Int, card: ServiceCard, list: CardList) -> String {
    if cardRows.source == cardRowsSource(list), index < cardRows.texts.count { return cardRows.texts[index] }
    return CardListView.rowText(card, width: size.width, hasErrors: cardsWithErrors.contains(card.id))
  }

  private func matchingCards(_ list: CardList) -> [ServiceCard] {
    let cards = unit?.cards ?? []
    let filter = list.filter.text.trimmedSpaces
    guard !filter.isEmpty else { return cards }
    let needle = SearchText.folded(filter)
    return cards.filter { SearchText.folded(cardSearchText($0)).containsBytes(needle) }
  }

  /// What the card list's filter searches: the name, the status and the action's label.
  func cardSearchText(_ card: ServiceCard) -> String {
    let status = procedure.choiceLabel(step: KnownStep.cards.id, field: "status", value: card.status.rawValue)
    let action =
      card.action.map {
        procedure.choiceLabel(step: KnownStep.cards.id, field: "dzialanie", value: $0.rawValue)
      }
      ?? "bez decyzji"
    return card.name + " \u{1F}" + status + " \u{1F}" + action
  }

  mutating func handleCardListKey(_ key: Key, list: CardList) -> [WizardEffect] {
    var list = list
    if list.filtering {
      list.editFilter(key)
      screen = .cardList(list)
      return []
    }
    let cards = filteredCards(list)
    // After the last rows were removed, the cursor stays on the last card, not past it.
    list.cursor = min(list.cursor, max(0, cards.count - 1))
    let page = max(1, size.height - 9)
    if let moved = FilteredList.moved(list.cursor, by: key, count: cards.count, page: page) {
      list.cursor = moved
      screen = .cardList(list)
      return []
    }
    switch KeyBindings.action(for: key, in: self) {
    case .back:
      if !list.filter.text.isEmpty {
        list = CardList()
      } else {
        pop()
        return []
      }
    case .filter:
      list.filtering = true
    case .add:
      screen = .cardList(list)
      push(.cardForm(cardForm(for: nil)))
      return []
    case .open:
      guard cards.indices.contains(list.cursor) else {
        screen = .cardList(list)
        push(.cardForm(cardForm(for: nil)))
        return []
      }
      screen = .cardList(list)
      push(.cardForm(cardForm(for: cards[list.cursor])))
      return []
    case .remove:
      guard cards.indices.contains(list.cursor) else { break }
      let card = cards[list.cursor]
      overlay = .confirm(
        Confirmation(
          title: "Usunąć kartę z listy?",
          lines: [card.name, "Usuwa ją tylko z listy w kreatorze; w ePUAP nic się nie zmienia."],
          purpose: .removeCard(id: card.id)))
    case .printChecklist:
      overlay = .printMenu(cursor: 0)
    default: break
    }
    screen = .cardList(list)
    return []
  }

  func cardForm(for card: ServiceCard?) -> ItemForm {
    let fields = (procedure.step(KnownStep.cards.id)?.fields ?? []).map { field in
      field.id == "skrytka" ? mailboxChoiceField(field, current: card?.mailbox ?? "") : field
    }
    let values = [
      "nazwa": card?.name ?? "", "status": card?.status.rawValue ?? CardStatus.aktualna.rawValue,
      "dzialanie": card?.action?.rawValue ?? "", "nazwaFormularza": card?.formName ?? "",
      "adresURL": card?.url ?? "",
      "formularzEpuap": card?.epuapForm ?? "", "skrytka": card?.mailbox ?? "",
    ]
    var form = FormState(fields: fields, values: values)
    form.hidden = Self.hiddenCardFields(action: values["dzialanie"] ?? "")
    return ItemForm(itemID: card?.id, form: form)
  }

  /// Punkt 5 („wybrać skrytkę”): a choice of the mailboxes kept in 3.3, as the portal lists them; a value
  /// recorded earlier that is not one of them stays visible (and its card is flagged).
  func mailboxChoiceField(_ field: Field, current: String) -> Field {
    var addresses = (unit?.keptMailboxes ?? []).map(\.address)
    guard !addresses.isEmpty else { return field }
    if !current.isEmpty, !addresses.contains(current) { addresses.append(current) }
    var choice = field
    choice.kind = .choice
    choice.choices = addresses.map { Choice(value: $0, label: $0) }
    return choice
  }

  /// Only the fields the chosen action needs are shown.
  static func hiddenCardFields(action: String) -> Set<String> {
    switch CardAction(rawValue: action) {
    case .external: return ["formularzEpuap", "skrytka"]
    case .epuap: return ["nazwaFormularza", "adresURL"]
    default: return ["nazwaFormularza", "adresURL", "formularzEpuap", "skrytka"]
    }
  }

  mutating func handleCardFormKey(_ key: Key, item: ItemForm) -> [WizardEffect] {
    guard
      var item = keyInItemForm(
        key, item, shown: Screen.cardForm,
        adjust: { $0.hidden = Self.hiddenCardFields(action: $0.value("dzialanie")) })
    else { return [] }
    guard let unit else { return [] }
    let card = ServiceCard(
      id: item.itemID ?? unit.nextID(prefix: "karta"),
      name: item.form.value("nazwa").trimmedSpaces,
      status: CardStatus(rawValue: item.form.value("status")) ?? .aktualna,
      action: CardAction(rawValue: item.form.value("dzialanie")),
      formName: item.form.value("nazwaFormularza").trimmedSpaces,
      url: item.form.value("adresURL").trimmedSpaces,
      epuapForm: item.form.value("formularzEpuap").trimmedSpaces,
      mailbox: item.form.value("skrytka").trimmedSpaces)
    let issues = validator.checkCard(card, in: unit)
    let actionRules: Set<RuleID> = [
      .cardDeleteNeedsWithdrawal, .cardExternalRedirectIncomplete, .cardEpuapRedirectIncomplete,
    ]
    _ = item.form.validate { field, value in
      if field.id == "dzialanie" { return issues.filter { actionRules.contains($0.rule) } }
      if field.id == "skrytka" {
        return issues.filter { $0.rule == .cardMailboxUnknown || $0.rule == .cardMailboxNotKept }
      }
      if field.id == "adresURL", let sekap = issues.first(where: { $0.rule == .cardRedirectToSekap }) {
        return [sekap]
      }
      if field.kind == .choice { return [] }
      return validator.fields.check(
        field, value, stepID: KnownStep.cards.id, requireFilled: field.id == "nazwa")
    }
    if let error = issues.errors.first {
      item.form.focusFirstError()
      screen = .cardForm(item)
      message = .error(error.message)
      return []
    }
    if item.form.entries.contains(where: { $0.error != nil }) {
      item.form.focusFirstError()
      screen = .cardForm(item)
      message = .error("Popraw zaznaczone pola; karty jeszcze nie zapisano.")
      return []
    }
    screen = .cardForm(item)
    return record(.cardSaved(card), then: .popScreen("Zapisano kartę „\(card.name)”."))
  }
}
