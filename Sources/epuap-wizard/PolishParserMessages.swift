/// The command line's messages in Polish: swift-argument-parser writes its own words (errors, the
/// headings and standard lines of help) in English.
///
/// The parser's whole message (`fullMessage(for:)`: the error line, the usage and where to find help,
/// or the help text) is translated line by line, from the sentences and headings the parser is known to
/// write. A line not known here is kept as it is: the commands' own texts and `ValidationError`s are
/// Polish already.
///
///     PolishParserMessages.translate("Error: Unknown option '--bogus'")  // "Błąd: nieznana opcja „--bogus”."
enum PolishParserMessages {
  static func translate(_ message: String) -> String {
    message.split(separator: "\n", omittingEmptySubsequences: false)
      .map { line(String($0)).replacing("<subcommand>", with: "<polecenie>") }
      .joined(separator: "\n")
  }

  private static func line(_ text: String) -> String {
    if let rest = after("Error: ", in: text) { return "Błąd: " + sentence(rest) }
    if let rest = after("Usage: ", in: text) { return "Użycie: " + rest }
    if let rest = after("Help:  ", in: text) { return "Opis: " + rest }
    if let command = between("  See '", "' for more information.", in: text) {
      return "  Pomoc: " + command
    }
    if let command = between("  See '", " <subcommand>' for detailed help.", in: text) {
      return "  Opis polecenia: \(command) <subcommand>"
    }
    for (english, polish) in headings {
      if let rest = after(english, in: text) { return polish + rest }
    }
    for (english, polish) in standardHelp where text.hasSuffix(english) {
      return String(text.dropLast(english.count)) + polish
    }
    if text.hasPrefix("  "), text.firstRange(of: " (default)  ") != nil {
      // A subcommand's line: "wizard (default)" keeps its column.
      return text.replacing(" (default)  ", with: " (domyślne) ", maxReplacements: 1)
    }
    return text.replacing("(default: ", with: "(domyślnie: ")
  }

  /// The headings of help, English → Polish.
  private static let headings = [
    ("OVERVIEW: ", "OPIS: "), ("USAGE: ", "UŻYCIE: "), ("ARGUMENTS:", "ARGUMENTY:"), ("OPTIONS:", "OPCJE:"),
    ("SUBCOMMANDS:", "POLECENIA:"),
  ]

  /// The help lines of the parser's own options, English → Polish (each the end of its line).
  private static let standardHelp = [
    ("Show the version.", "Pokaż wersję."), ("Show help information.", "Pokaż pomoc."),
  ]

  /// One of the parser's sentences in Polish, or `english` itself when it is not one of them.
  static func sentence(_ english: String) -> String {
    if let options = between("Unknown option '", "'?", in: english),
      let parts = split(options, by: "'. Did you mean '")
    {
      return "nieznana opcja „\(parts.0)”. Czy chodziło o „\(parts.1)”?"
    }
    if let option = between("Unknown option '", "'", in: english) { return "nieznana opcja „\(option)”." }
    if let option = between("Missing value for '", "'", in: english) {
      return "brak wartości opcji „\(option)”."
    }
    if let argument = between("Missing expected argument '", "'", in: english) {
      return "brak argumentu „\(argument)”."
    }
    if let argument = between("Unexpected argument '", "'", in: english) {
      return "nieoczekiwany argument „\(argument)”; usuń go albo sprawdź pisownię polecenia."
    }
    if let parts = split(english, by: " unexpected arguments: ") {
      return "nieoczekiwane argumenty (\(parts.0)): \(parts.1); usuń je albo sprawdź pisownię polecenia."
    }
    if let options = between("Missing one of: '", "'", in: english) {
      return "brak jednego z: „\(options)”."
    }
    if let rest = between("The option '", "' was specified.", in: english),
      let parts = split(rest, by: "' does not take any value, but '")
    {
      return "opcja „\(parts.0)” nie przyjmuje wartości, a podano „\(parts.1)”."
    }
    if let rest = after("The value '", in: english), let parts = split(rest, by: "' is invalid for '"),
      let (option, tail) = split(parts.1, by: "'")
    {
      let allowed =
        after(". Please provide one of ", in: tail).map {
          " Dozwolone: " + $0.replacing(" and ", with: " i ").replacing(" or ", with: " lub ")
        } ?? ""
      return "wartość „\(parts.0)” nie pasuje do „\(option)”.\(allowed)"
    }
    return english
  }

  /// `text` without `prefix`, when it starts with it.
  private static func after(_ prefix: String, in text: String) -> String? {
    text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : nil
  }

  /// What stands between `prefix` and `suffix` when `text` is exactly that.
  private static func between(_ prefix: String, _ suffix: String, in text: String) -> String? {
    guard text.hasPrefix(prefix), text.hasSuffix(suffix), text.count >= prefix.count + suffix.count else {
      return nil
    }
    return String(text.dropFirst(prefix.count).dropLast(suffix.count))
  }

  /// `text` split at the first `separator`.
  private static func split(_ text: String, by separator: String) -> (String, String)? {
    guard let range = text.firstRange(of: separator) else { return nil }
    return (String(text[..<range.lowerBound]), String(text[range.upperBound...]))
  }
}
