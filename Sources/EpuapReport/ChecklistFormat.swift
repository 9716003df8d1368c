/// The formats of the printout.
public enum ChecklistFormat: String, Sendable, CaseIterable {
  /// Plain text, at most 80 columns: for a line printer or the terminal.
  case text
  case markdown
  /// One HTML file with print CSS for A4.
  case html

  /// A format by its name or its Polish name, in any letter case: `text` or `tekst`, `markdown`, `html`.
  public init?(named name: String) {
    let wanted = name.lowercased()
    guard
      let format = Self.allCases.first(where: {
        $0.rawValue == wanted || $0.polishName.lowercased() == wanted
      })
    else { return nil }
    self = format
  }

  /// The file name extension: `txt`, `md`, `html`.
  public var fileExtension: String {
    switch self {
    case .text: "txt"
    case .markdown: "md"
    case .html: "html"
    }
  }

  /// The Polish name for messages: „tekst”, „Markdown”, „HTML”.
  public var polishName: String {
    switch self {
    case .text: "tekst"
    case .markdown: "Markdown"
    case .html: "HTML"
    }
  }

  public func render(_ document: ChecklistDocument) -> String {
    switch self {
    case .text: TextRenderer().render(document)
    case .markdown: MarkdownRenderer().render(document)
    case .html: HTMLRenderer().render(document)
    }
  }

  /// Where the printout of a journal goes by default: beside it, `<journal without .jsonl>-lista-kontrolna.<ext>`.
  public func defaultPath(forJournal journalPath: String) -> String {
    DocumentKind.checklist.defaultPath(forJournal: journalPath, format: self)
  }
}
