import EpuapDomain
import EpuapReport
import EpuapWizard
import FoundationEssentials

/// Printing from the wizard (key `p`): the same code as `epuap-wizard print`.
///
/// The checklist is saved in the user's documents folder (`DocumentsFolder`) under the name `print` gives
/// it beside the journal (`<dziennik>-lista-kontrolna.txt|html|md`), where a clerk finds it; for a printer the text checklist is
/// saved there too and sent with `lp -d`. The returned sentence names the full path.
enum ChecklistPrinting {
  static func printer(_ session: UnitSession, _ destination: PrintDestination) throws -> String {
    let document = ChecklistDocument(
      procedure: session.procedure, state: session.state,
      journal: .init(name: PathText.lastComponent(of: session.path)), generatedAt: Date())
    switch destination {
    case .file(let format):
      return try writeChecklist(document, format: format, to: path(for: session.path, format: format)).message
    case .printer(let name):
      return try writeChecklist(
        document, format: .text, to: path(for: session.path, format: .text), lp: LPSender(printer: name)
      ).message
    }
  }

  /// The checklist's usual file name (`ChecklistFormat.defaultPath`), in the documents folder.
  static func path(for journal: String, format: ChecklistFormat) -> String {
    DocumentsFolder.path() + "/" + PathText.lastComponent(of: format.defaultPath(forJournal: journal))
  }
}
