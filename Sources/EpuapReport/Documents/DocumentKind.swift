import EpuapDomain
import FoundationEssentials

/// The documents the switch-over needs, printable like the checklist (`print --document NAME`).
public enum DocumentKind: String, CaseIterable, Sendable {
  /// The completion checklist (the default).
  case checklist = "lista-kontrolna"
  /// A draft of „Zlecenie dokonania zmian w dostępie do systemu SEKAP” (załącznik nr 2 do Regulaminu).
  case changeOrder = "zlecenie-zmiany"
  /// What the SOD vendor needs: the entity, the kept mailboxes and their settings.
  case vendorHandoff = "dla-wykonawcy"
  /// The citizens' notice: ePUAP instead of sekap.pl, and where each service card's form is now.
  case residentsNotice = "dla-mieszkancow"
  /// The receipt test protocol, one block per kept mailbox.
  case receiptTest = "test-odbioru"

  /// Why this document cannot be made for `state`, in Polish; nil when it can.
  public func refusal(for state: UnitState, procedure: Procedure) -> String? {
    if self == .checklist { return nil }
    if state.unit.role == .um {
      return "Dokument „\(rawValue)” sporządza Partner SEKAP; ten dziennik prowadzi pracownik Urzędu "
        + "Marszałkowskiego (dla niego jest tylko „lista-kontrolna”)."
    }
    if self == .vendorHandoff {
      guard let path = state.path else {
        return "Dokument „dla-wykonawcy” powstaje po decyzji (krok 2.0): wybierz FINN 8SQL albo inny system "
          + "obiegu dokumentów."
      }
      if path == .portal {
        return
          "Na ścieżce „\(procedure.pathTitle(.portal))” nie ma wykonawcy systemu obiegu dokumentów, więc "
          + "nie ma dla kogo sporządzić dokumentu „dla-wykonawcy”."
      }
    }
    return nil
  }

  /// The document for `state`; callers check `refusal(for:procedure:)` first.
  public func build(
    procedure: Procedure, state: UnitState, journal: ChecklistDocument.JournalInfo, generatedAt: Date
  ) -> ChecklistDocument {
    let parts = DocumentParts(
      procedure: procedure, state: state, journal: journal, generatedAt: generatedAt, kind: self)
    switch self {
    case .checklist:
      return ChecklistDocument(procedure: procedure, state: state, journal: journal, generatedAt: generatedAt)
    case .changeOrder: return parts.document(ChangeOrderBlocks(parts: parts).blocks())
    case .vendorHandoff: return parts.document(VendorHandoffBlocks(parts: parts).blocks())
    case .residentsNotice: return parts.document(ResidentsNoticeBlocks(parts: parts).blocks())
    case .receiptTest: return parts.document(ReceiptTestBlocks(parts: parts).blocks())
    }
  }

  /// The file a printout of it is saved to beside the journal: `<dziennik>-<dokument>.<txt|md|html>`.
  public func defaultPath(forJournal journal: String, format: ChecklistFormat) -> String {
    let base = journal.hasSuffix(".jsonl") ? String(journal.dropLast(6)) : journal
    return "\(base)-\(rawValue).\(format.fileExtension)"
  }
}

/// What every document shares: its fixed texts, the unit, the footer naming the journal.
struct DocumentParts {
  typealias Block = ChecklistDocument.Block
  typealias Entry = ChecklistDocument.Entry

  let procedure: Procedure
  let state: UnitState
  let journal: ChecklistDocument.JournalInfo
  let generatedAt: Date
  let kind: DocumentKind

  var text: DocumentText? { procedure.documents?.first { $0.id == kind.rawValue } }
  var today: String { LocalTime.day(generatedAt) }

  func clean(_ text: String) -> String { ReportText.clean(text) }

  /// A recorded value of a step, or nil when it is empty.
  func value(_ stepID: String, _ fieldID: String) -> String? {
    state.step(stepID).values[fieldID].flatMap { $0.trimmedSpaces.isEmpty ? nil : clean($0) }
  }

  /// „……” for what is to be filled in by hand.
  static let blank = "…………………………"

  var unitEntries: [Entry] {
    [
      Entry("Jednostka", clean(state.unit.name)),
      Entry(
        "Identyfikator podmiotu ePUAP",
        state.unit.entityIdentifier.isEmpty ? Self.blank : clean(state.unit.entityIdentifier)),
    ]
  }

  func document(_ blocks: [Block]) -> ChecklistDocument {
    let fixed = text
    var all: [Block] = []
    if let fixed, !fixed.paragraphs.isEmpty { all += fixed.paragraphs.map { .paragraph(clean($0)) } }
    all += blocks
    all.append(.signatures(fixed?.signatures ?? ["Sporządził(a):"]))
    return ChecklistDocument(
      title: fixed?.title ?? kind.rawValue, unitName: clean(state.unit.name),
      subtitle: [fixed?.subtitle ?? "", "Wygenerowano: " + LocalTime.display(generatedAt)].filter {
        !$0.isEmpty
      },
      blocks: all,
      footer: [
        "Dziennik: \(clean(journal.name)) — zdarzeń: \(state.eventCount), SHA-256 ostatniego: \(state.lastHash)",
        "Sporządzono kreatorem epuap-wizard z dziennika; dane sprawdź przed podpisaniem.",
      ],
      isFinished: false)
  }
}
