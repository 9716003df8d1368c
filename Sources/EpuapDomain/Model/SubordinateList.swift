/// The subordinate units a partner records at step 5.3 (Regulamin, § 6): their identifiers or names.
///
/// One place reads the list for the start screen, the folder summary and the Zlecenie zmiany.
public enum SubordinateList {
  /// The entries of a step 5.3 text: separated by commas, semicolons or line breaks, trimmed, each once.
  public static func names(_ text: String) -> [String] {
    var seen: Set<String> = []
    var result: [String] = []
    let separators: Set<Character> = [",", ";", "\n", "\r", "\r\n", "\u{2028}", "\u{2029}"]
    for part in text.split(whereSeparator: { separators.contains($0) }) {
      let entry = part.trimmed
      if !entry.isEmpty, seen.insert(entry).inserted { result.append(entry) }
    }
    return result
  }

  /// The units `state` lists at step 5.3; none for the Urząd Marszałkowski's own journal.
  public static func of(_ state: UnitState) -> [String] {
    state.unit.role == .partner
      ? names(state.step(KnownStep.subordinateUnits.id).values["jednostki"] ?? "") : []
  }

  /// Whether a unit (by its ePUAP identifier in any letter case, else by its exact name) is one of `names`.
  public static func contains(_ names: [String], identifier: String, name: String) -> Bool {
    names.contains { listed in
      (!identifier.isEmpty && listed.lowercased() == identifier.lowercased()) || listed == name
    }
  }
}
