import EpuapDomain
import FoundationEssentials

extension ChecklistDocument {
  /// The checklist of `state`: open items first, the unit and its path, every step of the path with its
  /// status, the mailboxes, systems, consent and service cards, lines to sign and the journal's last hash.
  ///
  /// `generatedAt` is printed and is the „today” of validation (a consent date may not lie after it).
  public init(procedure: Procedure, state: UnitState, journal: JournalInfo, generatedAt: Date) {
    let builder = Builder(procedure: procedure, state: state, today: LocalTime.day(generatedAt))
    self.init(
      title: "Lista kontrolna wykonania",
      unitName: ReportText.clean(state.unit.name),
      subtitle: [
        ReportText.clean(procedure.title),
        "Wygenerowano: " + LocalTime.display(generatedAt),
      ],
      blocks: builder.blocks(),
      footer: builder.footer(journal),
      isFinished: builder.isFinished)
  }

  /// Reads the journal at `journalPath` and builds its checklist.
  ///
  /// The journal is only read, never opened for writing: a torn last line is left out (and named in the
  /// footer), and the file stays as it was.
  ///
  /// `displayName` is how the footer names the journal; by default its file name.
  public static func load(
    journalPath: String, procedure: Procedure, displayName: String? = nil, generatedAt: Date = Date(),
    kind: DocumentKind = .checklist
  ) throws(DocumentLoadError) -> ChecklistDocument {
    let journal: LoadedJournal
    do throws(JournalError) {
      journal = try JournalReader.load(path: journalPath)
    } catch {
      throw .journal(error)
    }
    guard let state = UnitState.fold(journal.entries) else {
      throw .journal(.missingHeader(path: journalPath))
    }
    if let refusal = kind.refusal(for: state, procedure: procedure) { throw .refused(refusal) }
    let name = displayName ?? PathText.lastComponent(of: journalPath)
    return kind.build(
      procedure: procedure, state: state,
      journal: JournalInfo(name: name, tornTailLine: journal.tornTail?.line),
      generatedAt: generatedAt)
  }
}

/// Why a document was not made: the journal could not be read, or the document is not for this unit.
public enum DocumentLoadError: Error, Sendable {
  case journal(JournalError)
  /// The Polish reason (a UM journal, the portal path for the vendor's sheet, …).
  case refused(String)

  public var message: String {
    switch self {
    case .journal(let error): error.message
    case .refused(let reason): reason
    }
  }
}

/// Turns the state into blocks.
///
/// Every string from the journal goes through `ReportText.clean`.
private struct Builder {
  typealias Block = ChecklistDocument.Block
  typealias Entry = ChecklistDocument.Entry

  let procedure: Procedure
  let state: UnitState
  let checklist: Checklist
  let issues: [ValidationIssue]
  let verdict: Verdict
  let today: String
  let timeline: Timeline

  init(procedure: Procedure, state: UnitState, today: String) {
    self.procedure = procedure
    self.state = state
    self.today = today
    checklist = Checklist(procedure: procedure, state: state)
    issues = Validator(procedure: procedure).issues(for: state, today: today)
    verdict = Verdict(procedure: procedure, state: state, checklist: checklist, issues: issues)
    timeline = Timeline(
      procedure: procedure, state: state, today: today, checklist: checklist, verdict: verdict)
  }

  var isFinished: Bool { verdict.finished }

  func blocks() -> [Block] {
    var blocks: [Block] = [.notice(notice())]
    blocks += unitAndPath()
    blocks += orderNotices()
    blocks += warnings()
    blocks += steps()
    if applies(.mailboxes) || !state.mailboxes.isEmpty { blocks += mailboxes() }
    if applies(.systems) || !state.systems.isEmpty { blocks += systems() }
    if applies(.consent) || state.consent != nil { blocks += consent() }
    if applies(.cards) || !state.cards.isEmpty { blocks += cards() }
    blocks += interpretations()
    let signatures = state.path.flatMap { procedure.pathInfo($0)?.signatures }
    blocks.append(.signatures(signatures ?? ["Sporządził(a):", "Zatwierdził(a): Kierownik Jednostki"]))
    return blocks
  }

