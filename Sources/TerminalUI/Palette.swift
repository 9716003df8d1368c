import CNcursesw
import ScreenKit

/// How `Style`s become ncurses attributes and colour pairs.
///
/// With colour, each `ColorRole` has its own pair on the terminal's default background. With
/// `NO_COLOR`, or on a terminal without (default) colours, no colour is used at all and the roles
/// that must stand out become attributes instead: accent, warning, error and title bold, muted dim.
struct Palette {
  /// Whether `start_color` ran and the pairs exist.
  let usesColor: Bool
  /// Colour of muted text where the terminal has a grey (bright black); else muted is dimmed.
  private let hasGrey: Bool

  /// Starts colours unless `noColor` (the `NO_COLOR` convention) or the terminal cannot.
  init(noColor: Bool) {
    guard !noColor, has_colors() else {
      usesColor = false
      hasGrey = false
      return
    }
    start_color()
    guard use_default_colors() == epuap_ok(), epuap_color_pairs() > Int32(ColorRole.allCases.count) else {
      usesColor = false
      hasGrey = false
      return
    }
    hasGrey = epuap_colors() >= 16
    let foregrounds: [(ColorRole, Int16)] = [
      (.accent, epuap_color_cyan()), (.success, epuap_color_green()), (.warning, epuap_color_yellow()),
      (.error, epuap_color_red()), (.muted, hasGrey ? 8 : -1), (.title, epuap_color_blue()),
    ]
    for (role, foreground) in foregrounds { init_pair(Self.pair(for: role), foreground, -1) }
    usesColor = true
  }

  /// The attributes and colour pair for one cell.
  func attributes(for style: Style) -> (attributes: attr_t, pair: Int16) {
    var attributes = epuap_attr_normal()
    if style.text.contains(.bold) { attributes |= epuap_attr_bold() }
    if style.text.contains(.reverse) { attributes |= epuap_attr_reverse() }
    if style.text.contains(.underline) { attributes |= epuap_attr_underline() }
    if style.text.contains(.dim) { attributes |= epuap_attr_dim() }
    if usesColor {
      if style.color == .muted, !hasGrey { attributes |= epuap_attr_dim() }
      return (attributes, Self.pair(for: style.color))
    }
    switch style.color {
    case .accent, .warning, .error, .title: attributes |= epuap_attr_bold()
    case .muted: attributes |= epuap_attr_dim()
    case .normal, .success: break
    }
    return (attributes, 0)
  }

  /// Pair 0 is the terminal's default; the other roles use their raw value.
  private static func pair(for role: ColorRole) -> Int16 { Int16(role.rawValue) }
}
