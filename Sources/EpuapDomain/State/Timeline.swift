/// The switch-over's dates for one unit: each of the procedure's `deadlines`, counted from what the
/// journal records, with its state on `today` (a local calendar day).
///
/// Shown on the overview, by `status` and on paper. A deadline never blocks „ZAKOŃCZONE” by itself: the
/// step it waits for does.
public struct Timeline: Sendable, Equatable {
  public struct Entry: Sendable, Equatable, Codable {
    public enum State: String, Sendable, Codable {
      /// The step it waits for is done.
      case done
      /// The step it waits for was skipped with a reason (no change of people, say): the date does not apply.
      case skipped
      /// The step is still to do, and the date has not passed.
      case open
      /// The step is still to do, and the date has passed.
      case overdue
      /// A date to know (not a task), still ahead or today.
      case ahead
      /// A date to know that has passed.
      case passed
      /// The date it counts from is not recorded yet.
      case unknown
    }

    public var id: String
    public var title: String
    public var source: String
    /// `RRRR-MM-DD`; nil while the date it counts from is not recorded.
    public var date: String?
    public var state: State
    /// The step that must be done by the date, if any.
    public var stepID: String?
    /// The state in words, such as „do 2026-11-27”, „PO TERMINIE (minął 2026-11-27)” or „zrobione (krok 4.2)”.
    public var words: String
  }

  public let entries: [Entry]

  /// The deadlines of `state`'s path (before the decision: of every partner path); none for the Urząd
  /// Marszałkowski's own journal.
  ///
  /// A deadline counts as met only when its step is done (or skipped) and the verdict names nothing against
  /// that step: a step marked done whose cards no longer add up, or skipped where the instruction does not
  /// allow it, keeps its deadline open (or overdue). `checklist` and `verdict`, when the caller has them
  /// already, save making them again.
  public init(
    procedure: Procedure, state: UnitState, today: String, checklist: Checklist? = nil,
    verdict: Verdict? = nil
  ) {
    guard state.unit.role == .partner else {
      entries = []
      return
    }
    let checklist = checklist ?? Checklist(procedure: procedure, state: state)
    let verdict = verdict ?? Verdict(procedure: procedure, state: state, today: today, checklist: checklist)
    var entries: [Entry] = []
    for rule in procedure.deadlines ?? [] {
      if let path = state.path, let paths = rule.paths, !paths.contains(path.rawValue) { continue }
      let untilItem = rule.until.flatMap { checklist.item($0) }
      if let untilItem, untilItem.status == .notApplicable { continue }
      let from = state.step(rule.step).values[rule.field] ?? ""
      let date = CalendarDay.adding(rule.days, to: from)
      // A step marked done or skipped that the verdict still holds against: what keeps it from counting,
      // said after the date.
      let blocker = untilItem.flatMap { item in
        item.status == .done || item.status == .skipped
          ? verdict.blocking.first { $0.stepID == item.step.id } : nil
      }
      let against = blocker.map { " — krok \(untilItem?.step.id ?? ""): \($0.text)" } ?? ""
      let state: Entry.State
      let words: String
      switch (date, untilItem) {
      case (_, let item?) where item.status == .done && blocker == nil:
        state = .done
        words = "zrobione (krok \(item.step.id))"
      case (_, let item?) where item.status == .skipped && blocker == nil:
        state = .skipped
        words =
          "nie dotyczy (krok \(item.step.id) pominięty: \(item.record.reason))"
      case (nil, _):
        state = .unknown
        let label = procedure.step(rule.step)?.fields.first { $0.id == rule.field }?.label ?? rule.field
        words = "data po wpisaniu pola „\(label)” w kroku \(rule.step)" + against
      case (let date?, _?):
        state = date < today ? .overdue : .open
        words = (date < today ? "PO TERMINIE (minął \(date))" : "do \(date)") + against
      case (let date?, nil):
        state = date < today ? .passed : .ahead
        words = date < today ? "\(date) (minął)" : date
      }
      entries.append(
        Entry(
          id: rule.id, title: rule.title, source: rule.source, date: date, state: state,
          stepID: untilItem?.step.id, words: words))
    }
    self.entries = entries
  }

  /// The deadlines passed with their step still to do.
  public var overdue: [Entry] { entries.filter { $0.state == .overdue } }

  /// What to look at first: an overdue deadline, else the nearest open one, else the nearest date ahead.
  public var next: Entry? {
    if let first = overdue.min(by: { ($0.date ?? "") < ($1.date ?? "") }) { return first }
    let dated = entries.filter { ($0.state == .open || $0.state == .ahead) && $0.date != nil }
    return dated.min {
      ($0.date ?? "", $0.state == .open ? 0 : 1) < ($1.date ?? "", $1.state == .open ? 0 : 1)
    }
  }

  /// The deadline in one line: „Karty usług obsłużone …: do 2026-11-27 (Instrukcja, sekcja 4; …)”.
  public static func line(_ entry: Entry) -> String {
    "\(entry.title): \(entry.words) (\(entry.source))"
  }
}
