import EpuapDomain
import Foundation
import Testing

private let procedure = try! ProcedureLoader.builtIn()
private let validator = Validator(procedure: procedure)

@Suite("Validation rules and their Polish messages")
struct ValidationTests {
  struct AddressCase: Sendable, CustomTestStringConvertible {
    var address: String
    var rules: [RuleID]
    var testDescription: String { address }
  }

  @Test(
    "mailbox address shape",
    arguments: [
      AddressCase(address: "/ah7qcy621b/skrytka", rules: []),
      AddressCase(address: "/SPZOZwLukowie/SkrytkaESP", rules: []),
      AddressCase(address: "/vulcandpo/domyslna", rules: []),
      AddressCase(address: "/pzgliwice/Skrytka ESP", rules: [.mailboxNameSpaces]),
      AddressCase(address: "/pzgliwice/Domyślna", rules: [.mailboxNameNonASCII]),
      AddressCase(address: "pzgliwice/skrytka", rules: [.mailboxAddressShape]),
      AddressCase(address: "/pzgliwice/", rules: [.mailboxAddressShape]),
      AddressCase(address: "/pzgliwice", rules: [.mailboxAddressShape]),
      AddressCase(address: "//skrytka", rules: [.mailboxAddressIdentifier]),
      AddressCase(address: "/pz-gliwice/skrytka", rules: [.mailboxAddressIdentifier]),
      AddressCase(
        address: "/" + String(repeating: "a", count: 101) + "/s", rules: [.mailboxAddressIdentifier]),
      AddressCase(address: "/" + String(repeating: "a", count: 100) + "/s", rules: []),
      AddressCase(address: "/urząd/skrytka", rules: [.mailboxAddressIdentifier]),
      AddressCase(address: "/a/b/c", rules: [.mailboxAddressShape]),
    ])
  func mailboxAddress(_ testCase: AddressCase) {
    let issues = validator.fields.checkMailboxAddress(testCase.address, field: "Adres skrytki")
    #expect(issues.map(\.rule) == testCase.rules)
    for issue in issues {
      #expect(issue.message.contains("Adres skrytki") || issue.message.contains("skrytk"), "\(issue.message)")
      #expect(issue.severity == issue.rule.severity)
    }
  }

  @Test("a wrong mailbox address is an error that blocks; spaces in the name only warn")
  func addressSeverity() {
    #expect(RuleID.mailboxAddressShape.severity == .error)
    #expect(RuleID.mailboxNameSpaces.severity == .warning)
    #expect(RuleID.mailboxNameNonASCII.severity == .warning)
  }

  @Test(
    "e-mail addresses",
    arguments: [
      ("sekretariat@gliwice.pl", true), ("a.b-c+d@urzad.gmina.pl", true), ("x@y", false),
      ("@gliwice.pl", false),
      ("sekretariat@", false), ("sek retariat@gliwice.pl", false), ("a@@b.pl", false), ("a@b..pl", false),
      ("ądam@gliwice.pl", false), ("a@b.p", false),
    ])
  func emails(_ address: String, _ valid: Bool) {
    #expect(FieldValidator.isEmail(address) == valid)
  }

  @Test("a list of notification e-mails names the wrong address")
  func emailList() throws {
    let field = try #require(procedure.step("3.7")?.fields.first { $0.kind == .emails })
    let issues = validator.fields.check(field, "a@gliwice.pl, zly-adres, b@gliwice.pl")
    #expect(issues.map(\.rule) == [.emailInvalid])
    #expect(issues[0].message.contains("zly-adres"))
    #expect(issues[0].message.contains(field.label))
    #expect(validator.fields.check(field, "a@gliwice.pl, b@gliwice.pl").isEmpty)
  }

  @Test(
    "card redirect URLs must be http(s)",
    arguments: [
      ("https://bip.gliwice.pl/sprawy/123", true), ("http://bip.powiat.pl", true), ("ftp://bip.pl", false),
      ("bip.gliwice.pl", false), ("https://", false), ("https://bip gliwice.pl", false),
      ("javascript:alert(1)", false),
    ])
  func urls(_ url: String, _ valid: Bool) {
    #expect(FieldValidator.isWebURL(url) == valid)
  }

