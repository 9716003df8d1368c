// Golden tests of the printout: a journal per path is built through `UnitSession` with a fixed clock, its
// checklist rendered as text, Markdown and HTML, and compared whole with `Golden/<path>.<txt|md|html>`.
//
// To re-record after an intended change of the printout or of the procedure text:
//   RECORD_GOLDEN=1 swift test --filter GoldenChecklistTests
// then review the changed files with `git diff Tests/EpuapReportTests/Golden`. A recording run fails on
// purpose, so that it is never taken for a passing one; run the tests again without RECORD_GOLDEN.
import EpuapDomain
import EpuapReport
import Foundation
import TestSupport
import Testing

@Suite("Golden checklists")
struct GoldenChecklistTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Golden")

  func assertGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let file = Self.folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
      try? FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
      try? actual.write(to: file, atomically: true, encoding: .utf8)
      let note =
        "recorded \(file.lastPathComponent); review it, then run the tests again without RECORD_GOLDEN"
      Issue.record(Comment(rawValue: note), sourceLocation: sourceLocation)
      return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
      Issue.record(
        "no golden file \(file.path); record it with RECORD_GOLDEN=1", sourceLocation: sourceLocation)
      return
    }
    guard actual != expected else { return }
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let index =
      zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(actualLines.count, expectedLines.count)
    let want = index < expectedLines.count ? String(expectedLines[index]) : "(end of file)"
    let got = index < actualLines.count ? String(actualLines[index]) : "(end of file)"
    let message = "\(name) differs at line \(index + 1):\n  expected: \(want)\n  actual:   \(got)\n"
    Issue.record(
      Comment(rawValue: message + "Re-record with RECORD_GOLDEN=1 if the change is intended."),
      sourceLocation: sourceLocation)
  }

  func assertAllFormats(_ name: String, _ build: (TempFolder) throws -> String) throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let checklist = try document(try build(folder))
    for format in ChecklistFormat.allCases {
      assertGolden(format.render(checklist), "\(name).\(format.fileExtension)")
    }
  }

  @Test("portal only, finished")
  func portal() throws { try assertAllFormats("portal", portalJournal) }

  @Test("FINN 8SQL, unfinished, with errors")
  func finn() throws { try assertAllFormats("sod-finn", finnJournal) }

  @Test("another SOD with a vendor override and its reason")
  func otherSOD() throws { try assertAllFormats("sod-inny", otherSODJournal) }

  @Test("Urząd Marszałkowski staff, section 1")
  func um() throws { try assertAllFormats("um", umJournal) }

  /// Every document other than the checklist, on every path: a golden per format, or the refusal when the
  /// document is not for that unit (the UM's journal; the vendor's sheet on the portal path).
  @Test(
    "documents on every path",
    arguments: [
      ("portal", portalJournal), ("sod-finn", finnJournal), ("sod-inny", otherSODJournal), ("um", umJournal),
    ] as [(String, @Sendable (TempFolder) throws -> String)])
  func documents(_ name: String, _ build: @Sendable (TempFolder) throws -> String) throws {
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = try build(folder)
    for kind in DocumentKind.allCases where kind != .checklist {
      do throws(DocumentLoadError) {
        let document = try ChecklistDocument.load(
          journalPath: path, procedure: procedure, generatedAt: generatedAt, kind: kind)
        #expect(name != "um" && !(name == "portal" && kind == .vendorHandoff), "\(kind) made for \(name)")
        for format in ChecklistFormat.allCases {
          assertGolden(format.render(document), "\(name)-\(kind.rawValue).\(format.fileExtension)")
        }
      } catch {
        guard case .refused(let reason) = error else {
          Issue.record("\(kind) for \(name): \(error.message)")
          continue
        }
        #expect(name == "um" || (name == "portal" && kind == .vendorHandoff), "\(kind) refused for \(name)")
        #expect(reason.contains(kind.rawValue), "\(reason)")
      }
    }
  }
}
