/// Compares two screens given as lines (see `ScreenBuffer.lines()`) and describes how they differ,
/// for a failing test to print; nil when they are equal.
///
/// Both screens are printed whole, rows numbered and differing rows marked with `>`, because a
/// misplaced line is easier to see in the full picture than in a list of changes.
///
///     if let diff = screenDiff(buffer.lines(), expected) { Issue.record(Comment(rawValue: diff)) }
public func screenDiff(_ actual: [String], _ expected: [String]) -> String? {
  guard actual != expected else { return nil }
  let rows = max(actual.count, expected.count)
  let differing = (0..<rows).filter { row in
    row >= actual.count || row >= expected.count || actual[row] != expected[row]
  }
  var report = ["Screens differ in rows \(differing.map(String.init).joined(separator: ", "))."]
  if actual.count != expected.count {
    report.append("Expected \(expected.count) rows, got \(actual.count).")
  }
  for (title, screen) in [("expected", expected), ("actual", actual)] {
    report.append("--- \(title) ---")
    for (row, line) in screen.enumerated() {
      let mark = differing.contains(row) ? ">" : " "
      let number = String(row)
      let padding = String(repeating: " ", count: max(0, 3 - number.count))
      report.append(mark + padding + number + " |" + line + "|")
    }
  }
  return report.joined(separator: "\n")
}
