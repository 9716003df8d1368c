import EpuapDomain
import Foundation

/// Printing from the wizard (key `p`): the same code as `epuap-wizard print`.
enum ChecklistPrinting {
  static func printer(_ session: UnitSession, _ format: String) throws -> String {
    "Drukowanie listy kontrolnej nie jest jeszcze dostępne w tej wersji."
  }
}
