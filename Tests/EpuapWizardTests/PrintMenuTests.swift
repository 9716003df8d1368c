import EpuapDomain
import EpuapReport
import EpuapWizard
import Foundation
import ScreenKit
import Testing

/// `p` from the wizard: the printers `lpstat` lists, the default first, then a file in each format; what
/// was done is shown whole, the full path wrapped and never cut.
@Suite("Printing from the wizard")
struct PrintMenuTests {
  /// A unit on its first step, with the printers and the printing itself replaced by recorders.
  private func wizardWithPrinters(_ list: PrinterList, said: String = "") -> (
    WizardHarness, Recorder
  ) {
    let wizard = WizardHarness()
    let recorder = Recorder()
    wizard.backend.printers = {
      recorder.listed += 1
      return list
    }
    wizard.backend.printer = { _, destination in
      recorder.destinations.append(destination)
      return said
    }
    wizard.createUnit(name: "Gmina Zagórz", identifier: "ugzagorz")
    wizard.decide(.sodFinn)
    return (wizard, recorder)
  }

  final class Recorder {
    var listed = 0
    var destinations: [PrintDestination] = []
  }

  @Test("the menu lists the printers, the default first and marked, then the files; Enter prints there")
  func printersDefaultFirst() throws {
    let (wizard, recorder) = wizardWithPrinters(
      PrinterList(lpstatE: "Biuro\nSekretariat\n", lpstatD: "system default destination: Sekretariat\n"))
    defer { wizard.cleanup() }
    wizard.press(.escape)
    wizard.press(.character("p"))
    #expect(recorder.listed == 1)
    guard case .printMenu = wizard.model.overlay else {
      Issue.record("no print menu:\n\(wizard.screenText)")
      return
    }
    let screen = wizard.screenText
    let rows = ["Drukarka „Sekretariat” (domyślna)", "Drukarka „Biuro”", "Plik tekstowy (80 kolumn)"]
    let positions = rows.map { screen.range(of: $0)?.lowerBound }
    #expect(positions.allSatisfy { $0 != nil }, "\(screen)")
    #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "\(screen)")
    #expect(wizard.screen.count == 24 && wizard.screen.allSatisfy { DisplayWidth.of($0) <= 80 })
    wizard.press(.enter)
    #expect(recorder.destinations == [.printer("Sekretariat")])
    wizard.press(.escape)
    wizard.press(.character("p"), .down, .down, .down, .enter)
    #expect(recorder.destinations.last == .file(.html))
  }

  @Test("without printers the menu says so and offers the files")
  func noPrinters() throws {
    let (wizard, recorder) = wizardWithPrinters(.none)
    defer { wizard.cleanup() }
    wizard.press(.escape)
    wizard.press(.character("p"))
    #expect(wizard.screenText.contains("Brak drukarek w systemie (lpstat)"), "\(wizard.screenText)")
    #expect(!wizard.screenText.contains("Drukarka „"))
    wizard.press(.enter)
    #expect(recorder.destinations == [.file(.text)])
  }

  @Test("where the checklist went is shown whole: a long path is wrapped, not cut")
  func longPathShownWhole() throws {
    let folder = "/home/anna.kowalska-nowak/Dokumenty/Przeniesienie integracji ePUAP/Starostwo Powiatowe"
    let path = folder + "/lista-kontrolna-pzgliwice-starostwo-powiatowe-w-gliwicach.txt"
    let (wizard, _) = wizardWithPrinters(.none, said: "Zapisano listę kontrolną (tekst) do pliku \(path).")
    defer { wizard.cleanup() }
    wizard.press(.escape)
    wizard.press(.character("p"), .enter)
    guard case .message = wizard.model.overlay else {
      Issue.record("no message box:\n\(wizard.screenText)")
      return
    }
    // The box's lines, inside its frame, hold the whole path.
    let screen = wizard.screen
    let top = try #require(screen.firstIndex { $0.contains("┌") })
    let bottom = try #require(screen.lastIndex { $0.contains("└") })
    let inside = screen[(top + 1)..<bottom].map { line -> String in
      let parts = line.split(separator: "│", omittingEmptySubsequences: false)
      return parts.count >= 3 ? parts[1...(parts.count - 2)].joined(separator: "│") : ""
    }
    let joined = inside.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    #expect(screen[top].contains("Wiadomość"))
    #expect(
      joined.contains(path)
        || joined.replacingOccurrences(of: " ", with: "").contains(
          path.replacingOccurrences(of: " ", with: "")),
      "\(wizard.screenText)")
    #expect(!inside.joined().contains("…"), "\(wizard.screenText)")
  }

  @Test("the finish screen's print command and the last hash are wrapped at 80 columns, never cut")
  func finishScreenCommandWhole() throws {
    let (wizard, _) = wizardWithPrinters(.none)
    defer { wizard.cleanup() }
    wizard.press(.escape)
    wizard.press(.character("f"))
    guard case .finish = wizard.model.screen else {
      Issue.record("not on the finish screen:\n\(wizard.screenText)")
      return
    }
    let journal = try #require(wizard.journalPath)
    let command = "epuap-wizard print --journal \(journal) --lp"
    #expect(command.count > 80)
    let hash = try #require(wizard.model.unit?.lastHash)
    // Scrolled to the end, the screen's lines, joined without the margins, hold both whole.
    for _ in 0..<80 { wizard.press(.down) }
    let seen = wizard.screen.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    // A wrap point may fall inside the path: compare without the spaces.
    let squeezed = { (text: String) in text.replacingOccurrences(of: " ", with: "") }
    #expect(squeezed(seen).contains(squeezed(command)), "\(wizard.screenText)")
    #expect(seen.contains(hash), "\(wizard.screenText)")
  }
}
