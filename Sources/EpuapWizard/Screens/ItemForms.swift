import EpuapDomain
import FoundationEssentials
import ScreenKit

/// What a key did to an item form: moved or edited (stay), asked to save, or asked to leave.
enum FormKeyResult {
  case handled
  case save
  case leave
  case unhandled
}

extension FormState {
  /// The row after the last field: „Zapisz”.
  var saveRow: Int { entries.count }

  /// Keys shared by every item form: move between fields and the save row, edit, Enter, Esc.
  mutating func handleFormKey(_ key: Key) -> FormKeyResult {
    switch key {
    case .escape: return .leave
    case .up, .backTab:
      if focus == saveRow { focus = visibleIndices.last ?? 0 } else { _ = moveFocus(by: -1) }
      return .handled
    case .down, .tab:
      if focus != saveRow, !moveFocus(by: 1) { focus = saveRow }
      return .handled
    case .enter:
      if focus == saveRow { return .save }
      if !moveFocus(by: 1) { focus = saveRow }
      return .handled
    case .function(2): return .save
    default:
      if focus == saveRow {
        if key == .character(" ") { return .save }
        return .unhandled
      }
      return edit(key) ? .handled : .unhandled
    }
  }
}

extension WizardModel {
  // MARK: Mailboxes (step 3.3)

  func mailboxForm(for mailbox: Mailbox?) -> ItemForm {
    let fields = procedure.step("3.3")?.fields ?? []
    let values = [
      "adres": mailbox?.address ?? "/\(unit?.unit.entityIdentifier ?? "")/",
      "dzialanie": mailbox?.action.rawValue ?? MailboxAction.keep.rawValue, "uwagi": mailbox?.note ?? "",
    ]
    return ItemForm(itemID: mailbox?.id, form: FormState(fields: fields, values: values))
  }

  mutating func handleMailboxFormKey(_ key: Key, item: ItemForm) -> [WizardEffect] {
    var item = item
    switch item.form.handleFormKey(key) {
    case .leave:
      leaveForm()
      return []
    case .handled, .unhandled:
      screen = .mailboxForm(item)
      return []
    case .save: break
    }
    guard let unit else { return [] }
    let entry = MailboxEntry(
      id: item.itemID ?? unit.nextID(prefix: "skrytka"),
      address: item.form.value("adres").trimmedSpaces,
      action: MailboxAction(rawValue: item.form.value("dzialanie")) ?? .keep,
      note: item.form.value("uwagi").trimmedSpaces)
    let issues = validator.checkMailbox(entry, in: unit)
    _ = item.form.validate { field, _ in
      field.id == "adres" ? issues.filter { $0.rule != .controlCharacters } : []
    }
    if let index = item.form.entries.firstIndex(where: { $0.field.id == "uwagi" }),
      let control = issues.first(where: { $0.rule == .controlCharacters })
    {
      item.form.entries[index].error = control.message
    }
    if issues.errors.isEmpty == false {
      item.form.focusFirstError()
      screen = .mailboxForm(item)
      message = .error(issues.errors[0].message)
      return []
    }
    screen = .mailboxForm(item)
    let warning = issues.warnings.first.map { " Uwaga: \($0.message)" } ?? ""
    return record(.mailboxSaved(entry), then: .popScreen("Zapisano skrytkę \(entry.address).\(warning)"))
  }

  // MARK: Settings of steps 3.6–3.8, per mailbox

