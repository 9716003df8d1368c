import EpuapDomain
import Foundation
import TestSupport
import Testing

/// Screens and paper show local time with its zone; the journal keeps UTC.
@Suite("Local time")
struct LocalTimeTests {
  init() { TestProcedure.pinPolishTimeZone() }

  @Test(
    "a journal's UTC time reads as Polish local time, winter and summer, across midnight and the new year",
    arguments: [
      ("2026-12-01T21:23:00Z", "2026-12-01 22:23 CET", "2026-12-01"),
      ("2026-07-01T10:00:00Z", "2026-07-01 12:00 CEST", "2026-07-01"),
      ("2026-11-30T23:30:00Z", "2026-12-01 00:30 CET", "2026-12-01"),
      ("2026-12-31T23:15:00Z", "2027-01-01 00:15 CET", "2027-01-01"),
      ("2026-03-29T01:30:00Z", "2026-03-29 03:30 CEST", "2026-03-29"),
      ("2026-10-25T00:30:00Z", "2026-10-25 02:30 CEST", "2026-10-25"),
      ("2026-10-25T01:30:00Z", "2026-10-25 02:30 CET", "2026-10-25"),
    ])
  func display(_ utc: String, _ shown: String, _ day: String) {
    #expect(LocalTime.display(utc) == shown)
    #expect(LocalTime.day(ofTimestamp: utc) == day)
  }

  @Test("„today” is the local date; text that is not a timestamp is shown as it is")
  func today() {
    // 2026-11-30 23:30 UTC is already 1 December in Poland.
    #expect(LocalTime.day(Date(timeIntervalSince1970: 1_796_081_400)) == "2026-12-01")
    #expect(LocalTime.display("wczoraj") == "wczoraj")
  }
}
