import ArgumentParser
import EpuapDomain
import FoundationEssentials

/// `journal`: commands on the journal file itself.
struct JournalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "journal", abstract: "Polecenia dotyczące pliku dziennika.",
    subcommands: [VerifyCommand.self])
}

/// `journal verify PATH`: checks every line and the hash chain without changing anything.
///
/// Exit 0: sound. 1: sound but with a torn last line (moved aside when next opened) or earlier torn lines
/// kept aside. 2: damaged or unreadable. 3: written by a newer version. 4: no such file.
struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Sprawdza dziennik (każdy wiersz i łańcuch sum kontrolnych) bez zmieniania go.",
    discussion:
      "Kod wyjścia: 0\u{00A0}— dziennik cały; 1\u{00A0}— urwany ostatni wiersz lub odłożone wiersze; "
      + "2\u{00A0}— uszkodzony lub nieczytelny; 3\u{00A0}— zapisany przez nowszą wersję programu; "
      + "4\u{00A0}— nie ma takiego pliku."
  )

  @Argument(
    help: ArgumentHelp("Ścieżka do dziennika.", valueName: "dziennik"),
    completion: .file(extensions: ["jsonl"]))
  var path: String
  @Flag(name: .long, help: "Wynik w JSON.") var json = false

  struct Result: Codable {
    var path: String
    var sound: Bool
    var events: Int
    var lastHash: String?
    var tornTailLine: Int?
    var damagedLine: Int?
    var sideFiles: [String]
    var message: String
    var exitCode: Int32
  }

  func run() throws {
    let result = Self.verify(path)
    if json {
      try CLI.printJSON(result)
    } else if result.exitCode >= 2 {
      CLI.warn(result.message)
    } else {
      CLI.say(result.message)
    }
    if result.exitCode != 0 { throw ExitCode(result.exitCode) }
  }

  static func verify(_ path: String) -> Result {
    let folder =
      PathText.folder(of: path)
    let prefix = PathText.lastComponent(of: path) + ".odlozone-"
    let sideFiles = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { $0.hasPrefix(prefix) }.sorted().map { folder + "/" + $0 }
    do throws(JournalError) {
      let journal = try JournalReader.load(path: path)
      guard !journal.entries.isEmpty else { throw .missingHeader(path: path) }
      var lines = [
        "Dziennik \(path): "
          + PolishPlural.count(journal.entries.count, "zdarzenie", "zdarzenia", "zdarzeń")
          + ", łańcuch sum kontrolnych zgodny.",
        "SHA-256: \(journal.lastHash)",
      ]
      var code: Int32 = 0
      if let tail = journal.tornTail {
        lines.append(
          "UWAGA: wiersz \(tail.line) jest urwany (\(tail.problem)). To ślad przerwanego zapisu; "
            + "przy następnym otwarciu zostanie odłożony do osobnego pliku. Wcześniejsze zapisy są całe.")
        code = 1
      }
      if !sideFiles.isEmpty {
        lines.append("UWAGA: odłożone wcześniej urwane wiersze: " + sideFiles.joined(separator: ", "))
        code = 1
      }
      return Result(
        path: path, sound: journal.tornTail == nil, events: journal.entries.count, lastHash: journal.lastHash,
        tornTailLine: journal.tornTail?.line, damagedLine: nil, sideFiles: sideFiles,
        message: lines.joined(separator: "\n"), exitCode: code)
    } catch {
      var line: Int?
      if case .damagedLine(_, let number, _) = error { line = number }
      return Result(
        path: path, sound: false, events: 0, lastHash: nil, tornTailLine: nil, damagedLine: line,
        sideFiles: sideFiles,
        message: error.message, exitCode: ExitStatus.code(for: error.kind == .refused ? .damaged : error.kind)
      )
    }
  }
}
