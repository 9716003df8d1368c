import Foundation
import TestSupport
import Testing

@Suite("Command line, run as a process", .serialized)
struct CLITests {
  @Test("--version and Polish help")
  func versionAndHelp() throws {
    let version = try Binary.run(["--version"])
    #expect(version.code == 0 && version.stdout.contains("1.0.0"))
    let help = try Binary.run(["--help"])
    #expect(help.stdout.contains("Kreator przeniesienia integracji ePUAP"))
    #expect(
      help.stdout.contains("journal") && help.stdout.contains("answers") && help.stdout.contains("print"))
    // The parser's own words are Polish too, in the help of every command.
    // Every command and subcommand, reached every way help is asked for.
    let commands: [[String]] = [
      [], ["wizard"], ["list"], ["status"], ["journal"], ["journal", "verify"], ["answers"],
      ["answers", "export"], ["answers", "apply"], ["print"], ["summary"],
    ]
    let helpRequests =
      commands.map { $0 + ["--pomoc"] } + commands.map { $0 + ["-h"] } + [["help", "journal"]]
    for arguments in helpRequests {
      let text = try Binary.run(arguments)
      #expect(text.code == 0 && text.stdout.hasPrefix("OPIS: "), "\(arguments): \(text.stdout)")
      #expect(text.stdout.contains("\nUŻYCIE: epuap-wizard") && text.stdout.contains("\nOPCJE:\n"))
      #expect(text.stdout.contains("Pokaż pomoc."), "\(arguments)")
      for english in [
        "OVERVIEW", "USAGE", "OPTIONS", "ARGUMENTS", "SUBCOMMANDS", "Show ", "(default", "See '",
      ] {
        #expect(!text.stdout.contains(english), "\(english) in the help of \(arguments)")
      }
    }
    #expect(try Binary.run(["--pomoc"]).stdout.contains("wizard (domyślne)"))
    #expect(try Binary.run(["print", "--pomoc"]).stdout.contains("(domyślnie: text)"))
  }

  @Test(
    "a command line the parser cannot take is explained in Polish, with the usage, exit code 64",
    arguments: [
      (["--bogus"], "Błąd: nieznana opcja „--bogus”."),
      (["journal", "verify", "--jsn", "x"], "Błąd: nieznana opcja „--jsn”. Czy chodziło o „--json”?"),
      (["journal", "verify"], "Błąd: brak argumentu „<dziennik>”."),
      (["journal", "verify", "a", "b"], "Błąd: nieoczekiwany argument „b”"),
      (["list", "--journal"], "Błąd: brak wartości opcji „--journal <dziennik>”."),
      (["list", "--json=3"], "Błąd: opcja „--json” nie przyjmuje wartości, a podano „3”."),
    ])
  func parseErrorsInPolish(arguments: [String], expected: String) throws {
    let result = try Binary.run(arguments)
    #expect(result.code == 64)
    #expect(result.stdout.isEmpty)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix(expected) == true, "\(result.stderr)")
    #expect(lines.contains { $0.hasPrefix("Użycie: epuap-wizard") }, "\(result.stderr)")
    #expect(
      lines.last?.hasPrefix("  Pomoc: epuap-wizard") == true && lines.last?.hasSuffix(" --pomoc") == true)
    for english in ["Error:", "Usage:", "Help:", "See '", "Unknown", "Missing", "Unexpected"] {
      #expect(!result.stderr.contains(english), "\(english) in \(result.stderr)")
    }
  }

  @Test("answers apply creates a journal; status --json has the documented shape")
  func applyAndStatus() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    dir.write("answers.json", finnAnswers)
    let apply = try Binary.run(["answers", "apply", dir.file("answers.json")], stateDir: dir.path)
    #expect(apply.code == 0, "\(apply.stderr)")
    let list = try Binary.run(["list", "--json"], stateDir: dir.path)
    let journals = try #require(
      try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
    #expect(journals.count == 1)
    #expect(journals.first?["unitName"] as? String == "Starostwo Powiatowe w Gliwicach")
    #expect(journals.first?["chosenPath"] as? String == "sod-finn")

    let status = try Binary.run(["status", "--json"], stateDir: dir.path)
    #expect(status.code == 0, "\(status.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
    for key in [
      "unit", "finished", "blocking", "path", "decision", "progress", "steps", "openSteps", "mailboxes",
      "overrides", "systems", "consent", "cards", "errors", "warnings", "journal", "deadlines",
    ] {
      #expect(json[key] != nil, "missing key \(key)")
    }
    #expect(json["finished"] as? Bool == false)
    let blocking = try #require(json["blocking"] as? [[String: Any]])
    #expect(
      blocking.contains {
        $0["stepID"] as? String == "2.3" && ($0["text"] as? String)?.contains("do zrobienia") == true
      })
    #expect(json["path"] as? String == "sod-finn")
    let deadlines = try #require(json["deadlines"] as? [[String: Any]])
    #expect(
      deadlines.compactMap { $0["id"] as? String }
        == ["zgloszenie-zmiany-osob", "karty-przed-odlaczeniem", "koniec-dostepu", "vpn-do-odlaczenia"])
    #expect(
      deadlines.allSatisfy {
        ["unknown", "open", "overdue", "done", "skipped", "ahead", "passed"].contains(
          $0["state"] as? String ?? "")
      })
    let plain = try Binary.run(["status"], stateDir: dir.path)
    #expect(plain.stdout.contains("Terminy:\n  - Zgłoszenie zmiany osób w rolach SEKAP"), "\(plain.stdout)")
    let steps = try #require(json["steps"] as? [[String: Any]])
    let s313 = try #require(steps.first { $0["id"] as? String == "3.13" })
    #expect(s313["status"] as? String == "done")
    let s32 = try #require(steps.first { $0["id"] as? String == "3.2" })
    #expect(s32["status"] as? String == "skipped" && s32["reason"] as? String == "menu było już otwarte")
    let progress = try #require(json["progress"] as? [String: Int])
    #expect(progress["done"] == 4 && progress["skipped"] == 1)
    let journal = try #require(json["journal"] as? [String: Any])
    #expect(journal["events"] as? Int == 2)
    #expect((journal["lastHash"] as? String)?.count == 64)
    // The vendor override covers progKolejki = 10: no warning about it.
    let warnings = try #require(json["warnings"] as? [[String: Any]])
    #expect(!warnings.contains { ($0["message"] as? String)?.contains("Gdy liczba dokumentów") == true })

    let text = try Binary.run(["status"], stateDir: dir.path)
    #expect(text.stdout.contains("Ścieżka: System obiegu dokumentów FINN 8SQL"))
    #expect(text.stdout.contains("[x] 3.13"))
  }

  @Test("answers apply is all or nothing: one bad value and nothing is written")
  func applyAllOrNothing() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let journal = try dir.appliedFinnJournal()
    dir.write("good.json", finnAnswers)
    let before = try Data(contentsOf: URL(fileURLWithPath: dir.file(journal)))
    let bad = finnAnswers.replacingOccurrences(of: "epuap@gliwice.pl", with: "epuap-at-gliwice")
      .replacingOccurrences(of: "\"Wpis do ewidencji instruktorów\"", with: "\"Nowa karta\"")
    dir.write("bad.json", bad)
    let result = try Binary.run(["answers", "apply", dir.file("bad.json")], stateDir: dir.path)
    #expect(result.code == 1)
    #expect(result.stderr.contains("epuap-at-gliwice"))
    #expect(result.stderr.contains("nic nie zapisano"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: dir.file(journal))) == before)
  }

  @Test("answers apply refuses „Usuń system” done without consent, and an active card marked for deletion")
  func applyRules() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let noConsent = finnAnswers.replacingOccurrences(
      of: #""consent": { "who": "Jan Kowalski, UMWS", "date": "2026-11-20", "reference": "DCF.1234.2026" },"#,
      with: ""
    )
    .replacingOccurrences(
      of: #""status": "nieaktualna", "action": "delete""#, with: #""status": "aktualna", "action": "delete""#)
    dir.write("a.json", noConsent)
    let result = try Binary.run(["answers", "apply", dir.file("a.json")], stateDir: dir.path)
    #expect(result.code == 1)
    #expect(result.stderr.contains("Urzędu Marszałkowskiego"))
    #expect(result.stderr.contains("Wycofaj z publikacji"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".jsonl") }.isEmpty)
  }

  @Test("answers export reproduces what was applied")
  func exportRoundTrip() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    dir.write("a.json", finnAnswers)
    #expect(try Binary.run(["answers", "apply", dir.file("a.json")], stateDir: dir.path).code == 0)
    let exported = try Binary.run(["answers", "export"], stateDir: dir.path)
    #expect(exported.code == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [String: Any])
    #expect((json["mailboxes"] as? [[String: Any]])?.count == 2)
    #expect((json["cards"] as? [[String: Any]])?.count == 2)
    // Applying the export again changes nothing.
    dir.write("b.json", exported.stdout)
    let again = try Binary.run(["answers", "apply", dir.file("b.json")], stateDir: dir.path)
    #expect(again.code == 0 && again.stdout.contains("nic nie zapisano"), "\(again.stdout)\(again.stderr)")
  }

  @Test("journal verify: 0 sound, 1 torn tail, 2 damaged with the line number, 4 no such file")
  func verifyExitCodes() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let name = try dir.appliedFinnJournal()
    let path = dir.file(name)
    let sound = try Binary.run(["journal", "verify", path])
    #expect(sound.code == 0)
    #expect(sound.stdout.contains("SHA-256: "))

    let original = try Data(contentsOf: URL(fileURLWithPath: path))
    try (original + Data(#"{"v":1,"seq":3,"ti"#.utf8)).write(to: URL(fileURLWithPath: path))
    let torn = try Binary.run(["journal", "verify", path])
    #expect(torn.code == 1)
    #expect(torn.stdout.contains("wiersz 3"))

    var lines = String(decoding: original, as: UTF8.self).split(separator: "\n").map(String.init)
    lines[0] = lines[0].replacingOccurrences(of: "Gliwicach", with: "Katowicach")
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    let damaged = try Binary.run(["journal", "verify", path])
    #expect(damaged.code == 2)
    #expect(damaged.stderr.contains("wierszu 1"))
    let missing = try Binary.run(["journal", "verify", dir.file("nie-ma.jsonl")])
    #expect(missing.code == 4)
    #expect(missing.stderr.contains("Nie ma dziennika"))
  }

  @Test("a second writer is refused while another process holds the journal")
  func lockedJournal() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let name = try dir.appliedFinnJournal()
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/bin/sh")
    holder.arguments = ["-c", "exec 9<\"$0\"; flock -n 9 || exit 1; exec sleep 20", dir.file(name)]
    try holder.run()
    defer {
      kill(holder.processIdentifier, SIGKILL)
      holder.waitUntilExit()
    }
    usleep(300_000)
    let result = try Binary.run(["answers", "apply", dir.file("a.json")], stateDir: dir.path)
    #expect(result.code == 1)
    #expect(result.stderr.contains("jest już otwarty w innym oknie"))
    #expect(result.stderr.contains(name))
  }

  @Test("a broken procedure file given by EPUAP_WIZARD_PROCEDURE is reported with its name")
  func brokenProcedure() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    dir.write("p.json", #"{"formatVersion": 1}"#)
    let result = try Binary.run(
      ["list"], stateDir: dir.path, environment: ["EPUAP_WIZARD_PROCEDURE": dir.file("p.json")])
    #expect(result.code == 2)
    #expect(result.stderr.contains("p.json") && result.stderr.contains("brak pola"))
  }

  @Test("without a terminal the wizard asks line by line, and an empty input ends it at once with exit 0")
  func wizardWithoutTerminal() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let result = try Binary.run([], stateDir: dir.path)
    #expect(result.code == 0, "\(result.stderr)")
    #expect(result.stdout.contains("trybie tekstowym") && result.stdout.contains("1. Nowa jednostka"))
    #expect(result.stdout.contains("Koniec wejścia"))
  }
}
