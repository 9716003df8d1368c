/// The deadlines the code relies on by id: the printed Zlecenie zmiany states the date by which the
/// Centrum ends the unit's access, from the same rule the wizard's timeline counts.
public enum KnownDeadline: String, CaseIterable, Sendable {
  /// Regulamin § 5: the Centrum ends the unit's access at the latest some days after the Zlecenie zmiany
  /// (step 5.2) is filed.
  case accessEnds = "koniec-dostepu"

  /// The deadline's id in the procedure.
  public var id: String { rawValue }
}
