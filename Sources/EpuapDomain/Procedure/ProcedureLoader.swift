import FoundationEssentials

/// A procedure file that cannot be used, with the file, the entry and what is wrong.
public struct ProcedureError: Error, Equatable, Sendable {
  public var file: String
  /// Where in the file, for example `sections[2].steps[5] (3.6).fields[0] (typSkrytki)`.
  public var entry: String
  public var problem: String

  public var message: String {
    "Plik procedury \(file) jest błędny: \(entry): \(problem)."
  }
}

/// Loads the procedure and checks it before anything uses it.
///
/// The built-in procedure is embedded from `Resources/procedure.json` at build time; a different file
/// can be given (`EPUAP_WIZARD_PROCEDURE`, or the `procedure(file:)` call in tests).
public enum ProcedureLoader {
  public static let fileName = "procedure.json"

  /// The procedure built into the program, checked.
  public static func builtIn() throws(ProcedureError) -> Procedure {
    let file = "Resources/\(fileName)"
    guard let text = EmbeddedResources.file(named: fileName) else {
      throw ProcedureError(file: file, entry: "(plik)", problem: "brak pliku w programie")
    }
    // A literal of one character is held as a scalar, not as bytes in the binary.
    let procedure =
      text.hasPointerRepresentation
      ? try decode(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount), file: file)
      : try decode(Data(text.description.utf8), file: file)
    try check(procedure, file: file)
    return procedure
  }

  /// The built-in procedure, or the file named by `EPUAP_WIZARD_PROCEDURE` when it is set.
  public static func standard(environment: [String: String] = ProcessEnvironment.current)
    throws(ProcedureError) -> Procedure
  {
    if let path = environment["EPUAP_WIZARD_PROCEDURE"], !path.isEmpty { return try load(file: path) }
    return try builtIn()
  }

  public static func load(file path: String) throws(ProcedureError) -> Procedure {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ProcedureError(file: path, entry: "(plik)", problem: "nie można odczytać pliku")
    }
    return try load(data, file: path)
  }

  public static func load(_ data: Data, file: String) throws(ProcedureError) -> Procedure {
    let procedure = try decode(data, file: file)
    try check(procedure, file: file)
    return procedure
  }

  /// The procedure read from `data` (`ProcedureJSON`), with an error that names the entry when the file
  /// is wrong.
  static func decode(_ data: Data, file: String) throws(ProcedureError) -> Procedure {
    try [UInt8](data).withUnsafeBufferPointer { bytes throws(ProcedureError) in try decode(bytes, file: file)
    }
  }

  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(ProcedureError) -> Procedure {
    do throws(ProcedureError) {
      return try Procedure(json: try ProcedureJSON.parse(bytes))
    } catch {
      var error = error
      error.file = file
      throw error
    }
  }

  /// Checks what the types cannot: ids unique and known, every rule text present, the steps the code
  /// relies on present with their fields.
  static func check(_ procedure: Procedure, file: String) throws(ProcedureError) {
    func fail(_ entry: String, _ problem: String) -> ProcedureError {
      ProcedureError(file: file, entry: entry, problem: problem)
    }
    guard procedure.formatVersion == 1 else {
      throw fail("formatVersion", "nieobsługiwana wersja \(procedure.formatVersion) (obsługiwana: 1)")
    }
    let pathIDs = Set(PathID.allCases.map(\.rawValue))
    for (index, path) in procedure.paths.enumerated() where !pathIDs.contains(path.id) {
      throw fail(
        "paths[\(index)]",
        "nieznana ścieżka „\(path.id)” (dozwolone: \(pathIDs.sorted().joined(separator: ", ")))")
    }
    for id in PathID.allCases where !procedure.paths.contains(where: { $0.id == id.rawValue }) {
      throw fail("paths", "brak ścieżki „\(id.rawValue)”")
    }
    var ruleIDs: Set<String> = []
    for (index, rule) in procedure.rules.enumerated() {
      let entry = "rules[\(index)] (\(rule.id))"
      guard let known = RuleID(rawValue: rule.id) else { throw fail(entry, "nieznana reguła") }
      guard ruleIDs.insert(rule.id).inserted else { throw fail(entry, "reguła powtórzona") }
      guard !rule.message.trimmedSpaces.isEmpty else {
        throw fail(entry, "pusty tekst")
      }
      for placeholder in known.placeholders where !rule.message.containsBytes("{\(placeholder)}") {
        throw fail(entry, "tekst nie używa „{\(placeholder)}”")
      }
    }
    for rule in RuleID.allCases where !ruleIDs.contains(rule.rawValue) {
      throw fail("rules", "brak tekstu reguły „\(rule.rawValue)”")
    }
    try checkFields(procedure.unitFields, entry: "unitFields", fail: fail)
    for fieldID in ["rola", "nazwa", "identyfikator", "operator"]
    where !procedure.unitFields.contains(where: { $0.id == fieldID }) {
      throw fail("unitFields", "brak pola „\(fieldID)”")
    }
    var stepIDs: Set<String> = []
    var sectionIDs: Set<String> = []
    for (sectionIndex, section) in procedure.sections.enumerated() {
      let sectionEntry = "sections[\(sectionIndex)]"
      guard sectionIDs.insert(section.id).inserted else { throw fail(sectionEntry, "id sekcji powtórzone") }
      for (stepIndex, step) in section.steps.enumerated() {
        let entry = "\(sectionEntry).steps[\(stepIndex)] (\(step.id))"
        guard !step.id.isEmpty else { throw fail(entry, "puste id kroku") }
        guard stepIDs.insert(step.id).inserted else { throw fail(entry, "id kroku powtórzone") }
        guard !step.title.isEmpty, !step.instruction.isEmpty else {
          throw fail(entry, "brak tytułu lub instrukcji")
        }
        guard !step.paths.isEmpty else { throw fail(entry, "krok nie należy do żadnej ścieżki") }
        for path in step.paths where !pathIDs.contains(path) {
          throw fail(entry, "nieznana ścieżka „\(path)”")
        }
        for rule in step.rules where RuleID(rawValue: rule) == nil {
          throw fail(entry, "nieznana reguła „\(rule)”")
        }
        try checkFields(step.fields, entry: "\(entry).fields", fail: fail)
        try checkStepFieldReferences(step, entry: entry, fail: fail)
      }
    }
    for (index, note) in (procedure.interpretations + procedure.orderNotices).enumerated() {
      for path in note.paths ?? [] where !pathIDs.contains(path) {
        throw fail("interpretations/orderNotices[\(index)]", "nieznana ścieżka „\(path)”")
      }
    }
    let steps = procedure.sections.flatMap(\.steps)
    for (index, rule) in (procedure.deadlines ?? []).enumerated() {
      let entry = "deadlines[\(index)] (\(rule.id))"
      guard
        steps.first(where: { $0.id == rule.step })?.fields.first(where: { $0.id == rule.field })?.kind
          == .date
      else { throw fail(entry, "krok „\(rule.step)” nie ma pola daty „\(rule.field)”") }
      if let until = rule.until, !stepIDs.contains(until) { throw fail(entry, "nieznany krok „\(until)”") }
      for path in rule.paths ?? [] where !pathIDs.contains(path) {
        throw fail(entry, "nieznana ścieżka „\(path)”")
      }
    }
    for step in procedure.contact?.steps ?? [] where !stepIDs.contains(step) {
      throw fail("contact", "nieznany krok „\(step)”")
    }
    let required = KnownStep.allCases.map { ($0.id, $0.kind, $0.fieldIDs) }
    for (id, kind, fieldIDs) in required {
      guard let step = steps.first(where: { $0.id == id }) else {
        throw fail("sections", "brak kroku „\(id)”")
      }
      guard step.kind == kind else {
        throw fail("krok \(id)", "rodzaj kroku powinien być „\(kind.rawValue)”")
      }
      for fieldID in fieldIDs where !step.fields.contains(where: { $0.id == fieldID }) {
        throw fail("krok \(id)", "brak pola „\(fieldID)”")
      }
    }
    try checkChoices(
      steps, KnownStep.mailboxes.id, "dzialanie", MailboxAction.allCases.map(\.rawValue), fail: fail)
    try checkChoices(steps, KnownStep.cards.id, "status", CardStatus.allCases.map(\.rawValue), fail: fail)
    try checkChoices(steps, KnownStep.cards.id, "dzialanie", CardAction.allCases.map(\.rawValue), fail: fail)
    try checkChoices(
      steps, KnownStep.decision.id, "sciezka", PathID.partnerChoices.map(\.rawValue), fail: fail)
  }

  private static func checkFields(
    _ fields: [Field], entry: String, fail: (String, String) -> ProcedureError
  ) throws(ProcedureError) {
    var ids: Set<String> = []
    for (index, field) in fields.enumerated() {
      let fieldEntry = "\(entry)[\(index)] (\(field.id))"
      guard !field.id.isEmpty, ids.insert(field.id).inserted else {
        throw fail(fieldEntry, "puste lub powtórzone id pola")
      }
      guard !field.label.isEmpty else { throw fail(fieldEntry, "brak etykiety") }
      if field.kind == .choice, field.choices.isEmpty { throw fail(fieldEntry, "pole wyboru bez „choices”") }
      if field.kind != .choice, !field.choices.isEmpty {
        throw fail(fieldEntry, "„choices” tylko dla pola wyboru")
      }
      if field.strength != nil, field.expected.isEmpty {
        throw fail(fieldEntry, "„strength” bez wartości oczekiwanej „expected”")
      }
      if field.allowsFuture != nil, field.kind != .date {
        throw fail(fieldEntry, "„allowsFuture” tylko dla pola daty")
      }
      if !field.expected.isEmpty {
        switch field.kind {
        case .choice where !field.choices.contains(where: { $0.value == field.expected }):
          throw fail(fieldEntry, "wartość oczekiwana „\(field.expected)” nie jest na liście „choices”")
        case .checkbox where field.expected != "tak" && field.expected != "nie":
          throw fail(fieldEntry, "wartość oczekiwana pola tak/nie musi być „tak” albo „nie”")
        case .number where Int(field.expected) == nil:
          throw fail(fieldEntry, "wartość oczekiwana musi być liczbą")
        default: break
        }
      }
    }
  }

  /// `requiresOneOf` and `dateOrder` name fields the step has (date fields for `dateOrder`).
  private static func checkStepFieldReferences(
    _ step: Step, entry: String, fail: (String, String) -> ProcedureError
  ) throws(ProcedureError) {
    let ids = Set(step.fields.map(\.id))
    for id in step.requiresOneOf ?? [] where !ids.contains(id) {
      throw fail(entry, "„requiresOneOf” wskazuje nieznane pole „\(id)”")
    }
    if let order = step.dateOrder {
      for id in [order.earlier, order.later]
      where step.fields.first(where: { $0.id == id })?.kind != .date {
        throw fail(entry, "„dateOrder” wskazuje „\(id)”, które nie jest polem daty tego kroku")
      }
      guard order.minDays >= 0 else { throw fail(entry, "„dateOrder.minDays” nie może być ujemne") }
    }
  }

  private static func checkChoices(
    _ steps: [Step], _ stepID: String, _ fieldID: String, _ values: [String],
    fail: (String, String) -> ProcedureError
  ) throws(ProcedureError) {
    let field = steps.first { $0.id == stepID }?.fields.first { $0.id == fieldID }
    let found = field?.choices.map(\.value) ?? []
    guard Set(found) == Set(values) else {
      throw fail(
        "krok \(stepID), pole \(fieldID)", "wartości „choices” muszą być: \(values.joined(separator: ", "))")
    }
  }
}
