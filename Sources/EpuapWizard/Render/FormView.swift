import EpuapDomain
import FoundationEssentials
import ScreenKit

/// Item forms: new unit, mailbox, mailbox settings, system, card.
enum FormView {
  static func drawNewUnit(
    _ model: WizardModel, form: FormState, into buffer: inout ScreenBuffer, area: ContentArea
  ) {
    draw(form, intro: [], saveLabel: "Utwórz dziennik i zacznij", into: &buffer, area: area)
  }

  static func drawMailbox(
    _ model: WizardModel, item: ItemForm, into buffer: inout ScreenBuffer, area: ContentArea
  ) {
    let kept = model.unit?.keptMailboxes.count ?? 0
    let intro = [
      ContentLine(
        " Zalecane są najwyżej \(model.procedure.recommendedMaxMailboxes) skrytki; zachowanych teraz: \(kept).",
        Styles.dim)
    ]
    draw(item.form, intro: intro, saveLabel: "Zapisz skrytkę", into: &buffer, area: area)
  }

  static func drawSettings(
    _ model: WizardModel, settings: SettingsForm, into buffer: inout ScreenBuffer, area: ContentArea
  ) {
    let vendor = Validator.allowsVendorValues(on: model.unit?.path)
    let intro = [
      ContentLine(
        vendor
          ? " Wpisz, co jest ustawione w ePUAP. Wartość, o którą prosi wykonawca SOD: F4 — z jego powodem."
          : " Wpisz, co jest ustawione w ePUAP; „wymagane” blokuje zakończenie kroku, „zalecane” ostrzega.",
        Styles.dim)
    ]
    var overrides: [String: VendorOverride] = [:]
    for override in model.unit?.overrides ?? [] where override.mailboxID == settings.mailboxID {
      overrides[override.fieldID] = override
    }
    var sections: [Int: String] = [:]
    var seen: Set<String> = []
    for (index, entry) in settings.form.entries.enumerated() {
      let stepID = settings.stepOfField[entry.field.id] ?? ""
      if seen.insert(stepID).inserted, let step = model.procedure.step(stepID) {
        sections[index] = "\(stepID) \(step.title)"
      }
    }
    draw(
      settings.form, intro: intro, saveLabel: "Zapisz ustawienia skrytki", into: &buffer, area: area,
      overrides: overrides, sections: sections)
  }

  static func drawSystem(
    _ model: WizardModel, item: ItemForm, into buffer: inout ScreenBuffer, area: ContentArea
  ) {
    let intro = [
      ContentLine(
        " Wpisz system tak, jak widać go na liście „Systemy”. Standardowo jest tylko \(model.procedure.sekapSystemName).",
        Styles.dim)
    ]
    draw(item.form, intro: intro, saveLabel: "Zapisz system", into: &buffer, area: area)
  }

  static func drawCard(
    _ model: WizardModel, item: ItemForm, into buffer: inout ScreenBuffer, area: ContentArea
  ) {
    let intro = [
      ContentLine(
        " Status i działanie wybierasz spacją lub strzałkami ←/→; pola zależą od działania.", Styles.dim)
    ]
    draw(item.form, intro: intro, saveLabel: "Zapisz kartę", into: &buffer, area: area)
  }

  static func draw(
    _ form: FormState, intro: [ContentLine], saveLabel: String, into buffer: inout ScreenBuffer,
    area: ContentArea,
    overrides: [String: VendorOverride] = [:], sections: [Int: String] = [:]
  ) {
    var lines: [ContentLine] = []
    for line in intro {
      let text = line.spans.map(\.text).joined().trimmedSpaces
      lines += [ContentLine].paragraph(text, width: area.width, style: line.spans.first?.style ?? .plain)
    }
    if !intro.isEmpty { lines.append(.blank) }
    for index in form.visibleIndices {
      if let title = sections[index] { lines.append(ContentLine(" " + title, Styles.heading)) }
      let entry = form.entries[index]
      lines += FieldLines.lines(
        entry, row: index, focused: form.focus == index, width: area.width,
        override: overrides[entry.field.id])
    }
    lines.append(.blank)
    lines.append(
      FieldLines.action(saveLabel + " (Enter)", row: form.saveRow, focused: form.focus == form.saveRow))
    Viewport.draw(lines, into: &buffer, top: area.top, height: area.height, focusRow: form.focus)
  }
}

/// The service card list: a table that scrolls, with a filter typed after `/`.
enum CardListView {
  static func draw(_ model: WizardModel, list: CardList, into buffer: inout ScreenBuffer, area: ContentArea) {
    let all = model.unit?.cards ?? []
    let cards = model.filteredCards(list)
    let undecided = all.count { $0.action == nil }
    var header = " Kart: \(all.count), bez decyzji: \(undecided)"
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
    let nameWidth = area.width - 36
    let columns =
      "  " + DisplayWidth.pad("Nazwa karty (opis usługi)", to: nameWidth) + DisplayWidth.pad("Status", to: 12)
      + "Działanie"
    buffer.write(columns, x: 0, y: area.top + 2, style: Styles.dim)
    // Only the rows on screen are built: the list stays as fast with 5000 cards as with 30.
    let height = area.height - 3
    let first = max(0, min(list.cursor - height + 1, cards.count - height))
    let visible = cards.indices.clamped(to: first..<min(cards.count, first + height))
    var lines: [ContentLine] = []
    for index in visible {
      let card = cards[index]
      let status = card.status == .aktualna ? "Aktualna" : "Nieaktualna"
      let action = card.action.map { shortAction($0) } ?? "— bez decyzji —"
      let problem = model.cardsWithErrors.contains(card.id) ? " ✗" : ""
      let text =
        "  " + DisplayWidth.pad(card.name, to: nameWidth - 1) + " "
        + DisplayWidth.pad(status, to: 12) + action + problem
      var line = ContentLine(text, card.action == nil ? Styles.dim : .plain, row: index)
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

  static func shortAction(_ action: CardAction) -> String {
    switch action {
    case .delete: "Usuń"
    case .external: "Zewnętrzny (URL)"
    case .epuap: "Dostępny na ePUAP"
    case .keep: "Zostaw (własna)"
    }
  }
}
