import EpuapDomain

/// The text `status` prints: the unit, the verdict with every blocking reason, every step of the path with
/// its values, the mailboxes, systems, consent, cards and the warnings — beside the checklist's renderers.
public enum StatusTextRenderer {
  /// `report` as plain text for the terminal (`status`).
  public static func render(_ report: StatusReport, procedure: Procedure) -> String {
    var lines: [String] = []
    let role = report.unit.role == .um ? "pracownik Urzędu Marszałkowskiego" : "Partner SEKAP"
    lines.append(
      "Jednostka: \(report.unit.name)"
        + (report.unit.entityIdentifier.isEmpty ? "" : " [\(report.unit.entityIdentifier)]"))
    lines.append("Rola: \(role)")
    lines.append(
      "Ścieżka: " + (report.path.map { procedure.pathTitle($0) } ?? "decyzja jeszcze nie podjęta (krok 2.0)"))
    if let vendor = report.decision?.vendor, !vendor.isEmpty { lines.append("Dostawca SOD: \(vendor)") }
    lines.append(
      "Postęp: zrobione \(report.progress.done), pominięte \(report.progress.skipped), czeka \(report.progress.waiting), "
        + "do zrobienia \(report.progress.open) (z \(report.progress.total))")
    if report.finished {
      lines.append("ZAKOŃCZONE: nic nie blokuje zakończenia.")
    } else {
      lines.append("NIEZAKOŃCZONE: co blokuje zakończenie (\(report.blocking.count)):")
      lines += report.blocking.map { "  - " + $0.line }
    }
    lines.append(
      "Dziennik: \(report.journal.path) — "
        + PolishPlural.count(report.journal.events, "zdarzenie", "zdarzenia", "zdarzeń")
        + ", skrót ostatniego (SHA-256): \(report.journal.lastHash)")
    if let torn = report.journal.tornTailLine {
      lines.append("UWAGA: wiersz \(torn) dziennika jest urwany; zostanie odłożony przy następnym otwarciu.")
    }
    lines.append("")
    var currentSection = ""
    for step in report.steps where step.status != .notApplicable {
      if step.section != currentSection {
        currentSection = step.section
        if let section = procedure.sections.first(where: { $0.id == step.section }) {
          lines.append("\(section.number) \(section.title)")
        }
      }
      var line = "  \(step.status.tickBox) \(step.id) \(step.title)"
      if let explanation = step.status.explanation(reason: step.reason ?? "", since: step.lastChange) {
        line += " — " + explanation
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
    if !report.deadlines.isEmpty {
      lines.append("")
      lines.append("Terminy:")
      lines += report.deadlines.map { "  - " + Timeline.line($0) }
    }
    if !report.mailboxes.isEmpty {
      lines.append("")
      lines.append("Skrytki:")
      for mailbox in report.mailboxes {
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
        for override in report.overrides where override.mailboxID == mailbox.id {
          let label = settingFields.first { $0.id == override.fieldID }?.label ?? override.fieldID
          lines.append("      wartość wykonawcy „\(label)” = \(override.value) (powód: \(override.reason))")
        }
      }
    }
    if !report.systems.isEmpty {
      lines.append("")
      lines.append("Systemy (Zarządzanie kontem → Systemy):")
      for system in report.systems {
        lines.append("  \(system.name) \(system.type) \(system.description) \(system.note)")
      }
    }
    if let consent = report.consent {
      lines.append("")
      lines.append("Zgoda Urzędu Marszałkowskiego: \(consent.who), \(consent.date), \(consent.reference)")
    }
    if !report.cards.isEmpty {
      lines.append("")
      lines.append("Karty usług: \(report.cards.count)")
      for card in report.cards {
        let action =
          card.action.map {
            procedure.choiceLabel(step: KnownStep.cards.id, field: "dzialanie", value: $0.rawValue)
          }
          ?? "bez decyzji"
        lines.append("  \(card.name) — \(card.status == .aktualna ? "Aktualna" : "Nieaktualna") — \(action)")
      }
    }
    if !report.openSteps.isEmpty {
      lines.append("")
      lines.append("Do zrobienia: " + report.openSteps.joined(separator: ", "))
    }
    if !report.warnings.isEmpty {
      lines.append("")
      lines.append("Ostrzeżenia:")
      lines += report.warnings.map { "  - \($0.message)" }
    }
    return lines.map { $0.terminalSafe() }.joined(separator: "\n")
  }
}