  /// The settings of one mailbox for the per-mailbox steps grouped with `stepID` (3.4–3.9 together; the
  /// receipt test of section 5 on its own).
  func settingsForm(for mailbox: Mailbox, stepID: String) -> SettingsForm {
    var fields: [Field] = []
    var stepOfField: [String: String] = [:]
    for step in validator.perMailboxSteps(groupedWith: stepID) {
      for field in step.fields {
        fields.append(field)
        stepOfField[field.id] = step.id
      }
    }
    var form = FormState(fields: fields, values: mailbox.settings)
    for index in form.entries.indices {
      let entry = form.entries[index]
      if entry.input.text.isEmpty, entry.field.kind == .choice || entry.field.kind == .checkbox {
        continue
      }
      if !entry.input.text.isEmpty {
        let issues = validator.checkValue(
          stepID: stepOfField[entry.field.id] ?? "", field: entry.field, value: entry.input.text,
          mailbox: mailbox,
          state: unit)
        form.entries[index].warning = issues.warnings.first?.message
      }
    }
    return SettingsForm(mailboxID: mailbox.id, form: form, stepOfField: stepOfField)
  }

  mutating func handleSettingsKey(_ key: Key, settings: SettingsForm) -> [WizardEffect] {
    var settings = settings
    guard let unit, let mailbox = unit.mailbox(settings.mailboxID) else {
      pop()
      return []
    }
    let isOverrideKey = key == .function(4) || (key == .character("o") && !settings.form.isTyping)
    if isOverrideKey, let entry = settings.form.focusedEntry {
      let value = entry.input.text.trimmedSpaces
      guard Validator.allowsVendorValues(on: unit.path) else {
        message = .error(
          "Na tej ścieżce nie ma wykonawcy SOD: wartości wykonawcy zapisuje się tylko przy systemie obiegu "
            + "dokumentów. Ustaw w ePUAP wartość z instrukcji.")
        return []
      }
      guard validator.acceptsVendorValue(fieldID: entry.field.id), !value.isEmpty,
        value != entry.field.expected
      else {
        message = .info(
          "Wartość wykonawcy zapisuje się dla ustawienia kroków 3.6–3.8, którego wartość różni się od instrukcji."
        )
        return []
      }
      overlay = .prompt(
        Prompt(
          title: "Wartość wykonawcy: \(entry.field.label) = \(value)",
          explanation:
            "Instrukcja: \(entry.field.expected). Wpisz powód wykonawcy (np. numer pisma); Enter — zapisz.",
          purpose: .overrideReason(mailboxID: mailbox.id, fieldID: entry.field.id, value: value)))
      return []
    }
    switch settings.form.handleFormKey(key) {
    case .leave:
      leaveForm()
      return []
    case .handled, .unhandled:
      let focus = settings.form.focus
      if settings.form.entries.indices.contains(focus) {
        let entry = settings.form.entries[focus]
        let issues = validator.checkValue(
          stepID: settings.stepOfField[entry.field.id] ?? "", field: entry.field, value: entry.input.text,
          mailbox: mailbox, state: unit)
        let against = issues.first { $0.rule.isAgainstInstruction } ?? issues.warnings.first
        settings.form.entries[focus].warning = entry.input.text.isEmpty ? nil : against?.message
        settings.form.entries[focus].error = nil
      }
      screen = .settings(settings)
      return []
    case .save: break
    }
    // A value against the instruction is recorded as it is set in the portal (it keeps the step from
    // being done); only a value that is not one at all is refused here.
    let valid = settings.form.validate { field, value in
      validator.checkValue(
        stepID: settings.stepOfField[field.id] ?? "", field: field,
        value: value.trimmedSpaces,
        mailbox: mailbox, state: unit
      ).filter { !$0.rule.isAgainstInstruction }
    }
    for index in settings.form.entries.indices where settings.form.entries[index].error == nil {
      let entry = settings.form.entries[index]
      let value = entry.input.text.trimmedSpaces
      settings.form.entries[index].warning =
        value.isEmpty
        ? nil
        : validator.checkValue(
          stepID: settings.stepOfField[entry.field.id] ?? "", field: entry.field, value: value,
          mailbox: mailbox,
          state: unit
        ).first { $0.rule.isAgainstInstruction }?.message
    }
    guard valid else {
      settings.form.focusFirstError()
      screen = .settings(settings)
      message = .error("Popraw zaznaczone pola; ustawień jeszcze nie zapisano.")
      return []
    }
    screen = .settings(settings)
    var values: [String: String] = [:]
    for entry in settings.form.entries {
      let value = entry.input.text.trimmedSpaces
      if value != (mailbox.settings[entry.field.id] ?? "") { values[entry.field.id] = value }
    }
    if values.isEmpty {
      pop()
      message = .info("Bez zmian.")
      return []
    }
    // A vendor value no longer set in the portal is dropped with the change that replaced it.
    var changes: [JournalChange] = [
      .mailboxSettingsRecorded(MailboxSettings(mailboxID: mailbox.id, values: values))
    ]
    for override in unit.overrides where override.mailboxID == mailbox.id {
      if let value = values[override.fieldID], value != override.value {
        changes.append(.overrideRemoved(OverrideRef(mailboxID: mailbox.id, fieldID: override.fieldID)))
      }
    }
    let simulated = unit.simulating(changes)
    let against = settings.form.entries.compactMap { entry -> ValidationIssue? in
      let value = entry.input.text.trimmedSpaces
      guard !value.isEmpty, let saved = simulated.mailbox(mailbox.id) else { return nil }
      return validator.checkValue(
        stepID: settings.stepOfField[entry.field.id] ?? "", field: entry.field, value: value, mailbox: saved,
        state: simulated
      ).first { $0.rule.isAgainstInstruction }
    }
    let required = against.errors.count
    let recommended = against.count - required
    var note = ""
    if required > 0 {
      note += " Niezgodne z instrukcją: \(required) — krok nie będzie zrobiony, dopóki ich nie poprawisz."
    }
    if recommended > 0 { note += " Inne niż zalecane: \(recommended)." }
    return record(
      changes.count == 1 ? changes[0] : .batch(changes),
      then: .popScreen("Zapisano ustawienia skrytki \(mailbox.address).\(note)"))
  }

