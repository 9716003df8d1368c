import ArgumentParser
import EpuapDomain
import Foundation

/// `print`: the completion checklist.
struct PrintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "print", abstract: "Drukuje listę kontrolną wykonania (tekst, Markdown, HTML).")

  @OptionGroup var options: JournalOptions

  func run() throws {
    throw CLIFailure("Drukowanie listy kontrolnej nie jest jeszcze dostępne w tej wersji.", code: 1)
  }
}
