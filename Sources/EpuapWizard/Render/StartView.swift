import EpuapDomain
import ScreenKit

/// The start screen: a new unit, or the units found to resume, with their identifier, path and progress.
///
/// Built for a county's or the Urząd Marszałkowski's folder of many units: `/` filters, `s` changes the
/// order, names that share a long beginning are shown from where they differ, and the focused unit's
/// whole name is in the heading.
enum StartView {
  static func draw(_ model: WizardModel, list: StartList, into buffer: inout ScreenBuffer, area: ContentArea)
  {
    let cursor = list.rows.cursor
    let rows = model.startRows
    var lines: [ContentLine] = []
    if model.journals.isEmpty {
      lines += [ContentLine].paragraph(model.procedure.title, width: area.width, style: Styles.dim)
      lines.append(.blank)
    }
    lines.append(FieldLines.action("Nowa jednostka (n)", row: 0, focused: cursor == 0))
    lines.append(.blank)
    if model.journals.isEmpty {
      lines.append(
        ContentLine(" Nie znaleziono zapisanych dzienników — zacznij od nowej jednostki.", Styles.dim))
      Viewport.draw(lines, into: &buffer, top: area.top, height: area.height, focusRow: cursor)
      return
    }
    let filter =
      list.rows.filtering || !list.rows.query.isEmpty
      ? " Szukaj: " + list.rows.filter.text + (list.rows.filtering ? "▏" : "")
        + "   (pasuje: \(rows.summaries.count) z \(model.journals.count))"
      : " Wznów pracę — jednostek: \(model.journals.count) · / szukaj · s kolejność: \(list.order.rawValue)"
    lines.append(ContentLine(DisplayWidth.truncate(filter, to: area.width), Styles.dim))
    let nameWidth = nameColumn(area.width)
    let header =
      "  " + DisplayWidth.pad("Id. ePUAP", to: 12) + " " + DisplayWidth.pad("Jednostka", to: nameWidth) + " "
      + DisplayWidth.pad("Ścieżka", to: 10) + " " + DisplayWidth.pad("Postęp", to: 7) + " Zmiana"
    lines.append(ContentLine(header, Styles.dim))
    // Only the lines of the window, and one past it (for the ▼ mark), are made: the viewport scrolls by
    // the focus alone (the focused line last when it is below the first screenful), so a key costs the
    // same for 20 units as for 2,000, wherever the cursor is.
    let above = lines.count
    let focusLine = cursor == 0 ? 0 : above + cursor - 1
    let first = max(0, focusLine - area.height + 1)
    let count = rows.summaries.count
    let units = min(max(0, first - above), count)..<min(count, first + area.height + 1 - above)
    lines.removeFirst(min(first, above))
    for index in units {
      let row = index + 1
      var line = ContentLine(
        rows.text(index), rows.summaries[index].problem == nil ? .plain : Styles.error, row: row)
      line.highlighted = cursor == row
      lines.append(line)
    }
    if rows.summaries.isEmpty {
      lines.append(ContentLine(" Żadna jednostka nie pasuje; Esc czyści szukanie.", Styles.dim))
    }
    Viewport.draw(
      lines, into: &buffer, top: area.top, height: area.height, focusRow: cursor, hiddenAbove: first > 0)
  }

  /// The name column's width: identifier 12, path 10, progress 7, date 10, the spaces between and the
  /// scroll mark take the rest.
  static func nameColumn(_ width: Int) -> Int { max(10, width - 46) }

  /// The units' names as their rows show them: shared beginnings cut (`DistinctNames`), and a subordinate
  /// unit (`depths` above 0) indented under its partner with „└ ”.
  static func names(_ rows: [JournalSummary], depths: [Int]) -> [String] {
    let names = DistinctNames.shown(rows.map { $0.unitName })
    return names.indices.map { index in
      depths[index] == 0
        ? names[index] : String(repeating: "  ", count: depths[index] - 1) + "└ " + names[index]
    }
  }

  /// A unit's row, as wide as the screen, with its name as `names` gives it: made when the list changes,
  /// not at every key.
  static func rowText(_ summary: JournalSummary, name: String, width: Int) -> String {
    var text =
      "  " + DisplayWidth.pad(summary.entityIdentifier.isEmpty ? "—" : summary.entityIdentifier, to: 12)
    if let problem = summary.problem {
      text += " " + PathText.lastComponent(of: summary.path) + " — USZKODZONY: " + problem
    } else {
      let path = summary.chosenPath.map(ShortNames.pathColumn) ?? "—"
      text +=
        " " + DisplayWidth.pad(name, to: nameColumn(width)) + " " + DisplayWidth.pad(path, to: 10) + " "
        + DisplayWidth.pad("\(summary.doneCount)/\(summary.totalCount)", to: 7) + " "
        + LocalTime.day(ofTimestamp: summary.lastChange)
    }
    return DisplayWidth.truncate(text, to: width)
  }
}

/// Names as a list shows them when they share a long beginning („Jednostka podległa nr 2 – …”): the
/// shared words give way to „…”, so each row starts where the names differ.
enum DistinctNames {
  /// The shortest shared beginning worth hiding, in Unicode scalars (letters, in Polish names).
  static let minimumShared = 12

  /// Compared by Unicode scalars, not characters: the cut falls at the start of a word, never inside a
  /// letter, and scalars compare without the grapheme breaking that 200 names would pay for each frame.
  static func shown(_ names: [String]) -> [String] {
    guard names.count > 1, let first = names.first?.unicodeScalars else { return names }
    var shared = Int.max
    for name in names.dropFirst() {
      var left = first.makeIterator()
      var right = name.unicodeScalars.makeIterator()
      var same = 0
      while same < shared, let a = left.next(), let b = right.next(), a == b { same += 1 }
      shared = same
      if shared < minimumShared { return names }
    }
    // The last shared word stays, so that „nr 12” keeps its „nr”: cut at the start of the word before
    // the last space of the shared part.
    let prefix = first.prefix(shared)
    guard let lastSpace = prefix.lastIndex(of: " ") else { return names }
    let start = prefix[..<lastSpace].lastIndex(of: " ").map { prefix.index(after: $0) } ?? prefix.startIndex
    let cut = first.distance(from: first.startIndex, to: start)
    guard cut >= minimumShared else { return names }
    return names.map { "…" + String($0.unicodeScalars.dropFirst(cut)) }
  }
}
