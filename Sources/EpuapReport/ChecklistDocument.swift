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

  /// Rows with more columns than a line printer takes, such as one row per unit of a folder.
  ///
  /// Markdown and HTML lay it out as a table whose first column holds each record's title; text as one
  /// record per row: the title on a line of its own, indented by its depth, and the cells under it as
  /// „Nazwa: wartość” lines, empty ones left out.
  public struct RecordTable: Sendable, Equatable {
    /// The header of the first column, which holds the records' titles.
    public var titleColumn: String
    /// The headers of the other columns, one per cell of a record.
    public var columns: [String]
    public var records: [Record]

    public init(titleColumn: String, columns: [String], records: [Record]) {
      self.titleColumn = titleColumn
      self.columns = columns
      self.records = records
    }
  }

  /// One row of a `RecordTable`.
  public struct Record: Sendable, Equatable {
    /// The first cell, and the record's heading in text.
    public var title: String
    /// A line under the title, such as „podległa: Starostwo Powiatowe w Gliwicach”; empty for none.
    public var note: String
    /// How many levels it sits under an earlier record: indented in text, marked „↳” in tables.
    public var depth: Int
    /// One cell per column.
    public var cells: [Cell]

    public init(title: String, note: String = "", depth: Int = 0, cells: [Cell]) {
      self.title = title
      self.note = note
      self.depth = depth
      self.cells = cells
    }
  }

  /// A cell of a record: a line of text, and items listed under it (such as every blocking reason).
  public struct Cell: Sendable, Equatable {
    public var text: String
    public var items: [String]

    public init(_ text: String, items: [String] = []) {
      self.text = text
      self.items = items
    }

    /// Nothing in it: left out in text, „—” in tables.
    public var isEmpty: Bool { text.isEmpty && items.isEmpty }
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
    /// Rows of many columns: a table in Markdown and HTML, one record per row in text.
    case records(RecordTable)
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
