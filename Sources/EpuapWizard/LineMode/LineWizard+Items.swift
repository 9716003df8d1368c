import EpuapDomain

/// The lists of line mode (mailboxes, systems, cards) and the one way answers reach the journal.
extension LineWizard {
  func addMailbox(_ step: Step) throws -> Bool {
    let values = try askValues(step.fields, current: ["dzialanie": "keep"], stepID: step.id)
    apply {
      $0.mailboxes = [
        AnswersFile.MailboxAnswer(
          address: values["adres", default: ""], action: values["dzialanie", default: ""],
          note: values["uwagi"])
      ]
    }
    return false
  }

  func changeMailbox(_ step: Step) throws -> Bool {
    guard let state, let mailbox = try pick("Która skrzynka?", state.mailboxes, \.address) else {
      return false
    }
    let fields = step.fields.filter { $0.id != "adres" }
    let values = try askValues(
      fields, current: ["dzialanie": mailbox.action.rawValue, "uwagi": mailbox.note], stepID: step.id,
      subject: mailbox.address)
    apply {
      $0.mailboxes = [
        AnswersFile.MailboxAnswer(
          address: mailbox.address, action: values["dzialanie", default: ""], note: values["uwagi"])
      ]
    }
    return false
  }

  func addSystem(_ step: Step) throws -> Bool {
    let values = try askValues(step.fields, current: [:], stepID: step.id)
    apply {
      $0.systems = [
        SystemEntry(
          name: values["nazwa", default: ""], type: values["typ", default: ""],
          description: values["opis", default: ""], note: values["uwagi", default: ""])
      ]
    }
    return false
  }

  func changeCard(_ step: Step) throws -> Bool {
    guard let state, let card = try pick("Która karta?", state.cards, \.name) else { return false }
    return try addCard(step, editing: card)
  }

  /// Asks a card's fields (its name fixed when `editing`); recorded by name, as `answers apply` does.
  func addCard(_ step: Step, editing card: ServiceCard?) throws -> Bool {
    var current: [String: String] = ["status": "aktualna"]
    if let card {
      current = [
        "nazwa": card.name, "status": card.status.rawValue, "dzialanie": card.action?.rawValue ?? "",
        "nazwaFormularza": card.formName, "adresURL": card.url, "formularzEpuap": card.epuapForm,
        "skrytka": card.mailbox,
      ]
    }
    let fields = card == nil ? step.fields : step.fields.filter { $0.id != "nazwa" }
    let values = try askValues(fields, current: current, stepID: step.id, subject: card?.name)
    func optional(_ id: String) -> String? { values[id].flatMap { $0.isEmpty ? nil : $0 } }
    apply {
      $0.cards = [
        AnswersFile.CardAnswer(
          name: values["nazwa", default: ""], status: values["status", default: ""],
          action: optional("dzialanie"),
          formName: optional("nazwaFormularza"), url: optional("adresURL"),
          epuapForm: optional("formularzEpuap"),
          mailbox: optional("skrytka"))
      ]
    }
    return false
  }

  /// Removes a mailbox, system or card from the step's list, after a question.
  func removeItem(_ step: Step) throws -> Bool {
    guard let state else { return false }
    let change: JournalChange?
    switch step.kind {
    case .mailboxes:
      change = try pick("Którą skrzynkę usunąć z listy?", state.mailboxes, \.address).map {
        .mailboxRemoved(ItemRef(id: $0.id))
      }
    case .systems:
      change = try pick("Który system usunąć z listy?", state.systems, \.name).map {
        .systemRemoved(ItemRef(id: $0.name))
      }
    case .cards:
      change = try pick("Którą kartę usunąć z listy?", state.cards, \.name).map {
        .cardRemoved(ItemRef(id: $0.id))
      }
    default:
      change = nil
    }
    guard let change else { return false }
    let sure = try choose(
      "Usunąć z listy w dzienniku? (W portalu nic się nie zmienia; wpis zostaje w historii dziennika.)",
      ["Tak, usuń z listy", "Nie"])
    if sure == 0 { record(change) }
    return false
  }

  /// One item of `items` by its number; nil for „Wróć”.
  func pick<Item>(_ question: String, _ items: [Item], _ name: (Item) -> String) throws -> Item? {
    let choice = try choose(question, items.map(name) + ["Wróć"])
    return choice < items.count ? items[choice] : nil
  }

  // MARK: Recording

  /// Checks `build`'s answers as `answers apply` does and records them as one journal line.
  ///
  /// When they are refused, says what is wrong (nothing is then written). True when recorded or already so.
  @discardableResult
  func apply(
    refused headline: String = "Nie zapisano — popraw i spróbuj ponownie:",
    _ build: (inout AnswersFile) -> Void
  ) -> Bool {
    guard let state else { return false }
    var answers = AnswersFile(unit: state.unit)
    build(&answers)
    let changes: [JournalChange]
    do {
      changes = try AnswersPlan(validator: validator).changes(
        for: answers, onto: state, file: "", today: today)
    } catch {
      guard case .invalid(_, let problems) = error else {
        say("Nie zapisano: \(error.message)")
        return false
      }
      say(headline)
      // „steps.3.6.values.typSkrytki: …”: the location is for a file; here the message names the field.
      for problem in problems {
        let message = problem.firstRange(of: ": ").map { String(problem[$0.upperBound...]) } ?? problem
        say("- \(message)")
      }
      return false
    }
    guard !changes.isEmpty else {
      say("Bez zmian: to już jest zapisane.")
      return true
    }
    return record(changes.count == 1 ? changes[0] : .batch(changes))
  }

  /// Appends one change durably; says so, or why not.
  @discardableResult
  func record(_ change: JournalChange) -> Bool {
    do {
      state = try backend.record(change)
      say("Zapisano w dzienniku.")
      return true
    } catch {
      say("Nie zapisano: \(error.message)")
      return false
    }
  }
}
