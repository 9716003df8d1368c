import EpuapDomain

/// A step in line mode: its instruction in the portal's words, then what can be done at it.
extension LineWizard {
  /// One thing the clerk can do at a step; `true` from `run` leaves the step.
  typealias StepAction = (label: String, run: () throws -> Bool)

  func stepMenu(_ stepID: String) throws {
    while let state, let item = Checklist(procedure: procedure, state: state).item(stepID) {
      describe(item, in: state)
      let actions = kindActions(item.step, in: state) + markActions(item)
      let choice = try choose("Co robisz w kroku \(stepID)?", actions.map(\.label) + ["Wróć"])
      if choice == actions.count { return }
      if try actions[choice].run() { return }
    }
  }

  /// The step's title, status, place, instruction, warnings, notes, what is recorded and its problems.
  private func describe(_ item: Checklist.Item, in state: UnitState) {
    let step = item.step
    say("")
    say("Krok \(step.id): \(step.title)")
    say("Stan: \(statusWords(item))")
    if !step.location.isEmpty { say("Gdzie: \(step.location)") }
    say(step.instruction)
    for warning in step.warnings { say("UWAGA: \(warning)") }
    for note in step.notes { say("Wskazówka: \(note)") }
    if let contact = procedure.contact, contact.steps.contains(step.id) { say(contact.line) }
    for field in step.fields where step.kind == .simple || step.kind == .decision {
      if let value = item.record.values[field.id], !value.isEmpty {
        say(
          "Zapisano — \(field.label): \(procedure.choiceLabel(step: step.id, field: field.id, value: value))")
      }
    }
    switch step.kind {
    case .mailboxes:
      say("Skrzynki (\(state.mailboxes.count)):")
      for mailbox in state.mailboxes { say("- \(mailboxLine(mailbox))") }
    case .perMailbox:
      for mailbox in state.keptMailboxes {
        let values = step.fields.map { field in
          "\(field.label): \(mailbox.settings[field.id].map { procedure.choiceLabel(step: step.id, field: field.id, value: $0) } ?? "—")"
        }
        say("- \(mailbox.address): " + values.joined(separator: "; "))
      }
      if state.keptMailboxes.isEmpty { say("Żadna skrytka nie jest zachowana (krok 3.3).") }
    case .systems:
      say("Systemy (\(state.systems.count)):")
      for system in state.systems { say("- \(system.name) (\(system.type))") }
    case .consent:
      if let consent = state.consent {
        say("Zgoda: \(consent.who), \(consent.date), \(consent.reference)")
      } else {
        say("Zgoda Urzędu Marszałkowskiego: jeszcze nie zapisana.")
      }
    case .cards:
      say("Karty usług (\(state.cards.count)):")
      for card in state.cards { say("- \(cardLine(card))") }
    case .simple, .decision:
      break
    }
    let issues = validator.issues(for: state, today: today).filter { $0.stepID == step.id }
    for issue in issues { say("\(issue.isError ? "Błąd" : "Ostrzeżenie"): \(issue.message)") }
  }

  private func mailboxLine(_ mailbox: Mailbox) -> String {
    let action = procedure.choiceLabel(
      step: KnownStep.mailboxes.id, field: "dzialanie", value: mailbox.action.rawValue)
    return "\(mailbox.address) — \(action)" + (mailbox.note.isEmpty ? "" : " (\(mailbox.note))")
  }

  private func cardLine(_ card: ServiceCard) -> String {
    let action = card.action.map {
      procedure.choiceLabel(step: KnownStep.cards.id, field: "dzialanie", value: $0.rawValue)
    }
    return "\(card.name) — \(card.status.rawValue)" + (action.map { ", \($0)" } ?? ", działanie nie wybrane")
  }

  // MARK: What each kind of step offers

  private func kindActions(_ step: Step, in state: UnitState) -> [StepAction] {
    switch step.kind {
    case .simple:
      guard !step.fields.isEmpty else { return [] }
      return [
        ("Wpisz wartości i oznacz jako zrobiony", { try self.fillStep(step, thenDone: true) }),
        ("Tylko wpisz wartości", { try self.fillStep(step, thenDone: false) }),
      ]
    case .decision:
      return [("Podejmij decyzję i oznacz jako zrobiony", { try self.decide(step) })]
    case .perMailbox:
      return [
        ("Wpisz ustawienia każdej zachowanej skrytki i oznacz jako zrobiony", { try self.fillSettings(step) })
      ]
    case .consent:
      return [("Wpisz zgodę Urzędu Marszałkowskiego i oznacz jako zrobiony", { try self.fillConsent(step) })]
    case .mailboxes:
      var actions: [StepAction] = [("Dodaj skrzynkę", { try self.addMailbox(step) })]
      if !state.mailboxes.isEmpty {
        actions.append(("Zmień działanie lub uwagi skrzynki", { try self.changeMailbox(step) }))
        actions.append(("Usuń skrzynkę z listy", { try self.removeItem(step) }))
      }
      return actions
    case .systems:
      var actions: [StepAction] = [("Dodaj system", { try self.addSystem(step) })]
      if !state.systems.isEmpty { actions.append(("Usuń system z listy", { try self.removeItem(step) })) }
      return actions
    case .cards:
      var actions: [StepAction] = [("Dodaj kartę usługi", { try self.addCard(step, editing: nil) })]
      if !state.cards.isEmpty {
        actions.append(("Zmień kartę usługi", { try self.changeCard(step) }))
        actions.append(("Usuń kartę z listy", { try self.removeItem(step) }))
      }
      return actions
    }
  }

