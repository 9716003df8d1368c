import ArgumentParser
import EpuapDomain
import EpuapReport
import FoundationEssentials

/// `print`: the completion checklist, to standard output, a file or a printer.
struct PrintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "print",
    abstract: "Lista kontrolna wykonania (tekst, Markdown, HTML): na ekran, do pliku albo do drukarki.",
    discussion: """
      Lista zawiera jednostkę, ścieżkę, każdy krok ze statusem, skrytki, systemy, zgodę Urzędu \
      Marszałkowskiego, karty usług, miejsca na podpisy oraz skrót SHA-256 ostatniego zdarzenia (ten sam, \
      który pokazuje „journal verify”). Na początku jest werdykt: „ZAKOŃCZONE” tylko wtedy, gdy nic nie \
      blokuje zakończenia, a w przeciwnym razie „NIEZAKOŃCZONE:” i każdy powód z numerem kroku. Dziennik \
      jest tylko czytany, nigdy zmieniany.

      Z --lp plik jest zawsze zapisywany (w --output albo obok dziennika jako \
      <dziennik>-lista-kontrolna.txt|md|html), a potem wysyłany do drukarki poleceniem CUPS \
      „lp [-d DRUKARKA] -- PLIK”. Gdy lp brakuje albo zgłosi błąd, kod wyjścia to 1, a plik zostaje. \
      Plik jest zapisywany jako nowy i dopiero gotowy zastępuje poprzedni; nie zapisuje się na dziennik, \
      urządzenie, potok, folder ani przez dowiązanie symboliczne.

      Inne dokumenty (--document): zlecenie-zmiany — projekt „Zlecenia dokonania zmian w dostępie do \
      systemu SEKAP” (załącznik nr 2 do Regulaminu); dla-wykonawcy — dane skrytek dla wykonawcy systemu \
      obiegu dokumentów; dla-mieszkancow — informacja dla mieszkańców; test-odbioru — protokół testu \
      odbioru dokumentów w skrytkach.

      Przykłady:
        epuap-wizard print --journal gliwice.jsonl
        epuap-wizard print --document zlecenie-zmiany --lp
        epuap-wizard print --format html --output lista.html
        epuap-wizard print --lp Biuro
      """)

  @OptionGroup var options: JournalOptions

  @OptionGroup var formatOption: FormatOption

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Dokument: lista-kontrolna (domyślnie), zlecenie-zmiany, dla-wykonawcy, dla-mieszkancow, test-odbioru.",
      valueName: "dokument"),
    completion: .list(DocumentKind.allCases.map(\.rawValue)))
  var document = DocumentKind.checklist.rawValue

  @OptionGroup var target: OutputOption

  @Flag(name: .long, help: "Wyślij do drukarki poleceniem lp (CUPS); plik zostaje też zapisany.")
  var lp = false

  @Argument(
    help: ArgumentHelp("Drukarka dla --lp (bez niej: drukarka domyślna).", valueName: "drukarka"),
    completion: .shellCommand("lpstat -e 2>/dev/null"))
  var printer: String?

  func run() throws {
    try CLI.run {
      let format = try formatOption.resolved()
      guard let kind = DocumentKind(rawValue: document) else {
        throw CLIFailure(
          "Nieznany dokument „\(document.terminalSafe())”. Dostępne: "
            + DocumentKind.allCases.map(\.rawValue).joined(separator: ", ") + ".", code: 1)
      }
      if printer != nil, !lp {
        throw CLIFailure(
          "Nazwę drukarki podaje się razem z --lp, np.: epuap-wizard print --lp Biuro", code: 1)
      }
      try target.check()
      let output = target.output
      let procedure = try CLI.procedure()
      let path = try options.resolveJournal()
      let document: ChecklistDocument
      do throws(DocumentLoadError) {
        document = try ChecklistDocument.load(journalPath: path, procedure: procedure, kind: kind)
      } catch {
        switch error {
        case .journal(let journalError): throw journalError  // its own exit code (damaged, missing, …)
        case .refused(let reason): throw CLIFailure(reason, code: ExitStatus.refused)
        }
      }
      guard lp || output != nil else {
        StandardStream.output.write(Data(format.render(document).utf8))
        return
      }
      let target = output ?? kind.defaultPath(forJournal: path, format: format)
      do {
        let result = try writeChecklist(
          document, format: format, to: target, lp: lp ? LPSender(printer: printer) : nil)
        CLI.say(result.message)
      } catch let error as ChecklistPrintError {
        if case .writeFailed = error { throw CLIFailure(error.message, code: ExitStatus.writeFailed) }
        throw CLIFailure(error.message, code: ExitStatus.refused)
      }
    }
  }
}