  func footer(_ journal: ChecklistDocument.JournalInfo) -> [String] {
    let name = clean(journal.name)
    var lines = [
      "Dziennik: \(name)",
      "Zdarzeń w dzienniku: \(state.eventCount)",
      "SHA-256: \(state.lastHash)",
    ]
    if let torn = journal.tornTailLine {
      lines.append(
        "UWAGA: wiersz \(torn) dziennika jest urwany (przerwany zapis) i nie został uwzględniony; "
          + "kreator odłoży go przy następnym otwarciu dziennika.")
    }
    lines.append(
      "Ten sam skrót SHA-256 ostatniego zdarzenia pokazuje polecenie: epuap-wizard journal verify \(name)")
    return lines
  }

  // MARK: - Parts

  /// The verdict: „ZAKOŃCZONE” only when nothing blocks, else „NIEZAKOŃCZONE” and every reason with its
  /// step.
  private func notice() -> ChecklistDocument.Notice {
    if verdict.finished {
      return ChecklistDocument.Notice(
        finished: true,
        headline:
          "ZAKOŃCZONE: wszystkie kroki ścieżki są zrobione (albo pominięte z powodem tam, gdzie instrukcja "
          + "na to pozwala) i nic nie blokuje zakończenia.",
        groups: [])
    }
    let reasons = verdict.blocking
    return ChecklistDocument.Notice(
      finished: false,
      headline: "NIEZAKOŃCZONE: "
        + ReportText.count(
          reasons.count, "powód blokuje zakończenie", "powody blokują zakończenie",
          "powodów blokuje zakończenie"),
      groups: [.init(title: "Co blokuje zakończenie", items: reasons.map { clean($0.line) })])
  }

  private func unitAndPath() -> [Block] {
    func unitLabel(_ id: String, _ fallback: String) -> String {
      procedure.unitFields.first { $0.id == id }?.label ?? fallback
    }
    let role =
      procedure.unitFields.first { $0.id == "rola" }?.choices.first { $0.value == state.unit.role.rawValue }?
      .label ?? state.unit.role.rawValue
    var entries = [
      Entry(unitLabel("nazwa", "Nazwa jednostki"), clean(state.unit.name)),
      Entry(
        unitLabel("identyfikator", "Identyfikator podmiotu na ePUAP"),
        state.unit.entityIdentifier.isEmpty ? "nie podano" : clean(state.unit.entityIdentifier)),
      Entry(unitLabel("rola", "Rola"), role),
      Entry(
        "Ścieżka", state.path.map { procedure.pathTitle($0) } ?? "decyzja jeszcze nie podjęta (krok 2.0)"),
    ]
    let info = state.path.flatMap { procedure.pathInfo($0) }
    if let recommendation = info?.recommendation, !recommendation.isEmpty {
      entries.append(Entry("Zalecenie instrukcji", recommendation))
    }
    if let vendor = state.decision?.vendor, !vendor.isEmpty {
      entries.append(
        Entry(
          procedure.step(KnownStep.decision.id)?.fields.first { $0.id == "dostawca" }?.label ?? "Dostawca",
          clean(vendor))
      )
    }
    entries += [
      Entry("Rozpoczęto", ReportText.time(state.createdAt)),
      Entry("Ostatnia zmiana", ReportText.time(state.updatedAt)),
      Entry("Operatorzy", state.operators.map(clean).joined(separator: ", ")),
      Entry(
        "Postęp",
        "zrobione \(checklist.doneCount), pominięte \(checklist.skippedCount), do zrobienia \(checklist.open.count) "
          + "(kroków na ścieżce: \(checklist.applicable.count))"),
    ]
    var blocks: [Block] = [.heading("Jednostka i ścieżka"), .entries(entries)]
    if let info {
      if !info.summary.isEmpty {
        blocks.append(.paragraph("Uzasadnienie według instrukcji: " + clean(info.summary)))
      }
      if !info.warnings.isEmpty {
        blocks.append(.paragraph("Uwagi do tej ścieżki:"))
        blocks.append(.bullets(info.warnings.map(clean)))
      }
    }
    return blocks
  }

