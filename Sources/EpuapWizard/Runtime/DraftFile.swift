import EpuapDomain
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The draft of one journal, kept beside it as `<journal>.szkic` (JSON, mode 0600).
///
/// Written the one way the program writes files (`NewFile`: a new file, synced, renamed over the old
/// one), so a killed process or a power cut leaves the previous draft or the new one, never half of one.
/// It is only a convenience: a draft that cannot be read is ignored, and the journal never depends on it.
struct DraftFile {
  /// The most a draft may hold; a larger file is not a draft of ours.
  static let maxSize = 1 << 20
  let path: String

  init(journalPath: String) { path = journalPath + ".szkic" }

  /// The new-unit form's draft, kept in the folder until the unit's journal exists.
  init(newUnitIn folder: String) { path = folder + "/" + Self.newUnitFileName }

  static let newUnitFileName = ".nowa-jednostka.szkic"

  /// The kept draft; nil when there is none or it is not a regular file of readable JSON.
  func read() -> Draft? {
    guard let bytes = try? RegularFile.read(path, limit: Self.maxSize, followLinks: false) else { return nil }
    return try? JSONDecoder().decode(Draft.self, from: Data(bytes))
  }

  /// Keeps `draft`, or removes the file when it is nil; the Polish reason when that failed, ending with
  /// `advice`.
  func write(_ draft: Draft?, advice: String = "Zapisz wpisany tekst (Tab lub F2), zanim wyjdziesz.")
    -> String?
  {
    guard let draft else {
      if unlink(path) != 0, errno != ENOENT {
        return
          "Nie można usunąć szkicu \(PathText.lastComponent(of: path)): \(SystemErrorText.polish(errno))."
      }
      return nil
    }
    do {
      try NewFile.replace(path, with: [UInt8](try JSONEncoder().encode(draft)))
      return nil
    } catch let error as JournalError {
      return "Nie można zachować szkicu: \(error.message) \(advice)"
    } catch {
      return "Nie można zachować szkicu. \(advice)"
    }
  }
}
