import EpuapDomain

/// The receipt test protocol: for each kept mailbox, what step 5.5 recorded, or blanks to fill in by hand.
struct ReceiptTestBlocks {
  let parts: DocumentParts

  func blocks() -> [ChecklistDocument.Block] {
    let state = parts.state
    var blocks: [ChecklistDocument.Block] = [.heading("Jednostka"), .entries(parts.unitEntries)]
    let kept = state.keptMailboxes
    if kept.isEmpty {
      blocks.append(.paragraph("W kroku 3.3 nie zapisano żadnej zachowanej skrytki: nie ma czego testować."))
      return blocks
    }
    let fields = parts.procedure.step(KnownStep.receiptTest.id)?.fields ?? []
    blocks.append(.heading("Skrytki (\(kept.count))"))
    for mailbox in kept {
      blocks.append(.subheading(parts.clean(mailbox.address)))
      var entries: [ChecklistDocument.Entry] = fields.map { field in
        let recorded = mailbox.settings[field.id].map { parts.clean($0) }
        let shown = recorded ?? (field.kind == .checkbox ? "[ ] tak  [ ] nie" : DocumentParts.blank)
        return .init(field.label, shown)
      }
      let emails = mailbox.settings["adresyEmail"].map { parts.clean($0) } ?? DocumentParts.blank
      entries.append(.init("Adresy powiadomień (krok 3.7)", emails))
      blocks.append(.entries(entries))
    }
    let test = state.step(KnownStep.receiptTest.id)
    blocks.append(
      .paragraph(
        test.status == .done
          ? "Krok 5.5 oznaczono jako zrobiony."
          : "Krok 5.5: \(Procedure.statusLabel(test.status)) — uzupełnij protokół odręcznie albo w kreatorze."
      ))
    return blocks
  }
}
