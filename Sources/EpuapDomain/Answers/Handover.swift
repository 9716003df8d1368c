/// What one side of the switch-over sends the other, as an answers file the other side applies with
/// `answers apply`: no retyping, and each journal keeps the reference of what it received.
///
/// - The Urząd Marszałkowski, once it has disconnected the integration (its step 1.3), sends the partner
///   its consent to „Usuń system” (the partner's 3.13).
/// - The partner, once its cards are handled (4.2), sends the Urząd Marszałkowski the confirmation its
///   step 1.3 waits for.
///
/// The reference names the sending journal's file and the SHA-256 of its last event, which
/// `journal verify` prints: the receiving journal records it with the value.
public enum Handover {
  /// The answers file for the other side of `state`'s unit; the Polish reason when there is nothing to
  /// send yet: the step is not done, or it is marked done but the verdict still holds against it (4.2
  /// done while a card has no decision, say), since the other side records what it receives as done.
  public static func answers(from state: UnitState, procedure: Procedure, journalName: String) -> Result<
    AnswersFile, HandoverRefusal
  > {
    let blocking = Verdict(procedure: procedure, state: state).blocking
    func heldAgainst(_ stepID: String) -> HandoverRefusal? {
      blocking.first { $0.stepID == stepID }.map { blocker in
        let reason = blocker.text.hasSuffix(".") ? String(blocker.text.dropLast()) : blocker.text
        return HandoverRefusal(
          "Krok \(stepID) jest oznaczony jako zrobiony, ale nadal blokuje zakończenie: \(reason). "
            + "Popraw to przed przekazaniem.")
      }
    }
    let reference = "dziennik \(journalName), SHA-256 ostatniego zdarzenia \(state.lastHash.prefix(16))…"
    switch state.unit.role {
    case .um:
      let step = state.step(KnownStep.disconnection.id)
      guard step.status == .done, let mark = step.lastMark else {
        return .failure(
          HandoverRefusal(
            "Zgodę na „Usuń system” Urząd Marszałkowski przekazuje po rozłączeniu integracji: krok 1.3 nie "
              + "jest jeszcze zrobiony."))
      }
      if let refusal = heldAgainst(KnownStep.disconnection.id) { return .failure(refusal) }
      var answers = AnswersFile(
        unit: UnitInfo(
          name: state.unit.name, entityIdentifier: state.unit.entityIdentifier, role: .partner))
      let date =
        step.values["dataRozlaczenia"].flatMap { $0.isEmpty ? nil : $0 }
        ?? LocalTime.day(ofTimestamp: mark.time)
      answers.consent = Consent(
        who: "\(mark.operatorName), Urząd Marszałkowski Województwa Śląskiego", date: date,
        reference: "rozłączenie integracji (krok 1.3 Urzędu Marszałkowskiego); \(reference)")
      return .success(answers)
    case .partner:
      let step = state.step(KnownStep.cards.id)
      guard step.status == .done, let mark = step.lastMark else {
        return .failure(
          HandoverRefusal(
            "Potwierdzenie dla Urzędu Marszałkowskiego przekazuje się po obsłużeniu kart usług: krok 4.2 nie "
              + "jest jeszcze zrobiony."))
      }
      if let refusal = heldAgainst(KnownStep.cards.id) { return .failure(refusal) }
      var answers = AnswersFile(
        unit: UnitInfo(
          name: state.unit.name, entityIdentifier: state.unit.entityIdentifier, role: .um))
      let confirmation =
        "karty usług obsłużone (krok 4.2 zrobiony \(LocalTime.day(ofTimestamp: mark.time)), "
        + "\(mark.operatorName)); \(reference)"
      answers.steps = [
        KnownStep.disconnection.id: AnswersFile.StepAnswer(values: ["potwierdzeniePartnera": confirmation])
      ]
      return .success(answers)
    }
  }
}

/// Why there is nothing to hand over yet; the message says which step is missing.
public struct HandoverRefusal: Error, Equatable, Sendable {
  public let message: String

  init(_ message: String) { self.message = message }
}
