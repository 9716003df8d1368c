import EpuapDomain

/// The checklist as Markdown (CommonMark with GitHub tables and task lists).
///
/// Every value is escaped: Markdown punctuation (`\`, `|`, `*`, `_`, `<`, `[`, `#`, a leading `-`, …)
/// gets a backslash, line breaks become spaces and control characters a visible „�”, so a value can
/// neither break a table nor become a link, a heading or raw HTML.
public struct MarkdownRenderer: Sendable {
  public init() {}

  public func render(_ document: ChecklistDocument) -> String {
    var out = ["# " + escape(document.title), ""]
    out.append(document.subtitle.map { escape($0) }.joined(separator: "  \n"))
    for block in document.blocks {
      out.append("")
      out += render(block)
    }
    out += ["", "---", ""]
    out.append(document.footer.map { escape($0) }.joined(separator: "  \n"))
    return out.joined(separator: "\n") + "\n"
  }

  private func render(_ block: ChecklistDocument.Block) -> [String] {
    switch block {
    case .notice(let notice):
      var lines = ["> **" + escape(notice.headline) + "**"]
      for group in notice.groups {
        lines += [">", "> " + escape(group.title) + ":", ">"]
        lines += group.items.map { "> - " + escape($0) }
      }
      return lines
    case .heading(let text):
      return ["## " + escape(text, lineStart: false)]
    case .subheading(let text):
      return ["### " + escape(text, lineStart: false)]
    case .paragraph(let text):
      return [escape(text)]
    case .entries(let entries):
      return entries.map { "- **" + escape($0.label, lineStart: false) + ":** " + value($0.value) }
    case .bullets(let items):
      return items.map { "- " + escape($0) }
    case .table(let table):
      var lines = [row(table.columns), "|" + table.columns.map { _ in " --- |" }.joined()]
      for cells in table.rows {
        lines.append(row(table.columns.indices.map { $0 < cells.count ? cells[$0] : "" }))
      }
      return lines
    case .records(let table):
      let columns = [table.titleColumn] + table.columns
      var lines = [row(columns), "|" + columns.map { _ in " --- |" }.joined()]
      for record in table.records {
        var title =
          String(repeating: "↳ ", count: max(record.depth, 0)) + escape(record.title, lineStart: false)
        if !record.note.isEmpty { title += " (" + escape(record.note, lineStart: false) + ")" }
        let cells = table.columns.indices.map { index in
          index < record.cells.count ? cell(record.cells[index]) : "—"
        }
        lines.append("| " + ([title] + cells).joined(separator: " | ") + " |")
      }
      return lines
    case .steps(let steps):
      return steps.flatMap { step -> [String] in
        let mark: String
        switch step.status {
        case .done: mark = "[x]"
        case .skipped: mark = "\\[-\\]"
        case .waiting: mark = "\\[~\\]"
        default: mark = "[ ]"
        }
        var lines = [
          "- \(mark) **\(escape(step.id, lineStart: false))** \(escape(step.title, lineStart: false))"
        ]
        lines.append("  - Status: " + escape(step.statusText))
        if !step.location.isEmpty { lines.append("  - Gdzie: " + escape(step.location)) }
        lines += step.warnings.map { "  - **UWAGA:** " + escape($0) }
        lines += step.values.map { "  - " + escape($0.label) + ": " + value($0.value) }
        return lines
      }
    case .signatures(let labels):
      return labels.flatMap { label in
        [
          escape(label) + " " + String(repeating: "…", count: 30) + " Data: "
            + String(repeating: "…", count: 12), "",
        ]
      }.dropLast()
    }
  }

  private func row(_ cells: [String]) -> String {
    "| " + cells.map(value).joined(separator: " | ") + " |"
  }

  /// A record's cell on one line: its text, then its items numbered, „(1) …; (2) …”.
  private func cell(_ cell: ChecklistDocument.Cell) -> String {
    if cell.isEmpty { return "—" }
    let items = cell.items.enumerated().map { "(\($0 + 1)) " + escape($1, lineStart: false) }
    let text = cell.text.isEmpty ? "—" : escape(cell.text, lineStart: false)
    return items.isEmpty ? text : text + " " + items.joined(separator: "; ")
  }

  /// A value after a label or in a table cell: never at the start of a line.
  private func value(_ text: String) -> String { text.isEmpty ? "—" : escape(text, lineStart: false) }

  /// One line of text with Markdown's special characters escaped; with `lineStart`, also what would make
  /// a line into a list item or a rule.
  func escape(_ text: String, lineStart: Bool = true) -> String {
    var result = ReportText.clean(text)
    // Only text with one of the special characters is walked over, character by character.
    if result.utf8.contains(where: { Self.isSpecial[Int($0)] }) {
      let text = result
      result = ""
      result.reserveCapacity(text.utf8.count)
      for character in text {
        if Self.special.contains(character) { result.append("\\") }
        result.append(character)
      }
    }
    // Block syntax only counts at the start of a line: a list marker, a rule, an ordered list number.
    guard lineStart else { return result }
    if let first = result.first, "-+=".contains(first) { result.insert("\\", at: result.startIndex) }
    let digits = result.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, digits.count < 10, let marker = result.dropFirst(digits.count).first,
      marker == "." || marker == ")",
      result.dropFirst(digits.count + 1).first?.isWhitespace ?? true
    {
      result.insert("\\", at: result.index(result.startIndex, offsetBy: digits.count))
    }
    return result
  }

  private static let special: Set<Character> = [
    "\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "#", "|", "~", "&", "!",
  ]

  /// Whether a UTF-8 byte is one of `special` (each is ASCII), by byte value.
  private static let isSpecial: [Bool] = (0...255).map {
    special.contains(Character(Unicode.Scalar(UInt8($0))))
  }
}
