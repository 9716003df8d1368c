import Foundation
import Testing

@testable import EpuapDomain

/// The library's own text helpers against what Foundation gives for the same input: the product links
/// only FoundationEssentials, so these stand in for `NSString`, `CharacterSet` and `String(format:)`.
@Suite("Text helpers that stand in for Foundation")
struct TextHelpersTests {
  static let samplePaths = [
    "/a/b", "/a/b/", "/a", "/", "", "a/b", "a/b/", "/tmp/x/dziennik.jsonl", "./x.jsonl", "//a//b", "/a//",
    "..", "../x", "/ąę/żółć.jsonl",
  ]

  @Test("parent folder and last component give what NSString gives", arguments: samplePaths)
  func paths(_ path: String) {
    let reference = path as NSString
    #expect(PathText.parent(of: path) == reference.deletingLastPathComponent)
    #expect(PathText.lastComponent(of: path) == reference.lastPathComponent)
    #expect(
      PathText.folder(of: path)
        == (reference.deletingLastPathComponent.isEmpty ? "." : reference.deletingLastPathComponent))
  }

  /// Paths where this Foundation traps (a single name, with or without a trailing slash) or answers
  /// oddly (only slashes), with the answers the product gives.
  @Test("a bare file name, a name with slashes after it, and only slashes")
  func pathsFoundationTrapsOn() {
    #expect(PathText.parent(of: "b") == "" && PathText.lastComponent(of: "b") == "b")
    #expect(PathText.folder(of: "dziennik.jsonl") == ".")
    #expect(PathText.parent(of: "a//") == "" && PathText.lastComponent(of: "a//") == "a")
    #expect(PathText.parent(of: "///") == "/" && PathText.lastComponent(of: "///") == "/")
  }

  @Test("trimming gives what trimmingCharacters gives, with and without line breaks")
  func trimming() {
    let samples = [
      "", " ", "  a  ", "\ta b\t", "\n a \n", "\u{00A0}Zażółć\u{2003}", "x", " \r\n", "a\n", "\u{3000}ę",
      "ł \u{200B}",
    ]
    for sample in samples {
      #expect(
        sample.trimmedSpaces == sample.trimmingCharacters(in: .whitespaces), "\(sample.debugDescription)")
      #expect(
        sample.trimmed == sample.trimmingCharacters(in: .whitespacesAndNewlines), "\(sample.debugDescription)"
      )
    }
  }

  @Test("step ids sort with numbers compared as numbers, as Foundation's .numeric does")
  func naturalOrder() {
    let ids = [
      "3.10", "3.9", "1.1", "5.2", "3.1", "10.1", "2.2", "3.13", "3.11", "4.2", "a", "3.09", "3", "3.1a",
    ]
    let ours = ids.sorted { NaturalOrder.precedes($0, $1) }
    let foundation = ids.sorted { $0.compare($1, options: .numeric) == .orderedAscending }
    #expect(ours == foundation)
    #expect(NaturalOrder.precedes("3.9", "3.10") && !NaturalOrder.precedes("3.10", "3.9"))
    #expect(!NaturalOrder.precedes("3.1", "3.1"))
  }

  @Test("search ignores case and the marks of Latin letters, ł included")
  func search() {
    #expect(SearchText.folded("ZAŻÓŁĆ GĘŚLĄ JAŹŃ") == "zazolc gesla jazn")
    #expect(SearchText.contains("Urząd Miasta Łódź", "lodz"))
    #expect(SearchText.contains("Wydanie prawa jazdy", "PRAWA"))
    #expect(SearchText.contains("Ulica Żółkiewskiego", "zolk"))
    #expect(SearchText.contains("anything", ""))
    #expect(!SearchText.contains("Sprawa numer 137", "numer 138"))
    #expect(SearchText.folded("Müller, Čapek, Ørsted") == "muller, capek, orsted")
  }

  @Test("folding by scalars gives what folding character by character gives, marks and cases mixed")
  func foldingAgrees() {
    // The walk over characters that `folded` takes for text it cannot fold scalar by scalar.
    func byCharacters(_ text: String) -> String {
      let table: [Character: Character] = [
        "ą": "a", "á": "a", "ä": "a", "ć": "c", "č": "c", "ę": "e", "é": "e", "ě": "e", "ł": "l", "ń": "n",
        "ó": "o", "ö": "o", "ø": "o", "ś": "s", "š": "s", "ș": "s", "ź": "z", "ż": "z", "ž": "z", "ü": "u",
        "ů": "u", "ý": "y", "ÿ": "y", "ı": "i", "ğ": "g", "ř": "r", "ť": "t", "ş": "s",
      ]
      return String(text.lowercased().map { table[$0] ?? $0 })
    }
    var samples = [
      "ZAŻÓŁĆ GĘŚLĄ JAŹŃ", "Łódź\r\nŁÓDŹ", "Ÿ ÿ ý Ý", "ı I İ i", "Ørsted ØRSTED", "Şişli ŞIŞLI Ș ș",
      "Sprawa numer 12: zezwolenie, wpis lub zaświadczenie", "ĚŘŤŮ ěřťů", "",
      // What the fast walk leaves to the slow one: a combining mark, a letter outside the table, emoji.
      "Łódz\u{301} a\u{328}", "Straße", "Ǆemal", "Gmina 🏛 Ærø", "ŁÓDŹ\u{1B}[31m",
    ]
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("aąćęłńóśźżAĄĆĘŁŃÓŚŹŻ zZ1-.ÿŸüÜıİß\u{301}\r\n")
    for _ in 0..<300 {
      samples.append(
        String(
          (0..<Int.random(in: 0..<12, using: &generator)).map { _ in
            alphabet.randomElement(using: &generator)!
          }))
    }
    for sample in samples {
      #expect(SearchText.folded(sample) == byCharacters(sample), "\(sample.debugDescription)")
    }
  }

  @Test("byte search agrees with the standard library's contains on ASCII and folded text")
  func byteSearch() {
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("ab{}-zł")
    func random(_ length: Int) -> String {
      String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }
    for _ in 0..<3000 {
      let text = random(Int.random(in: 0...12, using: &generator))
      let needle = random(Int.random(in: 1...4, using: &generator))
      #expect(text.containsBytes(needle) == text.contains(needle), "\(text) / \(needle)")
      let slice = text.dropFirst()
      #expect(slice.containsBytes(needle) == slice.contains(needle), "\(slice) / \(needle)")
    }
    #expect("Wpisz {pole} i {wartosc}".containsBytes("{wartosc}") && "abc".containsBytes(""))
    #expect(!"Wpisz {pole}".containsBytes("{wartosc}"))
  }

  @Test("journal timestamps match the C-style format for dates across centuries and the epoch")
  func timestamps() {
    var generator = SystemRandomNumberGenerator()
    let fixed: [TimeInterval] = [0, 59, 86_399, 951_782_400, 1_795_000_000, 4_102_444_799]
    let random = (0..<500).map { _ in TimeInterval(Int.random(in: 0..<4_102_444_800, using: &generator)) }
    for seconds in fixed + random {
      let date = Date(timeIntervalSince1970: seconds)
      var time = time_t(seconds)
      var parts = tm()
      gmtime_r(&time, &parts)
      let values = [
        Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour),
        Int(parts.tm_min), Int(parts.tm_sec),
      ]
      #expect(
        JournalClock.timestamp(date) == String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", arguments: values))
      #expect(
        JournalClock.compactStamp(date) == String(format: "%04d%02d%02dT%02d%02d%02dZ", arguments: values))
    }
  }

  @Test("the environment as read is what ProcessInfo gives, Polish values and '=' inside values included")
  func environmentSnapshot() {
    setenv("EPUAP_TEST_WARTOSC", "a=b=ż", 1)
    let read = ProcessEnvironment.read()
    #expect(read == ProcessInfo.processInfo.environment)
    #expect(read["EPUAP_TEST_WARTOSC"] == "a=b=ż")
    #expect(!ProcessEnvironment.current.isEmpty)
  }
}
