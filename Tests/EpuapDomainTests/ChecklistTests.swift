import EpuapDomain
import Foundation
import Testing

private let procedure = try! ProcedureLoader.builtIn()

@Suite("Checklist per path and decision changes")
struct ChecklistTests {
  func state(role: Role = .partner, path: PathID? = nil) -> UnitState {
    var state = UnitState(unit: UnitInfo(name: "U", entityIdentifier: "u1", role: role), createdAt: "")
    if let path { state.apply(entry(.decisionMade(Decision(path: path, vendor: "EZD")))) }
    return state
  }

  func ids(_ state: UnitState) -> [String] {
    Checklist(procedure: procedure, state: state).applicable.map(\.step.id)
  }

  @Test("Urząd Marszałkowski staff get section 1 only")
  func umPath() {
    let steps = ids(state(role: .um))
    #expect(steps.allSatisfy { $0.hasPrefix("1.") })
    #expect(steps.contains("1.1") && steps.contains("1.2"))
  }

  @Test("portal only: the decision, section 3, 4 and 5, no vendor steps")
  func portalPath() {
    let steps = ids(state(path: .portal))
    #expect(steps.first == "2.0")
    #expect(!steps.contains("2.1") && !steps.contains("2.2"))
    #expect(steps.contains("3.13") && steps.contains("4.2"))
    #expect(!steps.contains { $0.hasPrefix("1.") })
  }

  @Test("FINN 8SQL adds the vendor step 2.1; another SOD adds 2.2")
  func sodPaths() {
    let finn = ids(state(path: .sodFinn))
    #expect(finn.contains("2.1") && !finn.contains("2.2"))
    let other = ids(state(path: .sodOther))
    #expect(other.contains("2.2") && !other.contains("2.1"))
    #expect(finn.filter { $0.hasPrefix("3.") }.count == 13)
  }

  @Test("before the decision a partner sees the steps common to every path")
  func beforeDecision() {
    let steps = ids(state())
    #expect(steps.first == "2.0")
    #expect(!steps.contains("2.1") && !steps.contains("2.2"))
    #expect(steps.contains("3.1"))
    #expect(Checklist(procedure: procedure, state: state()).firstOpen?.step.id == "2.0")
  }

  @Test("changing the decision names the recorded steps it makes not applicable and keeps their history")
  func decisionChange() {
    var finn = state(path: .sodFinn)
    finn.apply(entry(.stepMarked(StepMark(stepID: "2.1", status: .done))))
    finn.apply(entry(.stepMarked(StepMark(stepID: "3.1", status: .done))))
    let losing = Checklist.stepsLosingApplicability(procedure: procedure, state: finn, newPath: .portal)
    #expect(losing.map(\.id) == ["2.1"])
    finn.apply(entry(.decisionMade(Decision(path: .portal))))
    let checklist = Checklist(procedure: procedure, state: finn)
    #expect(checklist.item("2.1")?.status == .notApplicable)
    #expect(checklist.item("2.1")?.record.status == .done, "the record stays")
    #expect(checklist.item("3.1")?.status == .done)
    finn.apply(entry(.decisionMade(Decision(path: .sodFinn))))
    #expect(Checklist(procedure: procedure, state: finn).item("2.1")?.status == .done, "and comes back")
  }

  @Test("statuses, progress and the first open step follow the marks")
  func progress() {
    var portal = state(path: .portal)
    portal.apply(entry(.stepMarked(StepMark(stepID: "2.0", status: .done))))
    portal.apply(
      entry(.stepMarked(StepMark(stepID: "3.1", status: .skipped, reason: "konto już w kontekście"))))
    let checklist = Checklist(procedure: procedure, state: portal)
    #expect(checklist.doneCount == 1 && checklist.skippedCount == 1)
    #expect(checklist.firstOpen?.step.id == "2.4", "the report of people in roles comes before section 3")
    #expect(checklist.item("3.1")?.record.reason == "konto już w kontekście")
    #expect(!checklist.isComplete)
  }

  @Test("folding keeps each step's history of marks")
  func history() {
    var portal = state(path: .portal)
    portal.apply(entry(.stepMarked(StepMark(stepID: "3.1", status: .done)), sequence: 2))
    portal.apply(entry(.stepMarked(StepMark(stepID: "3.1", status: .todo)), sequence: 3))
    #expect(portal.step("3.1").history.map(\.status) == [.done, .todo])
    #expect(portal.step("3.1").status == .todo)
  }
}
