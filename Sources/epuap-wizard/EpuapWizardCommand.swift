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
      Bez polecenia uruchamia kreatora w terminalu. Postęp jest zapisywany po każdej czynności \
      w dzienniku (JSON, jeden plik na jednostkę) w $XDG_STATE_HOME/epuap-wizard/ \
      (domyślnie ~/.local/state/epuap-wizard/).

      """ + ExitStatus.helpText,
    version: "epuap-wizard \(version)",
    subcommands: [
      WizardCommand.self, ListCommand.self, StatusCommand.self, JournalCommand.self, AnswersCommand.self,
      PrintCommand.self, SummaryCommand.self,
    ],
    defaultSubcommand: WizardCommand.self,
    helpNames: [.short, .long, .customLong("pomoc")]
  )

  /// Runs the command, with the parser's messages in Polish (`parseAndRun`).
  ///
  /// Without arguments, as a clerk starts it, there is nothing to parse: the wizard starts at once, as
  /// `WizardCommand` does with every option at its default. swift-argument-parser's pass over an empty
  /// command line (reflection over every command, and its check for a completion-script request) would
  /// add about 1 ms to a first paint of about 10 ms (docs/PERFORMANCE.md).
  static func main() {
    guard CommandLine.arguments.count > 1 else {
      do {
        try WizardCommand.start(plain: false, journal: nil, directory: JournalDirectory.standard())
      } catch {
        exit(withError: error)
      }
      return
    }
    parseAndRun()
  }

  /// The commands' names, for the suggestion when one is mistyped.
  static var commandNames: [String] {
    configuration.subcommands.compactMap { $0.configuration.commandName }
  }

  /// A first word that is no command (the wizard takes no words), with the nearest command's name when
  /// it is a slip of one or two letters: „stauts” → „status”.
  static func unknownCommand(_ arguments: [String]) -> String? {
    guard let first = arguments.first, !first.hasPrefix("-"), !commandNames.contains(first), first != "help"
    else { return nil }
    let nearest = commandNames.map { ($0, EditDistance.between(first, $0)) }.min { $0.1 < $1.1 }
    let names = commandNames.map { "„\($0)”" }.joined(separator: ", ")
    let safe = first.terminalSafe()
    if let (name, distance) = nearest, distance <= 2 {
      return
        "Błąd: nieznane polecenie „\(safe)”. Czy chodziło o „\(name)”?\nPolecenia: \(names). Pomoc: epuap-wizard --pomoc"
    }
    return "Błąd: nieznane polecenie „\(safe)”.\nPolecenia: \(names). Pomoc: epuap-wizard --pomoc"
  }

  /// `main` of swift-argument-parser, but with its messages in Polish: help, and what is wrong with a
  /// command line it cannot take.
  static func parseAndRun() {
    if let unknown = unknownCommand(Array(CommandLine.arguments.dropFirst())) {
      StandardStream.error.write(unknown + "\n")
      exit(withError: ExitCode.validationFailure)
    }
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      switch exitCode(for: error) {
      case .success:  // help or the version
        StandardStream.output.write(PolishParserMessages.translate(fullMessage(for: error)) + "\n")
        exit(withError: ExitCode.success)
      case .validationFailure:
        StandardStream.error.write(PolishParserMessages.translate(fullMessage(for: error)) + "\n")
        exit(withError: ExitCode.validationFailure)
      default:
        exit(withError: error)
      }
    }
  }
}
