import EpuapDomain
import FoundationEssentials
import ScreenKit

/// What a key did to an item form: moved or edited (stay), asked to save, or asked to leave.
enum FormKeyResult {
  case handled
  case save
  case leave
  case unhandled
}

extension FormState {
  /// The row after the last field: „Zapisz”.
  var saveRow: Int { entries.count }

  /// Keys shared by every item form: move between fields and the save row, edit, Enter, Esc.
  mutating func handleFormKey(_ key: Key) -> FormKeyResult {
    switch key {
    case .escape: return .leave
    case .up, .backTab:
      if focus == saveRow { focus = visibleIndices.last ?? 0 } else { _ = moveFocus(by: -1) }
      return .handled
    case .down, .tab:
      if focus != saveRow, !moveFocus(by: 1) { focus = saveRow }
      return .handled
    case .enter:
      if focus == saveRow { return .save }
      if !moveFocus(by: 1) { focus = saveRow }
      return .handled
    case .function(2): return .save
    default:
      if focus == saveRow {
        if key == .character(" ") { return .save }
        return .unhandled
      }
      return edit(key) ? .handled : .unhandled
    }
  }
}

extension WizardModel {
  /// Feeds a key to an item form (a mailbox, a system, a card); returns the form when the key asks to save it.
  ///
  /// Otherwise the form is shown again as `shown` makes it, or left; `adjust` runs after every key.
  mutating func keyInItemForm(
    _ key: Key, _ item: ItemForm, shown: (ItemForm) -> Screen, adjust: (inout FormState) -> Void = { _ in }
  ) -> ItemForm? {
    var item = item
    let result = item.form.handleFormKey(key)
    adjust(&item.form)
    switch result {
    case .leave: leaveForm()
    case .handled, .unhandled: screen = shown(item)
    case .save: return item
    }
    return nil
  }
}