  // MARK: Systems (step 3.11)

  func systemForm(for system: SystemEntry?) -> ItemForm {
    let fields = procedure.step("3.11")?.fields ?? []
    let suggested = (unit?.systems.isEmpty ?? true) && system == nil
    let values = [
      "nazwa": system?.name ?? (suggested ? procedure.sekapSystemName : ""),
      "typ": system?.type ?? (suggested ? "Zewnętrzny" : ""),
      "opis": system?.description ?? (suggested ? "serwer SEKAP" : ""), "uwagi": system?.note ?? "",
    ]
    return ItemForm(itemID: system?.name, form: FormState(fields: fields, values: values))
  }

  mutating func handleSystemFormKey(_ key: Key, item: ItemForm) -> [WizardEffect] {
    var item = item
    switch item.form.handleFormKey(key) {
    case .leave:
      leaveForm()
      return []
    case .handled, .unhandled:
      screen = .systemForm(item)
      return []
    case .save: break
    }
    let system = SystemEntry(
      name: item.form.value("nazwa").trimmedSpaces,
      type: item.form.value("typ"), description: item.form.value("opis").trimmedSpaces,
      note: item.form.value("uwagi").trimmedSpaces)
    let valid = item.form.validate { field, value in
      validator.fields.check(field, value, stepID: "3.11", requireFilled: true)
    }
    guard valid else {
      item.form.focusFirstError()
      screen = .systemForm(item)
      message = .error("Popraw zaznaczone pola; nic jeszcze nie zapisano.")
      return []
    }
    screen = .systemForm(item)
    var changes: [JournalChange] = [.systemSaved(system)]
    if let original = item.itemID, original != system.name {
      changes.insert(.systemRemoved(ItemRef(id: original)), at: 0)
    }
    let note =
      system.name == procedure.sekapSystemName
      ? "" : " To nie jest serwer SEKAP: zanotuj, do czego służy — kreator nie zaleca jego usuwania."
    return record(
      changes.count == 1 ? changes[0] : .batch(changes),
      then: .popScreen("Zapisano system \(system.name).\(note)"))
  }

  // MARK: Cards (step 4.2)

