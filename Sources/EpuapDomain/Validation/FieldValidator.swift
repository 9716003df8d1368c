import FoundationEssentials
import TextLayout

extension Field {
  /// What is kept of a typed value: trimmed of spaces; a date given as `DD.MM.RRRR` as `RRRR-MM-DD`, so
  /// that every date is recorded, compared and shown one way.
  public func stored(_ text: String) -> String {
    let trimmed = text.trimmedSpaces
    if kind == .date, let date = FieldValidator.isoDate(trimmed) { return date }
    return trimmed
  }
}

/// Checks single values: the shape of mailbox addresses, e-mails, URLs, numbers, dates and choices.
public struct FieldValidator: Sendable {
  public let rules: RuleBook
  /// The longest text a field keeps; longer input is refused with a message.
  public static let maxValueLength = 2000

  public init(rules: RuleBook) { self.rules = rules }

  /// Issues with `value` for `field`.
  ///
  /// An empty value is fine unless `field.required` and `requireFilled`.
  public func check(
    _ field: Field, _ value: String, stepID: String? = nil, subject: String? = nil,
    requireFilled: Bool = false,
    today: String? = nil
  ) -> [ValidationIssue] {
    let trimmed = String(value.trimmingWhitespace(newlines: false))
    if trimmed.isEmpty {
      return requireFilled && field.required
        ? [rules.issue(.required, field: field.label, stepID: stepID, subject: subject)] : []
    }
    // Printable ASCII has no control characters; anything else is checked scalar by scalar.
    let printableASCII = value.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    if !printableASCII, value.unicodeScalars.contains(where: Self.isControl) {
      return [rules.issue(.controlCharacters, field: field.label, stepID: stepID, subject: subject)]
    }
    // A string has at most as many characters as UTF-8 bytes: count them only when it could matter.
    if value.utf8.count > Self.maxValueLength, value.count > Self.maxValueLength {
      return [
        rules.issue(
          .tooLong, field: field.label, ["limit": "\(Self.maxValueLength)"], stepID: stepID, subject: subject)
      ]
    }
    let values = ["wartosc": trimmed]
    func issue(_ rule: RuleID, _ extra: [String: String] = [:]) -> [ValidationIssue] {
      [rules.issue(rule, field: field.label, values.merging(extra) { $1 }, stepID: stepID, subject: subject)]
    }
    switch field.kind {
    case .text:
      return []
    case .number:
      return Self.isWholeNumber(trimmed) ? [] : issue(.numberInvalid)
    case .choice:
      let allowed = field.choices
      if allowed.contains(where: { $0.value == trimmed }) { return [] }
      return issue(.choiceInvalid, ["dozwolone": allowed.map { "„\($0.label)”" }.joined(separator: ", ")])
    case .checkbox:
      return trimmed == "tak" || trimmed == "nie" ? [] : issue(.checkboxInvalid)
    case .emails:
      let addresses = trimmed.split(separator: ",").map { String($0.trimmingWhitespace(newlines: false)) }
      if let bad = addresses.first(where: { !Self.isEmail($0) }) {
        return [
          rules.issue(.emailInvalid, field: field.label, ["wartosc": bad], stepID: stepID, subject: subject)
        ]
      }
      return []
    case .url:
      return Self.isWebURL(trimmed) ? [] : issue(.urlInvalid)
    case .date:
      guard let date = Self.isoDate(trimmed) else { return issue(.dateInvalid) }
      if let today, field.allowsFuture != true, date > today { return issue(.dateInFuture) }
      return []
    case .mailboxAddress:
      return checkMailboxAddress(trimmed, field: field.label, stepID: stepID, subject: subject)
    }
  }

  /// `/<identyfikator podmiotu>/<nazwa skrytki>`: identifier alphanumeric (ASCII), 1–100 characters;
  /// a box name is required.
  ///
  /// Spaces or non-ASCII letters in the box name are warnings: such addresses are
  /// usually copied wrongly from a web page, but the portal's own rule for names is not published.
  public func checkMailboxAddress(
    _ address: String, field: String, stepID: String? = nil, subject: String? = nil
  ) -> [ValidationIssue] {
    let parts = address.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
    guard address.hasPrefix("/"), parts.count == 2, parts[0].isEmpty else {
      return [
        rules.issue(
          .mailboxAddressShape, field: field, ["wartosc": address], stepID: stepID, subject: subject)
      ]
    }
    let rest = parts[1].split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
    guard rest.count == 2, !rest[1].isEmpty, !rest[1].contains("/") else {
      return [
        rules.issue(
          .mailboxAddressShape, field: field, ["wartosc": address], stepID: stepID, subject: subject)
      ]
    }
    let identifier = String(rest[0])
    let boxName = String(rest[1])
    guard Self.isEntityIdentifier(identifier) else {
      return [
        rules.issue(
          .mailboxAddressIdentifier, field: field, ["identyfikator": identifier], stepID: stepID,
          subject: subject)
      ]
    }
    var issues: [ValidationIssue] = []
    if boxName.contains(" ") {
      issues.append(
        rules.issue(.mailboxNameSpaces, field: field, ["nazwa": boxName], stepID: stepID, subject: subject))
    }
    if boxName.unicodeScalars.contains(where: { !$0.isASCII && $0.properties.isAlphabetic }) {
      issues.append(
        rules.issue(.mailboxNameNonASCII, field: field, ["nazwa": boxName], stepID: stepID, subject: subject))
    }
    return issues
  }

