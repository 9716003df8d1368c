import EpuapDomain
import FoundationEssentials
import ScreenKit

/// The run loop: key → event → `update` → commands (journal writes) → result events → `render` → draw.
///
/// After a frame is drawn, a listing taken from the summary cache is confirmed a few journals at a time
/// whenever no key is waiting (`settleListing`).
///
/// A journal write is carried out before the next frame is drawn, and its result comes back as an event,
/// so the screen shows a change as recorded only once it is on disk.
public final class WizardRunner {
  public private(set) var model: WizardModel
  private let terminal: any TerminalDevice
  private let backend: any WizardBackend
  /// Checked after every key; returns a signal number when the process was asked to stop.
  private let pendingSignal: () -> Int32?
  /// The frame on screen, and the one before it, whose cells the next frame is drawn into: the terminal
  /// keeps only the frame on screen, so the one before is held by nothing else and is reused in place.
  private var shownFrame = ScreenBuffer(size: ScreenSize(width: 0, height: 0))
  private var spareFrame = ScreenBuffer(size: ScreenSize(width: 0, height: 0))

  public init(
    model: WizardModel, terminal: any TerminalDevice, backend: any WizardBackend,
    pendingSignal: @escaping () -> Int32? = { nil }
  ) {
    self.model = model
    self.terminal = terminal
    self.backend = backend
    self.pendingSignal = pendingSignal
  }

  public enum Outcome: Equatable {
    case quit
    /// The terminal ran out of keys (tests) or closed.
    case inputEnded
    case signal(Int32)
  }

  /// Runs `commands`, then the loop until the user quits, input ends or a signal arrives.
  public func run(initialCommands: [WizardEffect]) -> Outcome {
    if carryOut(initialCommands) { return .quit }
    draw()
    var pending: Key?
    var settleWait = Self.settleDelayMilliseconds
    while true {
      if let signal = pendingSignal() { return .signal(signal) }
      // While listed journals are still to be read in full, a few are read whenever no key is waiting: a
      // key never waits for the whole folder.
      let settling = !backend.isListingSettled
      let wait = settling ? settleWait : 200
      if settling { settleWait = 0 }
      guard let key = pending ?? terminal.readKey(timeoutMilliseconds: wait) else {
        if let signal = pendingSignal() { return .signal(signal) }
        if settling {
          settleListing()
          continue
        }
        if terminal.isExhausted { return .inputEnded }
        continue
      }
      pending = nil
      let event: WizardEvent
      if case .character(let first) = key {
        // Characters already waiting (a paste) go in as one event, drawn once.
        var text = String(first)
        while text.utf8.count < Self.maxTypedBatch, let next = terminal.readKey(timeoutMilliseconds: 0) {
          guard case .character(let character) = next else {
            pending = next
            break
          }
          text.append(character)
        }
        event = text.count == 1 ? .key(key) : .typed(text)
      } else {
        event = key == .resize ? .resized(terminal.size) : .key(key)
      }
      if send(event) { return .quit }
      draw()
    }
  }

  /// The most bytes of waiting characters taken in as one event.
  static let maxTypedBatch = 1 << 16

  /// How many listed journals are read in full between two looks for a key.
  static let settleBatch = 8

  /// How long the first frame is left alone before journals are read in full: on a machine with two
  /// cores, reading at once (on two threads) would take the processor from the terminal while it still
  /// shows the frame.
  static let settleDelayMilliseconds = 50

  /// Reads in full a few of the journals listed from the summary cache; one that turns out different
  /// (damaged inside, say) comes back as a new listing and is drawn at once.
  private func settleListing() {
    guard let corrected = backend.verifyListing(limit: Self.settleBatch) else { return }
    send(.journalsListed(corrected))
    draw()
  }

  /// Feeds one event through `update` and carries out the commands; true when the wizard should quit.
  @discardableResult
  public func send(_ event: WizardEvent) -> Bool {
    let commands = WizardCore.update(&model, event)
    return carryOut(commands)
  }

  private func carryOut(_ commands: [WizardEffect]) -> Bool {
    var queue = commands
    while !queue.isEmpty {
      let command = queue.removeFirst()
      let result: WizardEvent
      switch command {
      case .quit:
        return true
      case .listJournals:
        result = .journalsListed(backend.listJournals())
      case .openJournal(let path):
        do {
          let (state, notice, draft) = try backend.open(path: path)
          result = .journalOpened(path: path, state: state, notice: notice, draft: draft)
        } catch {
          result = .failed(error.message)
        }
      case .createJournal(let unit, let operatorName):
        do {
          let (path, state) = try backend.create(unit: unit, operatorName: operatorName)
          result = .journalOpened(path: path, state: state, notice: nil, created: true)
        } catch {
          result = .failed(error.message)
        }
      case .record(let change, let after):
        do {
          result = .recorded(try backend.record(change), then: after)
        } catch {
          result = .failed(error.message)
        }
      case .saveDraft(let draft):
        guard let problem = backend.saveDraft(draft) else { continue }
        result = .draftNotKept(problem)
      case .readNewUnitDraft:
        result = .newUnitDraftRead(backend.newUnitDraft())
      case .discardNewUnitDraft:
        guard let problem = backend.discardNewUnitDraft() else { continue }
        result = .draftNotKept(problem)
      case .printChecklist(let destination):
        do {
          result = .printed(try backend.printChecklist(to: destination))
        } catch {
          result = .failed(error.message)
        }
      case .listPrinters:
        result = .printersListed(backend.listPrinters())
      }
      queue += WizardCore.update(&model, result)
    }
    return false
  }

  /// Draws the model; a size the terminal changed without saying so first reaches it as an event.
  private func draw() {
    if model.size != terminal.size { send(.resized(terminal.size)) }
    var frame = ScreenBuffer(size: ScreenSize(width: 0, height: 0))
    swap(&frame, &spareFrame)
    WizardView.render(model, into: &frame)
    terminal.draw(frame)
    spareFrame = shownFrame
    shownFrame = frame
  }
}
