/// Polish number agreement: „1 krok”, „2 kroki”, „5 kroków”, „22 kroki”, „12 kroków”.
///
///     PolishPlural.count(3, "zmiana", "zmiany", "zmian")  // "3 zmiany"
public enum PolishPlural {
  /// The form of the noun after `count`: `one` for 1, `few` for 2–4 (but not 12–14) in the last digit,
  /// `many` otherwise.
  public static func form(_ count: Int, _ one: String, _ few: String, _ many: String) -> String {
    if count == 1 { return one }
    let lastDigit = abs(count) % 10
    let lastTwo = abs(count) % 100
    return (2...4).contains(lastDigit) && !(12...14).contains(lastTwo) ? few : many
  }

  /// `count` and the noun in its form: „3 zmiany”.
  public static func count(_ count: Int, _ one: String, _ few: String, _ many: String) -> String {
    "\(count) \(form(count, one, few, many))"
  }
}
