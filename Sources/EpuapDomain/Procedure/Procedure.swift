/// The instruction as data: sections, steps, fields, expected values, paths and rule texts.
///
/// Read from `Resources/procedure.json` (`Procedure+JSON.swift`) and checked by `ProcedureLoader` at start-up. Every Polish
/// sentence of the procedure lives in that file; code refers to steps, fields and rules by id.
public struct Procedure: Encodable, Sendable, Equatable {
  public var formatVersion: Int
  /// Title of the instruction, as in the source document.
  public var title: String
  /// Where the instruction comes from (document names), for the printout.
  public var source: String
  /// The ways through the procedure: `portal`, `sod-finn`, `sod-inny`, `um`.
  public var paths: [PathInfo]
  /// Fields of a new unit's journal: `rola`, `nazwa`, `identyfikator`, `operator`.
  public var unitFields: [Field]
  public var sections: [Section]
  /// Texts of the validation rules, by rule id (see `RuleID`).
  ///
  /// `{name}` placeholders are filled in.
  public var rules: [RuleText]
  /// Notes on where the product interprets the source (shown in the printout), each for its paths.
  public var interpretations: [PathNote]
  /// What the seeds say must happen before what (cards before the Urząd Marszałkowski disconnects the unit,
  /// consent before „Usuń system”): shown at the decision, on the overview and on paper.
  public var orderNotices: [PathNote]
  /// Name of the SEKAP server's system under „Systemy” (step 3.11): `i4m4hvn61u`.
  public var sekapSystemName: String
  /// How many mailboxes the instruction recommends at most (step 3.3): 2.
  public var recommendedMaxMailboxes: Int
  /// The dates the seeds set, each counted from a date recorded at a step (see `Timeline`).
  ///
  /// Regulamin § 3 ust. 2, § 5 and § 8, and the cards before the unit is disconnected. Absent: none.
  public var deadlines: [DeadlineRule]?
  /// Whom to ask (the Centrum, ŚCSI), shown at the steps that need someone and in the help.
  public var contact: Contact?
  /// The SEKAP components of the agreement (B_PeUP, P_eMail, …), for the Zlecenie zmiany.
  public var components: [Component]?
  /// The fixed texts of the documents other than the checklist, by document id (`zlecenie-zmiany`, …).
  public var documents: [DocumentText]?

  public init(
    formatVersion: Int, title: String, source: String, paths: [PathInfo], unitFields: [Field],
    sections: [Section],
    rules: [RuleText], interpretations: [PathNote], orderNotices: [PathNote] = [], sekapSystemName: String,
    recommendedMaxMailboxes: Int, deadlines: [DeadlineRule]? = nil, contact: Contact? = nil
  ) {
    self.formatVersion = formatVersion
    self.title = title
    self.source = source
    self.paths = paths
    self.unitFields = unitFields
    self.sections = sections
    self.rules = rules
    self.interpretations = interpretations
    self.orderNotices = orderNotices
    self.sekapSystemName = sekapSystemName
    self.recommendedMaxMailboxes = recommendedMaxMailboxes
    self.deadlines = deadlines
    self.contact = contact
  }
}

/// A date the seeds set, counted from a date the clerk records: „at least 7 days before the change”
/// (`days: -7` from the change's date), „at the latest 7 days after filing” (`days: 7`).
public struct DeadlineRule: Encodable, Sendable, Equatable {
  public var id: String
  /// What must happen by then, or what happens then, in the seeds' words.
  public var title: String
  /// Where the seeds say so: the document and its paragraph.
  public var source: String
  /// The step and date field the deadline counts from.
  public var step: String
  public var field: String
  /// Days after that date; negative: before it.
  public var days: Int
  /// The step that must be done by the date (it is overdue after it); nil: a date to know, not a task.
  public var until: String?
  /// Path ids it holds for; nil: every partner path.
  public var paths: [String]?

  public init(
    id: String, title: String, source: String, step: String, field: String, days: Int, until: String? = nil,
    paths: [String]? = nil
  ) {
    self.id = id
    self.title = title
    self.source = source
    self.step = step
    self.field = field
    self.days = days
    self.until = until
    self.paths = paths
  }
}

/// A component of the SEKAP agreement that a partner can give up with a Zlecenie zmiany.
public struct Component: Encodable, Sendable, Equatable {
  /// The agreement's identifier, such as `P_VPN`.
  public var id: String
  public var name: String
  /// What it depends on or what depends on it; empty: nothing to say.
  public var dependency: String
}

/// The fixed words of a document: its title, what it says whatever the journal holds, and who signs.
public struct DocumentText: Encodable, Sendable, Equatable {
  public var id: String
  public var title: String
  public var subtitle: String
  public var paragraphs: [String]
  public var signatures: [String]
}

