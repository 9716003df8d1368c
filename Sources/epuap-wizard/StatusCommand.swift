import ArgumentParser
import EpuapDomain
import EpuapReport
import FoundationEssentials

/// `status`: every step with its status and values, open items, errors and warnings.
struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract:
      "Stan jednostki: każdy krok ze statusem i zapisanymi wartościami, otwarte pozycje, błędy i ostrzeżenia."
  )

  @OptionGroup var options: JournalOptions
  @Flag(name: .long, help: "Wynik w JSON.") var json = false

  func run() throws {
    try CLI.run {
      let procedure = try CLI.procedure()
      let path = try options.resolveJournal()
      let journal = try JournalReader.load(path: path)
      guard let state = UnitState.fold(journal.entries) else { throw JournalError.missingHeader(path: path) }
      let report = StatusReport(
        procedure: procedure, state: state, journalPath: path, tornTail: journal.tornTail,
        today: LocalTime.day(Date()))
      if json {
        try CLI.printJSON(report)
      } else {
        print(StatusTextRenderer.render(report, procedure: procedure))
      }
    }
  }
}