  /// Marking: done (for list steps; the others mark while filling in), skip, wait, back to do.
  private func markActions(_ item: Checklist.Item) -> [StepAction] {
    let step = item.step
    var actions: [StepAction] = []
    let marksWhileFilling =
      [.decision, .perMailbox, .consent].contains(step.kind) || (step.kind == .simple && !step.fields.isEmpty)
    if item.status != .done, !marksWhileFilling {
      actions.append(("Oznacz jako zrobiony", { self.mark(step.id, "done") }))
    }
    if item.status != .done, marksWhileFilling {
      actions.append(("Oznacz jako zrobiony (bez zmiany wartości)", { self.mark(step.id, "done") }))
    }
    if step.isSkippable, item.status != .skipped {
      actions.append(
        ("Pomiń (z powodem)", { try self.mark(step.id, "skipped", reason: self.reason("Powód pominięcia:")) })
      )
    }
    if item.status != .waiting {
      actions.append(
        ("Czeka (na co)", { try self.mark(step.id, "waiting", reason: self.reason("Na co czeka ten krok:")) })
      )
    }
    if item.status != .todo {
      actions.append(("Przywróć „do zrobienia”", { self.mark(step.id, "todo") }))
    }
    return actions
  }

  private func reason(_ question: String) throws -> String {
    say(question)
    return try ask(">").trimmedSpaces
  }

  /// Records a mark; true (leave the step) when it was recorded.
  private func mark(_ stepID: String, _ status: String, reason: String? = nil) -> Bool {
    let words = StepStatus(rawValue: status).map(Procedure.statusLabel) ?? status
    return apply(
      refused: "Krok \(stepID) nie jest oznaczony jako „\(words)”:"
    ) {
      $0.steps = [stepID: AnswersFile.StepAnswer(status: status, reason: reason)]
    }
  }

  // MARK: Filling in

  /// Asks every field of `fields`, starting from `current`, each checked as it is typed.
  func askValues(
    _ fields: [Field], current: [String: String], stepID: String, subject: String? = nil,
    check: ((Field, String) -> [ValidationIssue])? = nil
  ) throws -> [String: String] {
    var values = current
    for field in fields {
      do {
        values[field.id] = try askField(field, current: current[field.id] ?? "") { value in
          check?(field, value)
            ?? self.validator.fields.check(field, value, stepID: stepID, subject: subject, today: self.today)
        }
      } catch var ended as InputEnded {
        ended.typed = values  // each one already checked: the caller may keep them
        throw ended
      }
    }
    return values
  }

  private func fillStep(_ step: Step, thenDone: Bool) throws -> Bool {
    guard let state else { return true }
    let values: [String: String]
    do {
      values = try askValues(step.fields, current: state.step(step.id).values, stepID: step.id) {
        field, value in
        self.validator.checkValue(
          stepID: step.id, field: field, value: value, state: self.state, today: self.today)
      }
    } catch let ended as InputEnded {
      // What was answered before the input ended is kept, as the full-screen wizard keeps its draft.
      let answered = ended.typed.filter {
        !$0.value.isEmpty && state.step(step.id).values[$0.key] != $0.value
      }
      if !answered.isEmpty { apply { $0.steps = [step.id: AnswersFile.StepAnswer(values: answered)] } }
      throw ended
    }
    // The values are recorded first, so that what was typed stays even when the step cannot be done yet.
    guard apply({ $0.steps = [step.id: AnswersFile.StepAnswer(values: values.filter { !$0.value.isEmpty })] })
    else { return false }
    return thenDone && mark(step.id, "done")
  }

