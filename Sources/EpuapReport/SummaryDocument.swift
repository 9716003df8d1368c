import EpuapDomain
import FoundationEssentials

extension ChecklistDocument {
  /// The columns of the summary after the unit's name, in order.
  public static let summaryColumns = [
    "Identyfikator ePUAP", "Rola", "Ścieżka", "Kroki zrobione", "Werdykt", "Najbliższy termin",
    "Ostatnia zmiana", "Dziennik",
  ]

  /// The summary of a folder of journals (`epuap-wizard summary`) as a document: one record per unit, each
  /// subordinate unit under the partner that lists it, rendered by the same `TextRenderer`,
  /// `MarkdownRenderer` and `HTMLRenderer` as the checklist.
  ///
  /// Every text from a journal goes through `ReportText.clean`.
  public init(summary: FolderSummary, procedure: Procedure, generatedAt: Date) {
    let folder = ReportText.clean(summary.folder)
    var blocks: [Block] = []
    if summary.rows.isEmpty {
      blocks.append(.paragraph("W folderze nie ma dzienników (plików .jsonl)."))
    } else {
      blocks.append(.paragraph(Self.counts(summary)))
      blocks.append(
        .records(
          RecordTable(
            titleColumn: "Jednostka", columns: Self.summaryColumns,
            records: summary.rows.map { Self.record($0, procedure: procedure) })))
    }
    self.init(
      title: "Zestawienie jednostek",
      unitName: PathText.lastComponent(of: folder),
      subtitle: ["Folder: " + folder, "Wygenerowano: " + LocalTime.display(generatedAt)],
      blocks: blocks,
      footer: [
        "Dzienniki były tylko czytane: żadnego nie zablokowano ani nie zmieniono, w folderze nic nie zapisano.",
        "Szczegóły jednostki: epuap-wizard status --journal " + folder + "/<plik>",
      ],
      isFinished: summary.unfinishedCount == 0 && summary.unreadableCount == 0 && summary.missingCount == 0)
  }

  /// „W folderze: 5 dzienników — zakończone: 1, niezakończone: 3, nieczytelne: 1.” and the units listed
  /// without a journal.
  static func counts(_ summary: FolderSummary) -> String {
    var text =
      "W folderze: "
      + PolishPlural.count(summary.journalCount, "dziennik", "dzienniki", "dzienników")
      + " — zakończone: \(summary.finishedCount), niezakończone: \(summary.unfinishedCount)"
    if summary.unreadableCount > 0 { text += ", nieczytelne: \(summary.unreadableCount)" }
    text += "."
    if summary.missingCount > 0 {
      text +=
        " Jednostki podległe wymienione w kroku 5.3 bez dziennika w folderze: \(summary.missingCount)."
    }
    return text
  }

  /// How many blocking reasons a row lists: a fresh unit has dozens, and a county's summary must stay a
  /// summary; `status` lists them all.
  static let reasonsShown = 5

  /// One row of the summary with its cells in the order of `summaryColumns`.
  static func record(_ row: FolderSummary.Row, procedure: Procedure) -> Record {
    let clean = ReportText.clean
    let note = row.parent.map { "podległa: " + clean($0) } ?? ""
    let cells: [Cell]
    switch row.kind {
    case .unit(let unit):
      let verdict =
        unit.finished
        ? Cell("ZAKOŃCZONE")
        : Cell(
          "NIEZAKOŃCZONE: "
            + PolishPlural.count(
              unit.blocking.count, "powód blokuje zakończenie", "powody blokują zakończenie",
              "powodów blokuje zakończenie") + ":",
          items: unit.blocking.prefix(reasonsShown).map { clean($0.line) }
            + (unit.blocking.count > reasonsShown
              ? [
                "… i " + PolishPlural.count(unit.blocking.count - reasonsShown, "inny", "inne", "innych")
                  + "; wszystkie: epuap-wizard status --journal " + shellQuoted(clean(row.file))
              ] : []))
      let deadline = unit.nextDeadline.map { "\($0.words) — \($0.title) (\($0.source))" } ?? "—"
      let torn = unit.tornTailLine.map { " (urwany ostatni wiersz \($0) — pominięty)" } ?? ""
      cells = [
        Cell(unit.entityIdentifier.isEmpty ? "nie podano" : clean(unit.entityIdentifier)),
        Cell(unit.role == .um ? "Urząd Marszałkowski" : "Partner"),
        Cell(unit.path.map { clean(procedure.pathTitle($0)) } ?? "decyzja jeszcze nie podjęta"),
        Cell("\(unit.done) z \(unit.total)"),
        verdict,
        Cell(clean(deadline)),
        Cell(LocalTime.display(unit.lastChange)),
        Cell(clean(row.file) + torn),
      ]
    case .unreadable(let problem):
      cells = [
        Cell(""), Cell(""), Cell(""), Cell(""),
        Cell("NIE MOŻNA ODCZYTAĆ DZIENNIKA:", items: [clean(problem)]),
        Cell(""), Cell(""), Cell(clean(row.file)),
      ]
    case .missing:
      cells = [
        Cell(""), Cell(""), Cell(""), Cell(""),
        Cell("brak dziennika w folderze (jednostka wymieniona w kroku 5.3)"),
        Cell(""), Cell(""), Cell(""),
      ]
    }
    return Record(title: clean(row.title), note: note, depth: row.depth, cells: cells)
  }
}
