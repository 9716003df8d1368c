/// The lines of a long list made as its cursor reaches them, not all at once: the start screen's units
/// and the card list's cards.
///
/// A list's first frame makes its lines down to a screen below the cursor (a county's 200 units are not
/// all made for a screen that shows twenty). Later the lines are made a screenful ahead at a time, so
/// that walking down a list makes lines at one key in a screenful and none at the others.
enum LinesAhead {
  /// Appends to `lines`, which holds the lines of items `0..<lines.count`, the lines `line(index)` of
  /// the items down to a screen below `cursor` (of `count` items), and a screenful more when any is
  /// missing after the first frame.
  static func extend(
    _ lines: inout [String], count: Int, cursor: Int, screenHeight: Int, line: (Int) -> String
  ) {
    let reached = min(count, cursor + screenHeight + 1)
    guard lines.count < reached else { return }
    let made = lines.isEmpty ? reached : min(count, reached + screenHeight)
    for index in lines.count..<made { lines.append(line(index)) }
  }
}
