import EpuapDomain
import EpuapReport
import FoundationEssentials

/// Printing from the wizard (key `p`): the same code as `epuap-wizard print`.
///
/// The checklist of the open session is written beside its journal
/// (`<dziennik>-lista-kontrolna.txt|md|html`); the returned sentence says where.
enum ChecklistPrinting {
  static func printer(_ session: UnitSession, _ format: ChecklistFormat) throws -> String {
    let document = ChecklistDocument(
      procedure: session.procedure, state: session.state,
      journal: .init(name: PathText.lastComponent(of: session.path)), generatedAt: Date())
    return try writeChecklist(document, format: format, to: format.defaultPath(forJournal: session.path))
      .message
  }
}
