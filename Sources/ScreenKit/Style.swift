/// What a cell's colour means; the terminal layer maps each role to a colour, or to an attribute
/// where there is no colour, so screens say "error" and never "red".
public enum ColorRole: UInt8, Sendable, Hashable, CaseIterable {
  case normal, accent, success, warning, error, muted, title
}

/// Text attributes that every terminal can show, with or without colour.
///
///     let focused: TextStyle = [.bold, .reverse]
public struct TextStyle: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8

  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let bold = TextStyle(rawValue: 1 << 0)
  public static let reverse = TextStyle(rawValue: 1 << 1)
  public static let underline = TextStyle(rawValue: 1 << 2)
  public static let dim = TextStyle(rawValue: 1 << 3)
}

/// A cell's look: a colour role and text attributes.
///
///     let warning = Style(.warning, [.bold])
public struct Style: Equatable, Sendable, Hashable {
  public var color: ColorRole
  public var text: TextStyle

  public init(_ color: ColorRole = .normal, _ text: TextStyle = []) {
    self.color = color
    self.text = text
  }

  /// The terminal's default colours, no attributes.
  public static let plain = Style()
}
