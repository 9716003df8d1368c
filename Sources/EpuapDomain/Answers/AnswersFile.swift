import FoundationEssentials

/// A whole unit's answers in one JSON file, like debconf preseeding: exported from a journal, edited or
/// prepared ahead, and applied to a journal in one all-or-nothing step.
///
/// Mailboxes, systems and cards are matched by address, name and name; what the file does not mention
/// is left as it is. See `docs/ANSWERS.md` for the format.
public struct AnswersFile: Codable, Sendable, Equatable {
  public static let formatName = "epuap-wizard-odpowiedzi"
  public var format: String = AnswersFile.formatName
  public var version: Int = 1
  public var unit: UnitInfo
  public var operatorName: String?
  public var decision: Decision?
  public var steps: [String: StepAnswer]?
  public var mailboxes: [MailboxAnswer]?
  public var systems: [SystemEntry]?
  public var consent: Consent?
  public var cards: [CardAnswer]?

  enum CodingKeys: String, CodingKey {
    case format, version, unit, operatorName = "operator", decision, steps, mailboxes, systems, consent, cards
  }

  public init(unit: UnitInfo) { self.unit = unit }

  public struct StepAnswer: Codable, Sendable, Equatable {
    /// `todo`, `done`, `skipped` or `waiting` (or their Polish names: „do zrobienia”, „zrobione”,
    /// „pominięte”, „czeka”); absent: unchanged.
    public var status: String?
    public var reason: String?
    public var values: [String: String]?

    public init(status: String? = nil, reason: String? = nil, values: [String: String]? = nil) {
      self.status = status
      self.reason = reason
      self.values = values
    }
  }

  public struct MailboxAnswer: Codable, Sendable, Equatable {
    public var address: String
    /// `keep`, `delete`, `block`, or as the screen shows it („zachowaj”, „usuń”, „zablokuj”).
    public var action: String
    public var note: String?
    public var settings: [String: String]?
    public var overrides: [OverrideAnswer]?

    public init(
      address: String, action: String, note: String? = nil, settings: [String: String]? = nil,
      overrides: [OverrideAnswer]? = nil
    ) {
      self.address = address
      self.action = action
      self.note = note
      self.settings = settings
      self.overrides = overrides
    }
  }

  public struct OverrideAnswer: Codable, Sendable, Equatable {
    public var field: String
    public var value: String
    public var reason: String

    public init(field: String, value: String, reason: String) {
      self.field = field
      self.value = value
      self.reason = reason
    }
  }

  public struct CardAnswer: Codable, Sendable, Equatable {
    public var name: String
    /// `aktualna`, `nieaktualna`, or as the screen shows it („Aktualna”).
    public var status: String
    /// `delete`, `external`, `epuap`, `keep`, or as the screen shows it („Usuń”, …).
    public var action: String?
    public var formName: String?
    public var url: String?
    public var epuapForm: String?
    public var mailbox: String?

    public init(
      name: String, status: String, action: String? = nil, formName: String? = nil, url: String? = nil,
      epuapForm: String? = nil, mailbox: String? = nil
    ) {
      self.name = name
      self.status = status
      self.action = action
      self.formName = formName
      self.url = url
      self.epuapForm = epuapForm
      self.mailbox = mailbox
    }
  }

