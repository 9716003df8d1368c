import EpuapDomain

/// The checklist as plain text for a line printer: at most `width` columns (80 by default) measured by
/// display width, no escape sequences, only spaces and newlines besides printable characters.
///
/// Tables are laid out as aligned columns (cells wrapped within their column) when they fit, otherwise as
/// one record per row („Nazwa: wartość” lines).
public struct TextRenderer: Sendable {
  public var width: Int

  public init(width: Int = 80) {
    self.width = max(40, width)
  }

  public func render(_ document: ChecklistDocument) -> String {
    var out: [String] = []
    out += wrap(document.title.uppercased())
    for line in document.subtitle { out += wrap(line) }
    var tight = false
    for block in document.blocks {
      if !tight { out.append("") }
      out += render(block)
      tight = Self.introduces(block)
    }
    out.append("")
    out.append(String(repeating: "-", count: width))
    for line in document.footer { out += wrap(line) }
    return out.joined(separator: "\n") + "\n"
  }

  /// Whether the block leads into the next one, with no blank line between: a heading, or a paragraph
  /// ending with a colon.
  private static func introduces(_ block: ChecklistDocument.Block) -> Bool {
    switch block {
    case .heading, .subheading: true
    case .paragraph(let text): text.hasSuffix(":")
    default: false
    }
  }

  private func render(_ block: ChecklistDocument.Block) -> [String] {
    switch block {
    case .notice(let notice):
      let rule = String(repeating: notice.finished ? "=" : "!", count: width)
      var lines = [rule] + wrap(notice.headline)
      for group in notice.groups {
        lines += wrap(group.title + ":")
        for item in group.items { lines += wrap(item, first: "  - ", rest: "    ") }
      }
      return lines + [rule]
    case .heading(let text):
      let lines = wrap(ReportText.clean(text).uppercased())
      let underline = String(repeating: "=", count: lines.map(ReportText.width).max() ?? 0)
      return [""] + lines + [underline]
    case .subheading(let text):
      return wrap(text)
    case .paragraph(let text):
      return wrap(text)
    case .entries(let entries):
      return self.entries(entries)
    case .bullets(let items):
      return items.flatMap { wrap($0, first: "- ", rest: "  ") }
    case .table(let table):
      return self.table(table)
    case .records(let table):
      return records(table)
    case .steps(let steps):
      return steps.enumerated().flatMap { index, item in (index == 0 ? [] : [""]) + step(item) }
    case .signatures(let labels):
      return signatures(labels)
    }
  }

  private func step(_ step: ChecklistDocument.StepItem) -> [String] {
    let head = step.status.tickBox + " " + ReportText.pad(ReportText.clean(step.id), to: 5)
    let indent = String(repeating: " ", count: ReportText.width(head) + 1)
    var lines = wrap(step.title, first: head + " ", rest: indent)
    lines += wrap("Status: " + step.statusText, first: indent, rest: indent + "  ")
    if !step.location.isEmpty { lines += wrap("Gdzie: " + step.location, first: indent, rest: indent + "  ") }
    for warning in step.warnings { lines += wrap("UWAGA: " + warning, first: indent, rest: indent + "  ") }
    for value in step.values {
      lines += wrap(
        value.label + ": " + (value.value.isEmpty ? "—" : value.value), first: indent, rest: indent + "  ")
    }
    return lines
  }

  /// „Etykieta: wartość” lines with the values aligned; a label too long for the column gets its own line.
  private func entries(_ entries: [ChecklistDocument.Entry]) -> [String] {
    let labels = entries.map { ReportText.clean($0.label) + ":" }
    let column = min(labels.map(ReportText.width).max() ?? 0, width * 2 / 5)
    let valuePad = String(repeating: " ", count: column + 1)
    var lines: [String] = []
    for (label, entry) in zip(labels, entries) {
      let value = entry.value.isEmpty ? "—" : entry.value
      if ReportText.width(label) <= column {
        lines += wrap(value, first: ReportText.pad(label, to: column) + " ", rest: valuePad)
      } else {
        lines += wrap(label)
        lines += wrap(value, first: valuePad, rest: valuePad)
      }
    }
    return lines
  }

  private func signatures(_ labels: [String]) -> [String] {
    let date = "  Data: " + String(repeating: ".", count: 16)
    var lines: [String] = []
    for label in labels {
      let label = ReportText.clean(label)
      if !lines.isEmpty { lines.append("") }
      let dots = width - ReportText.width(date) - ReportText.width(label) - 1
      lines.append("")
      if dots >= 10 {
        lines.append(label + " " + String(repeating: ".", count: dots) + date)
      } else {
        lines += wrap(label)
        lines.append(String(repeating: ".", count: width - ReportText.width(date)) + date)
      }
    }
    return lines
  }

