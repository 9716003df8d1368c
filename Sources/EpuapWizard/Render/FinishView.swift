import EpuapDomain
import EpuapReport
import ScreenKit

/// The finish screen: the verdict (the same as the paper's headline) with every reason that keeps it open,
/// and how to print.
enum FinishView {
  static func draw(_ model: WizardModel, cursor: Int, into buffer: inout ScreenBuffer, area: ContentArea) {
    guard let checklist = model.checklist, let unit = model.unit, let verdict = model.verdict else { return }
    var lines: [ContentLine] = []
    if verdict.finished {
      lines.append(ContentLine(" ZAKOŃCZONE: nic nie blokuje zakończenia.", Styles.success))
    } else {
      lines.append(
        ContentLine(
          " NIEZAKOŃCZONE: co blokuje zakończenie (\(verdict.blocking.count)) — ↑↓ przewija", Styles.warning))
    }
    lines.append(
      ContentLine(
        " Zrobione: \(checklist.doneCount), pominięte: \(checklist.skippedCount), czeka: \(checklist.waiting.count), "
          + "z \(checklist.applicable.count)."))
    lines.append(.blank)
    for blocker in verdict.blocking {
      lines += [ContentLine].paragraph(
        blocker.line, width: area.width, style: blocker.stepID == nil ? Styles.error : Styles.warning,
        indent: 1,
        prefix: "✗ ")
    }
    if !verdict.blocking.isEmpty { lines.append(.blank) }
    lines.append(
      ContentLine(" Wydruk listy kontrolnej do akt: p (drukarka albo plik).", Styles.heading))
    // The command and the hash are wrapped, never cut: a clerk copies them as they stand.
    let journal = shellQuoted(model.journalPath ?? "PLIK.jsonl")
    lines += [ContentLine].paragraph(
      "Z wiersza poleceń: epuap-wizard print --journal \(journal) --lp", width: area.width,
      style: Styles.dim, indent: 1)
    lines += [ContentLine].paragraph(
      "Dziennik: \(model.journalPath ?? "") — zdarzeń: \(unit.eventCount)", width: area.width,
      style: Styles.dim,
      indent: 1)
    lines += [ContentLine].paragraph(
      "Skrót ostatniego zdarzenia (SHA-256): \(unit.lastHash)", width: area.width, style: Styles.dim,
      indent: 1)
    let start = min(cursor, max(0, lines.count - area.height))
    Viewport.draw(
      lines, into: &buffer, top: area.top, height: area.height, focusRow: nil, preferredStart: start)
  }
}
