import Foundation
import TestSupport

/// The built `epuap-wizard` next to the test bundle (`swift build` builds it before `swift test`), or the
/// one `EPUAP_WIZARD_BINARY` names: `scripts/test` runs these tests again against the static release
/// binary, the one the README installs.
enum Binary {
  static let path: String = {
    if let chosen = ProcessInfo.processInfo.environment["EPUAP_WIZARD_BINARY"], !chosen.isEmpty {
      return chosen
    }
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
        "epuap-wizard"
      ).path,
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "../../.build/debug/epuap-wizard"
      )
      .standardized.path,
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
  }()

  struct Result {
    var code: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs the binary with `arguments`, the state folder `stateDir` and extra environment.
  ///
  /// `launcher` runs it through another program (`sh -c …`, `setpriv …`) whose own arguments come first;
  /// `input` is piped to its standard input (none: `/dev/null`).
  static func run(
    _ arguments: [String], stateDir: String? = nil, environment: [String: String] = [:],
    launcher: [String] = [], input: String? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: launcher.first ?? path)
    process.arguments = launcher.isEmpty ? arguments : Array(launcher.dropFirst()) + arguments
    var env = ProcessInfo.processInfo.environment
    if let stateDir { env["EPUAP_WIZARD_STATE_DIR"] = stateDir }
    env.merge(environment) { $1 }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let stdin = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : stdin
    try process.run()
    if let input {
      // Written from another thread: a long script must not wait on a full output pipe.
      let writer = Thread {
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
      }
      writer.start()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      code: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}

extension TempFolder {
  /// Applies `finnAnswers` as `a.json` into this folder's state and returns the journal's file name.
  func appliedFinnJournal() throws -> String {
    write("a.json", finnAnswers)
    let result = try Binary.run(["answers", "apply", file("a.json")], stateDir: path)
    guard result.code == 0,
      let name = try FileManager.default.contentsOfDirectory(atPath: path).first(where: {
        $0.hasSuffix(".jsonl")
      })
    else { throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: result.stderr]) }
    return name
  }
}

/// A complete answers file for a FINN 8SQL unit.
let finnAnswers = """
  {
    "format": "epuap-wizard-odpowiedzi", "version": 1,
    "unit": { "name": "Starostwo Powiatowe w Gliwicach", "entityIdentifier": "pzgliwice", "role": "partner" },
    "operator": "Anna Nowak",
    "decision": { "path": "sod-finn", "vendor": "FINN 8SQL" },
    "mailboxes": [
      { "address": "/pzgliwice/SkrytkaESP", "action": "keep",
        "settings": { "edycjaUruchomiona": "tak", "trybPracyEdytuj": "tak", "zapisano": "tak",
                      "typSkrytki": "asynchroniczna", "rodzajOdpowiedzi": "UPP", "trybPracy": "PULL", "maksDokumentow": "0",
                      "adresyEmail": "epuap@gliwice.pl", "progKolejki": "10", "kolejkaPrzepelniona": "tak",
                      "bledyDostarczania": "tak", "nieodebranePo": "1",
                      "transmisjaDokumenty": "Moje dokumenty", "transmisjaUPP": "Moje dokumenty" },
        "overrides": [ { "field": "progKolejki", "value": "10", "reason": "pismo dostawcy z 2026-11-20" } ] },
      { "address": "/pzgliwice/ZMOKU", "action": "block" }
    ],
    "systems": [ { "name": "i4m4hvn61u", "type": "Zewnętrzny", "description": "serwer SEKAP", "note": "" } ],
    "consent": { "who": "Jan Kowalski, UMWS", "date": "2026-11-20", "reference": "DCF.1234.2026" },
    "cards": [
      { "name": "Wydanie prawa jazdy", "status": "aktualna", "action": "external",
        "formName": "Wniosek", "url": "https://bip.gliwice.pl/prawo-jazdy" },
      { "name": "Wpis do ewidencji instruktorów", "status": "nieaktualna", "action": "delete" }
    ],
    "steps": {
      "2.0": { "status": "done", "values": { "ktoZdecydowal": "Jan Nowak, Starosta", "dataDecyzji": "2026-11-18",
                                             "dokumentDecyzji": "Zarządzenie nr 12/2026" } },
      "3.1": { "status": "done" },
      "3.2": { "status": "skipped", "reason": "menu było już otwarte" },
      "3.6": { "status": "done" },
      "3.13": { "status": "done" }
    }
  }
  """
