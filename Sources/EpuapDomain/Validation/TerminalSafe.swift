extension String {
  /// The text with every control character (C0 incl.
  ///
  /// ESC, DEL, C1, bidi overrides, line separators)
  /// replaced by „�”, so recorded values can never drive a terminal or a printer. Newlines are kept only
  /// when `keepNewlines` is set.
  public func terminalSafe(keepNewlines: Bool = false) -> String {
    guard unicodeScalars.contains(where: { FieldValidator.isControl($0) }) else { return self }
    var scalars = String.UnicodeScalarView()
    for scalar in unicodeScalars {
      if keepNewlines, scalar == "\n" {
        scalars.append(scalar)
      } else if FieldValidator.isControl(scalar) {
        scalars.append("\u{FFFD}")
      } else {
        scalars.append(scalar)
      }
    }
    return String(scalars)
  }
}
