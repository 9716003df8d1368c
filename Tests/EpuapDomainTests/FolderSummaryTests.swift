import EpuapDomain
import Foundation
import TestSupport
import Testing

private let procedure = TestProcedure.builtIn
private let today = "2026-11-25"

/// A partner's state with `listed` recorded in step 5.3, as the wizard records it.
private func partner(_ name: String, _ identifier: String, lists listed: String? = nil) -> UnitState {
  var changes: [JournalChange] = [.decisionMade(Decision(path: .portal))]
  if let listed {
    changes.append(.stepValuesRecorded(StepValues(stepID: "5.3", values: ["jednostki": listed])))
  }
  return UnitState(
    unit: UnitInfo(name: name, entityIdentifier: identifier, role: .partner),
    createdAt: "2026-11-20T09:00:00Z"
  ).simulating(changes)
}

private func source(_ file: String, _ state: UnitState) -> FolderSummary.Source {
  FolderSummary.Source(file: file, outcome: .success(state))
}

private func summary(_ sources: [FolderSummary.Source]) -> FolderSummary {
  FolderSummary(folder: "/srv/powiat", sources: sources, procedure: procedure, today: today)
}

/// Each row as „depth title [kind] ← parent”, for comparing whole arrangements.
private func outline(_ summary: FolderSummary) -> [String] {
  summary.rows.map { row in
    let kind: String
    switch row.kind {
    case .unit: kind = "unit"
    case .unreadable: kind = "unreadable"
    case .missing: kind = "missing"
    }
    return "\(row.depth) \(row.title) [\(kind)]" + (row.parent.map { " ← \($0)" } ?? "")
  }
}