  /// Cards shown by the list: all, or those whose row contains the filter (case and Polish marks ignored):
  /// the name, the status and the action as the list shows them, so „bez decyzji” finds the undecided.
  func filteredCards(_ list: CardList) -> [ServiceCard] {
    let cards = unit?.cards ?? []
    let filter = list.filter.text.trimmedSpaces
    guard !filter.isEmpty else { return cards }
    let needle = SearchText.folded(filter)
    return cards.filter { SearchText.folded(cardSearchText($0)).containsBytes(needle) }
  }

  /// What the card list's filter searches: the name, the status and the action's label.
  func cardSearchText(_ card: ServiceCard) -> String {
    let status = procedure.choiceLabel(step: "4.2", field: "status", value: card.status.rawValue)
    let action =
      card.action.map { procedure.choiceLabel(step: "4.2", field: "dzialanie", value: $0.rawValue) }
      ?? "bez decyzji"
    return card.name + " \u{1F}" + status + " \u{1F}" + action
  }

  mutating func handleCardListKey(_ key: Key, list: CardList) -> [WizardEffect] {
    var list = list
    if list.filtering {
      switch key {
      case .enter, .escape, .down, .up, .tab:
        list.filtering = false
        if key == .escape { list.filter = TextInput() }
      case .character(let character): list.filter.insert(character)
      case .backspace: list.filter.backspace()
      case .delete: list.filter.deleteForward()
      case .left: list.filter.moveLeft()
      case .right: list.filter.moveRight()
      case .control("u"): list.filter.clear()
      default: break
      }
      list.cursor = 0
      screen = .cardList(list)
      return []
    }
    let cards = filteredCards(list)
    // After the last rows were removed, the cursor stays on the last card, not past it.
    list.cursor = min(list.cursor, max(0, cards.count - 1))
    let page = max(1, size.height - 9)
    switch key {
    case .escape:
      if !list.filter.text.isEmpty {
        list = CardList()
      } else {
        pop()
        return []
      }
    case .character("/"):
      list.filtering = true
    case .up, .character("k"): list.cursor = max(0, list.cursor - 1)
    case .down, .character("j"): list.cursor = min(max(0, cards.count - 1), list.cursor + 1)
    case .pageUp: list.cursor = max(0, list.cursor - page)
    case .pageDown: list.cursor = min(max(0, cards.count - 1), list.cursor + page)
    case .home: list.cursor = 0
    case .end: list.cursor = max(0, cards.count - 1)
    case .character("a"):
      screen = .cardList(list)
      push(.cardForm(cardForm(for: nil)))
      return []
    case .enter:
      guard cards.indices.contains(list.cursor) else {
        screen = .cardList(list)
        push(.cardForm(cardForm(for: nil)))
        return []
      }
      screen = .cardList(list)
      push(.cardForm(cardForm(for: cards[list.cursor])))
      return []
    case .character("x"), .delete:
      guard cards.indices.contains(list.cursor) else { break }
      let card = cards[list.cursor]
      overlay = .confirm(
        Confirmation(
          title: "Usunąć kartę z listy?",
          lines: [card.name, "Usuwa ją tylko z listy w kreatorze; w ePUAP nic się nie zmienia."],
          purpose: .removeCard(id: card.id)))
    case .character("p"):
      overlay = .printMenu(cursor: 0)
    default: break
    }
    screen = .cardList(list)
    return []
  }

  func cardForm(for card: ServiceCard?) -> ItemForm {
    let fields = (procedure.step("4.2")?.fields ?? []).map { field in
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
    var item = item
    let result = item.form.handleFormKey(key)
    item.form.hidden = Self.hiddenCardFields(action: item.form.value("dzialanie"))
    switch result {
    case .leave:
      leaveForm()
      return []
    case .handled, .unhandled:
      screen = .cardForm(item)
      return []
    case .save: break
    }
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
      return validator.fields.check(field, value, stepID: "4.2", requireFilled: field.id == "nazwa")
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
