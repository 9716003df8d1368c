import EpuapDomain
import ScreenKit

/// A cursor in a list that keys move, with the filter typed after `/`: the start screen's units and the
/// card list keep one each, and the overview and finish screen move their cursors the same way.
///
///     if let moved = FilteredList.moved(cursor, by: key, count: rows.count, page: 10) { cursor = moved }
public struct FilteredList: Equatable, Sendable {
  public var cursor: Int = 0
  public var filter = TextInput()
  /// Whether typed letters go into the filter.
  public var filtering = false

  public init() {}

  /// The filter as typed, trimmed; empty: every row.
  public var query: String { filter.text.trimmedSpaces }

  /// A key while the filter is typed.
  ///
  /// Letters edit it; Enter, Tab and the arrows end typing, Esc also clears it. The cursor goes back to
  /// the first row, as the rows change.
  mutating func editFilter(_ key: Key) {
    switch key {
    case .enter, .escape, .down, .up, .tab:
      filtering = false
      if key == .escape { filter = TextInput() }
    case .character(let character): filter.insert(character)
    case .backspace: filter.backspace()
    case .delete: filter.deleteForward()
    case .left: filter.moveLeft()
    case .right: filter.moveRight()
    case .control("u"): filter.clear()
    default: break
    }
    cursor = 0
  }

  /// Where a cursor at `cursor` in `count` rows goes with `key` (↑↓ or k/j, PgUp/PgDn by `page` rows,
  /// Home/End); nil when the key does not move a cursor.
  static func moved(_ cursor: Int, by key: Key, count: Int, page: Int) -> Int? {
    let last = max(0, count - 1)
    switch key {
    case .up, .character("k"): return max(0, cursor - 1)
    case .down, .character("j"): return min(last, cursor + 1)
    case .pageUp: return max(0, cursor - max(1, page))
    case .pageDown: return min(last, cursor + max(1, page))
    case .home: return 0
    case .end: return last
    default: return nil
    }
  }
}

/// The service card list is a filtered list.
public typealias CardList = FilteredList