  /// What must happen before what, in the seeds' words (cards before the UM disconnects the unit, …).
  private func orderNotices() -> [Block] {
    let notes = procedure.orderNotices.filter { $0.applies(to: state.path) }
    let deadlines = timeline.entries
    if notes.isEmpty && deadlines.isEmpty { return [] }
    var blocks: [Block] = [.heading("Kolejność i terminy")]
    if !notes.isEmpty { blocks.append(.bullets(notes.map { clean($0.text) })) }
    if !deadlines.isEmpty {
      blocks.append(.subheading("Terminy tej jednostki (stan na \(today))"))
      blocks.append(.bullets(deadlines.map { clean(Timeline.line($0)) }))
    }
    return blocks
  }

  private func warnings() -> [Block] {
    let warnings = issues.warnings
    if warnings.isEmpty { return [] }
    return [.heading("Ostrzeżenia (nie blokują zakończenia)"), .bullets(warnings.map(describe))]
  }

  private func steps() -> [Block] {
    var blocks: [Block] = [.heading("Kroki ścieżki")]
    for section in procedure.sections {
      let items = checklist.applicable.filter { item in section.steps.contains { $0.id == item.step.id } }
      if items.isEmpty { continue }
      blocks.append(.subheading(clean("\(section.number) \(section.title)")))
      if !section.actor.isEmpty { blocks.append(.paragraph("Wykonuje: " + clean(section.actor))) }
      blocks.append(.steps(items.map(stepItem)))
    }
    if blocks.count == 1 { blocks.append(.paragraph("Na tej ścieżce nie ma kroków.")) }
    return blocks
  }

  private func stepItem(_ item: Checklist.Item) -> ChecklistDocument.StepItem {
    let mark = item.record.lastMark
    let when = mark.map { ReportText.time($0.time) + ", " + clean($0.operatorName) } ?? ""
    let statusText: String
    switch item.status {
    case .done: statusText = "zrobione" + (when.isEmpty ? "" : " — " + when)
    case .skipped, .waiting:
      statusText = clean(item.record.explanation ?? "") + (when.isEmpty ? "" : "; " + when)
    default: statusText = Procedure.statusLabel(item.status)
    }
    return ChecklistDocument.StepItem(
      id: item.step.id, title: clean(item.step.title), status: item.status, statusText: statusText,
      location: clean(item.step.location), values: values(of: item), warnings: item.step.warnings.map(clean))
  }

