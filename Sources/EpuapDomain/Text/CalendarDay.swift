/// Calendar days as the journal keeps them (`RRRR-MM-DD`), counted without clocks or time zones: a
/// deadline „7 days after 2026-11-20” is 2026-11-27 whatever the summer time does in between.
public enum CalendarDay {
  /// `day` moved by `days` (negative: back); nil when `day` is not a date.
  public static func adding(_ days: Int, to day: String) -> String? {
    FieldValidator.dayNumber(day).map { civil(fromDayNumber: $0 + days) }
  }

  /// The `RRRR-MM-DD` of a day number (days since 1970-01-01), the inverse of `FieldValidator.dayNumber`.
  public static func civil(fromDayNumber number: Int) -> String {
    // Howard Hinnant's civil_from_days.
    let shifted = number + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(year)-\(two(month))-\(two(day))"
  }
}
