import ScreenKit
import Testing

@Suite("Word wrap")
struct WrapTests {
  @Test(
    "Wrap breaks at spaces and inside words too long for a line",
    arguments: [
      ("Zażółć gęślą jaźń", 12, ["Zażółć gęślą", "jaźń"]),  // the first line fits exactly
      ("Zażółć gęślą jaźń", 11, ["Zażółć", "gęślą jaźń"]),
      ("Zażółć gęślą jaźń", 17, ["Zażółć gęślą jaźń"]),
      ("Konstantynopolitańczykowianeczka", 10, ["Konstantyn", "opolitańcz", "ykowianecz", "ka"]),
      ("Do: Konstantynopolitańczykowianeczka", 12, ["Do:", "Konstantynop", "olitańczykow", "ianeczka"]),
      ("ab   cd", 3, ["ab", "cd"]),  // the spaces at a break go
      ("ab   cd", 10, ["ab   cd"]),  // spaces inside a line stay
      ("  - punkt pierwszy", 10, ["- punkt", "pierwszy"]),  // leading spaces go: indenting is the caller's
      ("w\u{A0}dniu 5 maja", 7, ["w\u{A0}dniu", "5 maja"]),  // no break at a no-break space
      ("a\n\nb", 10, ["a", "", "b"]),
      ("pierwsza\r\ndruga", 10, ["pierwsza", "druga"]),
      ("", 10, [""]),
      ("tekst   ", 10, ["tekst"]),
      ("漢字漢字", 5, ["漢字", "漢字"]),
      ("漢字", 1, ["漢", "字"]),  // a wide character in a one-column line gets its own line
      ("abcdef gh", 3, ["abc", "def", "gh"]),
    ])
  func wrap(text: String, width: Int, expected: [String]) {
    #expect(DisplayWidth.wrap(text, width: width) == expected)
  }

  @Test("No wrapped line is wider than asked and no word is lost", arguments: [5, 8, 13, 21, 40])
  func wrapKeepsWidthAndWords(width: Int) {
    let text =
      "Kierownik jednostki wyznacza administratora skrzynki ePUAP, który nadaje uprawnienia "
      + "pracownikom; zmiany odnotowuje się w dzienniku bezzwłocznie."
    let lines = DisplayWidth.wrap(text, width: width)
    for line in lines { #expect(DisplayWidth.of(line) <= width, "\(line)") }
    #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
  }
}
