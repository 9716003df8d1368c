import EpuapDomain

/// „Zlecenie dokonania zmian w dostępie do systemu SEKAP”: the unit, the components given up (from step
/// 5.2) with what each depends on, the subordinate units filed by the Partner (5.3), the dates.
struct ChangeOrderBlocks {
  let parts: DocumentParts

  func blocks() -> [ChecklistDocument.Block] {
    let filed = parts.value(KnownStep.changeOrder.id, "dataZlecenia")
    var entries = parts.unitEntries
    entries.append(.init("Data złożenia zlecenia", filed ?? DocumentParts.blank))
    // The timeline's own entry for the rule, so that paper and screen give the same date.
    let timeline = Timeline(procedure: parts.procedure, state: parts.state, today: parts.today)
    if let accessEnds = timeline.entries.first(where: { $0.id == KnownDeadline.accessEnds.id }),
      let end = accessEnds.date
    {
      entries.append(.init("Wyłączenie dostępu przez Centrum najpóźniej", "\(end) (\(accessEnds.source))"))
    }
    let named = parts.value(KnownStep.changeOrder.id, "komponenty") ?? ""
    let components = parts.procedure.components ?? []
    // Only identifiers count: a 5.2 text that names none („platforma testowa”) leaves the boxes to tick,
    // rather than printing „nie” beside every component.
    let identified = components.contains { mentions(named, $0.id) }
    let rows = components.map { component -> [String] in
      let givenUp = identified ? (mentions(named, component.id) ? "tak" : "nie") : "[ ] tak  [ ] nie"
      return [
        component.id, component.name, givenUp, component.dependency.isEmpty ? "—" : component.dependency,
      ]
    }
    var blocks: [ChecklistDocument.Block] = [
      .heading("Partner"), .entries(entries),
      .heading("Komponenty systemu SEKAP, z których Partner rezygnuje"),
    ]
    if named.isEmpty {
      blocks.append(
        .paragraph("W kroku 5.2 nie zapisano komponentów: zaznacz je odręcznie przed podpisaniem."))
    } else if !identified {
      blocks.append(
        .paragraph(
          "Według kroku 5.2: \(named). Nie ma tam identyfikatorów komponentów (np. B_PeUP): zaznacz je "
            + "odręcznie przed podpisaniem."))
    } else {
      blocks.append(.paragraph("Według kroku 5.2: \(named)."))
    }
    blocks.append(
      .table(.init(columns: ["Identyfikator", "Komponent", "Rezygnacja", "Zależności"], rows: rows)))
    if mentions(named, "P_VPN"), !mentions(named, "P_eMail") {
      blocks.append(
        .paragraph(
          "UWAGA: rezygnacja z P_VPN bez P_eMail — poczta elektroniczna działa przez to połączenie, "
            + "więc przestanie działać razem z nim."))
    }
    blocks.append(.heading("Jednostki podległe objęte zleceniem (Regulamin, § 6 ust. 2)"))
    // Split before cleaning: a line break separates two units, and cleaning would replace it.
    let subordinates = SubordinateList.of(parts.state).map(
      parts.clean)
    blocks.append(
      subordinates.isEmpty
        ? .paragraph("Nie zapisano jednostek podległych w kroku 5.3 (brak albo do uzupełnienia odręcznie).")
        : .bullets(subordinates))
    if let contact = parts.procedure.contact { blocks.append(.paragraph(parts.clean(contact.line))) }
    return blocks
  }

  /// Whether the step's text names the component's identifier as a word (`P_VPN`, not `P_VPNX`).
  private func mentions(_ text: String, _ id: String) -> Bool {
    text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.contains { $0.uppercased() == id.uppercased() }
  }
}
