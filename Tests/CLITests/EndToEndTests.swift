import Foundation
import TestSupport
import Testing

/// The real binary in tmux at 80×24: what a clerk sees and types.
@Suite("End to end in a pseudo-terminal (tmux)", .serialized)
struct EndToEndTests {
  func start(_ dir: TempFolder, environment: [String: String] = [:], width: Int = 80, height: Int = 24) throws
    -> Tmux
  {
    var env = ["EPUAP_WIZARD_STATE_DIR": dir.path, "LANG": "C.UTF-8"]
    env.merge(environment) { $1 }
    let tmux = try Tmux("exec \(Binary.path)", width: width, height: height, environment: env)
    #expect(try tmux.waitFor("Nowa jednostka"), "start screen: \(tmux.screen())")
    return tmux
  }

  func createUnit(_ tmux: Tmux, name: String = "Starostwo Powiatowe w Gliwicach") throws {
    try tmux.send("Enter")
    #expect(try tmux.waitFor("Nazwa jednostki"))
    try tmux.send("Tab")
    try tmux.type(name)
    try tmux.send("Tab")
    try tmux.type("pzgliwice")
    try tmux.send("Tab")
    try tmux.type("Anna Nowak")
    try tmux.send("Tab", "Enter")
    #expect(try tmux.waitFor("Krok 2.0"), "decision screen: \(tmux.screen())")
  }

  /// FINN 8SQL on the decision screen: the cursor goes to „Kto podjął decyzję”; who, when, what document.
  func decideFinn(_ tmux: Tmux) throws {
    try tmux.send("Down", "Enter")
    try tmux.type("Jan Nowak, Starosta")
    try tmux.send("Tab")
    try tmux.type("2026-11-20")
    try tmux.send("Tab")
    try tmux.type("Zarządzenie nr 12/2026")
    try tmux.send("F2")
    #expect(try tmux.waitFor("Krok 2.1"), "after the decision: \(tmux.screen())")
  }

  @Test("new unit → decision → a step marked done; kill -9; restart resumes with that step done")
  func killAndResume() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let tmux = try start(dir)
    try createUnit(tmux)
    try decideFinn(tmux)
    try tmux.send("d")
    #expect(try tmux.waitFor("Krok 2.1 oznaczono jako zrobiony"))
    #expect(tmux.screen().contains("zrobione 2/24"))
    kill(try tmux.panePID, SIGKILL)
    usleep(200_000)
    #expect(try tmux.paneDead)

