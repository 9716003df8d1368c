import ArgumentParser
import EpuapDomain
import EpuapReport
import EpuapWizard
import FoundationEssentials
import ScreenKit
import TerminalUI

#if canImport(Glibc)
  import Glibc
#endif

/// The default command: the wizard in the terminal.
struct WizardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "wizard",
    abstract: "Uruchamia kreatora w terminalu (polecenie domyślne).",
    discussion: """
      Wymaga terminala o rozmiarze co najmniej 80×24. Bez kolorów: ustaw NO_COLOR=1. Tryb tekstowy \
      (numerowane pytania, jedna odpowiedź w wierszu, dla czytników ekranu i skryptów): --plain \
      albo ACCESSIBLE=1; włącza się sam, gdy wejście lub wyjście nie jest terminalem albo terminal \
      nie umie ustawiać kursora (TERM=dumb) albo jest nieznany bazie terminfo.
      """)

  @OptionGroup var options: JournalOptions

  @Flag(
    name: .long, help: "Tryb tekstowy: numerowane pytania, jedna odpowiedź w wierszu, bez ramek i kolorów.")
  var plain = false

  func run() throws {
    try Self.start(plain: plain, journal: options.journal, directory: options.directory)
  }

  /// The wizard on screens, or line by line (`wantsLineMode`): what `run` does with the parsed options,
  /// and `epuap-wizard` without arguments with the defaults.
  static func start(plain: Bool, journal: String?, directory: JournalDirectory) throws {
    if WizardLaunch.wantsLineMode(plain: plain, environment: ProcessEnvironment.current) {
      try LineLaunch.run(journal: journal, directory: directory)
    } else {
      try WizardLaunch.run(journal: journal, directory: directory)
    }
  }
}

/// Opens the wizard in the terminal and runs it until the clerk quits: what `epuap-wizard` does without a
/// command, and `epuap-wizard wizard [--journal] [--state-dir]`.
enum WizardLaunch {
  /// The command that opens `journal` again, as the program was started: by its path when it was started
  /// by one (`.build/release/epuap-wizard`, not on the PATH), else by its name.
  static func resumeCommand(journal: String, argument0: String? = CommandLine.arguments.first) -> String {
    "\(resumeProgram(argument0: argument0)) --journal \(shellQuoted(journal))"
  }

  /// The program as `resumeCommand` names it, quoted for the shell.
  static func resumeProgram(argument0: String? = CommandLine.arguments.first) -> String {
    shellQuoted(argument0.flatMap { $0.contains("/") ? $0 : nil } ?? "epuap-wizard")
  }

  /// Whether to ask line by line instead of drawing screens: `--plain`, `ACCESSIBLE` set (and not `0`),
  /// input or output not a terminal, `TERM` unset, or a terminal that terminfo does not know or that
  /// cannot move the cursor.
  static func wantsLineMode(plain: Bool, environment: [String: String]) -> Bool {
    if plain { return true }
    if let accessible = environment["ACCESSIBLE"], !accessible.isEmpty, accessible != "0" { return true }
    if isatty(STDIN_FILENO) != 1 || isatty(STDOUT_FILENO) != 1 { return true }
    if (environment["TERM"] ?? "").isEmpty { return true }
    return NcursesTerminal.addressesCursor() != true
  }

