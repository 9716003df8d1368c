import EpuapDomain
import Foundation
import TestSupport
import Testing

/// The switch-over's dates: counted from what the journal records, by calendar days, in local time.
@Suite("Timeline: the seeds' deadlines")
struct TimelineTests {
  let procedure = TestProcedure.builtIn

  @Test(
    "days are added by the calendar: month and year boundaries, leap years, across the change of time",
    arguments: [
      ("2026-11-20", 7, "2026-11-27"),  // § 5 ust. 2: filed 20 November, access ends 27 November
      ("2026-11-28", 7, "2026-12-05"),
      ("2026-12-28", 7, "2027-01-04"),
      ("2027-01-03", -7, "2026-12-27"),
      ("2028-02-25", 7, "2028-03-03"),  // 2028 is a leap year
      ("2027-02-25", 7, "2027-03-04"),
      ("2026-03-25", 7, "2026-04-01"),  // summer time starts 29 March 2026
      ("2026-10-22", 7, "2026-10-29"),  // and ends 25 October 2026
      ("2026-03-01", -7, "2026-02-22"),
    ])
  func calendarDays(_ from: String, _ days: Int, _ expected: String) {
    #expect(CalendarDay.adding(days, to: from) == expected)
    #expect(CalendarDay.adding(-days, to: expected) == from)
  }

  @Test("a date that is not one gives no deadline")
  func notADate() {
    #expect(CalendarDay.adding(7, to: "") == nil)
    #expect(CalendarDay.adding(7, to: "2026-02-30") == nil)
  }

  /// A FINN partner whose Zlecenie zmiany (5.2) was filed on `filed`, with the cards (4.2) done or not.
  func state(filed: String?, change: String? = nil, cardsDone: Bool = false, role: Role = .partner)
    -> UnitState
  {
    var changes: [JournalChange] = [.decisionMade(Decision(path: .sodFinn, vendor: "FINN 8SQL"))]
    if let filed {
      changes.append(.stepValuesRecorded(StepValues(stepID: "5.2", values: ["dataZlecenia": filed])))
    }
    if let change {
      changes.append(.stepValuesRecorded(StepValues(stepID: "2.4", values: ["dataZmiany": change])))
    }
    if cardsDone { changes.append(.stepMarked(StepMark(stepID: "4.2", status: .done))) }
    let unit = UnitInfo(name: "Gmina Żółkiewka", entityIdentifier: "ugzolkiewka", role: role)
    return UnitState(unit: unit, createdAt: "2026-11-01T08:00:00Z").simulating(role == .um ? [] : changes)
  }

  func entry(_ id: String, _ timeline: Timeline) throws -> Timeline.Entry {
    try #require(timeline.entries.first { $0.id == id })
  }

  @Test(
    "the cards are due before the Centrum switches the unit off: open, then overdue, done when 4.2 is",
    arguments: [
      ("2026-11-25", false, Timeline.Entry.State.open, "do 2026-11-27"),
      ("2026-11-27", false, .open, "do 2026-11-27"),  // the day itself is still in time
      ("2026-11-28", false, .overdue, "PO TERMINIE (minął 2026-11-27)"),
      ("2026-11-28", true, .done, "zrobione (krok 4.2)"),
    ])
  func cardsBeforeDisconnection(
    _ today: String, _ done: Bool, _ expected: Timeline.Entry.State, _ words: String
  )
    throws
  {
    let timeline = Timeline(
      procedure: procedure, state: state(filed: "2026-11-20", cardsDone: done), today: today)
    let cards = try entry("karty-przed-odlaczeniem", timeline)
    #expect(cards.date == "2026-11-27")
    #expect(cards.state == expected)
    #expect(cards.words == words)
    #expect(cards.stepID == "4.2")
    #expect(timeline.overdue.map(\.id) == (expected == .overdue ? ["karty-przed-odlaczeniem"] : []))
  }

