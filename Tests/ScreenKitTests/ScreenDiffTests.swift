import ScreenKit
import Testing

@Suite("Screen comparison")
struct ScreenDiffTests {
  @Test("Equal screens have no diff")
  func equal() {
    #expect(screenDiff(["a", "b"], ["a", "b"]) == nil)
    #expect(screenDiff([], []) == nil)
  }

  @Test("A diff names the rows that differ and shows both screens whole")
  func differing() throws {
    let diff = try #require(screenDiff(["Krok 1", "Gmina", "Koniec"], ["Krok 1", "Gmina Łódź", "Koniec"]))
    #expect(diff.contains("rows 1."))
    #expect(diff.contains("--- expected ---\n   0 |Krok 1|\n>  1 |Gmina Łódź|\n   2 |Koniec|"))
    #expect(diff.contains("--- actual ---\n   0 |Krok 1|\n>  1 |Gmina|\n   2 |Koniec|"))
  }

  @Test("A diff reports a different number of rows")
  func rowCount() throws {
    let diff = try #require(screenDiff(["a"], ["a", "b"]))
    #expect(diff.contains("Expected 2 rows, got 1."))
    #expect(diff.contains(">  1 |b|"))
  }

  @Test("assertScreen records an issue on a mismatch")
  func assertScreenFails() {
    var buffer = ScreenBuffer(size: ScreenSize(width: 4, height: 1))
    buffer.write("tak", x: 0, y: 0)
    assertScreen(buffer, equals: ["tak"])
    withKnownIssue { assertScreen(buffer, equals: ["nie"]) }
  }
}