  /// The answers that reproduce `state`.
  public static func export(_ state: UnitState) -> AnswersFile {
    var file = AnswersFile(unit: state.unit)
    file.operatorName = state.operators.last
    file.decision = state.decision
    var steps: [String: StepAnswer] = [:]
    for (id, record) in state.steps where record.lastMark != nil || !record.values.isEmpty {
      steps[id] = StepAnswer(
        status: record.lastMark?.status.rawValue, reason: record.reason.isEmpty ? nil : record.reason,
        values: record.values.isEmpty ? nil : record.values)
    }
    file.steps = steps.isEmpty ? nil : steps
    let mailboxes = state.mailboxes.map { mailbox in
      let overrides = state.overrides.filter { $0.mailboxID == mailbox.id }
        .map { OverrideAnswer(field: $0.fieldID, value: $0.value, reason: $0.reason) }
      return MailboxAnswer(
        address: mailbox.address, action: mailbox.action.rawValue,
        note: mailbox.note.isEmpty ? nil : mailbox.note,
        settings: mailbox.settings.isEmpty ? nil : mailbox.settings,
        overrides: overrides.isEmpty ? nil : overrides)
    }
    file.mailboxes = mailboxes.isEmpty ? nil : mailboxes
    file.systems = state.systems.isEmpty ? nil : state.systems
    file.consent = state.consent
    let cards = state.cards.map { card in
      CardAnswer(
        name: card.name, status: card.status.rawValue, action: card.action?.rawValue,
        formName: card.formName.nonEmpty,
        url: card.url.nonEmpty, epuapForm: card.epuapForm.nonEmpty, mailbox: card.mailbox.nonEmpty)
    }
    file.cards = cards.isEmpty ? nil : cards
    return file
  }

  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }

  public static func decode(_ data: Data, file: String) throws(AnswersError) -> AnswersFile {
    if JournalLineCodec.nestsDeeper([UInt8](data)[...], than: 64) {
      throw .unreadable(file: file, detail: "zbyt głęboko zagnieżdżony JSON")
    }
    let unknownOrRepeated = AnswersShape.problems(in: [UInt8](data))
    if !unknownOrRepeated.isEmpty { throw .invalid(file: file, problems: unknownOrRepeated) }
    let answers: AnswersFile
    do {
      answers = try JSONDecoder().decode(AnswersFile.self, from: data)
    } catch let DecodingError.keyNotFound(key, context) {
      throw .unreadable(
        file: file, detail: "brak pola „\(key.stringValue)” w \(Self.location(context.codingPath))")
    } catch let DecodingError.typeMismatch(_, context) {
      throw .unreadable(file: file, detail: "zły typ wartości w \(Self.location(context.codingPath))")
    } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
      throw .unreadable(file: file, detail: "niedozwolona wartość w \(Self.location(context.codingPath))")
    } catch {
      throw .unreadable(file: file, detail: "to nie jest poprawny JSON")
    }
    guard answers.format == formatName, answers.version == 1 else {
      throw .unreadable(file: file, detail: "oczekiwano \"format\": \"\(formatName)\" i \"version\": 1")
    }
    return answers
  }

  static func location(_ path: [any CodingKey]) -> String {
    let text = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "(plik)" : text)
  }
}

/// Why an answers file was not applied.
///
/// Nothing of it was written.
public enum AnswersError: Error, Equatable, Sendable {
  case unreadable(file: String, detail: String)
  case invalid(file: String, problems: [String])
  case roleMismatch(file: String)
  /// The file is for another unit than the journal (by identifier, or by name without one).
  case otherUnit(file: String, journalUnit: UnitInfo, fileUnit: UnitInfo)

  /// Says what is wrong and that nothing was written; every part that came from the file or its name is
  /// cleaned of control characters, so it can be printed to a terminal.
  public var message: String { rawMessage.terminalSafe(keepNewlines: true) }

  private var rawMessage: String {
    switch self {
    case .unreadable(let file, let detail):
      return "Nie można odczytać pliku odpowiedzi \(file): \(detail). Nic nie zapisano."
    case .invalid(let file, let problems):
      return
        "Plik odpowiedzi \(file) ma błędy (\(problems.count)); nic nie zapisano. Popraw je i spróbuj ponownie:\n"
        + problems.map { "- " + $0 }.joined(separator: "\n")
    case .roleMismatch(let file):
      return "Plik odpowiedzi \(file) jest dla innej roli niż dziennik. Nic nie zapisano."
    case .otherUnit(let file, let journalUnit, let fileUnit):
      func named(_ unit: UnitInfo) -> String {
        "„\(unit.name)”" + (unit.entityIdentifier.isEmpty ? "" : " [\(unit.entityIdentifier)]")
      }
      return
        "Plik odpowiedzi \(file) jest dla jednostki \(named(fileUnit)), a dziennik dotyczy \(named(journalUnit)). "
        + "Nic nie zapisano. Wskaż dziennik tej jednostki (--journal) albo popraw „unit” w pliku."
    }
  }
}