  @Test("dates must be real days, not in the future where that matters")
  func dates() throws {
    #expect(FieldValidator.isDate("2026-02-28"))
    #expect(!FieldValidator.isDate("2026-02-29"))
    #expect(FieldValidator.isDate("2028-02-29"))
    #expect(!FieldValidator.isDate("2026-13-01"))
    #expect(!FieldValidator.isDate("25.11.2026"))
    // Only ASCII digits in their places: no sign, no other script's digits, no day outside the calendar.
    for text in [
      "2026-+1-05", "２０２６-01-05", "2026-01-5 ", "2026-1-015", "1899-12-31", "2026-04-31", "2026-00-10",
    ] {
      #expect(!FieldValidator.isDate(text), "\(text)")
    }
    #expect(FieldValidator.dayNumber("1970-01-01") == 0 && FieldValidator.dayNumber("2026-12-02") == 20_789)
    let field = try #require(procedure.step("3.13")?.fields.first { $0.id == "kiedy" })
    #expect(validator.fields.check(field, "2026-12-01", today: "2026-11-25").map(\.rule) == [.dateInFuture])
    #expect(validator.fields.check(field, "2026-11-25", today: "2026-11-25").isEmpty)
  }

  struct StrengthCase: Sendable, CustomTestStringConvertible {
    var name: String
    var path: PathID?
    var role: Role = .partner
    var step: String
    var field: String
    var value: String
    var override: String? = nil
    var reason: String = ""
    var rules: [RuleID]
    var testDescription: String { name }
  }

  /// How strongly the instruction speaks decides the severity of another value.
  ///
  /// „należy”/„powinny” (3.6, 3.8, section 1) is a requirement: another value is an error; „zalecamy”
  /// (3.7) a warning. Only an SOD path has a vendor whose value, with a reason, stands for the instruction's.
  @Test(
    "how strongly the instruction asks decides error or warning, and vendor values count only with an SOD",
    arguments: [
      StrengthCase(
        name: "portal, 3.6 PUSH", path: .portal, step: "3.6", field: "trybPracy", value: "PUSH",
        rules: [.requiredValue]),
      StrengthCase(
        name: "portal, 3.6 PUSH with a vendor value", path: .portal, step: "3.6", field: "trybPracy",
        value: "PUSH", override: "PUSH", reason: "pismo 12/2026", rules: [.requiredValue]),
      StrengthCase(
        name: "FINN, 3.6 PUSH", path: .sodFinn, step: "3.6", field: "trybPracy", value: "PUSH",
        rules: [.requiredValueSOD]),
      StrengthCase(
        name: "FINN, 3.6 PUSH with a vendor value and reason", path: .sodFinn, step: "3.6",
        field: "trybPracy", value: "PUSH", override: "PUSH", reason: "pismo dostawcy 12/2026", rules: []),
      StrengthCase(
        name: "other SOD, vendor value without a reason", path: .sodOther, step: "3.6", field: "trybPracy",
        value: "PUSH", override: "PUSH", reason: "  ", rules: [.requiredValueSOD]),
      StrengthCase(
        name: "portal, 3.8 „własny”", path: .portal, step: "3.8", field: "transmisjaDokumenty",
        value: "własny",
        rules: [.requiredValue]),
      StrengthCase(
        name: "portal, 3.7 threshold 10", path: .portal, step: "3.7", field: "progKolejki", value: "10",
        rules: [.differsFromRecommended]),
      StrengthCase(
        name: "portal, 3.6 PULL", path: .portal, step: "3.6", field: "trybPracy", value: "PULL", rules: []),
      StrengthCase(
        name: "UM, 1.1 „Do BIP” still ticked", path: nil, role: .um, step: "1.1", field: "doBipOdznaczony",
        value: "nie", rules: [.requiredValueUM]),
    ])
  func strength(_ test: StrengthCase) throws {
    let field = try #require(procedure.step(test.step)?.fields.first { $0.id == test.field })
    var state = UnitState(unit: UnitInfo(name: "U", entityIdentifier: "u1", role: test.role), createdAt: "")
    if let path = test.path { state.decision = Decision(path: path, vendor: "EZD") }
    let mailbox = Mailbox(id: "skrytka-1", address: "/u1/skrytka", action: .keep)
    if let value = test.override {
      state.overrides = [
        VendorOverride(mailboxID: "skrytka-1", fieldID: test.field, value: value, reason: test.reason)
      ]
    }
    let issues = validator.checkValue(
      stepID: test.step, field: field, value: test.value, mailbox: test.step == "1.1" ? nil : mailbox,
      state: state)
    #expect(issues.map(\.rule) == test.rules)
    for issue in issues {
      #expect(issue.severity == (issue.rule == .differsFromRecommended ? .warning : .error))
      #expect(issue.message.contains(test.value) && issue.message.contains(field.expected))
    }
    if test.role == .um {
      #expect(issues.allSatisfy { $0.message.contains("admin.sekap.pl") && !$0.message.contains("SOD") })
    }
  }

