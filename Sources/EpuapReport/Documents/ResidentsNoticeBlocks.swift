import EpuapDomain

/// The citizens' notice: where each service card's form is now, and the pages to update.
struct ResidentsNoticeBlocks {
  let parts: DocumentParts

  func blocks() -> [ChecklistDocument.Block] {
    let state = parts.state
    var blocks: [ChecklistDocument.Block] = [.heading("Urząd"), .entries([parts.unitEntries[0]])]
    let kept = state.keptMailboxes.map { parts.clean($0.address) }
    if !kept.isEmpty {
      blocks.append(.paragraph("Skrytka urzędu na ePUAP: " + kept.joined(separator: ", ") + "."))
    }
    blocks.append(.heading("Usługi: gdzie teraz złożyć wniosek"))
    let cards = state.cards
    if cards.isEmpty {
      blocks.append(.paragraph("W kroku 4.2 nie zapisano kart usług."))
    } else {
      let rows = cards.map { [parts.clean($0.name), place(of: $0)] }
      blocks.append(.table(.init(columns: ["Usługa", "Gdzie teraz"], rows: rows)))
    }
    blocks.append(.heading("Strony do zaktualizowania"))
    // „Zaktualizowano” only for a step marked done: a date typed into a step still to do is a plan.
    let step = state.step(KnownStep.residentsInformation.id)
    let date = parts.value(KnownStep.residentsInformation.id, "dataAktualizacji")
    let updated =
      step.status == .done
      ? "Zaktualizowano (krok 5.1)" + (date.map { ": \($0)." } ?? ".")
      : "Krok 5.1 (aktualizacja strony i BIP): \(Procedure.statusLabel(step.status))"
        + (date.map { ", wpisana data: \($0)." } ?? ".")
    blocks.append(
      .bullets([
        "Strona internetowa urzędu: odnośniki do www.sekap.pl zastąpić odnośnikami do ePUAP i do kart usług powyżej.",
        "Biuletyn Informacji Publicznej (BIP): to samo w opisach spraw i w informacji o elektronicznej skrzynce "
          + "podawczej.",
        updated,
      ]))
    return blocks
  }

  /// Where a card's form is now, in words a resident understands.
  private func place(of card: ServiceCard) -> String {
    switch card.action {
    case .external?:
      return card.url.isEmpty ? "formularz na stronie urzędu (adres do uzupełnienia)" : parts.clean(card.url)
    case .epuap?:
      let form =
        card.epuapForm.isEmpty ? "formularz do uzupełnienia" : "formularz „\(parts.clean(card.epuapForm))”"
      let box = card.mailbox.isEmpty ? "" : ", skrytka \(parts.clean(card.mailbox))"
      return "ePUAP: \(form)\(box)"
    case .delete?:
      return "usługa wycofana: sprawę załatwia się w urzędzie"
    case .keep?:
      return "bez zmian na ePUAP"
    case nil:
      return "do ustalenia (karta bez decyzji w kroku 4.2)"
    }
  }
}
