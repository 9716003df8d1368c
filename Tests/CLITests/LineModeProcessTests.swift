import Foundation
import TestSupport
import Testing

/// The wizard in line mode as a screen reader's console or a script drives it: the real binary, its
/// standard input a pipe.
@Suite("Line mode: the real binary, answers piped in")
struct LineModeProcessTests {
  /// Every answer of the portal path, one per line, as a clerk would type them (empty: Enter).
  static let portalPath = [
    "1", "", "Gmina Żółkiewka", "ugzolkiewka", "Łucja Śliwińska",  // new unit, role by Enter: partner
    "1", "1", "1", "Jan Kowalski", "20.11.2026", "Zarządzenie 12/2026",  // 2.0 decision: portal
    "1", "1", "2026-11-20", "2026-11-10", "",  // 2.4 change of people, 10 days ahead
    "1", "1", "1", "1",  // 3.1, 3.2
    "1", "1", "/ugzolkiewka/skrytka", "", "", "4",  // 3.3 one mailbox kept, then done
    "1", "1", "1", "1", "1", "1",  // 3.4, 3.5
    "1", "1", "2", "2", "2", "0",  // 3.6
    "1", "1", "sekretariat@zolkiewka.pl", "4", "1", "1", "1",  // 3.7
    "1", "1", "1", "1", "3",  // 3.8
    "1", "1", "1", "1", "1",  // 3.9, 3.10
    "1", "1", "i4m4hvn61u", "1", "", "", "3",  // 3.11 the SEKAP system listed, then done
    "1", "1",  // 3.12
    "1", "1", "Jan Nowak", "2026-11-24", "SEKAP.123.2026",  // 3.13 consent
    "1", "1", "1",  // 4.1 one card on the portal's list
    "1", "1", "Wniosek o dowód", "", "3", "", "", "WNIOSEK-1", "/ugzolkiewka/skrytka", "4",  // 4.2
    "1", "1", "", "1", "1", "", "", "1", "1", "",  // 5.1, 5.2, 5.3 (optional fields left empty)
    "1", "1", "2026-11-25", "1", "1", "1",  // 5.5 receipt test
    "4", "5",  // save the checklist to a file, quit
  ]

