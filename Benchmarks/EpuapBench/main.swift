import EpuapDomain
import EpuapReport
import EpuapWizard
import Foundation
import ScreenKit

// epuap-bench: the in-process measurements of scripts/bench, printed as JSON.
//   epuap-bench append COUNT FOLDER        durable appends (write + fsync), per-append times
//   epuap-bench journal EVENTS CARDS PATH  writes a journal with EVENTS events, CARDS of them cards
//   epuap-bench folder UNITS CARDS DIR     a county's folder: UNITS journals of CARDS cards each, names that
//                                          share their beginning
//   epuap-bench answers CARDS PATH         an answers file for a new unit with CARDS cards
//   epuap-bench resume PATH                load + fold + first screen (80x24) of a journal
//   epuap-bench print PATH                 checklist of a journal as HTML and text
//   epuap-bench stress PATH                appends until killed; prints "ACK seq length" after each durable append

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func percentile(_ values: [Double], _ p: Double) -> Double {
  guard !values.isEmpty else { return 0 }
  let sorted = values.sorted()
  let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))
  return sorted[index]
}

/// A line on standard output, written at once (no buffering), so a killed process has said exactly what it
/// acknowledged.
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

/// Says what is wrong on standard error and exits with 2.
func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("epuap-bench: \(message)\n".utf8))
  exit(2)
}

func emit(_ object: [String: Any]) {
  let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
  print(String(decoding: data, as: UTF8.self))
}

let procedure = try ProcedureLoader.builtIn()
let unit = UnitInfo(name: "Starostwo Powiatowe w Gliwicach", entityIdentifier: "pzgliwice", role: .partner)
let arguments = Array(CommandLine.arguments.dropFirst())

/// The mix of events a clerk's journal holds: step marks, values, mailboxes, cards.
func change(_ index: Int, cards: Int) -> JournalChange {
  if index < cards {
    return .cardSaved(
      ServiceCard(
        id: "karta-\(index + 1)", name: "Sprawa numer \(index + 1): zezwolenie, wpis lub zaświadczenie",
        status: index % 3 == 0 ? .aktualna : .nieaktualna, action: index % 2 == 0 ? .delete : nil))
  }
  switch index % 4 {
  case 0: return .stepMarked(StepMark(stepID: "3.\(index % 13 + 1)", status: .done))
  case 1:
    return .stepValuesRecorded(StepValues(stepID: "2.1", values: ["osobaKontaktowa": "serwis \(index)"]))
  case 2:
    return .mailboxSettingsRecorded(
      MailboxSettings(mailboxID: "skrytka-1", values: ["progKolejki": "\(index % 9)"]))
  default: return .stepMarked(StepMark(stepID: "3.\(index % 13 + 1)", status: .todo))
  }
}

