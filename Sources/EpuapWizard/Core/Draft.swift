import EpuapDomain
import ScreenKit

/// What was typed into a form and is not recorded yet.
///
/// The runtime keeps it beside the journal after every key that changes it (`WizardEffect.saveDraft`),
/// so that Esc, quitting, Ctrl-C or a killed process lose nothing; opening the unit again offers it back,
/// with the form filled as it was left. The new-unit form, which has no journal yet, keeps its draft in
/// the folder, and opening the form again offers it back.
public struct Draft: Codable, Equatable, Sendable {
  /// Which form it belongs to.
  public enum Place: Codable, Equatable, Sendable {
    /// A step's own fields (a simple step, the decision, the consent).
    case step(String)
    /// A mailbox of 3.3; nil: a new one.
    case mailbox(String?)
    /// One mailbox's settings, opened from `stepID`.
    case settings(mailboxID: String, stepID: String)
    /// A system of 3.11 by name; nil: a new one.
    case system(String?)
    /// A card of 4.2; nil: a new one.
    case card(String?)
    /// The new-unit form (the folder's, as there is no journal yet).
    case newUnit
  }

  public var place: Place
  /// The text of every field of the form, by field id.
  public var values: [String: String]

  public init(place: Place, values: [String: String]) {
    self.place = place
    self.values = values
  }
}

extension WizardModel {
  /// The form on screen with what it holds, when any of it differs from what is recorded.
  var unsavedDraft: Draft? {
    guard let (place, form) = formOnScreen, unit != nil || place == .newUnit,
      let recorded = recordedForm(place)
    else { return nil }
    let typed = form.entries.map { $0.storedValue }
    let saved = recorded.entries.map { $0.storedValue }
    guard typed != saved else { return nil }
    var values: [String: String] = [:]
    for entry in form.entries { values[entry.field.id] = entry.input.text }
    return Draft(place: place, values: values)
  }

  /// The screen's form and where it belongs.
  private var formOnScreen: (Draft.Place, FormState)? {
    switch screen {
    case .step(let step): return (.step(step.stepID), step.form)
    case .mailboxForm(let item): return (.mailbox(item.itemID), item.form)
    case .systemForm(let item): return (.system(item.itemID), item.form)
    case .cardForm(let item): return (.card(item.itemID), item.form)
    case .settings(let settings):
      let stepID = validator.perMailboxSteps.first { settings.stepOfField.values.contains($0.id) }?.id ?? ""
      return (.settings(mailboxID: settings.mailboxID, stepID: stepID), settings.form)
    case .newUnit(let form): return (.newUnit, form)
    default: return nil
    }
  }

  /// The form as the journal fills it; nil when its item is gone.
  private func recordedForm(_ place: Draft.Place) -> FormState? {
    switch place {
    case .step(let id): return procedure.step(id) == nil ? nil : makeStepScreen(id).form
    case .mailbox(let id):
      if let id, unit?.mailbox(id) == nil { return nil }
      return mailboxForm(for: id.flatMap { unit?.mailbox($0) }).form
    case .system(let name):
      let system = name.flatMap { name in unit?.systems.first { $0.name == name } }
      if name != nil, system == nil { return nil }
      return systemForm(for: system).form
    case .card(let id):
      if let id, unit?.card(id) == nil { return nil }
      return cardForm(for: id.flatMap { unit?.card($0) }).form
    case .settings(let mailboxID, let stepID):
      guard let mailbox = unit?.mailbox(mailboxID) else { return nil }
      return settingsForm(for: mailbox, stepID: stepID).form
    case .newUnit: return newUnitForm
    }
  }

  /// Opens the draft's form filled as it was left, with the screens a clerk would have come through
  /// behind it; false when its item no longer exists.
  mutating func restore(_ draft: Draft) -> Bool {
    let filled = { (form: FormState) in draft.filled(form) }
    guard let unit, recordedForm(draft.place) != nil else { return false }
    func stepScreen(_ id: String) -> Screen { .step(makeStepScreen(id)) }
    let overview = Screen.overview(cursor: 0)
    switch draft.place {
    case .step(let id):
      var step = makeStepScreen(id)
      step.form = filled(step.form)
      backStack = [.overview(cursor: overviewIndex(of: id))]
      screen = .step(step)
    case .mailbox(let id):
      var item = mailboxForm(for: id.flatMap { unit.mailbox($0) })
      item.form = filled(item.form)
      backStack = [overview, stepScreen(KnownStep.mailboxes.id)]
      screen = .mailboxForm(item)
    case .system(let name):
      var item = systemForm(for: name.flatMap { name in unit.systems.first { $0.name == name } })
      item.form = filled(item.form)
      backStack = [overview, stepScreen(KnownStep.systems.id)]
      screen = .systemForm(item)
    case .card(let id):
      var item = cardForm(for: id.flatMap { unit.card($0) })
      item.form = filled(item.form)
      item.form.hidden = Self.hiddenCardFields(action: item.form.value("dzialanie"))
      backStack = [overview, stepScreen(KnownStep.cards.id), .cardList(CardList())]
      screen = .cardForm(item)
    case .settings(let mailboxID, let stepID):
      guard let mailbox = unit.mailbox(mailboxID) else { return false }
      var settings = settingsForm(for: mailbox, stepID: stepID)
      settings.form = filled(settings.form)
      backStack = [overview, stepScreen(stepID)]
      screen = .settings(settings)
    case .newUnit: return false  // offered when the form is opened (`newUnitDraftRead`), not with a unit
    }
    return true
  }

  /// Where a draft belongs, in the clerk's words.
  func describe(_ place: Draft.Place) -> String {
    switch place {
    case .step(let id): return "krok \(id)"
    case .mailbox(let id):
      return id.flatMap { unit?.mailbox($0)?.address }.map { "skrytka \($0)" } ?? "nowa skrytka"
    case .system(let name): return name.map { "system \($0)" } ?? "nowy system"
    case .card(let id): return id.flatMap { unit?.card($0)?.name }.map { "karta „\($0)”" } ?? "nowa karta"
    case .settings(let mailboxID, _):
      return "ustawienia skrytki \(unit?.mailbox(mailboxID)?.address ?? mailboxID)"
    case .newUnit: return "nowa jednostka"
    }
  }
}

extension Draft {
  /// `form` with the text of each of its fields that the draft holds.
  func filled(_ form: FormState) -> FormState {
    var form = form
    for index in form.entries.indices {
      if let text = values[form.entries[index].field.id] { form.entries[index].input.set(text) }
    }
    return form
  }
}
