/// The state of a unit as `status` shows it (and as `status --json` writes it): a stable, documented
/// shape for scripts.
public struct StatusReport: Codable, Sendable {
  public struct StepLine: Codable, Sendable {
    public var id: String
    public var section: String
    public var title: String
    public var status: StepStatus
    public var reason: String?
    public var values: [String: String]
    public var lastChange: String?
    public var operatorName: String?

    enum CodingKeys: String, CodingKey {
      case id, section, title, status, reason, values, lastChange, operatorName = "operator"
    }
  }

  public struct Progress: Codable, Sendable {
    public var done: Int
    public var skipped: Int
    public var open: Int
    public var waiting: Int
    public var total: Int
  }

  public struct JournalInfo: Codable, Sendable {
    public var path: String
    public var events: Int
    public var lastHash: String
    public var createdAt: String
    public var updatedAt: String
    public var operators: [String]
    /// The line number of a torn last line, if there is one.
    public var tornTailLine: Int?
  }

  public var unit: UnitInfo
  /// The verdict: true only when nothing in `blocking` is left (the same as the printout's „ZAKOŃCZONE”).
  public var finished: Bool
  /// Every reason the switch-over is not finished, each with its step id.
  public var blocking: [Verdict.Blocker]
  public var path: PathID?
  public var decision: Decision?
  public var progress: Progress
  public var steps: [StepLine]
  public var openSteps: [String]
  public var mailboxes: [Mailbox]
  public var overrides: [VendorOverride]
  public var systems: [SystemEntry]
  public var consent: Consent?
  public var cards: [ServiceCard]
  public var errors: [ValidationIssue]
  public var warnings: [ValidationIssue]
  public var journal: JournalInfo

  public init(
    procedure: Procedure, state: UnitState, journalPath: String, tornTail: TornTail? = nil,
    today: String? = nil
  ) {
    let checklist = Checklist(procedure: procedure, state: state)
    let issues = Validator(procedure: procedure).issues(for: state, today: today)
    let verdict = Verdict(procedure: procedure, state: state, checklist: checklist, issues: issues)
    finished = verdict.finished
    blocking = verdict.blocking
    unit = state.unit
    path = state.path
    decision = state.decision
    progress = Progress(
      done: checklist.doneCount, skipped: checklist.skippedCount, open: checklist.open.count,
      waiting: checklist.waiting.count, total: checklist.applicable.count)
    steps = checklist.items.map { item in
      StepLine(
        id: item.step.id, section: item.section.id, title: item.step.title, status: item.status,
        reason: item.record.reason.isEmpty ? nil : item.record.reason, values: item.record.values,
        lastChange: item.record.lastMark?.time, operatorName: item.record.lastMark?.operatorName)
    }
    openSteps = checklist.open.map(\.step.id)
    mailboxes = state.mailboxes
    overrides = state.overrides
    systems = state.systems
    consent = state.consent
    cards = state.cards
    errors = issues.errors
    warnings = issues.warnings
    journal = JournalInfo(
      path: journalPath, events: state.eventCount, lastHash: state.lastHash, createdAt: state.createdAt,
      updatedAt: state.updatedAt, operators: state.operators, tornTailLine: tornTail?.line)
  }

