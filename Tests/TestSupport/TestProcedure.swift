import EpuapDomain
import Foundation

/// The built-in procedure and the one instant the tests' clocks show.
public enum TestProcedure {
  /// The built-in procedure; reading it first pins the tests' time zone to Poland's (a POSIX rule, no time
  /// zone files needed), so that local times on screen and paper are the same on every machine.
  public static let builtIn: Procedure = {
    pinPolishTimeZone()
    return try! ProcedureLoader.builtIn()
  }()

  /// 2026-11-25 10:00:00 UTC (11:00 CET): when the tests' journals are written and checklists made.
  public static let fixedDate = Date(timeIntervalSince1970: 1_795_600_800)

  /// Poland's time zone as a POSIX rule: CET, CEST from the last Sunday of March to the last of October.
  public static func pinPolishTimeZone() { setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1) }
}
