import ArgumentParser
import EpuapDomain
import EpuapReport
import FoundationEssentials

/// `summary`: every unit of a folder of journals in one table, subordinate units under their partner.
struct SummaryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "summary",
    abstract:
      "Zestawienie jednostek z folderu dzienników: werdykt, postęp, najbliższy termin, jednostki podległe.",
    discussion: """
      Jeden wiersz na dziennik (*.jsonl) w folderze: nazwa jednostki, identyfikator ePUAP, rola, ścieżka, \
      kroki zrobione z tych na ścieżce, werdykt („ZAKOŃCZONE” albo „NIEZAKOŃCZONE:” z najwyżej \
      pięcioma powodami; wszystkie pokazuje „status”), najbliższy termin i ostatnia zmiana. Jednostki, które Partner wymienia w kroku 5.3 (identyfikatory \
      ePUAP albo nazwy rozdzielone przecinkami, średnikami lub w osobnych wierszach), są pokazane pod nim \
      („podległa: …”); wymienione, a bez dziennika w folderze, mają wiersz „brak dziennika w folderze”.

      Folder jest tylko czytany: dzienniki nie są blokowane (także ten otwarty w tej chwili w kreatorze) \
      ani zmieniane, a w folderze nic nie jest zapisywane. Dziennik uszkodzony ma wiersz z powodem; \
      kod wyjścia to wtedy nadal 0. Inne pliki (szkice, odłożone wiersze, spis dzienników, dowiązania \
      symboliczne, foldery) są pomijane.

      Przykłady:
        epuap-wizard summary --dir /srv/powiat/dzienniki
        epuap-wizard summary --format html --output zestawienie.html
      """)

  @Option(
    name: [.customLong("dir"), .customLong("state-dir")],
    help: ArgumentHelp(
      "Folder dzienników jednostek. Domyślnie folder stanu: $XDG_STATE_HOME/epuap-wizard albo ~/.local/state/epuap-wizard.",
      valueName: "folder"),
    completion: .directory)
  var dir: String?

  @OptionGroup var formatOption: FormatOption
  @OptionGroup var target: OutputOption

  func run() throws {
    try CLI.run {
      let format = try formatOption.resolved()
      try target.check()
      let procedure = try CLI.procedure()
      let folder = (dir.map { JournalDirectory(path: $0) } ?? JournalDirectory.standard()).path
      let now = Date()
      guard
        let summary = try FolderSummary.read(folder: folder, procedure: procedure, today: LocalTime.day(now))
      else {
        throw CLIFailure(
          "Nie ma folderu \(folder). Podaj folder dzienników: --dir FOLDER.", code: ExitStatus.missing)
      }
      let text = format.render(ChecklistDocument(summary: summary, procedure: procedure, generatedAt: now))
      try target.write(Data(text.utf8))
      if let output = target.output {
        CLI.say("Zapisano zestawienie (\(format.polishName)) do pliku \(output).")
      }
    }
  }
}