  /// Plain text for the terminal.
  public func text(procedure: Procedure) -> String {
    var lines: [String] = []
    let role = unit.role == .um ? "pracownik Urzędu Marszałkowskiego" : "Partner SEKAP"
    lines.append(
      "Jednostka: \(unit.name)" + (unit.entityIdentifier.isEmpty ? "" : " [\(unit.entityIdentifier)]"))
    lines.append("Rola: \(role)")
    lines.append(
      "Ścieżka: " + (path.map { procedure.pathTitle($0) } ?? "decyzja jeszcze nie podjęta (krok 2.0)"))
    if let vendor = decision?.vendor, !vendor.isEmpty { lines.append("Dostawca SOD: \(vendor)") }
    lines.append(
      "Postęp: zrobione \(progress.done), pominięte \(progress.skipped), czeka \(progress.waiting), "
        + "do zrobienia \(progress.open) (z \(progress.total))")
    if finished {
      lines.append("ZAKOŃCZONE: nic nie blokuje zakończenia.")
    } else {
      lines.append("NIEZAKOŃCZONE: co blokuje zakończenie (\(blocking.count)):")
      lines += blocking.map { "  - " + $0.line }
    }
    lines.append(
      "Dziennik: \(journal.path) — "
        + PolishPlural.count(journal.events, "zdarzenie", "zdarzenia", "zdarzeń")
        + ", skrót ostatniego (SHA-256): \(journal.lastHash)")
    if let torn = journal.tornTailLine {
      lines.append("UWAGA: wiersz \(torn) dziennika jest urwany; zostanie odłożony przy następnym otwarciu.")
    }
    lines.append("")
    var currentSection = ""
    for step in steps where step.status != .notApplicable {
      if step.section != currentSection {
        currentSection = step.section
        if let section = procedure.sections.first(where: { $0.id == step.section }) {
          lines.append("\(section.number) \(section.title)")
        }
      }
      let mark: String
      switch step.status {
      case .done: mark = "[x]"
      case .skipped: mark = "[-]"
      case .waiting: mark = "[~]"
      default: mark = "[ ]"
      }
      var line = "  \(mark) \(step.id) \(step.title)"
      if let reason = step.reason, step.status == .skipped { line += " — pominięto: \(reason)" }
      if let reason = step.reason, step.status == .waiting {
        line +=
          " — czeka na: \(reason)" + (step.lastChange.map { " (od \(LocalTime.day(ofTimestamp: $0)))" } ?? "")
      }
      lines.append(line)
      let fields = procedure.step(step.id)?.fields ?? []
      for field in fields {
        if let value = step.values[field.id] {
          let shown = field.choices.first { $0.value == value }?.label ?? value
          lines.append("        \(field.label): \(shown)")
        }
      }
    }
    if !mailboxes.isEmpty {
      lines.append("")
      lines.append("Skrytki:")
      for mailbox in mailboxes {
        let action = procedure.choiceLabel(
          step: KnownStep.mailboxes.id, field: "dzialanie", value: mailbox.action.rawValue)
        lines.append("  \(mailbox.address) — \(action)")
        let settingFields = procedure.allSteps.filter { $0.kind == .perMailbox }.flatMap(\.fields)
        for field in settingFields {
          if let value = mailbox.settings[field.id] { lines.append("      \(field.label): \(value)") }
        }
        let known = Set(settingFields.map(\.id))
        for (key, value) in mailbox.settings.sorted(by: { $0.key < $1.key }) where !known.contains(key) {
          lines.append("      \(key): \(value)")
        }
        for override in overrides where override.mailboxID == mailbox.id {
          let label = settingFields.first { $0.id == override.fieldID }?.label ?? override.fieldID
          lines.append("      wartość wykonawcy „\(label)” = \(override.value) (powód: \(override.reason))")
        }
      }
    }
    if !systems.isEmpty {
      lines.append("")
      lines.append("Systemy (Zarządzanie kontem → Systemy):")
      for system in systems {
        lines.append("  \(system.name) \(system.type) \(system.description) \(system.note)")
      }
    }
    if let consent {
      lines.append("")
      lines.append("Zgoda Urzędu Marszałkowskiego: \(consent.who), \(consent.date), \(consent.reference)")
    }
    if !cards.isEmpty {
      lines.append("")
      lines.append("Karty usług: \(cards.count)")
      for card in cards {
        let action =
          card.action.map {
            procedure.choiceLabel(step: KnownStep.cards.id, field: "dzialanie", value: $0.rawValue)
          }
          ?? "bez decyzji"
        lines.append("  \(card.name) — \(card.status == .aktualna ? "Aktualna" : "Nieaktualna") — \(action)")
      }
    }
    if !openSteps.isEmpty {
      lines.append("")
      lines.append("Do zrobienia: " + openSteps.joined(separator: ", "))
    }
    if !warnings.isEmpty {
      lines.append("")
      lines.append("Ostrzeżenia:")
      lines += warnings.map { "  - \($0.message)" }
    }
    return lines.map { $0.terminalSafe() }.joined(separator: "\n")
  }
}
