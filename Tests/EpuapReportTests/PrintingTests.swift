import EpuapDomain
import EpuapReport
import Foundation
import TestSupport
import Testing

@Suite("Writing and printing the checklist")
struct PrintingTests {
  /// A stand-in `lp` in `folder/bin`: records its arguments in `lp-args.txt`, copies the file it was given to
  /// `lp-received` and answers like CUPS; or, with `failing`, complains and exits 1.
  func fakeLP(in folder: TempFolder, failing: Bool = false) throws -> [String: String] {
    let bin = folder.file("bin")
    try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
    let script =
      failing
      ? "#!/bin/sh\necho 'lp: The printer or class does not exist.' >&2\nexit 1\n"
      : """
      #!/bin/sh
      printf '%s\\n' "$@" > "\(folder.file("lp-args.txt"))"
      for last; do :; done
      cp "$last" "\(folder.file("lp-received"))"
      echo "request id is Biuro-7 (1 file(s))"

      """
    try script.write(toFile: bin + "/lp", atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/lp")
    return ["PATH": bin + ":/usr/bin:/bin", "LANG": "C.UTF-8"]
  }

  @Test("--lp: the file is written beside the journal and lp gets -d PRINTER and that file")
  func printsThroughLP() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let journal = try finnJournal(folder)
    let checklist = try document(journal)
    let target = ChecklistFormat.text.defaultPath(forJournal: journal)
    #expect(target == folder.file("pzgliwice-lista-kontrolna.txt"))
    let sender = LPSender(printer: "Biuro", environment: try fakeLP(in: folder))
    let result = try writeChecklist(checklist, format: .text, to: target, lp: sender)
    #expect(fileText(folder.file("lp-args.txt")) == "-d\nBiuro\n--\n\(target)\n")
    #expect(fileText(folder.file("lp-received")) == TextRenderer().render(checklist))
    #expect(fileText(target) == TextRenderer().render(checklist))
    #expect(result.lpOutput == "request id is Biuro-7 (1 file(s))")
    #expect(result.message.contains(target) && result.message.contains("Wysłano do drukarki Biuro"))
  }

  @Test("--lp with HTML sends the HTML file; without a printer name, no -d")
  func printsHTML() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let journal = try portalJournal(folder)
    let checklist = try document(journal)
    let target = ChecklistFormat.html.defaultPath(forJournal: journal)
    #expect(target.hasSuffix("/ugpilchowice-lista-kontrolna.html"))
    let result = try writeChecklist(
      checklist, format: .html, to: target, lp: LPSender(environment: try fakeLP(in: folder)))
    #expect(fileText(folder.file("lp-args.txt")) == "--\n\(target)\n")
    #expect(fileText(folder.file("lp-received")) == HTMLRenderer().render(checklist))
    #expect(result.message.contains("drukarki domyślnej"))
  }

  @Test(
    "no lp on PATH: a Polish message that says where the file is and how to print it; the file is written")
  func lpMissing() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let checklist = try document(try umJournal(folder))
    let empty = folder.file("pusty")
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    let target = folder.file("lista.txt")
    let error = #expect(throws: ChecklistPrintError.self) {
      try writeChecklist(checklist, format: .text, to: target, lp: LPSender(environment: ["PATH": empty]))
    }
    #expect(error == .lpMissing(file: target, format: .text))
    let message = try #require(error?.message)
    #expect(message.contains("nie znaleziono polecenia „lp”"))
    #expect(message.contains("zapisana do pliku \(target)"))
    #expect(message.contains("Aby wydrukować ręcznie: lp \(target)"))
    #expect(
      (error as (any Error)?)?.message == message,
      "any error's message, as the wizard shows it, is the Polish text")
    #expect(fileText(target) == TextRenderer().render(checklist))
  }

  @Test("lp fails: its message, the exit status, the written file and how to print by hand")
  func lpFails() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let checklist = try document(try umJournal(folder))
    let target = folder.file("lista kontrolna.html")
    let sender = LPSender(printer: "Nieznana", environment: try fakeLP(in: folder, failing: true))
    let error = #expect(throws: ChecklistPrintError.self) {
      try writeChecklist(checklist, format: .html, to: target, lp: sender)
    }
    let message = try #require(error?.message)
    #expect(message.contains("polecenie „lp -d Nieznana -- '\(target)'” zakończyło się błędem"))
    #expect(message.contains("(kod 1)") && message.contains("The printer or class does not exist."))
    #expect(message.contains("zapisana do pliku \(target)"))
    #expect(message.contains("otwórz plik w przeglądarce"))
    #expect(fileText(target) == HTMLRenderer().render(checklist))
  }

  @Test("printing reads the journal only: its bytes and its folder stay as they were")
  func journalUnchanged() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let journal = try otherSODJournal(folder)
    let before = fileBytes(journal)
    let filesBefore = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
    let checklist = try document(journal)
    for format in ChecklistFormat.allCases {
      try writeChecklist(checklist, format: format, to: format.defaultPath(forJournal: journal))
    }
    #expect(fileBytes(journal) == before)
    let filesAfter = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
    #expect(
      filesAfter.subtracting(filesBefore)
        == [
          "mopszabrze-lista-kontrolna.txt", "mopszabrze-lista-kontrolna.md",
          "mopszabrze-lista-kontrolna.html",
        ])
  }

  @Test("a torn last line: the checklist is printed from the sound lines, says so, and the file is untouched")
  func tornLastLine() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let journal = try finnJournal(folder)
    let sound = try JournalReader.load(path: journal)
    let handle = try #require(FileHandle(forWritingAtPath: journal))
    handle.seekToEndOfFile()
    handle.write(Data(#"{"v":1,"seq":16,"time":"2026-11-25T09:00:00Z","operator":"Anna"#.utf8))
    try handle.close()
    let torn = fileBytes(journal)
    let text = TextRenderer().render(try document(journal))
    #expect(text.contains("SHA-256: \(sound.lastHash)"))
    #expect(text.contains("Zdarzeń w dzienniku: \(sound.entries.count)"))
    #expect(text.contains("UWAGA: wiersz 16 dziennika jest urwany"))
    #expect(fileBytes(journal) == torn)
    let sideFiles = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.contains("odlozone")
    }
    #expect(sideFiles.isEmpty)
  }

  @Test("writing replaces an earlier checklist whole and leaves no temporary file")
  func replacesAtomically() throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let target = folder.file("lista.md")
    try "stara treść, dłuższa niż nic".write(toFile: target, atomically: true, encoding: .utf8)
    let checklist = try document(try umJournal(folder))
    let result = try writeChecklist(checklist, format: .markdown, to: target)
    #expect(fileText(target) == MarkdownRenderer().render(checklist))
    #expect(result.message == "Zapisano listę kontrolną (Markdown) do pliku \(target).")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.contains(".tmp-") })
    let error = #expect(throws: ChecklistPrintError.self) {
      try writeChecklist(checklist, format: .text, to: folder.file("brak/lista.txt"))
    }
    #expect(
      error?.message.contains("Nie można zapisać listy kontrolnej do \(folder.file("brak/lista.txt"))")
        == true)
  }
}