  @Test("a vendor value is refused where there is no vendor, and needs a reason where there is")
  func vendorValues() {
    let override = VendorOverride(mailboxID: "skrytka-1", fieldID: "trybPracy", value: "PUSH", reason: "")
    #expect(
      validator.checkOverride(override, fieldLabel: "Tryb pracy", path: .portal).map(\.rule) == [
        .overrideOutsideSOD, .overrideNeedsReason,
      ])
    #expect(
      validator.checkOverride(override, fieldLabel: "Tryb pracy", path: .sodFinn).map(\.rule) == [
        .overrideNeedsReason
      ])
    var withReason = override
    withReason.reason = "pismo 1/2026"
    #expect(validator.checkOverride(withReason, fieldLabel: "Tryb pracy", path: .sodOther).isEmpty)
  }

  @Test("choices outside the list and malformed numbers are refused")
  func choicesAndNumbers() throws {
    let fields = try #require(procedure.step("3.6")?.fields)
    let typ = try #require(fields.first { $0.id == "typSkrytki" })
    let issues = validator.fields.check(typ, "półsynchroniczna")
    #expect(issues.map(\.rule) == [.choiceInvalid])
    #expect(issues[0].message.contains("asynchroniczna"))
    let number = try #require(fields.first { $0.id == "maksDokumentow" })
    #expect(validator.fields.check(number, "-1").map(\.rule) == [.numberInvalid])
    #expect(validator.fields.check(number, "dziesięć").map(\.rule) == [.numberInvalid])
    #expect(validator.fields.check(number, "0").isEmpty)
  }

  @Test("control characters in any text are refused")
  func controlCharacters() {
    let field = Field(
      id: "x", label: "Uwagi", kind: .text, choices: [], expected: "", required: false, hint: "")
    #expect(validator.fields.check(field, "abc\u{1B}[2J").map(\.rule) == [.controlCharacters])
    #expect(validator.fields.check(field, "a\u{7}").map(\.rule) == [.controlCharacters])
    #expect(validator.fields.check(field, "Zażółć gęślą jaźń").isEmpty)
    #expect("a\u{1B}[31mb\u{9B}".terminalSafe() == "a\u{FFFD}[31mb\u{FFFD}")
  }

  @Test("more than two mailboxes kept is a warning")
  func tooManyMailboxes() {
    var state = UnitState(unit: UnitInfo(name: "U", entityIdentifier: "u1", role: .partner), createdAt: "")
    state.decision = Decision(path: .portal)
    func add(_ id: String, _ action: MailboxAction) {
      state.apply(entry(.mailboxSaved(MailboxEntry(id: id, address: "/u1/\(id)", action: action))))
    }
    add("a", .keep)
    add("b", .keep)
    add("c", .block)
    #expect(!validator.issues(for: state).contains { $0.rule == .moreThanRecommendedMailboxes })
    add("d", .keep)
    let issue = validator.issues(for: state).first { $0.rule == .moreThanRecommendedMailboxes }
    #expect(issue?.severity == .warning)
    #expect(issue?.message.contains("3") == true)
  }

  @Test("step 3.13 cannot be done without a recorded, complete consent")
  func consentGate() {
    var state = UnitState(unit: UnitInfo(name: "U", entityIdentifier: "u1", role: .partner), createdAt: "")
    state.decision = Decision(path: .sodFinn)
    #expect(validator.blockers(markingDone: "3.13", in: state).map(\.rule) == [.consentRequired])
    state.consent = Consent(who: "Jan Kowalski, UMWS", date: "2026-11-20", reference: "")
    let incomplete = validator.blockers(markingDone: "3.13", in: state, today: "2026-11-25")
    #expect(incomplete.map(\.rule) == [.consentIncomplete])
    state.consent?.reference = "DCF.1234.2026"
    #expect(validator.blockers(markingDone: "3.13", in: state, today: "2026-11-25").isEmpty)
  }

  @Test("a card marked for deletion must be „Nieaktualna”; redirects need their fields")
  func cards() {
    let active = ServiceCard(id: "k", name: "Wydanie prawa jazdy", status: .aktualna, action: .delete)
    let issues = validator.checkCard(active)
    #expect(issues.map(\.rule) == [.cardDeleteNeedsWithdrawal])
    #expect(issues[0].message.contains("Wycofaj z publikacji"))
    #expect(issues[0].message.contains("Wydanie prawa jazdy"))
    #expect(
      validator.checkCard(ServiceCard(id: "k", name: "K", status: .nieaktualna, action: .delete)).isEmpty)

    var external = ServiceCard(id: "k", name: "K", status: .aktualna, action: .external, formName: "Wniosek")
    #expect(validator.checkCard(external).map(\.rule) == [.cardExternalRedirectIncomplete])
    external.url = "bip.pl"
    #expect(validator.checkCard(external).map(\.rule) == [.urlInvalid])
    external.url = "https://bip.gliwice.pl/sprawa"
    #expect(validator.checkCard(external).isEmpty)

    var epuap = ServiceCard(id: "k", name: "K", status: .aktualna, action: .epuap, epuapForm: "Pismo ogólne")
    #expect(validator.checkCard(epuap).map(\.rule) == [.cardEpuapRedirectIncomplete])
    epuap.mailbox = "SkrytkaESP"
    #expect(validator.checkCard(epuap).isEmpty)
  }

  @Test("per-mailbox steps are done only when every kept mailbox has its settings")
  func perMailboxBlockers() {
    var state = UnitState(unit: UnitInfo(name: "U", entityIdentifier: "u1", role: .partner), createdAt: "")
    state.decision = Decision(path: .portal)
    #expect(validator.blockers(markingDone: "3.6", in: state).map(\.rule) == [.noMailboxes])
    state.apply(entry(.mailboxSaved(MailboxEntry(id: "m1", address: "/u1/skrytka", action: .keep))))
    state.apply(entry(.mailboxSaved(MailboxEntry(id: "m2", address: "/u1/zmoku", action: .delete))))
    let missing = validator.blockers(markingDone: "3.6", in: state)
    #expect(missing.map(\.rule) == [.mailboxMissingSettings])
    #expect(missing[0].message.contains("/u1/skrytka"))
    state.apply(
      entry(
        .mailboxSettingsRecorded(
          MailboxSettings(
            mailboxID: "m1",
            values: [
              "typSkrytki": "asynchroniczna", "rodzajOdpowiedzi": "UPP", "trybPracy": "PULL",
              "maksDokumentow": "0",
            ]))))
    #expect(validator.blockers(markingDone: "3.6", in: state).isEmpty)
  }

  @Test("skipping needs a reason; another SOD needs the vendor's name")
  func skipAndVendor() {
    #expect(validator.checkSkip(stepID: "3.1", reason: " ").map(\.rule) == [.skipNeedsReason])
    #expect(validator.checkSkip(stepID: "3.1", reason: "zrobione przez informatyka").isEmpty)
    #expect(validator.checkDecision(Decision(path: .sodOther)).map(\.rule) == [.vendorRequired])
    #expect(validator.checkDecision(Decision(path: .sodOther, vendor: "EZD RP")).isEmpty)
  }

  @Test("systems other than the SEKAP server are noted with a warning, never an error")
  func systems() {
    var state = UnitState(unit: UnitInfo(name: "U", entityIdentifier: "u1", role: .partner), createdAt: "")
    state.decision = Decision(path: .portal)
    state.apply(entry(.systemSaved(SystemEntry(name: "d3n3f04ve3", type: "Lokalny"))))
    let issues = validator.issues(for: state).filter { $0.stepID == "3.11" }
    #expect(Set(issues.map(\.rule)) == [.otherSystemPresent, .sekapSystemMissing])
    #expect(issues.allSatisfy { $0.severity == .warning })
  }

  @Test("every rule has a Polish text with its placeholders filled in")
  func everyRuleHasText() {
    let book = RuleBook(procedure: procedure)
    for rule in RuleID.allCases {
      let values = Dictionary(uniqueKeysWithValues: rule.placeholders.map { ($0, "«\($0)»") })
      let message = book.message(rule, values)
      #expect(!message.contains("{"), "\(rule): \(message)")
      for placeholder in rule.placeholders { #expect(message.contains("«\(placeholder)»"), "\(rule)") }
    }
  }

  @Test("placeholders are filled once: a value is inserted as typed, unknown names and stray braces stay")
  func placeholdersFilledOnce() {
    let book = RuleBook(procedure: procedure)
    // A value that spells the other placeholder stays as typed. Filling one placeholder after another
    // would turn one of these two into the other value, whichever order it went in.
    let first = book.message(.entityIdentifier, ["pole": "{wartosc}", "wartosc": "abc"])
    #expect(first.contains("{wartosc}") && first.contains("abc"), "\(first)")
    let second = book.message(.entityIdentifier, ["pole": "Identyfikator", "wartosc": "{pole}"])
    #expect(second.contains("{pole}") && second.contains("Identyfikator"), "\(second)")
    let withStray = book.message(.required, ["pole": "Nazwa {"])
    #expect(withStray.contains("Nazwa {"))
    #expect(book.message(.required, ["inne": "x"]).contains("{pole}"))
  }
}

