import ScreenKit
import Testing

@Suite("Truncate and pad")
struct TruncateAndPadTests {
  @Test(
    "Truncate cuts by columns and ends with the marker",
    arguments: [
      ("Zażółć gęślą jaźń", 10, "…", "Zażółć gę…"),
      ("Zażółć gęślą jaźń", 17, "…", "Zażółć gęślą jaźń"),  // exactly fitting: untouched
      ("Zażółć gęślą jaźń", 16, "…", "Zażółć gęślą ja…"),
      ("Świętochłowice", 8, "...", "Święt..."),
      ("漢字漢字", 5, "…", "漢字…"),
      ("漢字漢字", 4, "…", "漢…"),  // a wide character does not fit beside the marker
      ("abcdef", 1, "…", "…"),
      ("abcdef", 2, "...", "ab"),  // the marker does not fit: cut without it
      ("abcdef", 0, "…", ""),
      ("abc", -3, "…", ""),
    ])
  func truncate(text: String, width: Int, marker: String, expected: String) {
    let result = DisplayWidth.truncate(text, to: width, marker: marker)
    #expect(result == expected)
    #expect(DisplayWidth.of(result) <= max(0, width))
  }

  @Test("Truncate keeps a combining mark with its letter")
  func truncateCombining() {
    #expect(DisplayWidth.truncate("e\u{301}e\u{301}e\u{301}", to: 2) == "e\u{301}…")
  }

  @Test(
    "Pad fills to exactly the width",
    arguments: [
      ("Rola", 8, "Rola    "),
      ("Łódź", 6, "Łódź  "),
      ("漢字", 5, "漢字 "),
      ("Zażółć gęślą", 8, "Zażółć …"),
      ("漢字漢字", 4, "漢… "),
      ("abcdef", 1, "…"),
      ("Sprawa numer 40: zezwolenie, wpis lub zaświadczenie", 20, "Sprawa numer 40: ze…"),
      ("Gmina Żółkiew — wydział", 14, "Gmina Żółkiew…"),
      ("", 3, "   "),
      ("abc", 0, ""),
    ])
  func pad(text: String, width: Int, expected: String) {
    let result = DisplayWidth.pad(text, to: width)
    #expect(result == expected)
    #expect(DisplayWidth.of(result) == width)
  }
}
