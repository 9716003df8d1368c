import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// UTC timestamps as the journal writes them.
public enum JournalClock {
  /// `2026-11-25T10:15:00Z`.
  public static func timestamp(_ date: Date) -> String {
    let (year, month, day, hour, minute, second) = fields(date)
    return "\(year)-\(month)-\(day)T\(hour):\(minute):\(second)Z"
  }

  /// `20261125T101500Z`, for file names.
  public static func compactStamp(_ date: Date) -> String {
    let (year, month, day, hour, minute, second) = fields(date)
    return "\(year)\(month)\(day)T\(hour)\(minute)\(second)Z"
  }

  /// The date part, `2026-11-25`.
  public static func day(_ date: Date) -> String { String(timestamp(date).prefix(10)) }

  /// Year (4 digits) and month, day, hour, minute, second (2 digits each) in UTC, zero-padded.
  private static func fields(_ date: Date) -> (String, String, String, String, String, String) {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    gmtime_r(&seconds, &parts)
    return (
      padded(Int(parts.tm_year) + 1900, 4), padded(Int(parts.tm_mon) + 1, 2), padded(Int(parts.tm_mday), 2),
      padded(Int(parts.tm_hour), 2), padded(Int(parts.tm_min), 2), padded(Int(parts.tm_sec), 2)
    )
  }

  private static func padded(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
