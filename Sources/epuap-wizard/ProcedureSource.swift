import EpuapDomain
import FoundationEssentials

/// Where the commands' procedure and the start screen's summary cache come from.
enum ProcedureSource {
  /// The built-in procedure, or the file `EPUAP_WIZARD_PROCEDURE` names: read only when it is a regular
  /// file of sensible size (a FIFO or `/dev/zero` is refused at once), and with Foundation's English
  /// descriptions of broken JSON left out of the message.
  static func load(environment: [String: String] = ProcessEnvironment.current)
    -> Result<Procedure, CLIFailure>
  {
    do throws(ProcedureError) {
      guard let path = environment["EPUAP_WIZARD_PROCEDURE"], !path.isEmpty else {
        return .success(try ProcedureLoader.builtIn())
      }
      let bytes: [UInt8]
      do throws(JournalError) {
        guard let read = try RegularFile.read(path, limit: FileLimits.procedure) else {
          return .failure(
            CLIFailure(
              "Nie ma pliku procedury \(path) (zmienna EPUAP_WIZARD_PROCEDURE). Sprawdź ścieżkę albo usuń "
                + "zmienną, aby użyć procedury wbudowanej.", code: ExitStatus.missing))
        }
        bytes = read
      } catch {
        return .failure(CLIFailure(error.message, code: ExitStatus.code(for: error.kind)))
      }
      return .success(try ProcedureLoader.load(Data(bytes), file: path))
    } catch {
      var error = error
      if error.problem.hasPrefix("niepoprawny JSON") { error.problem = "niepoprawny JSON" }
      return .failure(CLIFailure(error.message, code: ExitStatus.damaged))
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
