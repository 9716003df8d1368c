import EpuapDomain
import FoundationEssentials
import ScreenKit

extension WizardModel {

  func mailboxForm(for mailbox: Mailbox?) -> ItemForm {
    let fields = procedure.step(KnownStep.mailboxes.id)?.fields ?? []
    let values = [
      "adres": mailbox?.address ?? "/\(unit?.unit.entityIdentifier ?? "")/",
      "dzialanie": mailbox?.action.rawValue ?? MailboxAction.keep.rawValue, "uwagi": mailbox?.note ?? "",
    ]
    return ItemForm(itemID: mailbox?.id, form: FormState(fields: fields, values: values))
  }

  mutating func handleMailboxFormKey(_ key: Key, item: ItemForm) -> [WizardEffect] {
    guard var item = keyInItemForm(key, item, shown: Screen.mailboxForm) else { return [] }
    guard let unit else { return [] }
    let entry = MailboxEntry(
      id: item.itemID ?? unit.nextID(prefix: "skrytka"),
      address: item.form.value("adres").trimmedSpaces,
      action: MailboxAction(rawValue: item.form.value("dzialanie")) ?? .keep,
      note: item.form.value("uwagi").trimmedSpaces)
    let issues = validator.checkMailbox(entry, in: unit)
    _ = item.form.validate { field, _ in
      field.id == "adres" ? issues.filter { $0.rule != .controlCharacters } : []
    }
    if let index = item.form.entries.firstIndex(where: { $0.field.id == "uwagi" }),
      let control = issues.first(where: { $0.rule == .controlCharacters })
    {
      item.form.setError(control, at: index)
    }
    if issues.errors.isEmpty == false {
      item.form.focusFirstError()
      screen = .mailboxForm(item)
      message = .error(issues.errors[0].message)
      return []
    }
    screen = .mailboxForm(item)
    let warning = issues.warnings.first.map { " Uwaga: \($0.message)" } ?? ""
    return record(.mailboxSaved(entry), then: .popScreen("Zapisano skrytkę \(entry.address).\(warning)"))
  }
}
