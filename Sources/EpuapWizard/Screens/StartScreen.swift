import EpuapDomain
import FoundationEssentials
import ScreenKit

extension WizardModel {
  /// Start: row 0 is „Nowa jednostka”, then one row per journal found.
  mutating func handleStartKey(_ key: Key, cursor: Int) -> [WizardEffect] {
    let count = journals.count + 1
    switch key {
    case .up, .character("k"): screen = .start(cursor: max(0, cursor - 1))
    case .down, .character("j"), .tab: screen = .start(cursor: min(count - 1, cursor + 1))
    case .home: screen = .start(cursor: 0)
    case .end: screen = .start(cursor: count - 1)
    case .pageUp: screen = .start(cursor: max(0, cursor - 10))
    case .pageDown: screen = .start(cursor: min(count - 1, cursor + 10))
    case .character("n"):
      push(.newUnit(FormState(fields: procedure.unitFields, values: ["rola": "partner"])))
    case .enter:
      if cursor == 0 {
        push(.newUnit(FormState(fields: procedure.unitFields, values: ["rola": "partner"])))
      } else {
        let summary = journals[cursor - 1]
        if let problem = summary.problem {
          message = .error(problem)
          return []
        }
        message = .info("Otwieranie dziennika…")
        return [.openJournal(path: summary.path)]
      }
    case .escape: overlay = .quitConfirm
    default: break
    }
    return []
  }

  /// New unit: role, name, ePUAP identifier, operator; the last row („Utwórz”) creates the journal.
  mutating func handleNewUnitKey(_ key: Key, form: FormState) -> [WizardEffect] {
    var form = form
    let actionRow = form.entries.count
    switch key {
    case .escape:
      pop()
      return []
    case .up, .backTab:
      if form.focus == actionRow {
        form.focus = form.visibleIndices.last ?? 0
      } else {
        _ = form.moveFocus(by: -1)
      }
    case .down, .tab:
      if form.focus != actionRow, !form.moveFocus(by: 1) { form.focus = actionRow }
    case .enter:
      if form.focus == actionRow { return createUnit(form) }
      if !form.moveFocus(by: 1) { form.focus = actionRow }
    default:
      _ = form.edit(key)
    }
    screen = .newUnit(form)
    return []
  }

  mutating func createUnit(_ form: FormState) -> [WizardEffect] {
    var form = form
    let rules = validator.rules
    let valid = form.validate { field, value in
      var issues = validator.fields.check(field, value, requireFilled: true)
      if field.id == "identyfikator", !value.isEmpty, issues.isEmpty,
        !FieldValidator.isEntityIdentifier(value)
      {
        issues.append(rules.issue(.entityIdentifier, field: field.label, ["wartosc": value]))
      }
      return issues
    }
    guard valid else {
      form.focusFirstError()
      screen = .newUnit(form)
      message = .error("Popraw zaznaczone pola; nic jeszcze nie zapisano.")
      return []
    }
    screen = .newUnit(form)
    let unit = UnitInfo(
      name: form.value("nazwa").trimmedSpaces,
      entityIdentifier: form.value("identyfikator").trimmedSpaces,
      role: form.value("rola") == "um" ? .um : .partner)
    message = .info("Tworzenie dziennika…")
    return [
      .createJournal(unit: unit, operatorName: form.value("operator").trimmedSpaces)
    ]
  }

  /// Overview: the steps of the path; Enter opens one.
  mutating func handleOverviewKey(_ key: Key, cursor: Int) -> [WizardEffect] {
    guard let checklist else { return [] }
    let count = checklist.applicable.count
    let page = max(1, size.height - 8)
    switch key {
    case .up, .character("k"): screen = .overview(cursor: max(0, cursor - 1))
    case .down, .character("j"), .tab: screen = .overview(cursor: min(count - 1, cursor + 1))
    case .home: screen = .overview(cursor: 0)
    case .end: screen = .overview(cursor: max(0, count - 1))
    case .pageUp: screen = .overview(cursor: max(0, cursor - page))
    case .pageDown: screen = .overview(cursor: min(count - 1, cursor + page))
    case .enter, .right:
      guard checklist.applicable.indices.contains(cursor) else { return [] }
      push(.step(makeStepScreen(checklist.applicable[cursor].step.id)))
    case .character("n"):
      if let first = checklist.firstOpen {
        push(.step(makeStepScreen(first.step.id)))
      } else {
        push(.finish(cursor: 0))
      }
    case .character("f"): push(.finish(cursor: 0))
    case .character("p"): overlay = .printMenu(cursor: 0)
    case .escape:
      overlay = .quitConfirm
    default: break
    }
    return []
  }

  mutating func handleFinishKey(_ key: Key, cursor: Int) -> [WizardEffect] {
    switch key {
    case .character("p"), .enter: overlay = .printMenu(cursor: 0)
    case .down, .character("j"): screen = .finish(cursor: min(cursor + 1, (verdict?.blocking.count ?? 0) + 8))
    case .up, .character("k"): screen = .finish(cursor: max(0, cursor - 1))
    case .pageDown:
      screen = .finish(cursor: min(cursor + size.height / 2, (verdict?.blocking.count ?? 0) + 8))
    case .pageUp: screen = .finish(cursor: max(0, cursor - size.height / 2))
    case .character("o"), .escape:
      backStack = []
      screen = .overview(cursor: 0)
    case .character("n"):
      if let first = checklist?.firstOpen {
        backStack = [.overview(cursor: overviewIndex(of: first.step.id))]
        screen = .step(makeStepScreen(first.step.id))
      }
    default: break
    }
    return []
  }
}
