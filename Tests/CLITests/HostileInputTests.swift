import EpuapDomain
import Foundation
import TestSupport
import Testing

/// The binary refuses hostile input at the door: only regular files are read, only regular files that
/// are not journals are written over, one writer per journal whatever the path, recovery only of a torn
/// tail, every recovery reported, one table of exit codes, no English.
@Suite("Hostile input, run as a process", .serialized)
struct HostileInputTests {
  /// Runs the binary under `timeout` and an address-space limit, so that a FIFO that blocks it or a
  /// device read to its end fails the test instead of hanging it or filling the machine's memory
  /// (SIGKILL: the test runner may have SIGTERM blocked, which a child inherits).
  func run(_ arguments: [String], stateDir: String? = nil, environment: [String: String] = [:]) throws
    -> Binary.Result
  {
    try Binary.run(
      arguments, stateDir: stateDir, environment: environment,
      launcher: ["/usr/bin/prlimit", "--as=8589934592", "/usr/bin/timeout", "-s", "KILL", "10", Binary.path])
  }

  func data(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

  func sideFiles(_ dir: TempFolder) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter {
      $0.contains(".odlozone-")
    }
  }

  /// A journal line for `body` whose hash holds after `previous`.
  func line(_ body: String, after previous: String) -> String {
    let hash = JournalLineCodec.chainHash(previous: previous, body: Array(body.utf8)[...])
    return String(body.dropLast()) + #","hash":"\#(hash)"}"# + "\n"
  }

  /// The hash on the last line of the journal at `path`.
  func lastHash(_ path: String) throws -> String {
    try JournalReader.load(path: path).lastHash
  }