  /// What was recorded at a step.
  ///
  /// Lists kept elsewhere (mailboxes, systems, cards) are summed up here and
  /// printed in their own parts.
  private func values(of item: Checklist.Item) -> [Entry] {
    let step = item.step
    var entries: [Entry] = []
    switch step.kind {
    case .decision:
      for field in step.fields {
        if field.id == "sciezka" {
          entries.append(
            Entry(field.label, state.decision.map { procedure.pathTitle($0.path) } ?? "nie podjęto"))
        } else if field.id == "dostawca" {
          if let vendor = state.decision?.vendor, !vendor.isEmpty {
            entries.append(Entry(field.label, clean(vendor)))
          }
        } else {
          entries.append(
            Entry(field.label, item.record.values[field.id].map { shown(field, $0) } ?? "nie zapisano"))
        }
      }
    case .mailboxes:
      let counts = MailboxAction.allCases.compactMap { action -> String? in
        let count = state.mailboxes.filter { $0.action == action }.count
        return count == 0
          ? nil
          : "\(label(step: KnownStep.mailboxes.id, field: "dzialanie", value: action.rawValue)) \(count)"
      }
      entries.append(
        Entry(
          "Skrytki",
          state.mailboxes.isEmpty
            ? "nie zapisano"
            : "\(state.mailboxes.count) (\(counts.joined(separator: ", "))) — zob. „Skrytki ePUAP”"))
    case .perMailbox:
      if !step.fields.isEmpty {
        let kept = state.keptMailboxes
        let recorded = kept.filter { mailbox in step.fields.contains { mailbox.settings[$0.id] != nil } }
          .count
        entries.append(
          Entry(
            "Ustawienia",
            "zapisane dla \(recorded) z \(kept.count) zachowanych skrytek — zob. „Skrytki ePUAP”"))
      }
    case .systems:
      entries.append(Entry("Systemy na liście", "\(state.systems.count) — zob. „Systemy zewnętrzne”"))
    case .consent:
      if let consent = state.consent {
        entries.append(
          Entry(
            "Zgoda Urzędu Marszałkowskiego",
            [consent.who, consent.date, consent.reference].map(clean).joined(separator: ", ")))
      } else {
        entries.append(Entry("Zgoda Urzędu Marszałkowskiego", "nie zapisano"))
      }
    case .cards:
      let undecided = state.cards.filter { $0.action == nil }.count
      entries.append(Entry("Karty", "\(state.cards.count) (bez decyzji: \(undecided)) — zob. „Karty usług”"))
    case .simple:
      break
    }
    let known = Set(step.fields.map(\.id))
    if step.kind != .decision {
      for field in step.fields {
        if let value = item.record.values[field.id] {
          entries.append(Entry(field.label, shown(field, value)))
        }
      }
    }
    for (key, value) in item.record.values.sorted(by: { $0.key < $1.key }) where !known.contains(key) {
      entries.append(Entry(clean(key), clean(value)))
    }
    return entries
  }

  private var vendorValuesCount: Bool { Validator.allowsVendorValues(on: state.path) }

  private func mailboxes() -> [Block] {
    let listStep = procedure.allSteps.first { $0.kind == .mailboxes }
    let settingSteps = procedure.allSteps.filter { $0.kind == .perMailbox && !$0.fields.isEmpty }
    var blocks: [Block] = [.heading("Skrytki ePUAP")]
    if let first = settingSteps.first, let last = settingSteps.last, let listStep {
      blocks.append(
        .paragraph(
          "Lista skrytek z kroku \(listStep.id); ustawienia z kroków \(first.id)–\(last.id) dla każdej zachowanej."
        ))
    }
    if state.mailboxes.isEmpty {
      blocks.append(.paragraph("Nie zapisano żadnej skrytki."))
      return blocks
    }
    for mailbox in state.mailboxes {
      blocks.append(.subheading("Skrytka " + clean(mailbox.address)))
      var entries = [
        Entry(
          listStep?.fields.first { $0.id == "dzialanie" }?.label ?? "Działanie",
          label(step: KnownStep.mailboxes.id, field: "dzialanie", value: mailbox.action.rawValue))
      ]
      if !mailbox.note.isEmpty {
        entries.append(
          Entry(listStep?.fields.first { $0.id == "uwagi" }?.label ?? "Uwagi", clean(mailbox.note)))
      }
      blocks.append(.entries(entries))
      if mailbox.action == .keep || !mailbox.settings.isEmpty {
        var rows: [[String]] = []
        var known: Set<String> = []
        for step in settingSteps {
          for field in step.fields {
            known.insert(field.id)
            let value = mailbox.settings[field.id]
            var remark = "—"
            let override = state.override(mailboxID: mailbox.id, fieldID: field.id)
            if let override, vendorValuesCount, override.value == value {
              remark = "odstępstwo: wartość wykonawcy, powód niżej"
            } else if let value, !field.expected.isEmpty, value != field.expected {
              remark =
                field.isRequirement
                ? "BŁĄD: instrukcja wymaga „\(clean(field.expected))”" : "inna niż zalecana"
            } else if value != nil, field.toConfirm == true {
              remark = "do potwierdzenia (kopia tekstowa instrukcji nie podaje wartości)"
            }
            rows.append([
              step.id, clean(field.label), value.map { shown(field, $0) } ?? "nie zapisano",
              field.expected.isEmpty ? "—" : clean(field.expected), remark,
            ])
          }
        }
        for (key, value) in mailbox.settings.sorted(by: { $0.key < $1.key }) where !known.contains(key) {
          rows.append(["—", clean(key), clean(value), "—", "—"])
        }
        blocks.append(
          .table(.init(columns: ["Krok", "Ustawienie", "Wartość", "Zalecana", "Uwagi"], rows: rows)))
      }
      let overrides = state.overrides.filter { $0.mailboxID == mailbox.id }
      if !overrides.isEmpty {
        blocks.append(
          .paragraph(
            vendorValuesCount
              ? "Odstępstwa: wartości wykonawcy SOD zamiast wymaganych lub zalecanych, z powodem:"
              : "Wartości wykonawcy zapisane w dzienniku nie dotyczą tej ścieżki (nie ma na niej wykonawcy):")
        )
        blocks.append(.bullets(overrides.map(describe)))
      }
    }
    return blocks
  }

