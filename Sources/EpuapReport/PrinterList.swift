import EpuapDomain
import FoundationEssentials

/// The printers CUPS knows (`lpstat`), the default one first: what the wizard's print menu offers.
public struct PrinterList: Equatable, Sendable {
  public var names: [String]
  public var defaultName: String?
  /// `lpstat` did not answer within `lpstatTimeout` (a CUPS server that hangs): the list is empty.
  public var unanswered = false

  /// How long the print menu waits for `lpstat`.
  public static var lpstatTimeout: Duration { .seconds(5) }

  /// `names` in the order given, the default moved to the front (and added if the list missed it).
  public init(names: [String], defaultName: String?) {
    let others = names.filter { $0 != defaultName }
    self.names = (defaultName.map { [$0] } ?? []) + others
    self.defaultName = defaultName
  }

  public static let none = PrinterList(names: [], defaultName: nil)

  /// From the output of `lpstat -e` (one destination a line) and `lpstat -d` („system default
  /// destination: NAME”, or „no system default destination”), both run with `LC_ALL=C`.
  ///
  /// Names that a terminal could not show safely are left out: they could not be chosen by sight anyway.
  public init(lpstatE: String, lpstatD: String) {
    let names = lpstatE.split(separator: "\n").map { String($0).trimmedSpaces }
      .filter { !$0.isEmpty && ReportText.clean($0) == $0 }
    let marker = "system default destination:"
    let defaultName = lpstatD.split(separator: "\n").lazy.compactMap { line -> String? in
      guard line.hasPrefix(marker) else { return nil }
      let name = String(line.dropFirst(marker.count)).trimmedSpaces
      return name.isEmpty || ReportText.clean(name) != name ? nil : name
    }.first
    self.init(names: names, defaultName: defaultName)
  }

  /// Asks `lpstat` on the `PATH` of `environment`; none when there is no `lpstat` or it fails.
  ///
  /// Each call of `lpstat` may take `timeout`; one that does not answer by then is killed, and the list
  /// says so (`unanswered`).
  public static func system(
    environment: [String: String] = ProcessEnvironment.current, timeout: Duration = lpstatTimeout
  ) -> PrinterList {
    guard let lpstat = ExecutableSearch.find("lpstat", environment: environment) else { return .none }
    var environment = environment
    environment["LC_ALL"] = "C"  // „system default destination:” in every locale
    var unanswered = false
    func run(_ option: String) -> String {
      guard !unanswered,
        let outcome = try? ChildProcess.run(
          executable: lpstat, arguments: [option], environment: environment, timeout: timeout)
      else { return "" }
      unanswered = outcome.timedOut
      return outcome.status == 0 ? String(decoding: outcome.output, as: UTF8.self) : ""
    }
    var list = PrinterList(lpstatE: run("-e"), lpstatD: run("-d"))
    list.unanswered = unanswered
    return list
  }
}
