import ArgumentParser
import EpuapDomain
import FoundationEssentials

/// `epuap-wizard`: the wizard by default, and the commands that show and change journals.
@main
struct EpuapWizardCommand: ParsableCommand {
  static let version = "1.0.0"

  static let configuration = CommandConfiguration(
    commandName: "epuap-wizard",
    abstract:
      "Kreator przeniesienia integracji ePUAP z platformy SEKAP — krok po kroku, z dziennikiem postępu.",
    discussion: """
      Bez polecenia uruchamia kreatora w terminalu. Postęp jest zapisywany po każdej czynności
      w dzienniku (JSON, jeden plik na jednostkę) w $XDG_STATE_HOME/epuap-wizard/
      (domyślnie ~/.local/state/epuap-wizard/).

      Kody wyjścia: 0 — w porządku; 1 — odmowa lub błędne dane (nic nie zapisano);
      2 — dziennik uszkodzony lub niedostępny.
      """,
    version: version,
    subcommands: [
      WizardCommand.self, ListCommand.self, StatusCommand.self, JournalCommand.self, AnswersCommand.self,
      PrintCommand.self,
    ],
    defaultSubcommand: WizardCommand.self,
    helpNames: [.short, .long, .customLong("pomoc")]
  )

  /// Starts what the first screen needs on another core, then runs the command.
  ///
  /// Without arguments there is nothing to parse: the wizard opens at once, as `wizard` with no options
  /// would. Building the parser for all commands (it reflects over each of them) is the largest single cost
  /// between the start and the first screen, so it is paid only when there is a command line to read.
  static func main() {
    StartupReadAhead.begin()
    guard StartupReadAhead.opensStartScreen else { return main(nil) }
    do {
      try WizardLaunch.run(journal: nil, directory: .standard())
    } catch let exit as ExitCode {
      Self.exit(withError: exit)
    } catch {
      Self.exit(withError: error)
    }
  }
}