@Suite("The summary of a folder of journals: rows, verdicts and subordinate units")
struct FolderSummaryTests {
  @Test("a step 5.3 list is split on commas, semicolons and line breaks, trimmed, each entry once")
  func listedUnits() {
    #expect(
      SubordinateList.names(" sp1, sp2;Zespół Szkół nr 2\nsp3\r\n ,, ;\u{2028}sp1 ")
        == ["sp1", "sp2", "Zespół Szkół nr 2", "sp3"])
    #expect(SubordinateList.names("").isEmpty)
    #expect(SubordinateList.names(" ; , \n").isEmpty)
  }

  @Test(
    "units a partner lists are placed under it by identifier (any case) or exact name; others stay on top")
  func subordinatesUnderTheirPartner() {
    let result = summary([
      source("zs2.jsonl", partner("Zespół Szkół nr 2", "zs2")),
      source("sp10.jsonl", partner("Szkoła Podstawowa nr 10", "sp10")),
      source("gmina.jsonl", partner("Gmina Ærø", "ugaero")),
      source("sp1.jsonl", partner("Szkoła Podstawowa nr 1", "sp1")),
      source(
        "starostwo.jsonl",
        partner(
          "Starostwo Powiatowe w Gliwicach", "pzgliwice",
          lists: "SP1; Zespół Szkół nr 2\nsp9, zespół szkół nr 2")),
      FolderSummary.Source(
        file: "sp5-szkola-podstawowa-nr-5.jsonl",
        outcome: .failure(.missingHeader(path: "/srv/powiat/sp5-szkola-podstawowa-nr-5.jsonl"))),
      FolderSummary.Source(
        file: "zepsuty.jsonl", outcome: .failure(.missingHeader(path: "/srv/powiat/zepsuty.jsonl"))),
    ])
    let starostwo = "Starostwo Powiatowe w Gliwicach"
    // „zespół szkół nr 2” is not the exact name and no identifier: listed, but no journal has it.
    #expect(
      outline(result) == [
        "0 Gmina Ærø [unit]",
        "0 sp5-szkola-podstawowa-nr-5.jsonl [unreadable]",
        "0 \(starostwo) [unit]",
        "1 Szkoła Podstawowa nr 1 [unit] ← \(starostwo)",
        "1 Zespół Szkół nr 2 [unit] ← \(starostwo)",
        "1 sp9 [missing] ← \(starostwo)",
        "1 zespół szkół nr 2 [missing] ← \(starostwo)",
        "0 Szkoła Podstawowa nr 10 [unit]",
        "0 zepsuty.jsonl [unreadable]",
      ], "\(outline(result))")
    #expect(result.journalCount == 7 && result.missingCount == 2 && result.unreadableCount == 2)
    #expect(result.finishedCount == 0 && result.unfinishedCount == 5)
  }

  @Test("a damaged journal named after a listed identifier is found under its partner, with its reason")
  func damagedSubordinateByFileName() throws {
    let result = summary([
      source("starostwo.jsonl", partner("Starostwo", "pz", lists: "sp5")),
      FolderSummary.Source(
        file: "sp5-szkola.jsonl", outcome: .failure(.missingHeader(path: "/srv/powiat/sp5-szkola.jsonl"))),
      FolderSummary.Source(
        file: "sp50-szkola.jsonl", outcome: .failure(.missingHeader(path: "/srv/powiat/sp50-szkola.jsonl"))),
    ])
    #expect(
      outline(result) == [
        "0 sp50-szkola.jsonl [unreadable]", "0 Starostwo [unit]",
        "1 sp5-szkola.jsonl [unreadable] ← Starostwo",
      ], "\(outline(result))")
    guard case .unreadable(let problem) = result.rows[2].kind else {
      Issue.record("not unreadable")
      return
    }
    #expect(problem.contains("nie zaczyna się od utworzenia jednostki"))
  }

  @Test("subordination goes deeper than one level, and units that list each other are each shown once")
  func depthAndCycles() {
    let deep = summary([
      source("a.jsonl", partner("A", "a", lists: "b")),
      source("b.jsonl", partner("B", "b", lists: "c")),
      source("c.jsonl", partner("C", "c", lists: "a")),
      source("d.jsonl", partner("D", "d", lists: "D; d")),
    ])
    #expect(
      outline(deep) == ["0 A [unit]", "1 B [unit] ← A", "2 C [unit] ← B", "0 D [unit]"], "\(outline(deep))")
    let twice = summary([
      source("a.jsonl", partner("A", "a", lists: "c")),
      source("b.jsonl", partner("B", "b", lists: "c")),
      source("c.jsonl", partner("C", "c")),
    ])
    // A unit two partners list goes under the first of them.
    #expect(outline(twice) == ["0 A [unit]", "1 C [unit] ← A", "0 B [unit]"], "\(outline(twice))")
  }

  @Test("only a partner's list counts: the Urząd Marszałkowski's journal places nothing under it")
  func umListsNothing() {
    var um = UnitState(
      unit: UnitInfo(name: "Urząd Marszałkowski", entityIdentifier: "umws", role: .um), createdAt: "")
    um = um.simulating([.stepValuesRecorded(StepValues(stepID: "5.3", values: ["jednostki": "sp1"]))])
    let result = summary([source("um.jsonl", um), source("sp1.jsonl", partner("SP1", "sp1"))])
    #expect(outline(result) == ["0 SP1 [unit]", "0 Urząd Marszałkowski [unit]"])
  }

  @Test("a row carries the verdict, progress and next deadline the way status gives them")
  func unitLine() throws {
    var state = partner("Gmina", "ug")
    state = state.simulating([
      .stepValuesRecorded(StepValues(stepID: "5.2", values: ["dataZlecenia": "2026-11-20"]))
    ])
    let result = summary([source("g.jsonl", state)])
    guard case .unit(let line) = try #require(result.rows.first).kind else {
      Issue.record("not a unit")
      return
    }
    let checklist = Checklist(procedure: procedure, state: state)
    let verdict = Verdict(procedure: procedure, state: state, today: today)
    #expect(line.blocking == verdict.blocking && !line.finished)
    #expect(
      line.done == checklist.doneCount + checklist.skippedCount && line.total == checklist.applicableCount)
    #expect(line.path == .portal && line.role == .partner && line.entityIdentifier == "ug")
    let next = try #require(line.nextDeadline)
    #expect(next == Timeline(procedure: procedure, state: state, today: today).next)
    #expect(next.date == "2026-11-27" && next.words == "do 2026-11-27")
  }

  @Test("reading a folder: only regular .jsonl files, a locked journal read as it stands, nothing written")
  func readingAFolder() throws {
    let folder = TempFolder(prefix: "epuap-summary")
    defer { folder.cleanup() }
    let (writer, _) = try JournalWriter.create(
      at: folder.file("a.jsonl"), unit: UnitInfo(name: "Gmina A", entityIdentifier: "a", role: .partner),
      operatorName: "Anna Nowak", time: "2026-11-25T10:00:00Z")
    _ = try writer.append(
      .decisionMade(Decision(path: .portal)), operatorName: "Anna Nowak", time: "2026-11-25T10:01:00Z")
    folder.write("notatka.txt", "nie dziennik")
    folder.write("a.jsonl.szkic", "{}")
    folder.write("a.jsonl.odlozone-2026", "x")
    folder.write(".spis-dziennikow.json", "{}")
    folder.write("pusty.jsonl", "")
    try FileManager.default.createDirectory(
      atPath: folder.file("folder.jsonl"), withIntermediateDirectories: false)
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("link.jsonl"), withDestinationPath: folder.file("a.jsonl"))
    #expect(mkfifo(folder.file("potok.jsonl"), 0o600) == 0)
    let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    let modified =
      try FileManager.default.attributesOfItem(atPath: folder.file("a.jsonl"))[.modificationDate] as? Date

    // The writer still holds the journal's lock.
    let result = try withExtendedLifetime(writer) {
      try #require(try FolderSummary.read(folder: folder.path, procedure: procedure, today: today))
    }
    #expect(outline(result) == ["0 Gmina A [unit]", "0 pusty.jsonl [unreadable]"], "\(outline(result))")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
    #expect(
      try FileManager.default.attributesOfItem(atPath: folder.file("a.jsonl"))[.modificationDate] as? Date
        == modified)

    #expect(try FolderSummary.read(folder: folder.file("nie-ma"), procedure: procedure, today: today) == nil)
    #expect(throws: JournalError.self) {
      try FolderSummary.read(folder: folder.file("notatka.txt"), procedure: procedure, today: today)
    }
  }

  @Test("a folder others can write is read as it is: neither tightened nor refused")
  func sharedFolderLeftAsItIs() throws {
    let folder = TempFolder(prefix: "epuap-summary")
    defer { folder.cleanup() }
    #expect(chmod(folder.path, 0o775) == 0)
    let result = try #require(try FolderSummary.read(folder: folder.path, procedure: procedure, today: today))
    #expect(result.rows.isEmpty)
    let mode = try #require(
      try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int)
    #expect(mode == 0o775)
  }
}
