/// The subordinate units a partner records at step 5.3 (Regulamin, § 6): their identifiers or names, one
/// per comma, semicolon or line.
public enum SubordinateList {
  public static func names(_ text: String) -> [String] {
    text.split { $0 == "," || $0 == ";" || $0 == "\n" }.map { $0.trimmedSpaces }.filter { !$0.isEmpty }
  }

  /// The units `state` lists at step 5.3.
  public static func of(_ state: UnitState) -> [String] { names(state.step("5.3").values["jednostki"] ?? "") }

  /// Whether `unit` (by identifier, else by exact name, letter case aside) is one of `names`.
  public static func contains(_ names: [String], identifier: String, name: String) -> Bool {
    names.contains { listed in
      (!identifier.isEmpty && listed.lowercased() == identifier.lowercased()) || listed == name
    }
  }
}
