import EpuapDomain
import FoundationEssentials
import ScreenKit

extension WizardModel {

  func systemForm(for system: SystemEntry?) -> ItemForm {
    let fields = procedure.step(KnownStep.systems.id)?.fields ?? []
    let suggested = (unit?.systems.isEmpty ?? true) && system == nil
    let values = [
      "nazwa": system?.name ?? (suggested ? procedure.sekapSystemName : ""),
      "typ": system?.type ?? (suggested ? "Zewnętrzny" : ""),
      "opis": system?.description ?? (suggested ? "serwer SEKAP" : ""), "uwagi": system?.note ?? "",
    ]
    return ItemForm(itemID: system?.name, form: FormState(fields: fields, values: values))
  }

  mutating func handleSystemFormKey(_ key: Key, item: ItemForm) -> [WizardEffect] {
    guard var item = keyInItemForm(key, item, shown: Screen.systemForm) else { return [] }
    let system = SystemEntry(
      name: item.form.value("nazwa").trimmedSpaces,
      type: item.form.value("typ"), description: item.form.value("opis").trimmedSpaces,
      note: item.form.value("uwagi").trimmedSpaces)
    let valid = item.form.validate { field, value in
      validator.fields.check(field, value, stepID: KnownStep.systems.id, requireFilled: true)
    }
    guard valid else {
      item.form.focusFirstError()
      screen = .systemForm(item)
      message = .error("Popraw zaznaczone pola; nic jeszcze nie zapisano.")
      return []
    }
    screen = .systemForm(item)
    var changes: [JournalChange] = [.systemSaved(system)]
    if let original = item.itemID, original != system.name {
      changes.insert(.systemRemoved(ItemRef(id: original)), at: 0)
    }
    let note =
      system.name == procedure.sekapSystemName
      ? "" : " To nie jest serwer SEKAP: zanotuj, do czego służy — kreator nie zaleca jego usuwania."
    return record(
      changes.count == 1 ? changes[0] : .batch(changes),
      then: .popScreen("Zapisano system \(system.name).\(note)"))
  }
}
