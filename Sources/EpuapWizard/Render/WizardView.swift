import EpuapDomain
import ScreenKit

/// The wizard's one view: `render(model)` draws the whole screen into a buffer.
///
/// Pure; the terminal layer
/// copies the buffer to the screen, and tests compare it as text.
public enum WizardView {
  public static func render(_ model: WizardModel) -> ScreenBuffer {
    var buffer = ScreenBuffer(size: model.size)
    render(model, into: &buffer)
    return buffer
  }

  /// `render(model)` into `buffer`, which is blanked first (`ScreenBuffer.reset`): the runner passes the
  /// frame before last, so that a key press does not allocate a new frame.
  public static func render(_ model: WizardModel, into buffer: inout ScreenBuffer) {
    buffer.reset(size: model.size)
    let size = model.size
    guard size.width >= ScreenSize.minimumSize.width, size.height >= ScreenSize.minimumSize.height else {
      drawTooSmall(&buffer)
      return
    }
    let frame = Frame(model: model)
    frame.drawTitleBar(&buffer)
    let area = ContentArea(top: 3, height: size.height - 5, width: size.width)
    switch model.screen {
    case .start(let list): StartView.draw(model, list: list, into: &buffer, area: area)
    case .newUnit(let form): FormView.drawNewUnit(model, form: form, into: &buffer, area: area)
    case .overview(let cursor): OverviewView.draw(model, cursor: cursor, into: &buffer, area: area)
    case .step(let step): StepView.draw(model, step: step, into: &buffer, area: area)
    case .mailboxForm(let item): FormView.drawMailbox(model, item: item, into: &buffer, area: area)
    case .settings(let settings): FormView.drawSettings(model, settings: settings, into: &buffer, area: area)
    case .systemForm(let item): FormView.drawSystem(model, item: item, into: &buffer, area: area)
    case .cardList(let list): CardListView.draw(model, list: list, into: &buffer, area: area)
    case .cardForm(let item): FormView.drawCard(model, item: item, into: &buffer, area: area)
    case .finish(let cursor): FinishView.draw(model, cursor: cursor, into: &buffer, area: area)
    }
    frame.drawMessage(&buffer)
    frame.drawHints(&buffer)
    if let overlay = model.overlay {
      OverlayView.draw(overlay, model: model, into: &buffer)
    }
  }

  static func drawTooSmall(_ buffer: inout ScreenBuffer) {
    let size = buffer.size
    let lines = [
      "Okno jest za małe: \(size.width)×\(size.height).",
      "Powiększ okno do co najmniej \(ScreenSize.minimumSize.width)×\(ScreenSize.minimumSize.height).",
      "Nic nie zginęło — wszystko jest zapisane.",
    ]
    let top = max(0, size.height / 2 - 1)
    for (offset, line) in lines.enumerated() where top + offset < size.height {
      let text = DisplayWidth.truncate(line, to: size.width)
      buffer.write(
        text, x: max(0, (size.width - DisplayWidth.of(text)) / 2), y: top + offset, style: Styles.warning)
    }
  }
}

/// The rectangle between the heading and the message line.
struct ContentArea {
  var top: Int
  var height: Int
  var width: Int
}

/// Title bar, heading, message line and key hints: the frame every screen shares.
struct Frame {
  let model: WizardModel

  func drawTitleBar(_ buffer: inout ScreenBuffer) {
    let width = buffer.size.width
    buffer.fill(x: 0, y: 0, width: width, height: 1, style: Styles.title)
    var left = " epuap-wizard"
    if let unit = model.unit {
      left += " │ " + unit.unit.name
      if let path = unit.path { left += " │ " + ShortNames.path(path) }
    }
    var right = ""
    if let checklist = model.checklist {
      right = "zrobione \(checklist.doneCount + checklist.skippedCount)/\(checklist.applicableCount) "
    }
    let leftWidth = width - DisplayWidth.of(right) - 1
    buffer.write(DisplayWidth.truncate(left, to: leftWidth), x: 0, y: 0, style: Styles.title)
    buffer.write(right, x: width - DisplayWidth.of(right), y: 0, style: Styles.title)
    let (heading, tag, location) = headingTexts()
    let tagWidth = DisplayWidth.of(tag)
    buffer.write(DisplayWidth.truncate(heading, to: width - tagWidth - 2), x: 1, y: 1, style: Styles.heading)
    if !tag.isEmpty { buffer.write(tag, x: width - tagWidth - 1, y: 1, style: tagStyle()) }
    buffer.write(DisplayWidth.truncate(location, to: width - 2), x: 1, y: 2, style: Styles.dim)
  }