  // MARK: - Records

  /// Each record as its title, its note, and „Nazwa: wartość” lines with the values aligned, indented by
  /// its depth (at most six levels deep); items of a cell are listed under its value.
  private func records(_ table: ChecklistDocument.RecordTable) -> [String] {
    let labels = table.columns.map { ReportText.clean($0) + ":" }
    let column = min(labels.map(ReportText.width).max() ?? 0, width * 2 / 5)
    var lines: [String] = []
    for (index, record) in table.records.enumerated() {
      if index > 0 { lines.append("") }
      let indent = String(repeating: " ", count: 4 * min(max(record.depth, 0), 6))
      lines += wrap(record.title, first: indent, rest: indent)
      if !record.note.isEmpty { lines += wrap(record.note, first: indent, rest: indent) }
      let inner = indent + "  "
      let valuePad = inner + String(repeating: " ", count: column + 1)
      for (label, cell) in zip(labels, record.cells) where !cell.isEmpty {
        let value = cell.text.isEmpty ? "—" : cell.text
        if ReportText.width(label) <= column {
          lines += wrap(value, first: inner + ReportText.pad(label, to: column) + " ", rest: valuePad)
        } else {
          lines += wrap(label, first: inner, rest: inner)
          lines += wrap(value, first: valuePad, rest: valuePad)
        }
        for item in cell.items { lines += wrap(item, first: valuePad + "- ", rest: valuePad + "  ") }
      }
    }
    return lines
  }

  // MARK: - Tables

  private func table(_ table: ChecklistDocument.Table) -> [String] {
    let columns = table.columns.map(ReportText.clean)
    let rows = table.rows.map { row in columns.indices.map { $0 < row.count ? ReportText.clean(row[$0]) : "" }
    }
    guard let widths = columnWidths(columns: columns, rows: rows) else {
      return records(columns: columns, rows: rows)
    }
    var lines = tableRow(columns, widths: widths)
    lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
    for row in rows { lines += tableRow(row, widths: widths) }
    return lines
  }

  /// Column widths that fit the page, or nil when even the longest words do not fit side by side.
  ///
  /// Each column gets its natural width if all fit; otherwise every column is at least as wide as its
  /// longest word, and the room left goes to the narrowest column that still needs more, so short
  /// columns stay whole and long ones share the rest.
  private func columnWidths(columns: [String], rows: [[String]]) -> [Int]? {
    let available = width - 2 * (columns.count - 1)
    var natural = columns.map(ReportText.width)
    var minimum = columns.map(ReportText.longestWord)
    for row in rows {
      for (index, cell) in row.enumerated() {
        natural[index] = max(natural[index], ReportText.width(cell))
        minimum[index] = max(minimum[index], ReportText.longestWord(cell))
      }
    }
    if natural.reduce(0, +) <= available { return natural }
    guard minimum.reduce(0, +) <= available else { return nil }
    var widths = minimum
    var spare = available - widths.reduce(0, +)
    while spare > 0 {
      guard
        let index = widths.indices.filter({ widths[$0] < natural[$0] }).min(by: { widths[$0] < widths[$1] })
      else { break }
      widths[index] += 1
      spare -= 1
    }
    return widths
  }

  private func tableRow(_ cells: [String], widths: [Int]) -> [String] {
    let wrapped = zip(cells, widths).map { ReportText.wrap($0, width: $1) }
    let height = wrapped.map(\.count).max() ?? 1
    return (0..<height).map { line in
      let parts = wrapped.enumerated().map { index, lines in
        ReportText.pad(line < lines.count ? lines[line] : "", to: widths[index])
      }
      return trimEnd(parts.joined(separator: "  "))
    }
  }

  private func records(columns: [String], rows: [[String]]) -> [String] {
    var lines: [String] = []
    for (index, row) in rows.enumerated() {
      if index > 0 { lines.append("") }
      lines += entries(zip(columns, row).map { ChecklistDocument.Entry($0, $1) })
    }
    return lines
  }

  // MARK: - Wrapping

  private func wrap(_ text: String, first: String = "", rest: String = "") -> [String] {
    let lines = ReportText.wrap(
      ReportText.clean(text), width: width - ReportText.width(first), rest: width - ReportText.width(rest))
    return lines.enumerated().map { index, line in trimEnd((index == 0 ? first : rest) + line) }
  }

  private func trimEnd(_ line: String) -> String {
    var line = Substring(line)
    while line.last == " " { line = line.dropLast() }
    return String(line)
  }
}