/// Writes a valid journal for `unit` with `events` events, `cards` of them cards, encoded with the journal's
/// own line codec and hash chain and written at once (no fsync per event). A card journal opens on 4.2:
/// everything before it is marked done.
func writeJournal(events: Int, cards: Int, unit: UnitInfo, at path: String) throws {
  try? FileManager.default.removeItem(atPath: path)
  var changes: [JournalChange] = [
    .unitCreated(unit), .decisionMade(Decision(path: .sodFinn)),
    .mailboxSaved(MailboxEntry(id: "skrytka-1", address: "/pzgliwice/SkrytkaESP", action: .keep)),
  ]
  for index in 0..<max(0, events - 3) { changes.append(change(index, cards: cards)) }
  if cards > 0 {
    let state = UnitState(unit: unit, createdAt: "").simulating([.decisionMade(Decision(path: .sodFinn))])
    for item in Checklist(procedure: procedure, state: state).applicable {
      if item.step.id == KnownStep.cards.id { break }
      changes.append(.stepMarked(StepMark(stepID: item.step.id, status: .done)))
    }
  }
  var bytes: [UInt8] = []
  var previous = JournalEntry.genesisHash
  for (index, item) in changes.enumerated() {
    let line = try JournalLineCodec.encode(
      sequence: index + 1, time: "2026-11-25T10:00:00Z", operatorName: "Anna Nowak", change: item,
      previousHash: previous)
    bytes += line.bytes
    previous = line.hash
  }
  _ = FileManager.default.createFile(
    atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
}

switch arguments.first {
case "append":
  let count = Int(arguments[1]) ?? 200
  let folder = arguments[2]
  let path = folder + "/append-bench-\(getpid()).jsonl"
  let (writer, _) = try JournalWriter.create(
    at: path, unit: unit, operatorName: "Bench", time: "2026-11-25T10:00:00Z")
  var times: [Double] = []
  for index in 0..<count {
    let start = now()
    try writer.append(change(index + 4, cards: 0), operatorName: "Bench", time: "2026-11-25T10:00:00Z")
    times.append(Double(now() - start) / 1000)
  }
  writer.close()
  try? FileManager.default.removeItem(atPath: path)
  try? FileManager.default.removeItem(atPath: path + ".lock")
  emit(["count": count, "p50_us": percentile(times, 0.5), "p99_us": percentile(times, 0.99)])
case "journal":
  let events = Int(arguments[1]) ?? 50_000
  let cards = Int(arguments[2]) ?? 0
  let path = arguments[3]
  try writeJournal(events: events, cards: cards, unit: unit, at: path)
  emit(["events": events, "cards": cards, "path": path])
case "folder":
  let units = Int(arguments[1]) ?? 200
  let cards = Int(arguments[2]) ?? 300
  let folder = arguments[3]
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  for number in 1...max(1, units) {
    let member = UnitInfo(
      name: "Jednostka podległa nr \(number) – Szkoła Podstawowa nr \(number) w Gliwicach",
      entityIdentifier: "jp\(number)", role: .partner)
    try writeJournal(
      events: cards + 100, cards: cards, unit: member,
      at: JournalDirectory(path: folder).newJournalPath(for: member))
  }
  emit(["units": units, "cards": cards, "folder": folder])
case "listing":
  // What the start screen does before its first frame, in a folder whose summary cache is in place:
  // list the journals (cache and seals), make the rows, draw; `rounds` times, medians in ms.
  let folder = arguments[1]
  let rounds = Int(arguments[2]) ?? 50
  let cache = JournalSummaryCache(folder: folder, key: "epuap-bench")
  let size = ScreenSize(width: 80, height: 24)
  let first = JournalBackend(
    procedure: procedure, directory: JournalDirectory(path: folder), summaryCache: cache)
  _ = first.listJournals()
  _ = first.verifyListing()  // leaves the cache, as a clerk's first start does
  var listings: [Double] = []
  var frames: [Double] = []
  for _ in 0..<rounds {
    let backend = JournalBackend(
      procedure: procedure, directory: JournalDirectory(path: folder), summaryCache: cache)
    let start = now()
    let journals = backend.listJournals()
    let middle = now()
    var model = WizardCore.start(procedure: procedure, size: size, today: "2026-11-25", journalPath: nil).0
    model = WizardCore.update(model, .journalsListed(journals)).0
    _ = WizardView.render(model)
    listings.append(Double(middle - start) / 1_000_000)
    frames.append(Double(now() - middle) / 1_000_000)
  }
  emit(["listing_ms": percentile(listings, 0.5), "rows_and_frame_ms": percentile(frames, 0.5)])
case "answers":
  let cards = Int(arguments[1]) ?? 15_000
  let answers: [String: Any] = [
    "format": AnswersFile.formatName, "version": 1, "operator": "Anna Nowak",
    "unit": ["name": "Gmina Próbna", "entityIdentifier": "gminaproba", "role": "partner"],
    "decision": ["path": "portal"],
    "cards": (1...max(1, cards)).map { number in
      [
        "name": "Sprawa numer \(number)", "status": "aktualna", "action": "external", "formName": "Wniosek",
        "url": "https://bip.gminaproba.pl/sprawa-\(number)",
      ]
    },
  ]
  _ = FileManager.default.createFile(
    atPath: arguments[2], contents: try JSONSerialization.data(withJSONObject: answers))
  emit(["cards": cards, "path": arguments[2]])
case "resume":
  let path = arguments[1]
  let start = now()
  let journal = try JournalReader.load(path: path)
  guard let state = UnitState.fold(journal.entries) else { fail("\(path): pusty dziennik") }
  var model = WizardModel(procedure: procedure, size: ScreenSize(width: 80, height: 24), today: "2026-11-25")
  model = WizardCore.update(model, .journalOpened(path: path, state: state, notice: nil)).0
  let screen = WizardView.render(model)
  let elapsed = Double(now() - start) / 1_000_000
  emit(["events": journal.entries.count, "ms": elapsed, "screen_rows": screen.lines().count])
case "stress":
  // The writer of scripts/crash-test: the real session code, acknowledging each event only after
  // `record` returned (the line and its newline are on disk).
  let path = arguments[1]
  let session: UnitSession
  if FileManager.default.fileExists(atPath: path) {
    session = try UnitSession.open(at: path, operatorName: "Stress", procedure: procedure)
    if let recovery = session.recovery { say("RECOVERED \(recovery.line) \(recovery.byteCount)") }
  } else {
    session = try UnitSession.create(at: path, unit: unit, operatorName: "Stress", procedure: procedure)
  }
  var index = session.state.eventCount
  while true {
    let next: JournalChange
    if index % 50 == 0 {
      next = .batch((0..<200).map { change(index * 1000 + $0, cards: Int.max) })
    } else {
      next = change(index, cards: index % 3 == 0 ? Int.max : 0)
    }
    try session.record(next)
    let length = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    say("ACK \(session.state.eventCount) \(length)")
    index += 1
  }
case "keys":
  // update + render per Down key on the card list of a journal that opens on step 4.2, without a terminal.
  let path = arguments[1]
  let count = Int(arguments[2]) ?? 200
  let journal = try JournalReader.load(path: path)
  guard let state = UnitState.fold(journal.entries) else { fail("\(path): pusty dziennik") }
  var model = WizardModel(procedure: procedure, size: ScreenSize(width: 80, height: 24), today: "2026-11-25")
  model = WizardCore.update(model, .journalOpened(path: path, state: state, notice: nil)).0
  model = WizardCore.update(model, .key(.enter)).0
  var updates: [Double] = []
  var renders: [Double] = []
  for _ in 0..<count {
    let start = now()
    model = WizardCore.update(model, .key(.down)).0
    let middle = now()
    _ = WizardView.render(model)
    updates.append(Double(middle - start) / 1000)
    renders.append(Double(now() - middle) / 1000)
  }
  emit([
    "update_p50_us": percentile(updates, 0.5), "render_p50_us": percentile(renders, 0.5),
    "render_p99_us": percentile(renders, 0.99),
  ])
case "print":
  let path = arguments[1]
  let journal = try JournalReader.load(path: path)
  guard let state = UnitState.fold(journal.entries) else { fail("\(path): pusty dziennik") }
  var results: [String: Any] = ["cards": state.cards.count]
  for format in [ChecklistFormat.html, .text] {
    let start = now()
    let document = ChecklistDocument(
      procedure: procedure, state: state, journal: .init(name: "bench.jsonl"), generatedAt: Date())
    let output = format.render(document)
    results["\(format.rawValue)_ms"] = Double(now() - start) / 1_000_000
    results["\(format.rawValue)_bytes"] = output.utf8.count
  }
  emit(results)
default:
  FileHandle.standardError.write(Data("użycie: epuap-bench append|journal|resume|print …\n".utf8))
  exit(2)
}