  func headingTexts() -> (String, String, String) {
    switch model.screen {
    case .start(let list):
      let rows = model.startRows.summaries
      let focused = list.rows.cursor > 0 && list.rows.cursor <= rows.count ? rows[list.rows.cursor - 1] : nil
      let location =
        focused.map { "▸ " + $0.unitName + ($0.entityIdentifier.isEmpty ? "" : " [\($0.entityIdentifier)]") }
        ?? "Wybierz jednostkę albo zacznij nową."
      return ("Przeniesienie integracji ePUAP z platformy SEKAP", "", location)
    case .newUnit: return ("Nowa jednostka", "", "Dane jednostki i osoby wykonującej; pola z * są wymagane.")
    case .overview:
      return ("Przegląd kroków", "", "Enter — otwórz krok; n — następny otwarty krok; f — zakończenie.")
    case .step(let step):
      let procedureStep = model.procedure.step(step.stepID)
      let status = model.checklist?.item(step.stepID)?.status ?? .todo
      return (
        "Krok \(step.stepID)  \(procedureStep?.title ?? "")", "[\(Procedure.statusLabel(status))]",
        "Gdzie: " + (procedureStep?.location ?? "")
      )
    case .mailboxForm(let item):
      return (
        item.itemID == nil ? "Nowa skrytka" : "Skrytka", "krok 3.3",
        "Administrowanie → Budowanie usług → Skrytki"
      )
    case .settings(let settings):
      let address = model.unit?.mailbox(settings.mailboxID)?.address ?? ""
      let steps = model.procedure.allSteps.map(\.id).filter { Set(settings.stepOfField.values).contains($0) }
      let tag =
        steps.count > 1 ? "kroki \(steps.first ?? "")–\(steps.last ?? "")" : "krok \(steps.first ?? "")"
      let location = steps.first.flatMap { model.procedure.step($0)?.location } ?? ""
      return ("Skrytka \(address)", tag, location)
    case .systemForm(let item):
      return (
        item.itemID == nil ? "Nowy system" : "System \(item.itemID ?? "")", "krok 3.11",
        "Zarządzanie kontem → Systemy"
      )
    case .cardList:
      return ("Karty usług", "krok 4.2", "Administrowanie → Budowanie usług → Karty spraw")
    case .cardForm(let item):
      return (
        item.itemID == nil ? "Nowa karta" : "Karta usługi", "krok 4.2",
        "Karty spraw → „Edytuj” → zakładka „Formularze”"
      )
    case .finish: return ("Zakończenie", "", "Co zrobiono, co zostało, jak wydrukować listę kontrolną.")
    }
  }

  func tagStyle() -> Style {
    guard case .step(let step) = model.screen else { return Styles.dim }
    switch model.checklist?.item(step.stepID)?.status ?? .todo {
    case .done: return Styles.success
    case .skipped: return Styles.warning
    default: return Styles.dim
    }
  }

  func drawMessage(_ buffer: inout ScreenBuffer) {
    guard let message = model.message else { return }
    let style: Style
    let prefix: String
    switch message.kind {
    case .info: (style, prefix) = (.plain, "")
    case .success: (style, prefix) = (Styles.success, "✓ ")
    case .warning: (style, prefix) = (Styles.warning, "! ")
    case .error: (style, prefix) = (Styles.error, "✗ ")
    }
    let y = buffer.size.height - 2
    let whole = prefix + message.text
    let room = buffer.size.width - 2
    // A message longer than the line says how to read it whole (F3 shows it in a box).
    let more = " (F3 — całość)"
    let text =
      DisplayWidth.of(whole) <= room
      ? whole : DisplayWidth.truncate(whole, to: room - DisplayWidth.of(more)) + more
    buffer.write(text, x: 1, y: y, style: style)
  }

  func drawHints(_ buffer: inout ScreenBuffer) {
    let y = buffer.size.height - 1
    buffer.fill(x: 0, y: y, width: buffer.size.width, height: 1, style: Styles.hints)
    buffer.write(
      DisplayWidth.truncate(" " + KeyHints.line(for: model), to: buffer.size.width), x: 0, y: y,
      style: Styles.hints)
  }
}

/// Short names for tables and the title bar.
enum ShortNames {
  static func path(_ path: PathID) -> String {
    switch path {
    case .portal: "tylko portal ePUAP"
    case .sodFinn: "SOD FINN 8SQL"
    case .sodOther: "inny SOD"
    case .um: "Urząd Marszałkowski"
    }
  }

  /// For a column 10 wide: the start screen's list.
  static func pathColumn(_ path: PathID) -> String {
    switch path {
    case .portal: "portal"
    case .sodFinn: "FINN 8SQL"
    case .sodOther: "inny SOD"
    case .um: "UM"
    }
  }

  static func mark(_ status: StepStatus) -> String { status.tickBox }
}

extension DisplayWidth {
  /// The end of `text` that fits in `width` columns, with „…” in front when cut.
  static func truncateLeading(_ text: String, to width: Int) -> String {
    guard DisplayWidth.of(text) > width else { return text }
    var result: [Character] = []
    var used = 1
    for character in text.reversed() {
      let w = DisplayWidth.of(character)
      if used + w > width { break }
      result.insert(character, at: 0)
      used += w
    }
    return "…" + String(result)
  }
}
