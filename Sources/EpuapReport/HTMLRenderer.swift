import EpuapDomain

/// The checklist as one self-contained HTML file for printing on A4: inline CSS, no scripts, no external
/// resources; table headers repeat on every page and rows are not split across pages.
///
/// Every value is escaped (`&`, `<`, `>`, `"`, `'`) and control characters become a visible „�”.
public struct HTMLRenderer: Sendable {
  public init() {}

  public func render(_ document: ChecklistDocument) -> String {
    var out = [
      "<!DOCTYPE html>",
      "<html lang=\"pl\">",
      "<head>",
      "<meta charset=\"utf-8\">",
      "<title>\(escape(document.title)) — \(escape(document.unitName))</title>",
      "<style>",
      Self.css,
    ]
    // A table of records has many columns: its page is turned sideways.
    if document.blocks.contains(where: { if case .records = $0 { true } else { false } }) {
      out.append(Self.landscapeCSS)
    }
    out += [
      "</style>",
      "</head>",
      "<body>",
      "<header>",
      "<h1>\(escape(document.title))</h1>",
    ]
    out += document.subtitle.map { "<p class=\"subtitle\">\(escape($0))</p>" }
    out.append("</header>")
    for block in document.blocks { out += render(block) }
    out.append("<footer>")
    out += document.footer.map { "<p>\(escape($0))</p>" }
    out += ["</footer>", "</body>", "</html>"]
    return out.joined(separator: "\n") + "\n"
  }

  private func render(_ block: ChecklistDocument.Block) -> [String] {
    switch block {
    case .notice(let notice):
      var lines = ["<section class=\"notice \(notice.finished ? "finished" : "open")\">"]
      lines.append("<p class=\"headline\">\(escape(notice.headline))</p>")
      for group in notice.groups {
        lines.append("<p>\(escape(group.title)):</p>")
        lines.append("<ul>")
        lines += group.items.map { "<li>\(escape($0))</li>" }
        lines.append("</ul>")
      }
      lines.append("</section>")
      return lines
    case .heading(let text):
      return ["<h2>\(escape(text))</h2>"]
    case .subheading(let text):
      return ["<h3>\(escape(text))</h3>"]
    case .paragraph(let text):
      return ["<p>\(escape(text))</p>"]
    case .entries(let entries):
      return ["<dl>"] + entries.map { "<dt>\(escape($0.label))</dt><dd>\(value($0.value))</dd>" } + ["</dl>"]
    case .bullets(let items):
      return ["<ul>"] + items.map { "<li>\(escape($0))</li>" } + ["</ul>"]
    case .table(let table):
      var lines = [
        "<table>", "<thead>", "<tr>" + table.columns.map { "<th>\(escape($0))</th>" }.joined() + "</tr>",
      ]
      lines += ["</thead>", "<tbody>"]
      for row in table.rows {
        let cells = table.columns.indices.map { $0 < row.count ? row[$0] : "" }
        lines.append("<tr>" + cells.map { "<td>\(value($0))</td>" }.joined() + "</tr>")
      }
      lines += ["</tbody>", "</table>"]
      return lines
    case .records(let table):
      var lines = [
        "<table class=\"records\">", "<thead>",
        "<tr>" + ([table.titleColumn] + table.columns).map { "<th>\(escape($0))</th>" }.joined() + "</tr>",
        "</thead>", "<tbody>",
      ]
      for record in table.records {
        let depth = min(max(record.depth, 0), 6)
        var title = "<strong>\(escape(record.title))</strong>"
        if !record.note.isEmpty { title += "<div class=\"note\">\(escape(record.note))</div>" }
        let cells = table.columns.indices.map { index in
          index < record.cells.count ? cell(record.cells[index]) : "—"
        }
        lines.append(
          "<tr class=\"depth-\(depth)\"><td class=\"title\">\(title)</td>"
            + cells.map { "<td>\($0)</td>" }.joined() + "</tr>")
      }
      lines += ["</tbody>", "</table>"]
      return lines
    case .steps(let steps):
      var lines = [
        "<table class=\"steps\">", "<thead>",
        "<tr><th>Krok</th><th>Czynność, miejsce i zapisane wartości</th>"
          + "<th>Status</th></tr>", "</thead>", "<tbody>",
      ]
      for step in steps {
        var cell = "<strong>\(escape(step.title))</strong>"
        if !step.location.isEmpty { cell += "<div class=\"where\">Gdzie: \(escape(step.location))</div>" }
        for warning in step.warnings {
          cell += "<div class=\"uwaga\"><strong>UWAGA:</strong> \(escape(warning))</div>"
        }
        if !step.values.isEmpty {
          cell +=
            "<ul class=\"values\">"
            + step.values.map { "<li>\(escape($0.label)): \(value($0.value))</li>" }.joined() + "</ul>"
        }
        lines.append(
          "<tr class=\"\(step.status.rawValue)\"><td>\(escape(step.id))</td><td>\(cell)</td>"
            + "<td>\(escape(step.statusText))</td></tr>")
      }
      lines += ["</tbody>", "</table>"]
      return lines
    case .signatures(let labels):
      var lines = ["<section class=\"signatures\">"]
      lines += labels.map {
        "<p>\(escape($0)) <span class=\"line\"></span> Data: <span class=\"line short\"></span></p>"
      }
      lines.append("</section>")
      return lines
    }
  }