  private func systems() -> [Block] {
    let step = procedure.allSteps.first { $0.kind == .systems }
    let consentStep = procedure.allSteps.first { $0.kind == .consent }
    func header(_ id: String, _ fallback: String) -> String {
      step?.fields.first { $0.id == id }?.label ?? fallback
    }
    let sekap = procedure.sekapSystemName
    // The SEKAP system is removed in the consent step (3.13): once that step is done, it is gone.
    let removal = consentStep.flatMap { checklist.item($0.id) }
    let removed = removal?.status == .done
    let removalStep = consentStep?.id ?? KnownStep.consent.id
    var blocks: [Block] = [.heading("Systemy zewnętrzne")]
    blocks.append(
      .paragraph(
        "Lista z kroku \(step?.id ?? KnownStep.systems.id) (\(clean(step?.location ?? "Zarządzanie kontem → Systemy"))). "
          + "Usuwa się tylko system \(sekap), za zgodą Urzędu Marszałkowskiego (krok \(removalStep))."))
    if state.systems.isEmpty {
      blocks.append(.paragraph("Nie zapisano listy systemów."))
    } else {
      let rows = state.systems.map { system -> [String] in
        let status: String
        if system.name == sekap {
          status =
            removed ? "usunięty (krok \(removalStep))" : "do usunięcia za zgodą UM (krok \(removalStep))"
        } else {
          status = "pozostaje (tylko odnotowany)"
        }
        return [system.name, system.type, system.description, system.note].map {
          $0.isEmpty ? "—" : clean($0)
        }
          + [status]
      }
      blocks.append(
        .table(
          .init(
            columns: [
              header("nazwa", "Nazwa systemu"), header("typ", "Typ"), header("opis", "Opis"),
              header("uwagi", "Uwagi"), "Stan",
            ],
            rows: rows)))
    }
    if removed {
      let when =
        removal?.record.lastMark.map { " — " + ReportText.time($0.time) + ", " + clean($0.operatorName) }
        ?? ""
      blocks.append(.paragraph("Usunięto: system SEKAP \(sekap) (krok \(removalStep))\(when)."))
    } else {
      blocks.append(.paragraph("Usunięto: nic (system SEKAP \(sekap) jeszcze nie usunięty)."))
    }
    return blocks
  }

  private func consent() -> [Block] {
    let step = procedure.allSteps.first { $0.kind == .consent }
    func label(_ id: String, _ fallback: String) -> String {
      step?.fields.first { $0.id == id }?.label ?? fallback
    }
    var blocks: [Block] = [
      .heading("Zgoda Urzędu Marszałkowskiego (krok \(step?.id ?? KnownStep.consent.id))")
    ]
    if let consent = state.consent {
      blocks.append(
        .entries([
          Entry(label("kto", "Kto"), clean(consent.who)), Entry(label("kiedy", "Kiedy"), clean(consent.date)),
          Entry(label("sygnatura", "Znak"), clean(consent.reference)),
        ]))
    } else {
      blocks.append(
        .paragraph("Nie zapisano zgody. Bez niej systemu \(procedure.sekapSystemName) nie wolno usunąć."))
    }
    return blocks
  }