  private func decide(_ step: Step) throws -> Bool {
    guard let state else { return true }
    var current = state.step(step.id).values
    if let decision = state.decision {
      current["sciezka"] = decision.path.rawValue
      current["dostawca"] = decision.vendor
    }
    // The vendor is asked only for an SOD: the portal path has none.
    var values = try askValues(step.fields.filter { $0.id == "sciezka" }, current: current, stepID: step.id)
    let others = step.fields.filter {
      $0.id != "sciezka" && !($0.id == "dostawca" && values["sciezka"] == PathID.portal.rawValue)
    }
    values = try askValues(others, current: values, stepID: step.id)
    if values["sciezka"] == PathID.portal.rawValue { values["dostawca"] = "" }
    guard let path = PathID(rawValue: values["sciezka", default: ""]) else { return false }
    let decision = Decision(path: path, vendor: values["dostawca", default: ""])
    if let previous = state.decision, previous != decision {
      let sure = try choose(
        "Zmiana decyzji z „\(procedure.pathTitle(previous.path))” na „\(procedure.pathTitle(path))”: kroki, "
          + "które nie należą do nowej ścieżki, przestaną się liczyć (ich zapisy zostają w dzienniku). Zmienić?",
        ["Tak, zmień decyzję", "Nie, zostaw"])
      if sure == 1 { return false }
    }
    let stepValues = values.filter { $0.key != "sciezka" && $0.key != "dostawca" && !$0.value.isEmpty }
    let recorded = apply {
      $0.decision = decision
      $0.steps = [step.id: AnswersFile.StepAnswer(status: "done", values: stepValues)]
    }
    if recorded, let info = procedure.pathInfo(path) {
      for warning in info.warnings { say("UWAGA: \(warning)") }
    }
    return recorded
  }

  private func fillSettings(_ step: Step) throws -> Bool {
    guard let state else { return true }
    var answers: [AnswersFile.MailboxAnswer] = []
    func filled(_ values: [String: String]) -> [String: String] {
      step.fields.reduce(into: [String: String]()) { result, field in
        if let value = values[field.id], !value.isEmpty { result[field.id] = value }
      }
    }
    for mailbox in state.keptMailboxes {
      say("Skrytka \(mailbox.address):")
      // The mailbox as it is, with its note: an answer without one would clear it.
      var answer = AnswersFile.MailboxAnswer(
        address: mailbox.address, action: mailbox.action.rawValue, note: mailbox.note)
      do {
        let values = try askValues(
          step.fields, current: mailbox.settings, stepID: step.id, subject: mailbox.address)
        answer.settings = filled(values)
        answer.overrides = try vendorValues(step, filled(values), mailbox: mailbox, in: state)
      } catch let ended as InputEnded {
        // The mailboxes answered, and this one as far as it went, are kept (without the vendor reasons
        // not yet given).
        if answer.settings == nil { answer.settings = filled(ended.typed) }
        answers.append(answer)
        apply { $0.mailboxes = answers }
        throw ended
      }
      answers.append(answer)
    }
    // The settings are recorded first: a value against the instruction is kept, and keeps the step open.
    guard apply({ $0.mailboxes = answers }) else { return false }
    return mark(step.id, "done")
  }

  /// On an SOD path, for each setting that differs from the instruction's value, asks whether the vendor
  /// asked for it and why (F4 of the full-screen wizard); an empty answer records no vendor value.
  private func vendorValues(
    _ step: Step, _ settings: [String: String], mailbox: Mailbox, in state: UnitState
  ) throws -> [AnswersFile.OverrideAnswer]? {
    guard Validator.allowsVendorValues(on: state.path) else { return nil }
    var overrides: [AnswersFile.OverrideAnswer] = []
    for field in step.fields where validator.acceptsVendorValue(fieldID: field.id) {
      guard let value = settings[field.id], value != field.expected else { continue }
      let known = state.override(mailboxID: mailbox.id, fieldID: field.id)
      say(
        "„\(field.label)”: „\(value)” zamiast „\(field.expected)” z instrukcji. Jeśli tę wartość ustalił "
          + "wykonawca SOD, podaj powód (pismo, data); Enter — bez powodu (to odstępstwo do poprawienia)."
          + (known.map { "\n  Zapisany powód: \($0.reason)" } ?? ""))
      let answer = try ask(">").trimmedSpaces
      let reason = answer.isEmpty && known?.value == value ? known?.reason ?? "" : answer
      if !reason.isEmpty {
        overrides.append(AnswersFile.OverrideAnswer(field: field.id, value: value, reason: reason))
      }
    }
    return overrides.isEmpty ? nil : overrides
  }

  private func fillConsent(_ step: Step) throws -> Bool {
    guard let state else { return true }
    let current = state.consent.map { ["kto": $0.who, "kiedy": $0.date, "sygnatura": $0.reference] } ?? [:]
    let values = try askValues(step.fields, current: current, stepID: step.id)
    return apply {
      $0.consent = Consent(
        who: values["kto", default: ""], date: values["kiedy", default: ""],
        reference: values["sygnatura", default: ""])
      $0.steps = [step.id: AnswersFile.StepAnswer(status: "done")]
    }
  }
}