/// Whom to ask: the Centrum that runs SEKAP (seed 003, the agreement slides).
public struct Contact: Encodable, Sendable, Equatable {
  public var name: String
  public var phone: String
  public var email: String
  public var web: String
  /// Steps at which it is shown (consent, the Zlecenie zmiany, subordinate units).
  public var steps: [String]

  /// The contact in one line, with telephone, e-mail and web site.
  public var line: String { "Kontakt: \(name), tel. \(phone), \(email), \(web)" }
}

/// One way through the procedure, chosen by the role and the decision of section 2.
public struct PathInfo: Encodable, Sendable, Equatable {
  /// `portal`, `sod-finn`, `sod-inny` or `um`.
  public var id: String
  /// Short name shown in menus, for example „Tylko portal ePUAP”.
  public var title: String
  /// `zalecane`, `niezalecane` or empty: the source document's own recommendation.
  public var recommendation: String
  /// Why one would choose it, in the source's words.
  public var summary: String
  /// Warnings to show when this path is chosen (for example FINN: documents wait in the ePUAP mailbox).
  public var warnings: [String]
  /// The lines to sign at the foot of the printout, in this path's own words (the head of the unit signs
  /// a partner's checklist; the Urząd Marszałkowski's staff and their department sign theirs).
  public var signatures: [String]?
}

/// A note that holds for some paths only: an interpretation of the source, or an order the seeds impose.
///
/// In JSON either a string (every path) or `{"text": …, "paths": [...]}`.
public struct PathNote: Encodable, Sendable, Equatable {
  public var text: String
  /// Path ids it holds for; nil: every path.
  public var paths: [String]?

  public init(text: String, paths: [String]? = nil) {
    self.text = text
    self.paths = paths
  }

  /// Whether the note is for `path`; before a decision (nil), for any partner path.
  public func applies(to path: PathID?) -> Bool {
    guard let paths else { return true }
    if let path { return paths.contains(path.rawValue) }
    return PathID.partnerChoices.contains { paths.contains($0.rawValue) }
  }

  private enum CodingKeys: String, CodingKey { case text, paths }
}

public struct Section: Encodable, Sendable, Equatable {
  /// Stable id, for example `3`.
  public var id: String
  /// Number as printed in the instruction, for example `3.`.
  public var number: String
  public var title: String
  /// Who carries it out, for example „Pracownik Urzędu Marszałkowskiego” or „Urzędnik Partnera”.
  public var actor: String
  /// Introductory text of the section, in the source's words.
  public var intro: String
  public var steps: [Step]
}

/// What kind of screen and rules a step gets.
///
/// Most steps are `simple`: read, do, mark done.
public enum StepKind: String, Codable, Sendable, CaseIterable {
  /// Read the instruction, do it in the portal, mark it done. Fields, if any, are recorded for the step.
  case simple
  /// Section 2: choose portal only, SOD FINN 8SQL or another SOD.
  case decision
  /// Step 3.3: the list of mailboxes with keep / delete / block.
  case mailboxes
  /// Steps 3.4–3.9: done once per mailbox kept; fields are recorded per mailbox.
  case perMailbox
  /// Step 3.11: the list of systems under Zarządzanie kontem → Systemy.
  case systems
  /// Step 3.13: removing the SEKAP system, only with the Urząd Marszałkowski's recorded consent.
  case consent
  /// Section 4: the inventory of service cards and what to do with each.
  case cards
}

public struct Step: Encodable, Sendable, Equatable {
  /// Stable id, for example `3.6`: journals refer to steps by it, so it is never reused or renumbered.
  public var id: String
  /// Number as printed in the instruction, for example `6.`.
  public var number: String
  public var title: String
  /// Where to click, in the portal's words: „Administrowanie → Budowanie usług → Skrytki”.
  public var location: String
  /// The instruction, in the portal's own words (tab names, buttons, values in „…”).
  public var instruction: String
  /// Path ids this step belongs to.
  public var paths: [String]
  public var kind: StepKind
  /// Values the clerk records at this step.
  public var fields: [Field]
  /// Rule ids (see `RuleID`) that apply at this step; shown on the step screen.
  public var rules: [String]
  /// „UWAGA” texts from the source, shown prominently.
  public var warnings: [String]
  /// Further hints: recommendations and the product's notes.
  public var notes: [String]
  /// False for a step the instruction requires whatever happens: 3.13, the per-mailbox steps, section 1.
  ///
  /// Such a step cannot be skipped, only marked as waiting. Absent: true.
  public var skippable: Bool?
  /// Field ids of which at least one must be filled to mark the step done.
  ///
  /// Step 1.3: the partner's confirmation or an agreed date.
  public var requiresOneOf: [String]?
  /// Two date fields of the step that must lie at least `minDays` apart.
  ///
  /// The report of a change of people comes at least 7 days before it (Regulamin, paragraf 3, ustęp 2).
  public var dateOrder: DateOrder?

