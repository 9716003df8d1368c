import ArgumentParser
import EpuapDomain
import EpuapReport
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// `summary`: every unit of a folder of journals in one table, subordinate units under their partner.
struct SummaryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "summary",
    abstract:
      "Zestawienie jednostek z folderu dzienników: werdykt, postęp, najbliższy termin, jednostki podległe.",
    discussion: """
      Jeden wiersz na dziennik (*.jsonl) w folderze: nazwa jednostki, identyfikator ePUAP, rola, ścieżka, \
      kroki zrobione z tych na ścieżce, werdykt („ZAKOŃCZONE” albo „NIEZAKOŃCZONE:” z każdym powodem), \
      najbliższy termin i ostatnia zmiana. Jednostki, które Partner wymienia w kroku 5.3 (identyfikatory \
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

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Format: text albo tekst (80 kolumn), markdown albo html (A4 w poziomie).", valueName: "format"),
    completion: .list(ChecklistFormat.allCases.map(\.rawValue) + ["tekst"]))
  var format = "text"

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp("Zapisz do pliku zamiast na standardowe wyjście.", valueName: "plik"),
    completion: .file())
  var output: String?

  func run() throws {
    try CLI.run {
      guard let format = ChecklistFormat(named: format) else {
        throw CLIFailure(
          "Nieznany format „\(format.terminalSafe())”. Dostępne: "
            + ChecklistFormat.allCases.map(\.rawValue).joined(separator: ", ") + " (także „tekst”).",
          code: ExitStatus.refused)
      }
      if let output { try NewFile.checkTarget(output) }  // refused before anything is read
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
      guard let output else {
        StandardStream.output.write(Data(text.utf8))
        return
      }
      try write(text, to: output)
      CLI.say("Zapisano zestawienie (\(format.polishName)) do pliku \(output).")
    }
  }

  /// Writes the summary the way every file is written (`NewFile`): a new file renamed into place; a journal,
  /// a link, a device, a FIFO or a folder is refused and left as it was.
  private func write(_ text: String, to path: String) throws {
    do throws(JournalError) {
      try NewFile.replace(path, with: Array(text.utf8))
    } catch {
      let reason: String
      switch error {
      case .unsafeTarget: throw error
      case .diskFull: reason = SystemErrorText.polish(ENOSPC)
      case .permissionDenied: reason = SystemErrorText.polish(EACCES)
      case .notFound: reason = "nie ma takiego folderu"
      case .io(_, _, let code): reason = SystemErrorText.polish(code)
      default: reason = error.message
      }
      throw CLIFailure(
        "Nie można zapisać zestawienia do \(path): \(reason). Sprawdź ścieżkę i uprawnienia, "
          + "albo podaj inny plik: --output PLIK.", code: ExitStatus.writeFailed)
    }
  }
}
