import EpuapDomain
import FoundationEssentials

/// The completion checklist of one unit, ready to be rendered: every text already in Polish, with labels
/// instead of raw values, and cleaned of control characters.
///
/// Built from the procedure and the unit's state (`init(procedure:state:journal:generatedAt:)`), then laid
/// out by `TextRenderer`, `MarkdownRenderer` or `HTMLRenderer`:
///
///     let document = ChecklistDocument(procedure: procedure, state: session.state,
///                                      journal: .init(name: "pzgliwice.jsonl"), generatedAt: Date())
///     let text = TextRenderer().render(document)
public struct ChecklistDocument: Sendable, Equatable {
  /// A label and its value, such as „Typ skrytki: asynchroniczna”.
  public struct Entry: Sendable, Equatable {
    public var label: String
    public var value: String

    public init(_ label: String, _ value: String) {
      self.label = label
      self.value = value
    }
  }

  /// A table: column headers and rows of cells, one cell per column.
  public struct Table: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[String]]

    public init(columns: [String], rows: [[String]]) {
      self.columns = columns
      self.rows = rows
    }
  }

  /// One step of the path with its status, where it is done and the values recorded for it.
  public struct StepItem: Sendable, Equatable {
    /// The step id, such as `3.6`.
    public var id: String
    public var title: String
    public var status: StepStatus
    /// „zrobione — 2026-11-25 10:15 UTC, Anna Nowak”, „pominięte — powód: …” or „do zrobienia”.
    public var statusText: String
    /// Where it is done, in the portal's words.
    public var location: String
    /// Values recorded at the step, with field and choice labels.
    public var values: [Entry]
    /// The step's „UWAGA” texts, printed with it.
    public var warnings: [String] = []
  }

  /// What is still open („NIEZAKOŃCZONE”), or that the checklist is complete.
  public struct Notice: Sendable, Equatable {
    public var finished: Bool
    /// „NIEZAKOŃCZONE: 3 kroki do zrobienia, 1 błąd do poprawienia” or „ZAKOŃCZONE: …”.
    public var headline: String
    /// Titled lists: the open steps, the errors.
    public var groups: [Group]
  }

  /// A titled list of the notice, such as „Kroki do zrobienia”.
  public struct Group: Sendable, Equatable {
    public var title: String
    public var items: [String]
  }

  /// One part of the document, in order.
  ///
  /// Renderers lay out each kind their own way.
  public enum Block: Sendable, Equatable {
    case notice(Notice)
    /// A part of the document, e.g. „Skrytki ePUAP”.
    case heading(String)
    /// A heading within a part, e.g. a section of the instruction or one mailbox.
    case subheading(String)
    case paragraph(String)
    case entries([Entry])
    case bullets([String])
    case table(Table)
    case steps([StepItem])
    /// Lines to sign: „Sporządził:”, „Zatwierdził: Kierownik Jednostki”, each with a date.
    case signatures([String])
  }

  /// Which journal the checklist comes from, as the printout names it.
  public struct JournalInfo: Sendable, Equatable {
    /// How the journal is named on paper: its file name, never a temporary path.
    public var name: String
    /// Line number of a torn last line that was left out, if any.
    public var tornTailLine: Int?

    public init(name: String, tornTailLine: Int? = nil) {
      self.name = name
      self.tornTailLine = tornTailLine
    }
  }

  /// „Lista kontrolna wykonania”.
  public var title: String
  /// The unit's name, for the HTML title.
  public var unitName: String
  /// Lines under the title: the instruction's title and when the checklist was made.
  public var subtitle: [String]
  public var blocks: [Block]
  /// Lines at the foot: the journal, its number of events and the hash of the last one.
  public var footer: [String]
  /// Whether every step of the path is done or skipped and nothing blocks.
  public var isFinished: Bool

  public init(
    title: String, unitName: String, subtitle: [String], blocks: [Block], footer: [String], isFinished: Bool
  ) {
    self.title = title
    self.unitName = unitName
    self.subtitle = subtitle
    self.blocks = blocks
    self.footer = footer
    self.isFinished = isFinished
  }
}