  /// The ePUAP entity identifier (`IdentyfikatorPodmiotuTyp`): ASCII letters and digits, 1–100.
  public static func isEntityIdentifier(_ text: String) -> Bool {
    !text.isEmpty && text.utf8.count <= 100
      && text.unicodeScalars.allSatisfy {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))
      }
  }

  public static func isWholeNumber(_ text: String) -> Bool {
    !text.isEmpty && text.count <= 9 && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
  }

  /// A practical e-mail check: one @, a non-empty local part without spaces, a domain with a dot and
  /// letters, digits, hyphens only.
  public static func isEmail(_ text: String) -> Bool {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64, text.count <= 254 else { return false }
    let local = parts[0]
    let domain = parts[1]
    let localPunctuation = Set(".!#$%&'*+/=?^_`{|}~-".unicodeScalars)
    guard
      local.unicodeScalars.allSatisfy({
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
          || localPunctuation.contains($0)
      }),
      !local.hasPrefix("."), !local.hasSuffix("."), !local.containsBytes("..")
    else { return false }
    let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 2 else { return false }
    return labels.allSatisfy { label in
      !label.isEmpty && !label.hasPrefix("-") && !label.hasSuffix("-")
        && label.unicodeScalars.allSatisfy {
          $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")
        }
    } && (labels.last!.count >= 2)
  }

  /// An absolute http or https address with a host and no spaces.
  public static func isWebURL(_ text: String) -> Bool {
    guard !text.contains(where: { $0.isWhitespace }),
      let components = URLComponents(string: text),
      let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
      let host = components.host, !host.isEmpty, host.contains(".") || host == "localhost"
    else { return false }
    return true
  }

  /// `RRRR-MM-DD`, a real calendar day.
  public static func isDate(_ text: String) -> Bool { calendarDay(text) != nil }

  /// Year, month and day of `RRRR-MM-DD` (ASCII digits, years 1900–2999), when it is a real calendar day.
  ///
  /// Read by bytes: the start screen reads one date per unit listed.
  static func calendarDay(_ text: String) -> (year: Int, month: Int, day: Int)? {
    guard text.utf8.count == 10 else { return nil }
    var (year, month, day) = (0, 0, 0)
    for (index, byte) in text.utf8.enumerated() {
      if index == 4 || index == 7 {
        guard byte == UInt8(ascii: "-") else { return nil }
        continue
      }
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
      let digit = Int(byte - UInt8(ascii: "0"))
      switch index {
      case ..<4: year = year * 10 + digit
      case ..<7: month = month * 10 + digit
      default: day = day * 10 + digit
      }
    }
    guard (1900...2999).contains(year), (1...12).contains(month), day >= 1 else { return nil }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return day <= days ? (year, month, day) : nil
  }

  /// A date as it is kept, `RRRR-MM-DD`, from that form or from `DD.MM.RRRR` (the day and month may have
  /// one digit, as Polish letters write them: `5.12.2026`); nil when it is not a real day.
  public static func isoDate(_ text: String) -> String? {
    if isDate(text) { return text }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
      parts[2].count == 4, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
    else { return nil }
    func two(_ part: Substring) -> String { part.count == 1 ? "0" + part : String(part) }
    let iso = "\(parts[2])-\(two(parts[1]))-\(two(parts[0]))"
    return isDate(iso) ? iso : nil
  }

  /// Days since 1970-01-01 of a `RRRR-MM-DD` date, for counting the days between two dates; nil if it is
  /// not one.
  public static func dayNumber(_ text: String) -> Int? {
    guard let parts = calendarDay(text) else { return nil }
    // Howard Hinnant's days_from_civil.
    let (year, month, day) = (parts.year - (parts.month <= 2 ? 1 : 0), parts.month, parts.day)
    let era = year / 400
    let yearOfEra = year - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// Control, bidirectional and zero-width characters: the one class the screen and the paper replace
  /// (`ControlCharacters.isControl`), refused in every typed value.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool { ControlCharacters.isControl(scalar) }
}
