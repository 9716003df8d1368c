import EpuapDomain
import FoundationEssentials
import ScreenKit

extension WizardModel {
  /// Start: row 0 is „Nowa jednostka”, then the units the filter lets through; `/` filters by name,
  /// identifier or path, `s` changes the order.
  mutating func handleStartKey(_ key: Key, list: StartList) -> [WizardEffect] {
    var list = list
    if list.rows.filtering {
      list.rows.editFilter(key)
      screen = .start(list)
      return []
    }
    let shown = startRows.summaries
    let count = shown.count + 1
    if let moved = FilteredList.moved(
      list.rows.cursor, by: key == .tab ? .down : key, count: count, page: max(1, size.height - 10))
    {
      list.rows.cursor = moved
      screen = .start(list)
      return []
    }
    if key == .escape {
      if !list.rows.query.isEmpty {
        list.rows = FilteredList()
      } else {
        overlay = .quitConfirm
      }
      screen = .start(list)
      return []
    }
    switch KeyBindings.action(for: key, in: self) {
    case .filter:
      list.rows.filtering = true
    case .order:
      let orders = StartList.Order.allCases
      list.order = orders[((orders.firstIndex(of: list.order) ?? 0) + 1) % orders.count]
      list.rows.cursor = 0
      message = .info("Kolejność: \(list.order.rawValue).")
    case .newUnit:
      push(.newUnit(newUnitForm))
      return [.readNewUnitDraft]
    case .open:
      if list.rows.cursor == 0 {
        push(.newUnit(newUnitForm))
        return [.readNewUnitDraft]
      }
      let summary = shown[list.rows.cursor - 1]
      if let problem = summary.problem {
        message = .error(problem)
        return []
      }
      message = .info("Otwieranie dziennika…")
      return [.openJournal(path: summary.path)]
    default: break
    }
    screen = .start(list)
    return []
  }

  /// Remakes `startRows` when what they are made from changed, and makes the lines the cursor reaches
  /// (`LinesAhead`).
  mutating func refreshStartRows(_ list: StartList) {
    let source = StartRows.Source(
      journalsVersion: journalsVersion, filter: list.rows.filter.text, order: list.order, width: size.width)
    if source != startRows.source {
      let (summaries, depths) = PartnerGroups.grouped(filteredJournals(list))
      startRows = StartRows(
        source: source, summaries: summaries, names: StartView.names(summaries, depths: depths), texts: [])
    }
    let (summaries, names, width) = (startRows.summaries, startRows.names, size.width)
    LinesAhead.extend(
      &startRows.texts, count: summaries.count, cursor: list.rows.cursor, screenHeight: size.height
    ) { StartView.rowText(summaries[$0], name: names[$0], width: width) }
  }

  /// The units the start screen lists: those whose name, identifier or path contains the filter (letter
  /// case and Polish marks aside), in the list's order.
  func filteredJournals(_ list: StartList) -> [JournalSummary] {
    let query = SearchText.folded(list.rows.query)
    var rows =
      query.isEmpty
      ? journals
      : journals.filter { summary in
        let path = summary.chosenPath.map(ShortNames.path) ?? ""
        return SearchText.folded(summary.unitName + " \u{1F}" + summary.entityIdentifier + " \u{1F}" + path)
          .containsBytes(query)
      }
    switch list.order {
    case .lastChange: break  // as listed: the most recent first
    case .name: rows.sort { NaturalOrder.precedes($0.unitName, $1.unitName) }
    case .identifier: rows.sort { NaturalOrder.precedes($0.entityIdentifier, $1.entityIdentifier) }
    case .progress:
      rows.sort { lhs, rhs in
        let left = lhs.totalCount == 0 ? 0 : Double(lhs.doneCount) / Double(lhs.totalCount)
        let right = rhs.totalCount == 0 ? 0 : Double(rhs.doneCount) / Double(rhs.totalCount)
        return left < right
      }
    }
    return rows
  }