/// A journal entry for folding in tests.
func entry(_ change: JournalChange, sequence: Int = 1) -> JournalEntry {
  JournalEntry(
    version: 1, sequence: sequence, time: "2026-11-25T10:00:00Z", operatorName: "Test", change: change,
    hash: "")
}

@Suite("Mailbox and card rules of the whole state")
struct StateRuleTests {
  @Test("a mailbox whose entity identifier is not the unit's is a warning, letter case aside")
  func otherEntity() {
    let state = UnitState(
      unit: UnitInfo(name: "U", entityIdentifier: "pzGliwice", role: .partner), createdAt: "")
    let other = validator.checkMailbox(
      MailboxEntry(id: "skrytka-1", address: "/ugpilchowice/skrytka", action: .keep), in: state)
    #expect(other.map(\.rule) == [.mailboxOtherEntity])
    #expect(other.first?.severity == .warning)
    #expect(other.first?.message.contains("„pzGliwice”") == true)
    let own = validator.checkMailbox(
      MailboxEntry(id: "skrytka-1", address: "/pzgliwice/skrytka", action: .keep), in: state)
    #expect(own.isEmpty)
  }

  @Test("the same card name twice is a warning, once per name")
  func duplicateCards() {
    var state = UnitState(unit: UnitInfo(name: "U", entityIdentifier: "u1", role: .partner), createdAt: "")
    state.decision = Decision(path: .portal)
    state = state.simulating([
      .cardSaved(ServiceCard(id: "karta-1", name: "Wydanie prawa jazdy", status: .aktualna, action: .keep)),
      .cardSaved(ServiceCard(id: "karta-2", name: "wydanie prawa jazdy ", status: .aktualna, action: .keep)),
      .cardSaved(ServiceCard(id: "karta-3", name: "Inna", status: .aktualna, action: .keep)),
    ])
    let duplicates = validator.issues(for: state).filter { $0.rule == .cardDuplicate }
    #expect(duplicates.count == 1)
    #expect(duplicates.first?.severity == .warning && duplicates.first?.message.contains("2 razy") == true)
  }
}

