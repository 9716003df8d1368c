import ArgumentParser
import EpuapDomain
import Foundation

/// The default command: the wizard in the terminal.
struct WizardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "wizard", abstract: "Uruchamia kreatora w terminalu (polecenie domyślne).")

  @OptionGroup var options: JournalOptions

  func run() throws {
    try CLI.run {
      _ = try CLI.procedure()
      print(
        """
        Kreator w terminalu nie jest jeszcze dostępny w tej wersji. Dostępne polecenia:
          epuap-wizard list                 — lista dzienników
          epuap-wizard status               — stan jednostki
          epuap-wizard journal verify PLIK  — sprawdzenie dziennika
          epuap-wizard answers export|apply — plik odpowiedzi
        """)
    }
  }
}
