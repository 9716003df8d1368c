import ArgumentParser
import EpuapDomain
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// `answers`: a unit's answers as one JSON file, exported or applied all at once.
struct AnswersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "answers",
    abstract: "Plik odpowiedzi (JSON): eksport z dziennika i zastosowanie do dziennika w całości.",
    subcommands: [ExportAnswersCommand.self, ApplyAnswersCommand.self])
}

struct ExportAnswersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Wypisuje odpowiedzi zapisane w dzienniku jako plik odpowiedzi.",
    discussion: """
      Z -o plik jest zapisywany jako nowy (0600) i dopiero gotowy zastępuje poprzedni. Nie zapisuje się \
      na dziennik, urządzenie, potok, folder ani przez dowiązanie symboliczne.
      """)

  @OptionGroup var options: JournalOptions
  @Option(name: .shortAndLong, help: "Zapisz do pliku zamiast na standardowe wyjście.") var output: String?

  func run() throws {
    try CLI.run {
      // Refused before anything is read, so a wrong target costs nothing.
      if let output { try NewFile.checkTarget(output) }
      let path = try options.resolveJournal()
      let (_, state) = try CLI.readJournal(path)
      let data = try AnswersFile.export(state).encoded() + Data("\n".utf8)
      if let output {
        try NewFile.replace(output, with: [UInt8](data))
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
      guard let bytes = try RegularFile.read(file, limit: FileLimits.answers) else {
        throw CLIFailure("Nie ma pliku odpowiedzi \(file). Sprawdź ścieżkę.", code: ExitStatus.missing)
      }
      let answers = try AnswersFile.decode(Data(bytes), file: file)
      let plan = AnswersPlan(validator: Validator(procedure: procedure))
      let path: String
      let directory = options.directory
      if let journal = options.journal {
        path = journal
      } else if let existing = try directory.files().first(where: {
        (try? JournalReader.load(path: $0)).flatMap { UnitState.fold($0.entries) }?.unit.entityIdentifier
          == answers.unit.entityIdentifier && !answers.unit.entityIdentifier.isEmpty
      }) {
        path = existing
      } else if Self.exists(directory.firstJournalPath(for: answers.unit)) {
        // The unit's journal is there but cannot be read (damaged, a newer version, …): opening it says
        // why. A second journal for the same unit would hide the first.
        path = directory.firstJournalPath(for: answers.unit)
      } else {
        path = directory.newJournalPath(for: answers.unit)
      }
      let operatorName = (`operator` ?? answers.operatorName ?? "").trimmedSpaces
      let today = JournalClock.day(Date())
      if Self.exists(path) {
        let session = try UnitSession.open(
          at: path, operatorName: operatorName.isEmpty ? nil : operatorName, procedure: procedure)
        defer { session.close() }
        // Reported whatever happens next: the torn line has been moved aside already.
        if let recovery = session.recovery { CLI.warn(recovery.message) }
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
            code: ExitStatus.refused)
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

  /// Whether anything is at `path`, a dangling symbolic link included (creating a journal there would
  /// fail; opening it says what it is).
  static func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }
}
