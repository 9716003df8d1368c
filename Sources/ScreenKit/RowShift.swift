/// A block of rows whose contents moved up or down by one row between two frames, as a list does when
/// it scrolls: a terminal can scroll the block and draw only the row that came in, instead of every cell.
public struct RowShift: Equatable, Sendable {
  /// The first and last row of the block (inclusive).
  public var top: Int
  public var bottom: Int
  /// 1: the contents moved up (row y now shows what row y + 1 showed, and `bottom` is new);
  /// -1: down (row y shows what row y − 1 showed, and `top` is new).
  public var lines: Int

  public init(top: Int, bottom: Int, lines: Int) {
    self.top = top
    self.bottom = bottom
    self.lines = lines
  }

  /// The row left without contents by the scroll, to be drawn in full.
  public var vacatedRow: Int { lines > 0 ? bottom : top }

  /// Which row of the previous frame row `y` shows after the scroll; `nil` for the vacated row.
  public func sourceRow(of y: Int) -> Int? {
    guard y >= top, y <= bottom else { return y }
    return y == vacatedRow ? nil : y + lines
  }
}

extension ScreenBuffer {
  /// The shift by one row that explains the most changed rows between `previous` and this frame, when it
  /// explains at least `minimumRows` of them; `nil` when the frames differ in size or no such block exists.
  public func rowShift(from previous: ScreenBuffer, minimumRows: Int = 3) -> RowShift? {
    guard previous.size == size, size.height > minimumRows, size.width > 0 else { return nil }
    let width = size.width
    let height = size.height
    return cells.withUnsafeBufferPointer { now in
      previous.cells.withUnsafeBufferPointer { before in
        /// Whether row `y` of this frame equals row `source` of the previous one.
        func same(_ y: Int, _ source: Int) -> Bool {
          Cell.same(row: now.baseAddress! + y * width, before.baseAddress! + source * width, count: width)
        }
        let changed = (0..<height).map { !same($0, $0) }
        guard changed.count(where: { $0 }) >= minimumRows else { return nil }
        var best: (shift: RowShift, gain: Int)?
        for lines in [1, -1] {
          var y = lines > 0 ? 0 : 1
          while y < height && y + lines < height {
            guard changed[y], same(y, y + lines) else {
              y += 1
              continue
            }
            var end = y
            var gain = 0
            while end < height, end + lines < height, end + lines >= 0, same(end, end + lines) {
              if changed[end] { gain += 1 }
              end += 1
            }
            // Rows y..<end moved; the block also takes in the row the contents come from at its edge.
            let shift =
              lines > 0
              ? RowShift(top: y, bottom: end, lines: 1) : RowShift(top: y - 1, bottom: end - 1, lines: -1)
            if gain >= minimumRows, shift.bottom < height, gain > best?.gain ?? 0 { best = (shift, gain) }
            y = end + 1
          }
        }
        return best?.shift
      }
    }
  }
}
