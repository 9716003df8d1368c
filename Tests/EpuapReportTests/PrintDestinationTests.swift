import EpuapReport
import Foundation
import TestSupport
import Testing

/// Where the wizard prints: the printers as `lpstat` lists them, and the user's documents folder.
@Suite("Print destinations: lpstat and the documents folder")
struct PrintDestinationTests {
  @Test("lpstat's list with the default first; no default; names a terminal cannot show left out")
  func printersFromLpstat() {
    let list = PrinterList(
      lpstatE: "Biuro\nSekretariat\nKsięgowość\n", lpstatD: "system default destination: Sekretariat\n")
    #expect(list.names == ["Sekretariat", "Biuro", "Księgowość"])
    #expect(list.defaultName == "Sekretariat")
    let noDefault = PrinterList(lpstatE: "Biuro\n", lpstatD: "no system default destination\n")
    #expect(noDefault.names == ["Biuro"] && noDefault.defaultName == nil)
    #expect(PrinterList(lpstatE: "", lpstatD: "") == .none)
    let hostile = PrinterList(lpstatE: "Biuro\n\u{1B}]0;x\u{07}Zła\n", lpstatD: "")
    #expect(hostile.names == ["Biuro"])
  }

  @Test("lpstat found on the PATH is asked in the C locale; without it there are no printers")
  func printersFromProgram() throws {
    let temp = TempFolder(prefix: "epuap-lpstat")
    let folder = temp.path
    defer { temp.cleanup() }
    let script = """
      #!/bin/sh
      [ "$LC_ALL" = C ] || exit 3
      case "$1" in
        -e) printf 'Biuro\\nSekretariat\\n' ;;
        -d) echo 'system default destination: Sekretariat' ;;
      esac
      """
    FileManager.default.createFile(
      atPath: folder + "/lpstat", contents: Data(script.utf8), attributes: [.posixPermissions: 0o755])
    let list = PrinterList.system(environment: ["PATH": folder, "LANG": "pl_PL.UTF-8"])
    #expect(list == PrinterList(names: ["Biuro", "Sekretariat"], defaultName: "Sekretariat"))
    #expect(PrinterList.system(environment: ["PATH": folder + "/brak"]) == .none)
  }

  @Test("an lpstat that does not answer is killed after the timeout: no printers, and the list says why")
  func lpstatHangs() throws {
    let temp = TempFolder(prefix: "epuap-lpstat")
    defer { temp.cleanup() }
    FileManager.default.createFile(
      atPath: temp.file("lpstat"), contents: Data("#!/bin/sh\nexec sleep 30\n".utf8),
      attributes: [.posixPermissions: 0o755])
    let clock = ContinuousClock()
    let started = clock.now
    let list = PrinterList.system(
      environment: ["PATH": temp.path + ":/bin:/usr/bin"], timeout: .milliseconds(300))
    let took = clock.now - started
    #expect(list.names.isEmpty && list.unanswered)
    #expect(took < .seconds(5), "\(took)")  // one wait, not one per lpstat call, and far from sleep's 30 s
  }

  @Test("the documents folder: XDG_DOCUMENTS_DIR when it exists, else ~/Dokumenty or ~/Documents, else home")
  func documentsFolder() throws {
    let home = NSTemporaryDirectory() + "epuap-home-" + UUID().uuidString
    let manager = FileManager.default
    try manager.createDirectory(atPath: home + "/.config", withIntermediateDirectories: true)
    defer { try? manager.removeItem(atPath: home) }
    let environment = ["HOME": home]
    #expect(DocumentsFolder.path(environment: environment) == home)
    try manager.createDirectory(atPath: home + "/Documents", withIntermediateDirectories: true)
    #expect(DocumentsFolder.path(environment: environment) == home + "/Documents")
    try manager.createDirectory(atPath: home + "/Dokumenty", withIntermediateDirectories: true)
    #expect(DocumentsFolder.path(environment: environment) == home + "/Dokumenty")
    // The desktop's own setting wins, once its folder exists.
    let dirs = "# written by xdg-user-dirs-update\nXDG_DOCUMENTS_DIR=\"$HOME/Pisma urzędowe\"\n"
    try Data(dirs.utf8).write(to: URL(fileURLWithPath: home + "/.config/user-dirs.dirs"))
    #expect(DocumentsFolder.path(environment: environment) == home + "/Dokumenty")
    try manager.createDirectory(atPath: home + "/Pisma urzędowe", withIntermediateDirectories: true)
    #expect(DocumentsFolder.path(environment: environment) == home + "/Pisma urzędowe")
    // XDG_CONFIG_HOME is where the setting is read from; "$HOME/" alone means not set.
    let config = home + "/inna-konfiguracja"
    try manager.createDirectory(atPath: config, withIntermediateDirectories: true)
    try Data("XDG_DOCUMENTS_DIR=\"$HOME/\"\n".utf8).write(
      to: URL(fileURLWithPath: config + "/user-dirs.dirs"))
    #expect(
      DocumentsFolder.path(environment: ["HOME": home, "XDG_CONFIG_HOME": config]) == home + "/Dokumenty")
  }
}