  private func cards() -> [Block] {
    let step = procedure.allSteps.first { $0.kind == .cards }
    let stepID = step?.id ?? KnownStep.cards.id
    func header(_ id: String, _ fallback: String) -> String {
      step?.fields.first { $0.id == id }?.label ?? fallback
    }
    var blocks: [Block] = [.heading("Karty usług")]
    if state.cards.isEmpty {
      blocks.append(.paragraph("Nie zapisano żadnej karty."))
      return blocks
    }
    let undecided = state.cards.filter { $0.action == nil }.count
    blocks.append(
      .paragraph(
        "Kart: \(state.cards.count); bez decyzji: \(undecided). Przekierowanie: adres URL (formularz zewnętrzny) "
          + "albo formularz na ePUAP i skrytka."))
    let rows = state.cards.enumerated().map { index, card -> [String] in
      let action =
        card.action.map { label(step: stepID, field: "dzialanie", value: $0.rawValue) } ?? "bez decyzji"
      var target: [String] = []
      switch card.action {
      case .external:
        if !card.formName.isEmpty { target.append("formularz: " + clean(card.formName)) }
        target.append("URL: " + (card.url.isEmpty ? "nie podano" : clean(card.url)))
      case .epuap:
        target.append("formularz: " + (card.epuapForm.isEmpty ? "nie podano" : clean(card.epuapForm)))
        target.append("skrytka: " + (card.mailbox.isEmpty ? "nie podano" : clean(card.mailbox)))
      default:
        break
      }
      return [
        "\(index + 1)", clean(card.name), label(step: stepID, field: "status", value: card.status.rawValue),
        action,
        target.isEmpty ? "—" : target.joined(separator: "; "),
      ]
    }
    blocks.append(
      .table(
        .init(
          columns: [
            "Nr", header("nazwa", "Nazwa karty"), header("status", "Status"),
            header("dzialanie", "Działanie"), "Przekierowanie",
          ],
          rows: rows)))
    return blocks
  }

  private func interpretations() -> [Block] {
    var blocks: [Block] = [.heading("Podstawa i uwagi do instrukcji")]
    if !procedure.source.isEmpty { blocks.append(.paragraph("Podstawa: " + clean(procedure.source))) }
    let notes = procedure.interpretations.filter { $0.applies(to: state.path) }
    if !notes.isEmpty { blocks.append(.bullets(notes.map { clean($0.text) })) }
    return blocks
  }

  // MARK: - Helpers

  private func applies(_ kind: StepKind) -> Bool { checklist.applicable.contains { $0.step.kind == kind } }

  private func clean(_ text: String) -> String { ReportText.clean(text) }

  private func label(step: String, field: String, value: String) -> String {
    clean(procedure.choiceLabel(step: step, field: field, value: value))
  }

  /// A field's value as the clerk saw it: the choice's label, not the stored value.
  private func shown(_ field: Field, _ value: String) -> String {
    clean(field.choices.first { $0.value == value }?.label ?? value)
  }

  /// „Gdy liczba dokumentów w kolejce osiągnie (krok 3.7): 10 — powód: …”.
  private func describe(_ override: VendorOverride) -> String {
    let step = settingStep(override.fieldID)
    let field = step?.fields.first { $0.id == override.fieldID }
    let name = field.map { clean($0.label) } ?? clean(override.fieldID)
    let value = field.map { shown($0, override.value) } ?? clean(override.value)
    let reason = override.reason.isEmpty ? "nie podano" : clean(override.reason)
    return "\(name)" + (step.map { " (krok \($0.id))" } ?? "") + ": \(value) — powód: \(reason)"
  }

  private func settingStep(_ fieldID: String) -> Step? {
    procedure.allSteps.first { $0.kind == .perMailbox && $0.fields.contains { $0.id == fieldID } }
  }

  private func describe(_ issue: ValidationIssue) -> String {
    (issue.stepID.map { "krok \($0): " } ?? "") + clean(issue.message)
  }
}
