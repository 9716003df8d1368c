import EpuapDomain
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `writeChecklist` did: the file it wrote and, when it printed, what `lp` said.
public struct ChecklistPrintResult: Sendable, Equatable {
  public var path: String
  /// What `lp` said when the file was sent to a printer, such as „request id is Biuro-12 (1 file(s))”.
  public var lpOutput: String?
  /// A Polish sentence saying where the checklist went.
  public var message: String
}

/// Why the checklist could not be written or printed; each with a Polish message that says what to do.
///
/// `description` is the message too, so code that shows any error's description shows the Polish text.
public enum ChecklistPrintError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file could not be written (nothing was sent to a printer).
  case writeFailed(path: String, reason: String)
  /// The target is not written over: a journal, a link, a device, a FIFO, a folder. It was left as it was.
  case targetRefused(path: String, reason: String)
  /// `lp` is not on the PATH. The file was written.
  case lpMissing(file: String, format: ChecklistFormat)
  /// `lp` could not be started or exited with a non-zero status. The file was written.
  case lpFailed(file: String, format: ChecklistFormat, command: String, status: Int32, output: String)

  public var message: String {
    switch self.cleaned {
    case .writeFailed(let path, let reason):
      return "Nie można zapisać listy kontrolnej do \(path): \(reason). Sprawdź ścieżkę i uprawnienia, "
        + "albo podaj inny plik: --output PLIK."
    case .targetRefused(let path, let reason):
      return "Nie zapisano listy kontrolnej do \(path): \(reason). Plik zostawiono bez zmian; "
        + "podaj inny plik: --output PLIK."
    case .lpMissing(let file, let format):
      return "Nie wydrukowano: nie znaleziono polecenia „lp” (system drukowania CUPS, pakiet cups-client). "
        + "Lista kontrolna została zapisana do pliku \(file).\n" + Self.byHand(file, format)
    case .lpFailed(let file, let format, let command, let status, let output):
      let said = output.isEmpty ? "" : " Komunikat lp: \(output)"
      return "Nie wydrukowano: polecenie „\(command)” zakończyło się błędem (kod \(status)).\(said) "
        + "Lista kontrolna została zapisana do pliku \(file).\n"
        + "Sprawdź drukarkę (lpstat -p -d). " + Self.byHand(file, format)
    }
  }

  public var description: String { message }

  /// The same error with every path and output made safe to show on a terminal.
  private var cleaned: ChecklistPrintError {
    switch self {
    case .writeFailed(let path, let reason): .writeFailed(path: ReportText.clean(path), reason: reason)
    case .targetRefused(let path, let reason): .targetRefused(path: ReportText.clean(path), reason: reason)
    case .lpMissing(let file, let format): .lpMissing(file: ReportText.clean(file), format: format)
    case .lpFailed(let file, let format, let command, let status, let output):
      .lpFailed(
        file: ReportText.clean(file), format: format, command: ReportText.clean(command), status: status,
        output: ReportText.clean(output))
    }
  }

  private static func byHand(_ file: String, _ format: ChecklistFormat) -> String {
    switch format {
    case .html:
      return
        "Aby wydrukować ręcznie: otwórz plik w przeglądarce i wybierz Drukuj (A4), albo: lp \(shellQuoted(file))"
    default:
      return "Aby wydrukować ręcznie: lp \(shellQuoted(file)) (albo otwórz plik w edytorze i wybierz Drukuj)."
    }
  }
}