  /// Whether the step may be skipped with a reason.
  public var isSkippable: Bool { skippable ?? true }

  public init(
    id: String, number: String, title: String, location: String, instruction: String, paths: [String],
    kind: StepKind, fields: [Field], rules: [String], warnings: [String], notes: [String],
    skippable: Bool? = nil, requiresOneOf: [String]? = nil, dateOrder: DateOrder? = nil
  ) {
    self.id = id
    self.number = number
    self.title = title
    self.location = location
    self.instruction = instruction
    self.paths = paths
    self.kind = kind
    self.fields = fields
    self.rules = rules
    self.warnings = warnings
    self.notes = notes
    self.skippable = skippable
    self.requiresOneOf = requiresOneOf
    self.dateOrder = dateOrder
  }
}

/// Two date fields of one step that must lie at least `minDays` apart, for example the report of a change of
/// people at least 7 days before the change.
public struct DateOrder: Encodable, Sendable, Equatable {
  public var earlier: String
  public var later: String
  public var minDays: Int
}

/// How strongly the instruction asks for a field's expected value.
public enum ExpectationStrength: String, Codable, Sendable {
  /// „należy”, „powinny”: another value blocks „done” (on an SOD path a vendor value with a reason is a
  /// recorded deviation).
  case requirement
  /// „zalecamy”: another value is a warning.
  case recommendation
}

/// What a field holds and how it is checked.
public enum FieldKind: String, Codable, Sendable, CaseIterable {
  case text
  /// A whole number ≥ 0.
  case number
  /// One of `choices`.
  case choice
  /// `tak` or `nie`.
  case checkbox
  /// One or more e-mail addresses separated by commas.
  case emails
  /// An http(s) address.
  case url
  /// A date, `RRRR-MM-DD`.
  case date
  /// An ePUAP mailbox address `/<identyfikator podmiotu>/<nazwa skrytki>`.
  case mailboxAddress
}

public struct Field: Encodable, Sendable, Equatable {
  /// Stable id within the step, for example `typSkrytki`.
  public var id: String
  /// Label as on the portal, for example „Typ skrytki”.
  public var label: String
  public var kind: FieldKind
  /// Allowed values for `choice` fields.
  ///
  /// In JSON either a string (value and label alike, e.g. a portal
  /// value „asynchroniczna”) or `{"value": "delete", "label": "Usuń"}` where code keys on the value.
  public var choices: [Choice]
  /// The value the instruction prescribes or recommends (empty: none).
  ///
  /// A different value is a
  /// warning unless a vendor override with a reason is recorded.
  public var expected: String
  /// Whether the step can be marked done without it.
  public var required: Bool
  /// Short hint shown under the field.
  public var hint: String
  /// How strongly `expected` is asked for; absent: a recommendation.
  public var strength: ExpectationStrength?
  /// A date field that may lie in the future (a planned change, an agreed date).
  public var allowsFuture: Bool?
  /// A value the source cannot confirm (lost from its text copy): printed „do potwierdzenia”.
  public var toConfirm: Bool?

  /// Whether a value other than `expected` is an error rather than a warning.
  public var isRequirement: Bool { strength == .requirement }

  public init(
    id: String, label: String, kind: FieldKind, choices: [Choice] = [], expected: String = "",
    required: Bool = false,
    hint: String = "", strength: ExpectationStrength? = nil, allowsFuture: Bool? = nil
  ) {
    self.id = id
    self.label = label
    self.kind = kind
    self.choices = choices
    self.expected = expected
    self.required = required
    self.hint = hint
    self.strength = strength
    self.allowsFuture = allowsFuture
  }
}

/// One allowed value of a `choice` field.
public struct Choice: Encodable, Sendable, Equatable {
  /// What is stored in the journal.
  public var value: String
  /// What the clerk sees, in the portal's words.
  public var label: String

  public init(value: String, label: String) {
    self.value = value
    self.label = label
  }

  public func encode(to encoder: any Encoder) throws {
    if value == label {
      var single = encoder.singleValueContainer()
      try single.encode(value)
    } else {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(value, forKey: .value)
      try container.encode(label, forKey: .label)
    }
  }

  private enum CodingKeys: String, CodingKey { case value, label }
}

/// The Polish text of one validation rule.
///
/// `{pole}`, `{wartosc}` and similar placeholders are filled.
public struct RuleText: Encodable, Sendable, Equatable {
  public var id: String
  public var message: String
}
