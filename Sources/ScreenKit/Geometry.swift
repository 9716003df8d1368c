/// The size of a screen in columns and rows.
public struct ScreenSize: Equatable, Sendable, Hashable {
  public var width: Int
  public var height: Int

  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  /// The smallest screen the wizard draws on; below it, a „powiększ okno” message.
  public static let minimumSize = ScreenSize(width: 80, height: 24)
}

/// Where the terminal's text cursor is shown.
public struct CursorPosition: Equatable, Sendable, Hashable {
  public var x: Int
  public var y: Int

  public init(x: Int, y: Int) {
    self.x = x
    self.y = y
  }
}