@Suite("Invisible characters")
struct InvisibleCharacterTests {
  @Test(
    "zero-width and direction marks are refused in any typed value, and never reach the screen or paper",
    arguments: [
      "\u{200B}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{2060}", "\u{FEFF}", "\u{061C}", "\u{202E}",
    ])
  func refused(_ mark: String) throws {
    let field = try #require(procedure.step("3.13")?.fields.first { $0.id == "kto" })
    #expect(validator.fields.check(field, "Jan\(mark) Kowalski").map(\.rule) == [.controlCharacters])
    #expect(!"Jan\(mark) Kowalski".terminalSafe().contains(mark))
  }
}

@Suite("Dates as Polish letters write them")
struct PolishDateTests {
  @Test(
    "DD.MM.RRRR is accepted and kept as RRRR-MM-DD; a day that does not exist is not",
    arguments: [
      ("30.11.2026", "2026-11-30"), ("5.12.2025", "2025-12-05"), ("2026-11-30", "2026-11-30"),
      ("29.02.2024", "2024-02-29"),
    ])
  func accepted(_ typed: String, _ kept: String) throws {
    let field = try #require(procedure.step("3.13")?.fields.first { $0.id == "kiedy" })
    #expect(validator.fields.check(field, typed, today: "2026-12-01").isEmpty)
    #expect(field.stored(" \(typed) ") == kept)
  }

  @Test(
    "refused: not a day, or in the future however it is written",
    arguments: ["31.11.2026", "29.02.2026", "1.1.26", "02.12.2026"])
  func refused(_ typed: String) throws {
    let field = try #require(procedure.step("3.13")?.fields.first { $0.id == "kiedy" })
    #expect(!validator.fields.check(field, typed, today: "2026-12-01").isEmpty)
  }
}
