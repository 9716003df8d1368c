import FoundationEssentials
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Times as an office reads them: in the local zone, with its name, honouring `TZ`.
///
/// The journal keeps UTC (`JournalClock`); screens and paper show local time, an hour or two off UTC
/// in Poland, which is what an official record needs.
///
///     LocalTime.display("2026-12-01T21:23:00Z")  // "2026-12-01 22:23 CET" in Poland
public enum LocalTime {
  /// A journal timestamp (`2026-12-01T21:23:00Z`) as `2026-12-01 22:23 CET`; anything else unchanged.
  public static func display(_ timestamp: String) -> String {
    guard let seconds = secondsSinceEpoch(timestamp) else { return timestamp }
    return format(seconds, "%Y-%m-%d %H:%M %Z")
  }

  /// The local date of a journal timestamp, `RRRR-MM-DD`; the timestamp's own date part when it is not
  /// one.
  public static func day(ofTimestamp timestamp: String) -> String {
    guard let seconds = secondsSinceEpoch(timestamp) else { return String(timestamp.prefix(10)) }
    return format(seconds, "%Y-%m-%d")
  }

  /// The local date of `date`, `RRRR-MM-DD`: „today” for a date that may not lie in the future.
  public static func day(_ date: Date) -> String {
    format(time_t(date.timeIntervalSince1970.rounded(.down)), "%Y-%m-%d")
  }

  /// `date` as `2026-12-01 22:23 CET`.
  public static func display(_ date: Date) -> String {
    format(time_t(date.timeIntervalSince1970.rounded(.down)), "%Y-%m-%d %H:%M %Z")
  }

  /// `RRRR-MM-DDTHH:MM:SSZ` as seconds since 1970 (UTC); nil for any other text.
  static func secondsSinceEpoch(_ timestamp: String) -> time_t? {
    let bytes = Array(timestamp.utf8)
    guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
      bytes[16] == 0x3A, bytes[19] == 0x5A
    else { return nil }
    func number(_ range: Range<Int>) -> Int? { Int(String(decoding: bytes[range], as: UTF8.self)) }
    guard let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
      let days = FieldValidator.dayNumber(String(decoding: bytes[0..<10], as: UTF8.self)),
      (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
    else { return nil }
    return time_t(days * 86_400 + hour * 3_600 + minute * 60 + second)
  }

  private static func format(_ seconds: time_t, _ pattern: String) -> String {
    var seconds = seconds
    var parts = tm()
    readZoneWhenChanged()
    guard localtime_r(&seconds, &parts) != nil else { return "" }
    var buffer = [CChar](repeating: 0, count: 64)
    let count = strftime(&buffer, buffer.count, pattern, &parts)
    return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The `TZ` the zone was last read for; `.none` before the first read.
  private static let zoneReadFor = Mutex<String??>(.none)

  /// Reads the zone (`tzset`) on first use and whenever `TZ` has changed since: `localtime_r` alone would
  /// not notice a change, and `tzset` on every call costs a `stat` of /etc/localtime, once per row of a
  /// list of 200 units.
  private static func readZoneWhenChanged() {
    let zone = getenv("TZ").map { String(cString: $0) }
    zoneReadFor.withLock { readFor in
      guard readFor != .some(zone) else { return }
      tzset()
      readFor = .some(zone)
    }
  }
}
