import ArgumentParser
import EpuapDomain
import FoundationEssentials

/// `answers`: a unit's answers as one JSON file, exported or applied all at once.
struct AnswersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "answers",
    abstract: "Plik odpowiedzi (JSON): eksport z dziennika i zastosowanie do dziennika w całości.",
    subcommands: [ExportAnswersCommand.self, ApplyAnswersCommand.self])
}

struct ExportAnswersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Wypisuje odpowiedzi zapisane w dzienniku jako plik odpowiedzi.")

  @OptionGroup var options: JournalOptions
  @Option(name: .shortAndLong, help: "Zapisz do pliku zamiast na standardowe wyjście.") var output: String?

  func run() throws {
    try CLI.run {
      let path = try options.resolveJournal()
      let journal = try JournalReader.load(path: path)
      guard let state = UnitState.fold(journal.entries) else { throw JournalError.missingHeader(path: path) }
      let data = try AnswersFile.export(state).encoded() + Data("\n".utf8)
      if let output {
        guard FileManager.default.createFile(atPath: output, contents: data) else {
          throw CLIFailure("Nie można zapisać pliku \(output). Sprawdź ścieżkę i uprawnienia.", code: 1)
        }
      } else {
        StandardStream.output.write(data)
      }
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

  @Argument(help: "Plik odpowiedzi (JSON).") var file: String
  @OptionGroup var options: JournalOptions
  @Option(name: .long, help: "Kto wprowadza zmiany (imię i nazwisko).") var `operator`: String?

  func run() throws {
    try CLI.run {
      let procedure = try CLI.procedure()
      guard let data = FileManager.default.contents(atPath: file) else {
        throw CLIFailure("Nie można odczytać pliku odpowiedzi \(file). Sprawdź ścieżkę.", code: 1)
      }
      let answers = try AnswersFile.decode(data, file: file)
      let plan = AnswersPlan(validator: Validator(procedure: procedure))
      let path: String
      if let journal = options.journal {
        path = journal
      } else if let existing = options.directory.journalFiles().first(where: {
        (try? JournalReader.load(path: $0)).flatMap { UnitState.fold($0.entries) }?.unit.entityIdentifier
          == answers.unit.entityIdentifier && !answers.unit.entityIdentifier.isEmpty
      }) {
        path = existing
      } else {
        path = options.directory.newJournalPath(for: answers.unit)
      }
      let operatorName = (`operator` ?? answers.operatorName ?? "").trimmedSpaces
      let today = JournalClock.day(Date())
      if FileManager.default.fileExists(atPath: path) {
        let session = try UnitSession.open(
          at: path, operatorName: operatorName.isEmpty ? nil : operatorName, procedure: procedure)
        defer { session.close() }
        let changes = try plan.changes(for: answers, onto: session.state, file: file, today: today)
        if changes.isEmpty {
          print("Dziennik \(path) już zawiera wszystko z pliku \(file); nic nie zapisano.")
          return
        }
        try session.record(.batch(changes))
        print(
          "Zastosowano \(changes.count) zmian z \(file) w \(path) (jedno zdarzenie nr \(session.state.eventCount))."
        )
      } else {
        guard !operatorName.isEmpty else {
          throw CLIFailure(
            "Podaj, kto wprowadza zmiany: --operator \"Imię Nazwisko\" (albo pole \"operator\" w pliku).",
            code: 1)
        }
        let changes = try plan.changes(for: answers, onto: nil, file: file, today: today)
        let session = try UnitSession.create(
          at: path, unit: answers.unit, operatorName: operatorName, procedure: procedure)
        defer { session.close() }
        if !changes.isEmpty { try session.record(.batch(changes)) }
        print("Utworzono dziennik \(path) i zastosowano \(changes.count) zmian z \(file).")
      }
    }
  }
}