  @Test("print --output and answers export -o onto a journal, a device, a FIFO or a link: refused, untouched")
  func unsafeOutputTargets() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let journal = dir.file(try dir.appliedFinnJournal())
    let journalBytes = data(journal)
    let victim = dir.file("cel.txt")
    dir.write("cel.txt", "cudzy plik")
    try FileManager.default.createSymbolicLink(atPath: dir.file("link.txt"), withDestinationPath: victim)
    #expect(mkfifo(dir.file("potok"), 0o600) == 0)
    var targets = [journal, dir.file("link.txt"), dir.file("potok"), dir.path]
    // A character device like /dev/null (major 1, minor 3), made here so that a failing test cannot
    // replace the real one.
    if mknod(dir.file("null"), S_IFCHR | 0o666, dev_t(0x103)) == 0 { targets.append(dir.file("null")) }
    for target in targets {
      for arguments in [
        ["print", "--journal", journal, "--output", target],
        ["answers", "export", "--journal", journal, "-o", target],
      ] {
        let result = try run(arguments)
        #expect(result.code == 1, "\(arguments): \(result.stderr)")
        #expect(
          result.stderr.contains("Nie zapisano") && result.stderr.contains("bez zmian"), "\(result.stderr)")
      }
    }
    #expect(data(journal) == journalBytes)
    #expect(data(victim) == Data("cudzy plik".utf8))
    #expect(
      (try? FileManager.default.destinationOfSymbolicLink(atPath: dir.file("link.txt"))) == victim)
    var info = stat()
    #expect(lstat(dir.file("potok"), &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    if targets.contains(dir.file("null")) {
      #expect(lstat(dir.file("null"), &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }
    // A missing folder is a failed write (exit 5), not a missing journal.
    let nowhere = try run(["answers", "export", "--journal", journal, "-o", dir.file("brak/odp.json")])
    #expect(nowhere.code == 5 && !nowhere.stderr.contains("Nie ma dziennika"), "\(nowhere.stderr)")
    // A plain new file is written, 0600.
    let exported = try run(["answers", "export", "--journal", journal, "-o", dir.file("odp.json")])
    #expect(exported.code == 0, "\(exported.stderr)")
    #expect(
      try FileManager.default.attributesOfItem(atPath: dir.file("odp.json"))[.posixPermissions] as? Int
        == 0o600)
  }

  @Test("a FIFO or a device given as journal, answers file or procedure is refused at once")
  func fifoInputs() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let fifo = dir.file("potok.jsonl")
    #expect(mkfifo(fifo, 0o600) == 0)
    for (arguments, environment) in [
      (["status", "--journal", fifo], [:]),
      (["answers", "apply", fifo, "--journal", dir.file("nowy.jsonl")], [:]),
      (["answers", "apply", "/dev/zero", "--journal", dir.file("nowy.jsonl")], [:]),
      (["list"], ["EPUAP_WIZARD_PROCEDURE": fifo]),
      (["print", "--journal", "/dev/zero"], [:]),
    ] as [([String], [String: String])] {
      let result = try run(arguments, stateDir: dir.path, environment: environment)
      #expect(result.code == 1, "\(arguments): \(result.code) \(result.stderr)")
      #expect(result.stderr.contains("a nie zwykły plik"), "\(arguments): \(result.stderr)")
    }
    let verify = try run(["journal", "verify", fifo])
    #expect(verify.code == 2 && verify.stderr.contains("potok (FIFO)"), "\(verify.stderr)")
    // A FIFO among the journals, and the summary cache as a link to /dev/zero: listed, not waited for.
    try FileManager.default.createSymbolicLink(
      atPath: dir.file(".spis-dziennikow.json"), withDestinationPath: "/dev/zero")
    let list = try run(["list"], stateDir: dir.path)
    #expect(list.code == 0, "\(list.stderr)")
    #expect(list.stdout.contains("USZKODZONY") && list.stdout.contains("potok (FIFO)"), "\(list.stdout)")
    #expect(list.stderr.contains("pominięto spis dzienników"), "\(list.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.file("nowy.jsonl")))
  }

  @Test("a one-line file that is not a journal is refused untouched, nothing moved aside (exit 2)")
  func notAJournal() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    dir.write("a.json", finnAnswers)
    for content in ["lista zakupów", "lista zakupów\n"] {
      dir.write("notatki.txt", content)
      let result = try run(["answers", "apply", dir.file("a.json"), "--journal", dir.file("notatki.txt")])
      #expect(result.code == 2, "\(result.stderr)")
      #expect(result.stderr.contains("nie zaczyna się od utworzenia jednostki"), "\(result.stderr)")
      #expect(data(dir.file("notatki.txt")) == Data(content.utf8))
      #expect(sideFiles(dir).isEmpty)
    }
  }

  @Test("answers apply reports the torn tail it moved aside; answers export mentions the one it skips")
  func applyReportsRecovery() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let journal = dir.file(try dir.appliedFinnJournal())
    let handle = try #require(FileHandle(forWritingAtPath: journal))
    handle.seekToEndOfFile()
    handle.write(Data(#"{"v":1,"seq":3,"time":"2026-11-25T"#.utf8))
    try handle.close()
    // A command that only reads mentions the torn line it skips, and changes nothing.
    let exported = try run(["answers", "export"], stateDir: dir.path)
    #expect(exported.code == 0 && exported.stderr.contains("(3) jest urwany"), "\(exported.stderr)")
    #expect(sideFiles(dir).isEmpty)
    let result = try run(["answers", "apply", dir.file("a.json")], stateDir: dir.path)
    #expect(result.code == 0, "\(result.stderr)")
    #expect(result.stderr.contains("Ostatni wiersz dziennika (3) był niepełny"), "\(result.stderr)")
    #expect(result.stderr.contains("Odłożono go do \(journal).odlozone-"), "\(result.stderr)")
    #expect(sideFiles(dir).count == 1)
  }

  @Test("a journal with an event type of a newer version: said so, exit 3, nothing changed")
  func newerVersion() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let journal = dir.file(try dir.appliedFinnJournal())
    let body = #"{"v":1,"seq":3,"time":"2026-12-01T10:00:00Z","operator":"A","payload":{},"type":"podpis"}"#
    let content = try #require(data(journal)) + Data(line(body, after: try lastHash(journal)).utf8)
    try content.write(to: URL(fileURLWithPath: journal))
    for arguments in [
      ["status"], ["answers", "apply", dir.file("a.json")], ["journal", "verify", journal], ["print"],
    ] {
      let result = try run(arguments, stateDir: dir.path)
      #expect(result.code == 3, "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains("zapisała nowsza wersja programu"), "\(arguments): \(result.stderr)")
    }
    #expect(data(journal) == content)
    #expect(sideFiles(dir).isEmpty)
  }

  @Test("a complete last line whose hash is wrong is damage: exit 2, untouched, nothing moved aside")
  func wrongHashOnLastLine() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let journal = dir.file(try dir.appliedFinnJournal())
    var text = String(decoding: try #require(data(journal)), as: UTF8.self)
    let hash = try lastHash(journal)
    text = text.replacingOccurrences(of: hash, with: hash.uppercased())
    try Data(text.utf8).write(to: URL(fileURLWithPath: journal))
    let result = try run(["answers", "apply", dir.file("a.json")], stateDir: dir.path)
    #expect(result.code == 2, "\(result.stderr)")
    #expect(result.stderr.contains("uszkodzony w wierszu 2"), "\(result.stderr)")
    #expect(data(journal) == Data(text.utf8))
    #expect(sideFiles(dir).isEmpty)
  }

  @Test("one writer per journal: refused through a symbolic link; a .lock link is never followed")
  func oneWriterWhateverThePath() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let name = try dir.appliedFinnJournal()
    let journal = dir.file(name)
    let alias = dir.file("skrot.jsonl")
    try FileManager.default.createSymbolicLink(atPath: alias, withDestinationPath: journal)
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/bin/sh")
    holder.arguments = ["-c", "exec 9<\"$0\"; flock -n 9 || exit 1; exec sleep 20", journal]
    try holder.run()
    usleep(300_000)
    let refused = try run(["answers", "apply", dir.file("a.json"), "--journal", alias])
    kill(holder.processIdentifier, SIGKILL)
    holder.waitUntilExit()
    #expect(refused.code == 1, "\(refused.stderr)")
    #expect(refused.stderr.contains("jest już otwarty w innym oknie"), "\(refused.stderr)")

    dir.write("cenny.txt", "nie ruszać")
    _ = chmod(dir.file("cenny.txt"), 0o644)
    try FileManager.default.createSymbolicLink(
      atPath: journal + ".lock", withDestinationPath: dir.file("cenny.txt"))
    let applied = try run(["answers", "apply", dir.file("a.json"), "--journal", journal])
    #expect(applied.code == 0, "\(applied.stderr)")
    #expect(data(dir.file("cenny.txt")) == Data("nie ruszać".utf8))
    #expect(
      try FileManager.default.attributesOfItem(atPath: dir.file("cenny.txt"))[.posixPermissions] as? Int
        == 0o644)
  }

  @Test("a state folder others can write is tightened to 0700")
  func openStateFolder() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    _ = try dir.appliedFinnJournal()
    _ = chmod(dir.path, 0o777)
    let list = try run(["list"], stateDir: dir.path)
    #expect(list.code == 0, "\(list.stderr)")
    #expect(try FileManager.default.attributesOfItem(atPath: dir.path)[.posixPermissions] as? Int == 0o700)
  }

  @Test(
    "a state folder that cannot be read says so and why, never „Brak dzienników”",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") && getuid() == 0))
  func unreadableStateFolder() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    _ = try dir.appliedFinnJournal()
    _ = chmod(dir.path, 0o700)
    for arguments in [["list"], ["status"]] {
      let result = try Binary.run(
        arguments, stateDir: dir.path, environment: ["HOME": "/nonexistent"],
        launcher: ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", Binary.path])
      #expect(result.code == 2, "\(arguments): \(result.stdout)\(result.stderr)")
      #expect(result.stderr.contains("Nie można odczytać folderu dzienników"), "\(result.stderr)")
      #expect(result.stderr.contains("brak uprawnień"), "\(result.stderr)")
      #expect(!result.stdout.contains("Brak dzienników"))
    }
  }

  @Test("one table of exit codes in --help; no English from broken JSON")
  func exitCodesAndPolish() throws {
    let help = try run(["--help"])
    for entry in [
      "0\u{00A0}— gotowe", "1\u{00A0}— odmowa", "2\u{00A0}— dziennik", "3\u{00A0}— dziennik zapisała nowsza",
      "4\u{00A0}— brak pliku", "5\u{00A0}— zapis się nie udał", "64\u{00A0}— błędny wiersz",
    ] {
      #expect(help.stdout.replacingOccurrences(of: "\n", with: " ").contains(entry), "\(entry)")
    }
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    dir.write("zly.json", "{\"format\": ")
    let missing = try run(["status", "--journal", dir.file("nie-ma.jsonl")])
    #expect(missing.code == 4 && missing.stderr.contains("Nie ma dziennika"), "\(missing.stderr)")
    let results = [
      try run(["list"], stateDir: dir.path, environment: ["EPUAP_WIZARD_PROCEDURE": dir.file("zly.json")]),
      try run(["answers", "apply", dir.file("zly.json")], stateDir: dir.path),
    ]
    #expect(results[0].code == 2 && results[1].code == 1)
    let journal = dir.file(try dir.appliedFinnJournal())
    var lines = String(decoding: try #require(data(journal)), as: UTF8.self).split(separator: "\n")
    // Broken JSON before an intact hash: JSONDecoder's own description of it is English.
    lines[0] = Substring(lines[0].replacingOccurrences(of: #"{"v":1,"#, with: #"{"v":1,,"#))
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: journal))
    for result in results + [
      try run(["journal", "verify", journal]), try run(["status"], stateDir: dir.path),
    ] {
      #expect(!result.stderr.isEmpty)
      for english in ["The given data", "not valid JSON", "Unexpected", "No such file", "Error"] {
        #expect(!result.stderr.contains(english), "\(result.stderr)")
      }
    }
  }

  @Test("lp gets -- before the file name")
  func lpEndOfOptions() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let journal = dir.file(try dir.appliedFinnJournal())
    let bin = dir.file("bin")
    try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
    try "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"\(dir.file("lp-args.txt"))\"\necho ok\n".write(
      toFile: bin + "/lp", atomically: true, encoding: .utf8)
    _ = chmod(bin + "/lp", 0o755)
    let target = dir.file("-lista.txt")
    let result = try run(
      ["print", "--journal", journal, "--output=\(target)", "--lp"],
      environment: ["PATH": bin + ":/usr/bin:/bin"])
    #expect(result.code == 0, "\(result.stderr)")
    let arguments = String(decoding: data(dir.file("lp-args.txt")) ?? Data(), as: UTF8.self)
    #expect(arguments == "--\n\(target)\n")
  }

  @Test("the wizard in a locale that is not UTF-8: a Polish message saying how to set LANG, exit 1")
  func nonUTF8Locale() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let report = dir.file("stty.txt")
    let tmux = try Tmux(
      "\(Binary.path); echo \"exit=$?\"; stty -a > \(report); sleep 5",
      environment: ["EPUAP_WIZARD_STATE_DIR": dir.path, "LC_ALL": "POSIX", "LANG": "C"])
    #expect(try tmux.waitFor("exit=1"), "\(tmux.screen())")
    let screen = tmux.screen()
    #expect(screen.contains("nie używają UTF-8") && screen.contains("LANG=pl_PL.UTF-8"), "\(screen)")
    var settings = ""
    for _ in 0..<100 where settings.isEmpty {
      usleep(50_000)
      settings = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
    }
    #expect(settings.contains(" icanon"), "the terminal was never taken: \(settings)")
  }
}