    try tmux.respawn(
      "exec \(Binary.path)", environment: ["EPUAP_WIZARD_STATE_DIR": dir.path, "LANG": "C.UTF-8"])
    #expect(try tmux.waitFor("Wznów pracę"))
    let start = tmux.screen()
    #expect(start.contains("Starostwo Powiatowe"))
    #expect(start.contains("2/24"))
    try tmux.send("Down", "Enter")
    #expect(try tmux.waitFor("Krok 2.3"), "resume lands on the first open step: \(tmux.screen())")
    #expect(tmux.screen().contains("zrobione 2/24"))
    try tmux.send("Escape")
    #expect(try tmux.waitFor("[x] 2.1"))
  }

  @Test("„Zażółć gęślą jaźń” typed into a field arrives whole")
  func polishLetters() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let tmux = try start(dir)
    try tmux.send("Enter", "Tab")
    try tmux.type("Zażółć gęślą jaźń")
    #expect(try tmux.waitFor("Zażółć gęślą jaźń"))
    try tmux.send("BSpace")
    usleep(300_000)
    #expect(tmux.screen().contains("Zażółć gęślą jaź") && !tmux.screen().contains("jaźń"))
    try tmux.type("ń")
    try tmux.send("Tab")
    try tmux.type("ugzazolc")
    try tmux.send("Tab")
    try tmux.type("Łucja Śliwińska")
    try tmux.send("Tab", "Enter")
    #expect(try tmux.waitFor("Krok 2.0"))
    #expect(tmux.screen().contains("│ Zażółć gęślą jaźń"))
  }

  @Test("a window below 80×24 asks to grow and recovers when it grows")
  func resize() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let tmux = try start(dir)
    try tmux.resize(width: 60, height: 20)
    let grew = try tmux.waitFor("Powiększ okno")
    #expect(
      grew,
      "\(tmux.screen()) size=\((try? tmux.tmux(["display-message", "-p", "-t", tmux.name, "#{window_width}x#{window_height}"])) ?? "")"
    )
    try tmux.resize(width: 80, height: 24)
    #expect(try tmux.waitFor("Nowa jednostka"))
    #expect(!(tmux.screen().contains("Powiększ okno")))
  }

  @Test("NO_COLOR: no colour codes, attributes still there")
  func noColor() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let colored = try start(dir)
    let withColor = colored.screen(escapes: true)
    #expect(
      withColor.range(of: "\u{1B}\\[[0-9;]*3[0-7][;m]", options: .regularExpression) != nil,
      "expected colour codes: \(withColor.debugDescription.prefix(300))")
    let plain = try start(dir, environment: ["NO_COLOR": "1"])
    let withoutColor = plain.screen(escapes: true)
    #expect(
      withoutColor.range(of: "\u{1B}\\[[0-9;]*(3[0-7]|4[0-7]|38;|48;)", options: .regularExpression) == nil,
      "\(withoutColor)")
    #expect(withoutColor.contains("\u{1B}[7m") || withoutColor.contains(";7m"), "reverse video stays")
    // The convention: NO_COLOR set but empty is as if it were not set.
    let empty = try start(dir, environment: ["NO_COLOR": ""])
    #expect(
      empty.screen(escapes: true).range(of: "\u{1B}\\[[0-9;]*3[0-7][;m]", options: .regularExpression) != nil,
      "an empty NO_COLOR keeps the colours")
  }

  @Test(
    "after SIGTERM, SIGINT, SIGQUIT, SIGHUP and an internal error (SIGILL, SIGTRAP, SIGABRT) the terminal is usable"
  )
  func terminalRestored() throws {
    // A Swift runtime trap (force unwrap, overflow, precondition) arrives as SIGILL or SIGTRAP, abort() as
    // SIGABRT: sent from outside they take the same handler path as an internal error.
    for signal in [SIGTERM, SIGINT, SIGQUIT, SIGHUP, SIGILL, SIGTRAP, SIGABRT] {
      let dir = TempFolder(prefix: "epuap-cli")
      defer { dir.cleanup() }
      let report = dir.file("stty.txt")
      let tmux = try Tmux(
        "SWIFT_BACKTRACE=enable=no \(Binary.path); echo \"exit=$?\" > \(report).code; stty -a > \(report); tput cnorm; sleep 5",
        environment: ["EPUAP_WIZARD_STATE_DIR": dir.path, "LANG": "C.UTF-8"])
      #expect(try tmux.waitFor("Nowa jednostka"))
      // The wizard is the pane shell's child.
      let child =
        Int32(
          try Spawn.run(["pgrep", "-P", "\(try tmux.panePID)"], capture: true).split(separator: "\n").first
            ?? "") ?? 0
      #expect(child > 0)
      kill(child, signal)
      var settings = ""
      for _ in 0..<100 where settings.isEmpty {
        usleep(50_000)
        settings = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
      }
      #expect(settings.contains(" echo ") || settings.contains(" echo\n"), "signal \(signal): \(settings)")
      #expect(settings.contains(" icanon"), "signal \(signal)")
      let code = (try? String(contentsOfFile: report + ".code", encoding: .utf8)) ?? ""
      #expect(code.contains("exit=\(128 + signal)"), "signal \(signal): \(code)")
      #expect(!(tmux.screen(escapes: true).contains("\u{1B}[?1049h")))
    }
  }

  @Test(
    "a broken procedure file: the terminal is set up first, then restored, and the message shown (exit 2)")
  func brokenProcedureInTerminal() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let report = dir.file("stty.txt")
    dir.write("zla.json", #"{"formatVersion": 1}"#)
    let tmux = try Tmux(
      "\(Binary.path); echo \"exit=$?\"; stty -a > \(report); sleep 5",
      environment: [
        "EPUAP_WIZARD_STATE_DIR": dir.path, "LANG": "C.UTF-8",
        "EPUAP_WIZARD_PROCEDURE": dir.file("zla.json"),
      ])
    #expect(try tmux.waitFor("exit=2"), "\(tmux.screen())")
    let screen = tmux.screen()
    #expect(screen.contains("Plik procedury") && screen.contains("brak pola"), "\(screen)")
    var settings = ""
    for _ in 0..<100 where settings.isEmpty {
      usleep(50_000)
      settings = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
    }
    #expect(settings.contains(" icanon"), "the terminal is back in line mode: \(settings)")
  }

  @Test("two wizards on one journal: the second is refused naming it; after kill -9 of the first it opens")
  func twoWizards() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let name = try dir.appliedFinnJournal()
    let env = ["EPUAP_WIZARD_STATE_DIR": dir.path, "LANG": "C.UTF-8"]
    let first = try Tmux("exec \(Binary.path) --journal \(dir.file(name))", environment: env)
    #expect(try first.waitFor("Krok"))
    let second = try Tmux("exec \(Binary.path) --journal \(dir.file(name))", environment: env)
    #expect(try second.waitFor("jest już otwarty w innym oknie"), "\(second.screen())")
    #expect(second.screen().contains("pzgliwice-starostw"), "the message names the journal")
    kill(try first.panePID, SIGKILL)
    usleep(200_000)
    try second.respawn("exec \(Binary.path) --journal \(dir.file(name))", environment: env)
    #expect(try second.waitFor("Krok"), "no stale lock: \(second.screen())")
  }

  @Test(
    "the resume command opens the unit the same way in each of its spellings",
    arguments: [["--journal", "JOURNAL"], ["--journal=JOURNAL"], ["wizard", "--journal", "JOURNAL"]])
  func resumeForms(_ arguments: [String]) throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let name = try dir.appliedFinnJournal()
    let env = ["EPUAP_WIZARD_STATE_DIR": dir.path, "LANG": "C.UTF-8"]
    let line = arguments.map { $0.replacing("JOURNAL", with: dir.file(name)) }.joined(separator: " ")
    let tmux = try Tmux("exec \(Binary.path) \(line)", environment: env)
    #expect(try tmux.waitFor("Krok"), "\(line): \(tmux.screen())")
    #expect(tmux.screen().contains("Starostwo Powiatowe w Gliwicach"), "\(line): \(tmux.screen())")
  }

  @Test("q asks, says everything is saved, and quits with the journal path")
  func quit() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let tmux = try Tmux(
      "\(Binary.path); sleep 5", environment: ["EPUAP_WIZARD_STATE_DIR": dir.path, "LANG": "C.UTF-8"])
    #expect(try tmux.waitFor("Nowa jednostka"))
    try createUnit(tmux)
    try tmux.send("q")
    #expect(try tmux.waitFor("jest zapisane w dzienniku"))
    try tmux.send("t")
    #expect(try tmux.waitFor("Zapisano. Dziennik:"), "\(tmux.screen())")
    // Started by its path, the program says to come back by the same path (a new clone has no
    // epuap-wizard on the PATH).
    let shown = tmux.unwrappedScreen()
    #expect(shown.contains("Aby wrócić: \(Binary.path) --journal "), "\(tmux.screen())")
  }

  @Test(
    "the start screen lists from the summary cache, yet flags a journal damaged inside since (same length)")
  func cachedListingStillFlagsDamage() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let environment = ["EPUAP_WIZARD_STATE_DIR": dir.path, "LANG": "C.UTF-8"]
    let tmux = try Tmux("\(Binary.path); sleep 30", environment: environment)
    #expect(try tmux.waitFor("Nowa jednostka"))
    try createUnit(tmux)
    try decideFinn(tmux)
    try tmux.send("d")
    #expect(try tmux.waitFor("Krok 2.1 oznaczono jako zrobiony"))
    try tmux.send("Escape", "q")  // 2.3 opens on a text field: Esc leaves it for the overview
    #expect(try tmux.waitFor("jest zapisane w dzienniku"))
    try tmux.send("t")
    #expect(try tmux.waitFor("Zapisano. Dziennik:"), "\(tmux.screen())")
    // Started by its path, the program says to come back by the same path (a new clone has no
    // epuap-wizard on the PATH).
    let shown = tmux.unwrappedScreen()
    #expect(shown.contains("Aby wrócić: \(Binary.path) --journal "), "\(tmux.screen())")
    // Quitting kept the unit's summary beside the journal.
    let cache = dir.file(".spis-dziennikow.json")
    let cached = try String(contentsOfFile: cache, encoding: .utf8)
    // The cache's last member lists its journals; the ninth member of each is its count of steps done.
    let parsed = try JSONSerialization.jsonObject(with: Data(cached.utf8)) as? [Any]
    let journals = parsed?.last as? [[Any]]
    #expect(journals?.count == 1 && journals?.first?[8] as? Int == 2, "\(cached)")

    try tmux.respawn("exec \(Binary.path)", environment: environment)
    #expect(try tmux.waitFor("Wznów pracę"))
    #expect(tmux.screen().contains("2/24"))
    try tmux.send("q", "t")
    usleep(300_000)

    let journal = try #require(
      try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasSuffix(".jsonl") })
    let text = try String(contentsOfFile: dir.file(journal), encoding: .utf8)
    let damaged = text.replacingOccurrences(of: "\"stepID\":\"2.1\"", with: "\"stepID\":\"2.2\"")
    #expect(damaged != text && damaged.utf8.count == text.utf8.count)
    try damaged.write(toFile: dir.file(journal), atomically: false, encoding: .utf8)
    try tmux.respawn("exec \(Binary.path)", environment: environment)
    #expect(try tmux.waitFor("USZKODZONY"), "\(tmux.screen())")
    #expect(!tmux.screen().contains("2/24"))
  }
}
