import CNcursesw
import ScreenKit

/// What `wget_wch` returns, as `Key`s.
///
/// A character arrives whole (a Polish letter is one `.character`), because ncursesw decodes UTF-8
/// in the user's locale. Keys that mean nothing to the wizard map to nil.
enum KeyCodes {
  /// A key that `wget_wch` reported with KEY_CODE_YES (arrows, F-keys, …); KEY_RESIZE is not here.
  static func key(forCode code: Int32) -> Key? {
    switch code {
    case epuap_key_up(): return .up
    case epuap_key_down(): return .down
    case epuap_key_left(): return .left
    case epuap_key_right(): return .right
    case epuap_key_home(): return .home
    case epuap_key_end(): return .end
    case epuap_key_ppage(): return .pageUp
    case epuap_key_npage(): return .pageDown
    case epuap_key_dc(): return .delete
    case epuap_key_backspace(): return .backspace
    case epuap_key_btab(): return .backTab
    case epuap_key_enter(): return .enter
    case epuap_key_f(1)...epuap_key_f(63): return .function(Int(code - epuap_key_f(0)))
    default: return nil
    }
  }

  /// A character that `wget_wch` returned with OK.
  ///
  /// Terminals send Enter as CR (the terminal is in `nonl` mode) or LF, Backspace as DEL or BS, and
  /// Ctrl with a letter as 1…26. Other controls, C1 codes and invalid scalars are dropped.
  static func key(forCharacter value: UInt32) -> Key? {
    switch value {
    case 10, 13: return .enter
    case 9: return .tab
    case 27: return .escape
    case 127, 8: return .backspace
    case 1...26: return .control(Character(Unicode.Scalar(UInt8(value) + 0x60)))
    case 0..<32, 0x80..<0xA0: return nil
    default:
      guard let scalar = Unicode.Scalar(value) else { return nil }
      return .character(Character(scalar))
    }
  }
}
