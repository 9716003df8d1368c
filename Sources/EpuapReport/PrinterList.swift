import EpuapDomain
import FoundationEssentials

/// The printers CUPS knows (`lpstat`), the default one first: what the wizard's print menu offers.
public struct PrinterList: Equatable, Sendable {
  public var names: [String]
  public var defaultName: String?

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
  public static func system(environment: [String: String] = ProcessEnvironment.current) -> PrinterList {
    guard let lpstat = ExecutableSearch.find("lpstat", environment: environment) else { return .none }
    var environment = environment
    environment["LC_ALL"] = "C"  // „system default destination:” in every locale
    func run(_ option: String) -> String {
      guard
        let outcome = try? ChildProcess.run(
          executable: lpstat, arguments: [option], environment: environment),
        outcome.status == 0
      else { return "" }
      return String(decoding: outcome.output, as: UTF8.self)
    }
    return PrinterList(lpstatE: run("-e"), lpstatD: run("-d"))
  }
}