  @Test("a whole path completed from a script: ZAKOŃCZONE, no box drawing, no escapes, exit 0")
  func wholePathFromAScript() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let input = Self.portalPath.joined(separator: "\n") + "\n"
    let result = try Binary.run([], stateDir: dir.path, environment: ["HOME": dir.path], input: input)
    #expect(result.code == 0, "\(result.stderr)")
    let out = result.stdout
    #expect(!out.contains("Nie zapisano") && !out.contains("nie jest oznaczony"), "\(out)")
    #expect(!out.contains("nie jest numerem"), "\(out)")
    #expect(out.contains("ZAKOŃCZONE: wszystkie kroki ścieżki są zrobione"))
    #expect(out.contains("Stan: do zrobienia"))  // statuses in words
    #expect(!out.unicodeScalars.contains { (0x2500...0x257F).contains($0.value) || $0.value == 0x1B })
    #expect(out.contains("Aby wrócić:") && out.contains("--plain"))
    // What the script answered is in the journal: the status command reads it as finished.
    let status = try Binary.run(["status", "--json"], stateDir: dir.path)
    let json = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
    #expect(json?["finished"] as? Bool == true, "\(status.stdout)")
    let saved = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter {
      $0.hasSuffix("-lista-kontrolna.txt")
    }
    #expect(saved.count == 1)
  }

  @Test("the end of input half-way ends cleanly (exit 0), keeping what was answered; --plain resumes there")
  func endOfInputThenResume() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let first = Array(Self.portalPath[0..<11]).joined(separator: "\n") + "\n1\n1\n2026-11-20\n"
    let result = try Binary.run([], stateDir: dir.path, input: first)
    #expect(result.code == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Koniec wejścia. Wszystko, co zapisano, jest w dzienniku."))
    let journal = try #require(
      try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasSuffix(".jsonl") })
    // The decision was recorded; of 2.4, cut off while its fields were typed, the date answered is kept,
    // and the step is not done.
    let status = try Binary.run(["status", "--json"], stateDir: dir.path)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
    #expect(json["path"] as? String == "portal", "\(status.stdout)")
    let steps = try #require(json["steps"] as? [[String: Any]])
    let changeOfPeople = try #require(steps.first { $0["id"] as? String == "2.4" })
    #expect((changeOfPeople["values"] as? [String: String])?["dataZmiany"] == "2026-11-20")
    #expect(changeOfPeople["status"] as? String == "todo")
    let again = try Binary.run(["--plain", "--journal", dir.file(journal)], stateDir: dir.path, input: "1\n")
    #expect(again.code == 0)
    #expect(again.stdout.contains("Następny krok: 2.4"), "\(again.stdout)")
    #expect(again.stdout.contains("Krok 2.4:"))
  }

  @Test(
    "without arguments the wizard starts exactly as `epuap-wizard wizard` does, in the same default folder")
  func noArgumentsIsTheWizardCommand() throws {
    let home = TempFolder(prefix: "epuap-cli")
    defer { home.cleanup() }
    let environment = ["HOME": home.path, "XDG_STATE_HOME": "", "EPUAP_WIZARD_STATE_DIR": ""]
    let create = Array(Self.portalPath[0..<5]).joined(separator: "\n") + "\n"
    let created = try Binary.run([], environment: environment, input: create)
    #expect(created.code == 0 && created.stdout.contains("Utworzono dziennik:"), "\(created.stderr)")
    #expect(FileManager.default.fileExists(atPath: home.path + "/.local/state/epuap-wizard"))
    let bare = try Binary.run([], environment: environment, input: "")
    let named = try Binary.run(["wizard"], environment: environment, input: "")
    #expect(bare.code == 0 && named.code == 0)
    #expect(bare.stdout == named.stdout && bare.stderr == named.stderr)
    #expect(bare.stdout.contains("Gmina Żółkiewka"), "\(bare.stdout)")
  }

  @Test("a wrong number and a wrong value are explained in Polish and asked again; nothing bad is recorded")
  func mistakesAreAskedAgain() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let input = ["7", "x", "1", "", "Gmina Żółkiewka", "zły identyfikator!", "ugzolkiewka", "Łucja"]
    let result = try Binary.run(
      ["--plain"], stateDir: dir.path, input: input.joined(separator: "\n") + "\n")
    #expect(result.code == 0)
    #expect(result.stdout.contains("„7” nie jest numerem z listy. Wpisz liczbę od 1 do 1."))
    #expect(result.stdout.contains("„x” nie jest numerem z listy."))
    #expect(result.stdout.contains("Błąd:"))
    #expect(result.stdout.contains("Utworzono dziennik:"))
  }

  @Test("a journal that cannot be opened is refused with the reason and exit 1; nothing is created")
  func missingJournal() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let result = try Binary.run(
      ["--plain", "--journal", dir.file("brak.jsonl")], stateDir: dir.path, input: "")
    #expect(result.code == 1)
    #expect(result.stderr.contains("Nie można otworzyć dziennika"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.file("brak.jsonl")))
  }

  @Test(
    "in a terminal, TERM=dumb, an unknown TERM, ACCESSIBLE=1 and --plain each ask line by line; Polish letters arrive whole; Ctrl-D ends",
    arguments: [
      (["TERM": "dumb"], ""), (["TERM": "nieznany-terminal"], ""), (["ACCESSIBLE": "1"], ""),
      ([:], "--plain"),
    ])
  func lineModeInATerminal(environment: [String: String], argument: String) throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let tmux = try Tmux(
      "\(Binary.path) \(argument); sleep 5",
      environment: environment.merging(["EPUAP_WIZARD_STATE_DIR": dir.path, "LANG": "C.UTF-8"]) { $1 })
    #expect(try tmux.waitFor("trybie tekstowym"), "\(tmux.screen())")
    #expect(tmux.screen().contains("1. Nowa jednostka"))
    try tmux.send("1", "Enter", "Enter")
    try tmux.type("Gmina Żółkiewka")
    try tmux.send("Enter")
    try tmux.type("ugzolkiewka")
    try tmux.send("Enter")
    try tmux.type("Łucja Śliwińska")
    try tmux.send("Enter")
    #expect(try tmux.waitFor("Utworzono dziennik"), "\(tmux.screen())")
    try tmux.send("C-d")
    #expect(try tmux.waitFor("Koniec wejścia"), "\(tmux.screen())")
    let screen = tmux.screen(escapes: true)
    #expect(!screen.unicodeScalars.contains { (0x2500...0x257F).contains($0.value) }, "\(screen)")
    let status = try Binary.run(["status"], stateDir: dir.path)
    #expect(status.stdout.contains("Jednostka: Gmina Żółkiewka [ugzolkiewka]"), "\(status.stdout)")
  }

  @Test("Ctrl-C half-way through a step says what is kept and how to come back, and ends as SIGINT does")
  func interruptSaysWhatIsKept() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    // The shell catches Ctrl-C itself, so that it lives to print the wizard's status (a caught signal is
    // back to its default in the wizard).
    let tmux = try Tmux(
      "trap 'true' INT; \(Binary.path) --plain; echo \"kod: $?\"; sleep 5",
      environment: ["EPUAP_WIZARD_STATE_DIR": dir.path, "LANG": "C.UTF-8"])
    #expect(try tmux.waitFor("trybie tekstowym"), "\(tmux.screen())")
    try tmux.send("1", "Enter", "Enter")
    for answer in ["Gmina Żółkiewka", "ugzolkiewka", "Łucja Śliwińska"] {
      try tmux.type(answer)
      try tmux.send("Enter")
    }
    #expect(try tmux.waitFor("Utworzono dziennik"), "\(tmux.screen())")
    try tmux.send("1", "Enter")  // the next step, 2.0: its questions begin
    try tmux.type("Jan Kow")
    try tmux.send("C-c")
    #expect(try tmux.waitFor("Przerwano (Ctrl-C)"), "\(tmux.screen())")
    let screen = tmux.unwrappedScreen()
    #expect(screen.contains("to, co było w trakcie wpisywania, nie zostało zapisane"), "\(screen)")
    #expect(screen.contains("--state-dir \(dir.path) --plain"), "\(screen)")
    #expect(try tmux.waitFor("kod: 130"), "\(tmux.screen())")
    let status = try Binary.run(["status"], stateDir: dir.path)
    #expect(status.stdout.contains("Jednostka: Gmina Żółkiewka [ugzolkiewka]"), "\(status.stdout)")
    #expect(status.stdout.contains("Ścieżka: decyzja jeszcze nie podjęta"), "\(status.stdout)")
  }

  @Test("a Ctrl-C that line mode inherits as ignored (a script's background job) stays ignored")
  func ignoredInterruptStaysIgnored() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let tmux = try Tmux(
      "trap '' INT; \(Binary.path) --plain; echo \"kod: $?\"; sleep 5",
      environment: ["EPUAP_WIZARD_STATE_DIR": dir.path, "LANG": "C.UTF-8"])
    #expect(try tmux.waitFor("trybie tekstowym"), "\(tmux.screen())")
    try tmux.send("C-c")
    usleep(300_000)
    #expect(!tmux.screen().contains("Przerwano"), "\(tmux.screen())")
    try tmux.send("C-d")
    #expect(try tmux.waitFor("kod: 0"), "\(tmux.screen())")
  }
}