  @Test(
    "4.2 marked done while a card still has no decision: its deadline stays open, then overdue, saying why")
  func cardsMarkedDoneButBlocked() throws {
    let undecided = state(filed: "2026-11-20", cardsDone: true).simulating([
      .cardSaved(ServiceCard(id: "karta-1", name: "Wpis do ewidencji", status: .aktualna))
    ])
    let verdict = Verdict(procedure: procedure, state: undecided, today: "2026-11-28")
    #expect(verdict.blocking.contains { $0.stepID == "4.2" }, "the verdict holds 4.2 open")
    for (today, expected) in [("2026-11-25", Timeline.Entry.State.open), ("2026-11-28", .overdue)] {
      let cards = try entry(
        "karty-przed-odlaczeniem", Timeline(procedure: procedure, state: undecided, today: today))
      #expect(cards.state == expected, "\(today): \(cards.words)")
      #expect(cards.words.contains("krok 4.2:") && !cards.words.contains("zrobione"), "\(cards.words)")
    }
  }

  @Test("the end of access is a date to know: ahead, then passed; never overdue")
  func endOfAccess() throws {
    let ahead = try entry(
      "koniec-dostepu", Timeline(procedure: procedure, state: state(filed: "2026-11-20"), today: "2026-11-25")
    )
    #expect(ahead.state == .ahead && ahead.words == "2026-11-27" && ahead.stepID == nil)
    let passed = try entry(
      "koniec-dostepu", Timeline(procedure: procedure, state: state(filed: "2026-11-20"), today: "2026-12-01")
    )
    #expect(passed.state == .passed && passed.words == "2026-11-27 (minął)")
  }

  @Test("the change of people is reported at least 7 days before it (Regulamin, § 3 ust. 2)")
  func changeOfPeople() throws {
    let timeline = Timeline(
      procedure: procedure, state: state(filed: nil, change: "2027-01-05"), today: "2026-12-20")
    let report = try entry("zgloszenie-zmiany-osob", timeline)
    #expect(report.date == "2026-12-29")
    #expect(report.state == .open)
    #expect(report.source == "Regulamin, § 3 ust. 2")
    #expect(timeline.next?.id == "zgloszenie-zmiany-osob")
  }

  @Test("a deadline whose step was skipped with a reason does not apply, and says why")
  func skippedStep() throws {
    let skipped = state(filed: nil, change: "2027-01-05").simulating([
      .stepMarked(StepMark(stepID: "2.4", status: .skipped, reason: "bez zmian osób"))
    ])
    let report = try entry(
      "zgloszenie-zmiany-osob", Timeline(procedure: procedure, state: skipped, today: "2027-01-02"))
    #expect(report.state == .skipped)
    #expect(report.words == "nie dotyczy (krok 2.4 pominięty: bez zmian osób)")
  }

  @Test("before the dates are recorded, each deadline says which field to fill in")
  func unknownDates() throws {
    let timeline = Timeline(procedure: procedure, state: state(filed: nil), today: "2026-11-25")
    let cards = try entry("karty-przed-odlaczeniem", timeline)
    #expect(cards.state == .unknown && cards.date == nil)
    #expect(cards.words == "data po wpisaniu pola „Data złożenia zlecenia” w kroku 5.2")
    #expect(timeline.next == nil)
  }

  @Test("the Urząd Marszałkowski's own journal has no partner deadlines")
  func umHasNone() {
    #expect(
      Timeline(procedure: procedure, state: state(filed: nil, role: .um), today: "2026-11-25").entries.isEmpty
    )
  }

  /// A deadline of 25 October turns overdue only when 26 October begins in Poland.
  @Test(
    "„today” is the local day, around midnight and the change of time",
    arguments: [
      (1_792_877_400.0, Timeline.Entry.State.open),  // 2026-10-24 21:30 UTC = 23:30 CEST, 24 October
      (1_792_967_400.0, .open),  // 2026-10-25 22:30 UTC = 23:30 CET, 25 October (the clocks went back)
      (1_792_971_000.0, .overdue),  // 2026-10-25 23:30 UTC = 00:30 CET, 26 October
    ])
  func localToday(_ instant: Double, _ expected: Timeline.Entry.State) throws {
    TestProcedure.pinPolishTimeZone()
    let today = LocalTime.day(Date(timeIntervalSince1970: instant))
    let timeline = Timeline(procedure: procedure, state: state(filed: "2026-10-18"), today: today)
    #expect(try entry("karty-przed-odlaczeniem", timeline).state == expected, "\(today)")
  }
}
