import EpuapDomain
import ScreenKit

/// A step: the instruction (scrollable) above, the step's own rows and actions below.
enum StepView {
  static func draw(_ model: WizardModel, step: StepScreen, into buffer: inout ScreenBuffer, area: ContentArea)
  {
    guard let procedureStep = model.procedure.step(step.stepID) else { return }
    let rows = model.stepRows(step)
    let cursor = min(step.cursor, max(0, rows.count - 1))
    let body = bodyLines(
      model, step: step, procedureStep: procedureStep, rows: rows, cursor: cursor, width: area.width)
    let instruction = instructionLines(model, step: procedureStep, width: area.width)
    let bodyHeight = min(body.count, max(area.height / 2, area.height - instruction.count - 1))
    let instructionHeight = max(0, area.height - bodyHeight - 1)
    let maxScroll = max(0, instruction.count - instructionHeight)
    let scroll = min(step.scroll, maxScroll)
    Viewport.draw(
      instruction, into: &buffer, top: area.top, height: instructionHeight, focusRow: nil,
      preferredStart: scroll)
    let separatorY = area.top + instructionHeight
    let more =
      maxScroll > scroll
      ? " ▼ PgDn — dalsza część instrukcji " : (scroll > 0 ? " ▲ PgUp — początek instrukcji " : "")
    buffer.write(String(repeating: "─", count: area.width), x: 0, y: separatorY, style: Styles.dim)
    if !more.isEmpty { buffer.write(more, x: 2, y: separatorY, style: Styles.dim) }
    Viewport.draw(body, into: &buffer, top: separatorY + 1, height: bodyHeight, focusRow: cursor)
  }

  static func instructionLines(_ model: WizardModel, step: Step, width: Int) -> [ContentLine] {
    var lines: [ContentLine] = []
    for paragraph in step.instruction.split(separator: "\n", omittingEmptySubsequences: true) {
      lines += [ContentLine].paragraph(String(paragraph), width: width)
    }
    for warning in step.warnings {
      lines += [ContentLine].paragraph(warning, width: width, style: Styles.warning, prefix: "UWAGA: ")
    }
    for note in step.notes {
      lines += [ContentLine].paragraph(note, width: width, style: Styles.dim, prefix: "• ")
    }
    if let contact = model.procedure.contact, contact.steps.contains(step.id) {
      lines += [ContentLine].paragraph(contact.line, width: width, style: Styles.dim, prefix: "• ")
    }
    if step.kind == .decision {
      for note in model.procedure.orderNotices where note.applies(to: nil) {
        lines += [ContentLine].paragraph(
          note.text, width: width, style: Styles.warning, prefix: "Kolejność: ")
      }
      for path in PathID.partnerChoices {
        guard let info = model.procedure.pathInfo(path) else { continue }
        let tag = info.recommendation.isEmpty ? "" : " (\(info.recommendation))"
        lines += [ContentLine].paragraph(
          info.title + tag + ": " + info.summary, width: width, style: .plain, prefix: "• ")
      }
    }
    return lines
  }

  static func bodyLines(
    _ model: WizardModel, step: StepScreen, procedureStep: Step, rows: [StepRow], cursor: Int, width: Int
  ) -> [ContentLine] {
    var lines: [ContentLine] = []
    let unit = model.unit
    for (index, row) in rows.enumerated() {
      let focused = index == cursor
      switch row {
      case .field(let entryIndex):
        lines += FieldLines.lines(step.form.entries[entryIndex], row: index, focused: focused, width: width)
      case .path(let path):
        let info = model.procedure.pathInfo(path)
        let chosen = step.choice == path ? "(•)" : "( )"
        let recorded = unit?.decision?.path == path ? "  — zapisana decyzja" : ""
        let tag = (info?.recommendation).map { $0.isEmpty ? "" : " [\($0)]" } ?? ""
        lines.append(
          FieldLines.action(
            "\(chosen) \(info?.title ?? path.rawValue)\(tag)\(recorded)", row: index, focused: focused))
        if step.choice == path, let warnings = info?.warnings {
          for warning in warnings {
            lines += [ContentLine].paragraph(
              warning, width: width, style: Styles.warning, indent: 6, prefix: "! "
            )
            .map {
              var line = $0; line.row = index; return line
            }
          }
        }
      case .mailbox(let id):
        guard let mailbox = unit?.mailbox(id) else { continue }
        let action = model.procedure.choiceLabel(
          step: KnownStep.mailboxes.id, field: "dzialanie", value: mailbox.action.rawValue)
        let text = DisplayWidth.pad(DisplayWidth.truncate(mailbox.address, to: 50), to: 52) + action
        lines.append(FieldLines.action(text, row: index, focused: focused))
      case .addMailbox:
        lines.append(FieldLines.action("+ Dodaj skrytkę (a)", row: index, focused: focused))
      case .mailboxSettings(let id):
        guard let mailbox = unit?.mailbox(id) else { continue }
        let fields = procedureStep.fields
        let filled = fields.filter { !(mailbox.settings[$0.id] ?? "").isEmpty }.count
        let state = fields.isEmpty ? "" : "  ustawienia tego kroku: \(filled)/\(fields.count)"
        lines.append(
          FieldLines.action(
            DisplayWidth.truncate(mailbox.address, to: 50) + state, row: index, focused: focused))
      case .system(let name):
        guard let system = unit?.systems.first(where: { $0.name == name }) else { continue }
        let sekap =
          name == model.procedure.sekapSystemName ? "  (serwer SEKAP)" : "  (inny system — tylko zanotuj)"
        lines.append(
          FieldLines.action(
            "\(system.name)  \(system.type)  \(system.description)\(sekap)", row: index, focused: focused))
      case .addSystem:
        lines.append(FieldLines.action("+ Dodaj system z listy „Systemy” (a)", row: index, focused: focused))
      case .openCards:
        let cards = unit?.cards ?? []
        let undecided = cards.filter { $0.action == nil }.count
        lines.append(
          FieldLines.action(
            "Lista kart usług: \(cards.count), bez decyzji: \(undecided) — Enter otwiera", row: index,
            focused: focused))
      case .markDone:
        if !lines.isEmpty { lines.append(.blank) }
        let label = procedureStep.kind == .decision ? "Zatwierdź decyzję (d)" : "Oznacz jako zrobione (d)"
        lines.append(FieldLines.action(label, row: index, focused: focused))
      case .skip:
        lines.append(FieldLines.action("Pomiń z podaniem powodu (s)", row: index, focused: focused))
      case .wait:
        lines.append(
          FieldLines.action(
            "Czeka — na coś spoza urzędu, np. \(WaitingExample.short(for: unit?.unit.role)) (c)", row: index,
            focused: focused))
      case .reopen:
        lines.append(FieldLines.action("Przywróć „do zrobienia” (u)", row: index, focused: focused))
      }
    }
    if let record = unit?.step(step.stepID).lastMark, record.status != .todo {
      let what: String
      switch record.status {
      case .done: what = "Zrobione"
      case .waiting: what = "Czeka na: \(record.reason)"
      default: what = "Pominięte (\(record.reason))"
      }
      lines.append(
        ContentLine(" \(what): \(LocalTime.display(record.time)) — \(record.operatorName)", Styles.dim))
    }
    return lines
  }
}
