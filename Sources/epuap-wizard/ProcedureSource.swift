import EpuapDomain
import FoundationEssentials

/// Where the commands' procedure and the start screen's summary cache come from.
enum ProcedureSource {
  /// The built-in procedure, or the file `EPUAP_WIZARD_PROCEDURE` names: read only when it is a regular
  /// file of sensible size (a FIFO or `/dev/zero` is refused at once), and with Foundation's English
  /// descriptions of broken JSON left out of the message.
  static func load(environment: [String: String] = ProcessEnvironment.current) throws(CLIFailure) -> Procedure
  {
    guard let path = environment["EPUAP_WIZARD_PROCEDURE"], !path.isEmpty else {
      return try decoded { () throws(ProcedureError) in try ProcedureLoader.builtIn() }
    }
    let read: [UInt8]?
    do throws(JournalError) {
      read = try RegularFile.read(path, limit: FileLimits.procedure)
    } catch {
      throw CLIFailure(error.message, code: ExitStatus.code(for: error.kind))
    }
    guard let bytes = read else {
      throw CLIFailure(
        "Nie ma pliku procedury \(path) (zmienna EPUAP_WIZARD_PROCEDURE). Sprawdź ścieżkę albo usuń "
          + "zmienną, aby użyć procedury wbudowanej.", code: ExitStatus.missing)
    }
    return try decoded { () throws(ProcedureError) in try ProcedureLoader.load(Data(bytes), file: path) }
  }

  /// The procedure `load` gives, or the failure that names what is wrong in its file.
  private static func decoded(_ load: () throws(ProcedureError) -> Procedure) throws(CLIFailure) -> Procedure
  {
    do throws(ProcedureError) {
      return try load()
    } catch {
      var error = error
      if error.problem.hasPrefix("niepoprawny JSON") { error.problem = "niepoprawny JSON" }
      throw CLIFailure(error.message, code: ExitStatus.damaged)
    }
  }

  /// The summary cache of `directory`, for the summaries this program computes with the standard procedure.
  static func summaryCache(
    for directory: JournalDirectory, environment: [String: String] = ProcessEnvironment.current
  ) -> JournalSummaryCache {
    let procedure = environment["EPUAP_WIZARD_PROCEDURE"].flatMap { $0.isEmpty ? nil : $0 } ?? "wbudowana"
    return JournalSummaryCache(
      folder: directory.path, key: "epuap-wizard \(EpuapWizardCommand.version); procedura: \(procedure)")
  }
}
