/// What a cell's colour means; the terminal maps roles to colours (or to attributes without colour).
public enum ColorRole: UInt8, Sendable, Hashable, CaseIterable {
  case normal, accent, success, warning, error, muted, title
}

/// Text attributes that work on every terminal, with or without colour.
public struct TextStyle: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let bold = TextStyle(rawValue: 1)
  public static let reverse = TextStyle(rawValue: 2)
  public static let underline = TextStyle(rawValue: 4)
  public static let dim = TextStyle(rawValue: 8)
}

/// A cell's look: a colour role and attributes.
public struct Style: Equatable, Sendable, Hashable {
  public var color: ColorRole
  public var text: TextStyle

  public init(_ color: ColorRole = .normal, _ text: TextStyle = []) {
    self.color = color
    self.text = text
  }

  public static let plain = Style()
}