  private func value(_ text: String) -> String { text.isEmpty ? "—" : escape(text) }

  /// A record's cell: its text, and its items as a list under it.
  private func cell(_ cell: ChecklistDocument.Cell) -> String {
    if cell.isEmpty { return "—" }
    var html = cell.text.isEmpty ? "" : escape(cell.text)
    if !cell.items.isEmpty { html += "<ul>" + cell.items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>" }
    return html
  }

  /// Text safe in HTML content and in quoted attributes.
  func escape(_ text: String) -> String {
    let text = ReportText.clean(text)
    // Most text has nothing to escape: returned as it is, without a walk over its characters.
    guard text.utf8.contains(where: { "&<>\"'".utf8.contains($0) }) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }

  static let css = """
    @page { size: A4; margin: 18mm 15mm 20mm 15mm; }
    html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #000; }
    body { margin: 0 auto; max-width: 180mm; line-height: 1.35; }
    h1 { font-size: 16pt; margin: 0 0 4pt 0; }
    h2 { font-size: 13pt; margin: 14pt 0 4pt 0; border-bottom: 1px solid #000; }
    h3 { font-size: 11pt; margin: 10pt 0 4pt 0; }
    h2, h3 { page-break-after: avoid; break-after: avoid; }
    p { margin: 3pt 0; }
    .subtitle { margin: 0; }
    table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt 0; }
    th, td { border: 1px solid #555; padding: 2pt 4pt; text-align: left; vertical-align: top; }
    th { background: #eee; }
    td, dd, li, p { overflow-wrap: anywhere; word-break: break-word; }
    thead { display: table-header-group; }
    tr { page-break-inside: avoid; break-inside: avoid; }
    table.steps td:first-child { white-space: nowrap; }
    tr.todo td:last-child { font-weight: bold; }
    .where { font-size: 9pt; }
    ul.values { margin: 2pt 0 0 0; padding-left: 14pt; }
    div.uwaga { margin: 2pt 0 0 0; }
    dl { display: grid; grid-template-columns: max-content auto; gap: 1pt 8pt; margin: 4pt 0; }
    dt { font-weight: bold; }
    dd { margin: 0; }
    .notice { border: 2pt solid #000; padding: 4pt 8pt; margin: 10pt 0; page-break-inside: avoid; break-inside: avoid; }
    .notice.open { border-style: double; border-width: 4pt; }
    .headline { font-weight: bold; font-size: 12pt; }
    .signatures { margin-top: 24pt; page-break-inside: avoid; break-inside: avoid; }
    .signatures p { margin: 24pt 0 0 0; }
    .line { display: inline-block; width: 75mm; border-bottom: 1px dotted #000; }
    .line.short { width: 35mm; }
    footer { margin-top: 16pt; border-top: 1px solid #000; font-size: 9pt; }
    @media screen { body { padding: 12pt; } }
    """

  /// For a document with a table of records: A4 landscape, smaller type, subordinate rows indented.
  static let landscapeCSS = """
    @page { size: A4 landscape; margin: 12mm 12mm 14mm 12mm; }
    body { max-width: 273mm; }
    table.records { font-size: 8pt; }
    table.records ul { margin: 2pt 0 0 0; padding-left: 12pt; }
    table.records .note { font-size: 7.5pt; }
    tr.depth-1 td.title { padding-left: 12pt; }
    tr.depth-2 td.title { padding-left: 22pt; }
    tr.depth-3 td.title { padding-left: 32pt; }
    tr.depth-4 td.title, tr.depth-5 td.title, tr.depth-6 td.title { padding-left: 42pt; }
    tr.depth-1 td.title::before, tr.depth-2 td.title::before, tr.depth-3 td.title::before,
    tr.depth-4 td.title::before, tr.depth-5 td.title::before, tr.depth-6 td.title::before { content: "↳ "; }
    """
}
