import Foundation
import TestSupport
import Testing

/// What real machines do to files: a full disk (a file-size limit makes `write` fail with EFBIG, the same
/// path as ENOSPC), read-only folders, another user's journal.
@Suite("Disk and permissions", .serialized)
struct DiskAndPermissionTests {
  /// Runs the binary through sh with a file-size limit in 512-byte blocks; SIGXFSZ is ignored so that
  /// `write` returns EFBIG instead of killing the process.
  func runLimited(_ arguments: [String], blocks: Int, stateDir: String) throws -> Binary.Result {
    try Binary.run(
      arguments, stateDir: stateDir,
      launcher: ["/bin/sh", "-c", "trap '' XFSZ; ulimit -f \(blocks); exec \"$0\" \"$@\"", Binary.path])
  }

  @Test(
    "a full disk: a clear message, every earlier event kept, and the next append works once there is space")
  func fullDisk() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let name = try dir.appliedFinnJournal()
    let path = dir.file(name)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    // 300 cards in one event: far more than the limit allows the file to grow.
    let cards = (1...300).map {
      #"{"name": "Karta \#($0) z długą nazwą usługi", "status": "nieaktualna", "action": "delete"}"#
    }
    dir.write(
      "big.json",
      #"{"format": "epuap-wizard-odpowiedzi", "version": 1, "unit": {"name": "Starostwo Powiatowe w Gliwicach", "entityIdentifier": "pzgliwice", "role": "partner"}, "cards": [\#(cards.joined(separator: ","))]}"#
    )
    let blocks = before.count / 512 + 8
    let full = try runLimited(["answers", "apply", dir.file("big.json")], blocks: blocks, stateDir: dir.path)
    #expect(full.code == 5, "\(full.stdout)\(full.stderr)")
    #expect(full.stderr.contains("Brak miejsca na dysku"))
    #expect(full.stderr.contains("Wszystko zapisane wcześniej jest bezpieczne"))
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the journal keeps exactly what it had")
    #expect(try Binary.run(["journal", "verify", path]).code == 0)
    let freed = try Binary.run(["answers", "apply", dir.file("big.json")], stateDir: dir.path)
    #expect(freed.code == 0, "\(freed.stderr)")
    let status = try Binary.run(["status", "--json"], stateDir: dir.path)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
    #expect((json["cards"] as? [Any])?.count == 302)
  }

  /// Runs as the unprivileged user `nobody` (root ignores file permissions).
  func runAsNobody(_ arguments: [String], stateDir: String) throws -> Binary.Result {
    try Binary.run(
      arguments, stateDir: stateDir, environment: ["HOME": "/nonexistent"],
      launcher: ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", Binary.path])
  }

  @Test(
    "a read-only folder, a missing folder and another user's journal: clear messages, nothing changed",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
  func permissions() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    _ = chmod(dir.path, 0o755)
    // Root's journal, 0600: another user may not read it.
    let name = try dir.appliedFinnJournal()
    let before = try Data(contentsOf: URL(fileURLWithPath: dir.file(name)))
    _ = chmod(dir.file("a.json"), 0o644)
    let foreign = try runAsNobody(["status", "--journal", dir.file(name)], stateDir: dir.path)
    #expect(foreign.code == 2)
    #expect(foreign.stderr.contains("Brak uprawnień"), "\(foreign.stderr)")

    // A read-only folder: no new journal can be made there.
    let readOnly = dir.file("tylko-odczyt")
    try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: false)
    _ = chown(readOnly, 65534, 65534)
    _ = chmod(readOnly, 0o500)
    let refused = try runAsNobody(
      ["answers", "apply", dir.file("a.json"), "--journal", readOnly + "/nowy.jsonl"], stateDir: readOnly)
    #expect(refused.code == 5, "\(refused.stdout)\(refused.stderr)")
    #expect(refused.stderr.contains("Brak uprawnień"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: readOnly).isEmpty)

    // A missing folder is created, 0700, with the journal 0600 — whatever the umask.
    let missing = dir.file("nowy/folder")
    let made = try Binary.run(
      ["answers", "apply", dir.file("a.json"), "--journal", missing + "/j.jsonl"], stateDir: dir.path)
    #expect(made.code == 0, "\(made.stderr)")
    #expect(try FileManager.default.attributesOfItem(atPath: missing)[.posixPermissions] as? Int == 0o700)
    #expect(
      try FileManager.default.attributesOfItem(atPath: missing + "/j.jsonl")[.posixPermissions] as? Int
        == 0o600)
    #expect(try Data(contentsOf: URL(fileURLWithPath: dir.file(name))) == before)
  }

  @Test("-o into a folder that does not exist: exit 5, and the message names the file, not a journal")
  func outputIntoMissingFolder() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    _ = try dir.appliedFinnJournal()
    for command in [["answers", "export"], ["summary"]] {
      let result = try Binary.run(command + ["-o", dir.file("brak/plik.txt")], stateDir: dir.path)
      #expect(result.code == 5, "\(command)")
      #expect(result.stderr.contains("Nie można zapisać do \(dir.file("brak/plik.txt"))"), "\(result.stderr)")
      #expect(
        result.stderr.contains("--output PLIK") && !result.stderr.contains("dziennik"), "\(result.stderr)")
    }
  }
}