/// Renders `document` in `format`, writes it to `path` and, with `lp`, sends the file to the printer.
///
/// The file is replaced atomically (mode 0600); a journal, a link, a device, a FIFO or a folder at `path` is
/// refused and left as it was. Used by `epuap-wizard print` and the wizard's key `p`:
///
///     let document = ChecklistDocument(procedure: session.procedure, state: session.state,
///                                      journal: .init(name: "pzgliwice.jsonl"), generatedAt: Date())
///     let result = try writeChecklist(document, format: .html, to: ChecklistFormat.html.defaultPath(forJournal: session.path))
///     // result.message: „Zapisano listę kontrolną (HTML) do pliku …”
///
/// When printing fails the file stays written and the error says where it is and how to print it by hand.
@discardableResult
public func writeChecklist(
  _ document: ChecklistDocument, format: ChecklistFormat, to path: String, lp: LPSender? = nil
) throws(ChecklistPrintError) -> ChecklistPrintResult {
  try ChecklistFile.write(format.render(document), to: path)
  let written = "Zapisano listę kontrolną (\(format.polishName)) do pliku \(ReportText.clean(path))."
  guard let lp else { return ChecklistPrintResult(path: path, lpOutput: nil, message: written) }
  let output = try lp.send(file: path, format: format)
  let printer = lp.printer.map { "drukarki \(ReportText.clean($0))" } ?? "drukarki domyślnej"
  let said = output.isEmpty ? "" : " (\(output))"
  return ChecklistPrintResult(
    path: path, lpOutput: output, message: written + " Wysłano do \(printer)\(said).")
}

/// Sends a file to a printer with CUPS `lp [-d DRUKARKA] -- PLIK`.
public struct LPSender: Sendable {
  /// `-d` printer; nil for the default printer.
  public var printer: String?
  /// The environment `lp` runs with; its `PATH` is where `lp` is looked for.
  public var environment: [String: String]

  public init(printer: String? = nil, environment: [String: String] = ProcessEnvironment.current) {
    self.printer = printer?.isEmpty == true ? nil : printer
    self.environment = environment
  }

  /// The arguments given to `lp`: `--` before the file, so that a name starting with `-` is not an option.
  public func arguments(file: String) -> [String] {
    (printer.map { ["-d", $0] } ?? []) + ["--", file]
  }

  /// The `lp` found on the `PATH` of `environment`, if any.
  public func executable() -> String? { ExecutableSearch.find("lp", environment: environment) }

  /// Runs `lp` on `file` and returns what it printed (cleaned, on one line).
  public func send(file: String, format: ChecklistFormat) throws(ChecklistPrintError) -> String {
    guard let executable = executable() else { throw .lpMissing(file: file, format: format) }
    let arguments = arguments(file: file)
    let command = (["lp"] + arguments).map(shellQuoted).joined(separator: " ")
    let outcome: ChildProcess.Outcome
    do {
      outcome = try ChildProcess.run(executable: executable, arguments: arguments, environment: environment)
    } catch {
      throw .lpFailed(
        file: file, format: format, command: command, status: -1, output: ReportText.clean("\(error)"))
    }
    let output = ReportText.clean(String(decoding: outcome.output, as: UTF8.self)).trimmedSpaces
    guard outcome.status == 0 else {
      throw .lpFailed(file: file, format: format, command: command, status: outcome.status, output: output)
    }
    return output
  }
}

/// Writes the printout the way the program writes every file (`NewFile`), so a reader never sees half a
/// checklist and nothing but a regular file that is not a journal is ever replaced.
enum ChecklistFile {
  static func write(_ text: String, to path: String) throws(ChecklistPrintError) {
    do throws(JournalError) {
      try NewFile.replace(path, with: Array(text.utf8))
    } catch {
      switch error {
      case .unsafeTarget(_, let reason): throw .targetRefused(path: path, reason: reason)
      case .diskFull: throw .writeFailed(path: path, reason: SystemErrorText.polish(ENOSPC))
      case .permissionDenied: throw .writeFailed(path: path, reason: SystemErrorText.polish(EACCES))
      case .notFound: throw .writeFailed(path: path, reason: "nie ma takiego folderu")
      case .io(_, _, let code): throw .writeFailed(path: path, reason: SystemErrorText.polish(code))
      default: throw .writeFailed(path: path, reason: error.message)
      }
    }
  }
}

/// `text` quoted for a POSIX shell when it needs it, for commands shown to the clerk.
public func shellQuoted(_ text: String) -> String {
  let plain = text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./:=@%+,".contains($0)) }
  return plain && !text.isEmpty ? text : "'" + text.replacing("'", with: "'\\''") + "'"
}
