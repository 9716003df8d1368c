import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// UTC timestamps as the journal writes them.
public enum JournalClock {
  /// `2026-11-25T10:15:00Z`.
  public static func timestamp(_ date: Date) -> String {
    format(date, "%04d-%02d-%02dT%02d:%02d:%02dZ")
  }

  /// `20261125T101500Z`, for file names.
  public static func compactStamp(_ date: Date) -> String {
    format(date, "%04d%02d%02dT%02d%02d%02dZ")
  }

  /// The date part, `2026-11-25`.
  public static func day(_ date: Date) -> String { String(timestamp(date).prefix(10)) }

  private static func format(_ date: Date, _ pattern: String) -> String {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    gmtime_r(&seconds, &parts)
    return String(
      format: pattern, Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
      Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
  }
}
