import EpuapDomain

/// The SOD vendor's hand-off: the entity, each kept mailbox with its 3.6–3.8 settings and recorded vendor
/// values (deleted and blocked mailboxes are left out), and what is removed from the ePUAP account.
struct VendorHandoffBlocks {
  let parts: DocumentParts

  func blocks() -> [ChecklistDocument.Block] {
    let state = parts.state
    var entries = parts.unitEntries
    if let path = state.path { entries.append(.init("Sposób integracji", parts.procedure.pathTitle(path))) }
    if let vendor = state.decision?.vendor, !vendor.isEmpty {
      entries.append(.init("Wykonawca systemu obiegu dokumentów", parts.clean(vendor)))
    }
    var blocks: [ChecklistDocument.Block] = [.heading("Podmiot"), .entries(entries)]
    let kept = state.keptMailboxes
    blocks.append(.heading("Skrytki do integracji (\(kept.count))"))
    if kept.isEmpty {
      blocks.append(.paragraph("W kroku 3.3 nie zapisano żadnej zachowanej skrytki."))
    }
    // The settings the vendor configures: the per-mailbox steps with values the instruction sets (3.6–3.8),
    // not the confirmations that „Edytuj” and „Zapisz” were pressed.
    let validator = Validator(procedure: parts.procedure)
    let settingSteps = validator.perMailboxSteps.filter { step in
      step.fields.contains { $0.kind != .checkbox && validator.acceptsVendorValue(fieldID: $0.id) }
    }
    for mailbox in kept {
      blocks.append(.subheading(parts.clean(mailbox.address)))
      blocks.append(
        .entries([
          .init("Adres skrytki", parts.clean(mailbox.address)),
          .init("Nazwa skrytki", parts.clean(mailbox.boxName)),
        ]))
      for step in settingSteps {
        blocks.append(.paragraph("Krok \(step.id): \(parts.clean(step.title))"))
        blocks.append(
          .entries(
            step.fields.map { field in
              let recorded = mailbox.settings[field.id].map {
                parts.clean(parts.procedure.choiceLabel(step: step.id, field: field.id, value: $0))
              }
              return .init(field.label, recorded ?? "nie zapisano")
            }))
      }
      let overrides = state.overrides.filter { $0.mailboxID == mailbox.id }
      if !overrides.isEmpty {
        blocks.append(.paragraph("Wartości ustalone z wykonawcą (inne niż w instrukcji, z powodem):"))
        blocks.append(
          .bullets(
            overrides.map { override in
              let label =
                settingSteps.flatMap(\.fields).first { $0.id == override.fieldID }?.label ?? override.fieldID
              return "\(label): \(parts.clean(override.value)) (powód: \(parts.clean(override.reason)))"
            }))
      }
    }
    let left = state.mailboxes.count - kept.count
    if left > 0 {
      blocks.append(
        .paragraph(
          "Pominięto skrytki oznaczone w kroku 3.3 do usunięcia albo zablokowania (\(left)): nie są "
            + "integrowane."))
    }
    blocks.append(.heading("Co jest usuwane"))
    let system = parts.clean(parts.procedure.sekapSystemName)
    var removal =
      "System SEKAP „\(system)” (serwer SEKAP) na liście Zarządzanie kontem → Systemy: usuwany za zgodą "
      + "Urzędu Marszałkowskiego (krok 3.13)"
    if let consent = state.consent {
      removal += "; zgoda: \(parts.clean(consent.who)), \(consent.date), \(parts.clean(consent.reference))"
    } else {
      removal += "; zgoda jeszcze nie zapisana"
    }
    removal += state.step(KnownStep.consent.id).status == .done ? "; usunięty." : "."
    blocks.append(.paragraph(removal))
    return blocks
  }
}
