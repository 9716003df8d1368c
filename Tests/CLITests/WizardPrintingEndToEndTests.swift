import Foundation
import TestSupport
import Testing

/// `p` in the real wizard, in a pseudo-terminal, with `lpstat` and `lp` replaced by scripts on the PATH:
/// the default printer is offered first, the text checklist is saved in the documents folder and sent to
/// it with `lp -d`, and the full path is shown.
@Suite("Printing from the wizard, end to end (tmux)", .serialized)
struct WizardPrintingEndToEndTests {
  @Test("p, Enter: the default printer gets the checklist kept in ~/Dokumenty; the path is shown whole")
  func printToDefaultPrinter() throws {
    let dir = TempFolder(prefix: "epuap-cli")
    defer { dir.cleanup() }
    let name = try dir.appliedFinnJournal()
    let home = dir.path + "/dom"
    let bin = dir.path + "/bin"
    for folder in [home + "/Dokumenty", bin] {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
    let scripts = [
      "lpstat": "#!/bin/sh\ncase \"$1\" in -e) printf 'Biuro\\nSekretariat\\n';; "
        + "-d) echo 'system default destination: Sekretariat';; esac\n",
      "lp":
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"\(dir.path)/lp-args\"\necho 'request id is Sekretariat-7 (1 file(s))'\n",
    ]
    for (file, text) in scripts {
      FileManager.default.createFile(
        atPath: bin + "/" + file, contents: Data(text.utf8), attributes: [.posixPermissions: 0o755])
    }
    let environment = [
      "EPUAP_WIZARD_STATE_DIR": dir.path, "LANG": "C.UTF-8", "HOME": home,
      "PATH": bin + ":/usr/bin:/bin",
    ]
    let tmux = try Tmux("exec \(Binary.path) --journal \(dir.file(name))", environment: environment)
    #expect(try tmux.waitFor("Krok"), "\(tmux.screen())")
    try tmux.send("p")
    #expect(try tmux.waitFor("Drukarka „Sekretariat” (domyślna)"), "\(tmux.screen())")
    try tmux.send("Enter")
    #expect(try tmux.waitFor("Sekretariat-7"), "\(tmux.screen())")
    let expected =
      home + "/Dokumenty/" + name.replacingOccurrences(of: ".jsonl", with: "-lista-kontrolna.txt")
    let arguments = try String(contentsOfFile: dir.path + "/lp-args", encoding: .utf8)
    #expect(arguments == "-d\nSekretariat\n--\n\(expected)\n")
    let printed = try String(contentsOfFile: expected, encoding: .utf8)
    #expect(printed.hasPrefix("LISTA KONTROLNA WYKONANIA"))
    // The sentence names the whole path, wrapped inside the box, nowhere cut.
    let screen = tmux.screen()
    let inside = screen.split(separator: "\n").map { line -> String in
      let parts = line.split(separator: "│", omittingEmptySubsequences: false)
      return parts.count >= 3
        ? parts[1...(parts.count - 2)].joined().trimmingCharacters(in: .whitespaces) : ""
    }.joined()
    #expect(inside.contains(expected), "\(screen)")
  }
}