  /// The new-unit form as it opens: the role „partner” chosen, nothing typed.
  var newUnitForm: FormState { FormState(fields: procedure.unitFields, values: ["rola": "partner"]) }

  /// New unit: role, name, ePUAP identifier, operator; the last row („Utwórz”) creates the journal.
  mutating func handleNewUnitKey(_ key: Key, form: FormState) -> [WizardEffect] {
    var form = form
    let actionRow = form.entries.count
    switch key {
    case .escape:
      screen = .newUnit(form)
      leaveForm()
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
    let journals = journals
    let role = Role(rawValue: form.value("rola")) ?? .partner
    let valid = form.validate { field, value in
      validator.checkUnitField(field, value, journals: journals, role: role)
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
      role: role)
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
    if let moved = FilteredList.moved(cursor, by: key == .tab ? .down : key, count: count, page: page) {
      screen = .overview(cursor: moved)
      return []
    }
    if key == .escape {
      overlay = .quitConfirm
      return []
    }
    switch KeyBindings.action(for: key, in: self) {
    case .open:
      guard checklist.applicable.indices.contains(cursor) else { return [] }
      push(.step(makeStepScreen(checklist.applicable[cursor].step.id)))
    case .nextOpen:
      if let first = checklist.firstOpen {
        push(.step(makeStepScreen(first.step.id)))
      } else {
        push(.finish(cursor: 0))
      }
    case .finish: push(.finish(cursor: 0))
    case .printChecklist:
      overlay = .printMenu(cursor: 0)
      return [.listPrinters]
    default: break
    }
    return []
  }

  mutating func handleFinishKey(_ key: Key, cursor: Int) -> [WizardEffect] {
    switch KeyBindings.action(for: key, in: self) {
    case .printChecklist:
      overlay = .printMenu(cursor: 0)
      return [.listPrinters]
    case .scroll:
      let lines = (verdict?.blocking.count ?? 0) * 2 + 8
      screen = .finish(
        cursor: FilteredList.moved(cursor, by: key, count: lines, page: size.height / 2) ?? cursor)
    case .overview:
      backStack = []
      screen = .overview(cursor: 0)
    case .nextOpen:
      if let first = checklist?.firstOpen {
        backStack = [.overview(cursor: overviewIndex(of: first.step.id))]
        screen = .step(makeStepScreen(first.step.id))
      }
    default: break
    }
    return []
  }

}

/// Subordinate units under their partner (Regulamin, § 6): a unit that a listed partner names at its step
/// 5.3 (by identifier, else by name) follows that partner, one level deeper, in the list's order.
enum PartnerGroups {
  static func grouped(_ rows: [JournalSummary]) -> (rows: [JournalSummary], depths: [Int]) {
    // Who lists whom: for each row, the first other row (a partner) whose 5.3 names it.
    var parent: [Int: Int] = [:]
    let partners = rows.indices.filter { !(rows[$0].subordinates ?? []).isEmpty }
    if partners.isEmpty { return (rows, Array(repeating: 0, count: rows.count)) }
    for index in rows.indices where rows[index].problem == nil {
      for partner in partners where partner != index {
        let listed = rows[partner].subordinates ?? []
        if SubordinateList.contains(
          listed, identifier: rows[index].entityIdentifier, name: rows[index].unitName)
        {
          parent[index] = partner
          break
        }
      }
    }
    var children: [Int: [Int]] = [:]
    for index in rows.indices { if let up = parent[index] { children[up, default: []].append(index) } }
    var order: [JournalSummary] = []
    var depths: [Int] = []
    var placed = Set<Int>()
    func place(_ index: Int, depth: Int) {
      guard placed.insert(index).inserted else { return }  // a cycle of lists places each unit once
      order.append(rows[index])
      depths.append(depth)
      for child in children[index] ?? [] { place(child, depth: depth + 1) }
    }
    for index in rows.indices where parent[index] == nil { place(index, depth: 0) }
    for index in rows.indices { place(index, depth: 0) }  // units only reachable through a cycle
    return (order, depths)
  }
}
