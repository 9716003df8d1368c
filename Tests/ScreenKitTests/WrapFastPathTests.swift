import Testing

@testable import TextLayout

@Suite("Word wrap of simple text, on its bytes")
struct WrapFastPathTests {
  @Test("wrapping simple text by bytes gives what wrapping character by character gives")
  func agreesWithCharacters() {
    var generator = SystemRandomNumberGenerator()
    // Simple scalars only: ASCII, Polish letters, quotes, dashes, arrows, the no-break space.
    let alphabet = Array("ab ąż  ŁÓ„”—–→x-.:\u{A0}1")
    var samples = [
      "", " ", "   ", "a", "Zażółć gęślą jaźń", "  - punkt pierwszy", "ab   cd", "w\u{A0}dniu 5 maja",
      "krok 3.13: do zrobienia — „Usuń system” — tylko za zgodą Urzędu Marszałkowskiego",
      "Konstantynopolitańczykowianeczka", "Do: Konstantynopolitańczykowianeczka i dalej ", "a ",
    ]
    for _ in 0..<2000 {
      let length = Int.random(in: 0..<40, using: &generator)
      samples.append(String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
    }
    for sample in samples {
      #expect(DisplayWidth.simpleWidth(sample) != nil, "\(sample.debugDescription)")
      for (first, rest) in [(1, 1), (2, 5), (3, 3), (5, 2), (7, 12), (12, 7), (40, 40), (80, 78)] {
        let bytes = DisplayWidth.wrapSimple(sample, first: first, rest: rest)
        let characters = DisplayWidth.wrapByCharacters(sample, first: first, rest: rest)
        #expect(bytes == characters, "\(sample.debugDescription) \(first)/\(rest)")
      }
    }
  }
}
