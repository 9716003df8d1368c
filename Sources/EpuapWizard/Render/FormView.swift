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