  /// Runs the wizard; errors become a Polish message on stderr and an `ExitCode`.
  static func run(journal: String?, directory: JournalDirectory) throws {
    try CLI.run {
      NcursesTerminal.installSignalHandlers()
      let summaryCache = ProcedureSource.summaryCache(for: directory)
      // The procedure is decoded on a second core while the terminal starts and the folder is listed:
      // the three were most of the way to the first frame, one after another (docs/PERFORMANCE.md).
      let ((started, listed), loaded) = WorkerThreads.inParallel(
        { () -> (Result<NcursesTerminal, any Error>, [ListedJournal]) in
          (
            Result { try NcursesTerminal(environment: ProcessEnvironment.current) },
            directory.listing(cache: summaryCache)
          )
        }, while: { Result { try CLI.procedure() } })
      let terminal: NcursesTerminal
      do {
        terminal = try started.get()
      } catch TerminalError.notUTF8Locale(let codeset) {
        throw CLIFailure(
          "Nie można uruchomić kreatora: ustawienia językowe nie używają UTF-8 (kodowanie „\(codeset)”), "
            + "więc polskie litery nie dałyby się wpisać ani wyświetlić. Ustaw UTF-8, np.:\n"
            + "  LANG=pl_PL.UTF-8 epuap-wizard   (albo LANG=C.UTF-8; sprawdź też, czy LC_ALL i LC_CTYPE "
            + "nie wskazują innego kodowania)", code: ExitStatus.refused)
      } catch {
        throw CLIFailure(
          "Nie można uruchomić terminala: \(error). Sprawdź zmienną TERM.", code: ExitStatus.refused)
      }
      let procedure: Procedure
      do {
        procedure = try loaded.get()
      } catch {
        terminal.restore()
        throw error
      }
      let backend = JournalBackend.onDisk(
        procedure: procedure, directory: directory, summaryCache: summaryCache, listed: listed)
      let (model, commands) = WizardCore.start(
        procedure: procedure, size: terminal.size, today: LocalTime.day(Date()),
        journalPath: journal)
      let runner = WizardRunner(
        model: model, terminal: terminal, backend: backend, pendingSignal: { NcursesTerminal.pendingSignal })
      let outcome = runner.run(initialCommands: commands)
      backend.close()
      terminal.restore()
      // The new-unit form's text is kept in the folder, not in a journal (there is none yet).
      let keptForm =
        runner.model.draftKept?.place == .newUnit
        ? "Dane wpisane w formularzu nowej jednostki są zachowane: wrócą, gdy otworzysz go ponownie.\n" : ""
      switch outcome {
      case .quit, .inputEnded:
        if let path = runner.model.journalPath {
          print("Zapisano. Dziennik: \(path)\nAby wrócić: \(resumeCommand(journal: path))")
        } else if !keptForm.isEmpty {
          print(keptForm, terminator: "")
        }
      case .signal(let number):
        let kept = runner.model.journalPath == nil ? keptForm : "Wszystko, co zapisano, jest w dzienniku.\n"
        StandardStream.error.write(Data("Przerwano (sygnał \(number)).\n\(kept)".utf8))
        throw ExitCode(128 + number)
      }
    }
  }
}

/// The wizard in line mode (`LineWizard`) on standard input and output.
enum LineLaunch {
  static func run(journal: String?, directory: JournalDirectory) throws {
    try CLI.run {
      let procedure = try CLI.procedure()
      let backend = JournalBackend.onDisk(procedure: procedure, directory: directory)
      let wizard = LineWizard(
        procedure: procedure, backend: backend, console: StandardLineConsole(), today: LocalTime.day(Date()))
      // Named before any journal is open: the journal given, else the folder, so that the way back
      // leads to this unit wherever its journal is.
      let back =
        journal.map { "--journal \(shellQuoted($0))" } ?? "--state-dir \(shellQuoted(directory.path))"
      LineInterrupt.install(
        message: "\nPrzerwano (Ctrl-C). Zapisane jest wszystko, co kreator potwierdził jako zapisane; "
          + "to, co było w trakcie wpisywania, nie zostało zapisane.\n"
          + "Aby wrócić: \(WizardLaunch.resumeProgram()) \(back) --plain\n")
      let outcome = wizard.run(journalPath: journal)
      backend.close()
      if case .failed(let problem) = outcome {
        throw CLIFailure("Nie można otworzyć dziennika: \(problem)", code: ExitStatus.refused)
      }
      if let path = wizard.journalPath {
        print("Aby wrócić: \(WizardLaunch.resumeCommand(journal: path)) --plain")
      }
    }
  }
}

extension JournalBackend {
  /// The backend both front ends run on: journals in `directory` with the folder's summary cache, and
  /// the checklist printed through the system's printers.
  static func onDisk(
    procedure: Procedure, directory: JournalDirectory, summaryCache: JournalSummaryCache? = nil,
    listed: [ListedJournal]? = nil
  ) -> JournalBackend {
    let backend = JournalBackend(
      procedure: procedure, directory: directory,
      summaryCache: summaryCache ?? ProcedureSource.summaryCache(for: directory), listed: listed)
    backend.printer = ChecklistPrinting.printer
    backend.printers = { PrinterList.system() }
    return backend
  }
}
