import ArgumentParser
import EpuapDomain
import EpuapReport
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// `answers`: a unit's answers as one JSON file, exported or applied all at once.
struct AnswersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "answers",
    abstract: "Plik odpowiedzi (JSON): eksport z dziennika i zastosowanie do dziennika w całości.",
    subcommands: [ExportAnswersCommand.self, ApplyAnswersCommand.self, HandoverAnswersCommand.self])
}

/// `answers handover`: what the other side of the switch-over needs from this journal, as an answers file.
struct HandoverAnswersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "handover",
    abstract:
      "Plik odpowiedzi dla drugiej strony: zgoda Urzędu Marszałkowskiego albo potwierdzenie Partnera.",
    discussion: """
      Z dziennika Urzędu Marszałkowskiego (krok 1.3 zrobiony): zgoda na „Usuń system” dla Partnera \
      (jego krok 3.13). Z dziennika Partnera (krok 4.2 zrobiony): potwierdzenie, że karty usług są \
      obsłużone, dla kroku 1.3 Urzędu Marszałkowskiego. Druga strona stosuje plik poleceniem \
      „epuap-wizard answers apply PLIK --journal DZIENNIK”; wartość zawiera nazwę dziennika nadawcy i \
      początek skrótu SHA-256 jego ostatniego zdarzenia (ten sam, który pokazuje „journal verify”).
      """)

  @OptionGroup var options: JournalOptions
  @OptionGroup var target: OutputOption

  func run() throws {
    try CLI.run {
      try target.check()
      let path = try options.resolveJournal()
      let (_, state) = try CLI.readJournal(path)
      let procedure = try CLI.procedure()
      switch Handover.answers(
        from: state, procedure: procedure, journalName: PathText.lastComponent(of: path))
      {
      case .failure(let refusal):
        throw CLIFailure(refusal.message, code: ExitStatus.refused)
      case .success(let answers):
        try target.write(answers.encoded() + Data("\n".utf8))
        guard let output = target.output else { return }
        let side = state.unit.role == .um ? "Partner" : "Urząd Marszałkowski"
        CLI.say(
          "Zapisano \(output). \(side) stosuje go poleceniem: epuap-wizard answers apply \(shellQuoted(output))"
        )
      }
    }
  }
}

struct ExportAnswersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Wypisuje odpowiedzi zapisane w dzienniku jako plik odpowiedzi.",
    discussion: """
      Z -o plik jest zapisywany jako nowy (0600) i dopiero gotowy zastępuje poprzedni. Nie zapisuje się \
      na dziennik, urządzenie, potok, folder ani przez dowiązanie symboliczne.
      """)

  @OptionGroup var options: JournalOptions
  @OptionGroup var target: OutputOption

  func run() throws {
    try CLI.run {
      try target.check()
      let path = try options.resolveJournal()
      let (_, state) = try CLI.readJournal(path)
      try target.write(AnswersFile.export(state).encoded() + Data("\n".utf8))
    }
  }
}

struct ApplyAnswersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "apply",
    abstract: "Sprawdza cały plik odpowiedzi i zapisuje go do dziennika w całości albo wcale.",
    discussion: """
      Gdy dziennik nie istnieje, zostaje utworzony dla jednostki z pliku (wtedy potrzebne jest --operator \
      albo pole "operator" w pliku). Format pliku: docs/ANSWERS.md.
      """)

  @Argument(
    help: ArgumentHelp("Plik odpowiedzi (JSON).", valueName: "plik"), completion: .file(extensions: ["json"]))
  var file: String
  @OptionGroup var options: JournalOptions
  @Option(name: .long, help: ArgumentHelp("Kto wprowadza zmiany (imię i nazwisko).", valueName: "osoba"))
  var `operator`: String?

  func run() throws {
    try CLI.run {
      let procedure = try CLI.procedure()
      guard let bytes = try RegularFile.read(file, limit: FileLimits.answers) else {
        throw CLIFailure("Nie ma pliku odpowiedzi \(file). Sprawdź ścieżkę.", code: ExitStatus.missing)
      }
      let answers = try AnswersFile.decode(Data(bytes), file: file)
      let plan = AnswersPlan(validator: Validator(procedure: procedure))
      let path: String
      let directory = options.directory
      // The unit's journal: by its ePUAP identifier, letter case aside (by its name when it has none); two is
      // a question for the clerk, never a guess.
      let matching =
        options.journal == nil
        ? try directory.files().filter { file in
          (try? JournalReader.load(path: file)).flatMap { UnitState.fold($0.entries) }
            .map { AnswersPlan.isSameUnit($0.unit, answers.unit) } ?? false
        } : []
      if let journal = options.journal {
        path = journal
      } else if matching.count > 1 {
        throw CLIFailure(
          "Jednostka „\(answers.unit.name)” ma w \(directory.path) kilka dzienników:\n"
            + matching.map { "  " + $0 }.joined(separator: "\n")
            + "\nWskaż właściwy: --journal PLIK. Nic nie zapisano.",
          code: ExitStatus.refused)
      } else if let existing = matching.first {
        path = existing
      } else if Self.exists(directory.firstJournalPath(for: answers.unit)) {
        // The unit's journal is there but cannot be read (damaged, a newer version, …): opening it says
        // why. A second journal for the same unit would hide the first.
        path = directory.firstJournalPath(for: answers.unit)
      } else {
        path = directory.newJournalPath(for: answers.unit)
      }
      let operatorName = (`operator` ?? answers.operatorName ?? "").trimmedSpaces
      let today = LocalTime.day(Date())
      if Self.exists(path) {
        let session = try UnitSession.open(
          at: path, operatorName: operatorName.isEmpty ? nil : operatorName, procedure: procedure)
        defer { session.close() }
        // Reported whatever happens next: the torn line has been moved aside already.
        if let recovery = session.recovery { CLI.warn(recovery.message) }
        let changes = try plan.changes(for: answers, onto: session.state, file: file, today: today)
        if changes.isEmpty {
          CLI.say("Dziennik \(path) już zawiera wszystko z pliku \(file); nic nie zapisano.")
          return
        }
        try session.record(.batch(changes))
        CLI.say(
          "Zastosowano " + PolishPlural.count(changes.count, "zmianę", "zmiany", "zmian")
            + " z \(file) w \(path) (jedno zdarzenie nr \(session.state.eventCount)).")
      } else {
        guard !operatorName.isEmpty else {
          throw CLIFailure(
            "Podaj, kto wprowadza zmiany: --operator \"Imię Nazwisko\" (albo pole \"operator\" w pliku).",
            code: ExitStatus.refused)
        }
        let changes = try plan.changes(for: answers, onto: nil, file: file, today: today)
        // The journal appears with its whole batch, or not at all.
        let session = try UnitSession.create(
          at: path, unit: answers.unit, operatorName: operatorName, procedure: procedure,
          then: changes.isEmpty ? nil : .batch(changes))
        session.close()
        CLI.say(
          "Utworzono dziennik \(path) i zastosowano "
            + PolishPlural.count(changes.count, "zmianę", "zmiany", "zmian") + " z \(file).")
      }
    }
  }

  /// Whether anything is at `path`, a dangling symbolic link included (creating a journal there would
  /// fail; opening it says what it is).
  static func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }
}
