/// The size of a screen in columns and rows.
///
///     let size = ScreenSize(width: 80, height: 24)
public struct ScreenSize: Equatable, Sendable, Hashable {
  public var width: Int
  public var height: Int

  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  /// The smallest screen the wizard lays out for; checking it is the caller's job.
  public static let minimumSize = ScreenSize(width: 80, height: 24)
}

/// Where the terminal's text cursor is shown, in columns and rows from the top left.
///
/// A struct rather than a tuple so that `ScreenBuffer` stays `Equatable` by synthesis.
public struct CursorPosition: Equatable, Sendable, Hashable {
  public var x: Int
  public var y: Int

  public init(x: Int, y: Int) {
    self.x = x
    self.y = y
  }
}
