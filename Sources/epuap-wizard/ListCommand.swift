import ArgumentParser
import EpuapDomain
import FoundationEssentials

/// `list`: the journals in the state folder.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "Lista dzienników: jednostka, rola, ścieżka, postęp, ostatnia zmiana.")

  @OptionGroup var options: JournalOptions
  @Flag(name: .long, help: "Wynik w JSON.") var json = false

  func run() throws {
    try CLI.run {
      let procedure = try CLI.procedure()
      // A folder that cannot be read is an error, never an empty list.
      let files = try options.journal.map { [$0] } ?? options.directory.files()
      if options.journal == nil,
        let problem = JournalSummaryCache(folder: options.directory.path, key: "")
          .problem()
      {
        CLI.warn("Uwaga: pominięto spis dzienników (\(JournalSummaryCache.fileName)): \(problem.message)")
      }
      let summaries = files.map { JournalSummary.read(path: $0, procedure: procedure) }
      if json {
        try CLI.printJSON(summaries)
        return
      }
      if summaries.isEmpty {
        CLI.say("Brak dzienników w \(options.directory.path). Uruchom „epuap-wizard”, aby zacząć.")
        return
      }
      for summary in summaries {
        if let problem = summary.problem {
          CLI.say("\(summary.path)\n  USZKODZONY: \(problem)")
          continue
        }
        let role = summary.role == .um ? "pracownik UM" : "Partner"
        let path = summary.chosenPath.map { procedure.pathTitle($0) } ?? "decyzja jeszcze nie podjęta"
        CLI.say(
          "\(summary.unitName) [\(summary.entityIdentifier.isEmpty ? "bez identyfikatora" : summary.entityIdentifier)]"
        )
        CLI.say("  rola: \(role); ścieżka: \(path)")
        CLI.say(
          "  postęp: \(summary.doneCount) z \(summary.totalCount) kroków; ostatnia zmiana: \(summary.lastChange) (\(summary.lastOperator))"
        )
        CLI.say(
          "  plik: \(summary.path)"
            + (summary.tornTail ? " (urwany ostatni wiersz — zostanie odłożony przy otwarciu)" : ""))
      }
    }
  }
}
