import Foundation
import TestSupport
import Testing

@testable import EpuapDomain

@Suite("Procedure data: loading and checks")
struct ProcedureTests {
  @Test("the built-in procedure loads and has every step of sections 1–4 of the instruction")
  func builtInComplete() throws {
    let procedure = try ProcedureLoader.builtIn()
    let ids = procedure.allSteps.map(\.id)
    let expected = ["1.1", "1.2", "2.0", "2.1", "2.2"] + (1...13).map { "3.\($0)" } + ["4.1", "4.2"]
    for id in expected { #expect(ids.contains(id), "missing step \(id)") }
    #expect(Set(ids).count == ids.count)
    #expect(procedure.sekapSystemName == "i4m4hvn61u")
    #expect(procedure.recommendedMaxMailboxes == 2)
  }

  @Test("the procedure built into the program is Resources/procedure.json, to the last character")
  func builtInIsTheResource() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Resources/procedure.json").standardized.path
    let embedded = try #require(EmbeddedResources.file(named: ProcedureLoader.fileName))
    #expect(embedded.withUTF8Buffer { Array($0) } == Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    #expect(EmbeddedResources.file(named: "brak.json") == nil)
    #expect(try ProcedureLoader.builtIn() == ProcedureLoader.load(file: path))
  }

  @Test("the portal's own words are in the instruction texts")
  func portalWords() throws {
    let procedure = try ProcedureLoader.builtIn()
    func text(_ id: String) -> String {
      guard let step = procedure.step(id) else { return "" }
      return ([step.title, step.location, step.instruction] + step.warnings + step.notes).joined(
        separator: " ")
    }
    #expect(text("1.1").contains("„Aktualny”") && text("1.1").contains("„Do BIP”"))
    #expect(text("3.2").contains("Administrowanie") && text("3.2").contains("Budowanie usług"))
    #expect(text("3.3").contains("Skrytki"))
    #expect(text("3.5").contains("„Tryb pracy”") && text("3.5").contains("„Edytuj”"))
    #expect(text("3.8").contains("„Moje dokumenty”"))
    #expect(text("3.9").contains("„Zapisz”"))
    #expect(text("3.11").contains("i4m4hvn61u"))
    #expect(text("3.13").contains("Urząd Marszałkowski"))
    #expect(text("4.2").contains("„Wycofaj z publikacji”") || text("4.2").contains("Wycofaj z publikacji"))
    let fields = procedure.step("3.6")?.fields ?? []
    #expect(fields.map(\.expected) == ["asynchroniczna", "UPP", "PULL", "0"])
    let notifications = Dictionary(
      uniqueKeysWithValues: (procedure.step("3.7")?.fields ?? []).map { ($0.id, $0.expected) })
    #expect(notifications["progKolejki"] == "4" && notifications["nieodebranePo"] == "1")
    #expect(notifications["kolejkaPrzepelniona"] == "tak" && notifications["bledyDostarczania"] == "tak")
  }

  @Test("each path lists the steps the instruction gives it")
  func pathsOfSteps() throws {
    let procedure = try ProcedureLoader.builtIn()
    #expect(procedure.step("1.1")?.paths == ["um"])
    #expect(procedure.step("2.1")?.paths == ["sod-finn"])
    #expect(procedure.step("2.2")?.paths == ["sod-inny"])
    for id in ["3.1", "3.13", "4.2"] {
      #expect(Set(procedure.step(id)?.paths ?? []) == ["portal", "sod-finn", "sod-inny"], "step \(id)")
    }
    #expect(procedure.pathInfo(.portal)?.recommendation == "niezalecane")
    #expect(procedure.pathInfo(.sodFinn)?.recommendation == "zalecane")
  }

  /// A copy of the built-in file with one change, loaded from a temp file.
  func loadBroken(_ mutate: (inout [String: Any]) -> Void) throws -> ProcedureError? {
    let data = try #require(
      FileManager.default.contents(
        atPath: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
          .appendingPathComponent("../../Resources/procedure.json").standardized.path))
    var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    mutate(&json)
    let folder = TempFolder()
    defer { folder.cleanup() }
    let path = folder.file("procedure.json")
    _ = FileManager.default.createFile(
      atPath: path, contents: try JSONSerialization.data(withJSONObject: json))
    do {
      _ = try ProcedureLoader.load(file: path)
      return nil
    } catch {
      #expect(error.file == path)
      return error
    }
  }

  @Test("a broken procedure file is rejected naming the file, the entry and the problem")
  func brokenFiles() throws {
    let missingRule = try loadBroken { json in
      json["rules"] = (json["rules"] as! [[String: Any]]).filter { $0["id"] as? String != "zgoda-wymagana" }
    }
    #expect(missingRule?.problem.contains("zgoda-wymagana") == true)

    let badPath = try loadBroken { json in
      var sections = json["sections"] as! [[String: Any]]
      var steps = sections[0]["steps"] as! [[String: Any]]
      steps[0]["paths"] = ["kosmos"]
      sections[0]["steps"] = steps
      json["sections"] = sections
    }
    #expect(badPath?.entry.contains("sections[0].steps[0]") == true)
    #expect(badPath?.problem.contains("kosmos") == true)

    let missingKey = try loadBroken { json in
      var sections = json["sections"] as! [[String: Any]]
      var steps = sections[2]["steps"] as! [[String: Any]]
      steps[1].removeValue(forKey: "instruction")
      sections[2]["steps"] = steps
      json["sections"] = sections
    }
    #expect(missingKey?.problem.contains("instruction") == true)
    #expect(missingKey?.entry.contains("sections[2].steps[1]") == true)
    #expect(missingKey?.message.hasPrefix("Plik procedury") == true)

    let badExpected = try loadBroken { json in
      var sections = json["sections"] as! [[String: Any]]
      for s in sections.indices {
        var steps = sections[s]["steps"] as! [[String: Any]]
        for i in steps.indices where steps[i]["id"] as? String == "3.6" {
          var fields = steps[i]["fields"] as! [[String: Any]]
          fields[0]["expected"] = "półsynchroniczna"
          steps[i]["fields"] = fields
        }
        sections[s]["steps"] = steps
      }
      json["sections"] = sections
    }
    #expect(badExpected?.problem.contains("półsynchroniczna") == true)
  }

  @Test("a file that is not JSON is rejected with the file name")
  func notJSON() {
    #expect(throws: ProcedureError.self) { try ProcedureLoader.load(Data("{ nie json".utf8), file: "x.json") }
  }

  @Test("a value of the wrong type, a null, an unknown kind and a fraction are each named where they are")
  func wrongValues() throws {
    func withStep(_ change: @escaping (inout [String: Any]) -> Void) throws -> ProcedureError? {
      try loadBroken { json in
        var sections = json["sections"] as! [[String: Any]]
        var steps = sections[1]["steps"] as! [[String: Any]]
        change(&steps[0])
        sections[1]["steps"] = steps
        json["sections"] = sections
      }
    }
    let number = try withStep { $0["title"] = 7 }
    #expect(number?.entry == "sections[1].steps[0].title" && number?.problem == "zły typ wartości")
    let null = try withStep { $0["notes"] = NSNull() }
    #expect(null?.entry == "sections[1].steps[0].notes" && null?.problem == "brak wartości")
    let kind = try withStep { $0["kind"] = "magiczny" }
    #expect(kind?.entry == "sections[1].steps[0].kind" && kind?.problem == "nieznana wartość „magiczny”")
    let choice = try withStep { step in
      var fields = step["fields"] as? [[String: Any]] ?? []
      fields.append([
        "id": "x", "label": "X", "kind": "choice", "choices": [["value": "a"]], "expected": "",
        "required": false, "hint": "",
      ])
      step["fields"] = fields
    }
    #expect(
      choice?.entry.hasPrefix("sections[1].steps[0].fields[") == true
        && choice?.problem == "brak pola „label”")
    let element = try withStep { step in step["warnings"] = ["Uwaga.", 3] }
    #expect(element?.entry == "sections[1].steps[0].warnings[1]" && element?.problem == "zły typ wartości")
    let nested = try withStep { step in
      var fields = step["fields"] as? [[String: Any]] ?? []
      fields.append([
        "id": "y", "label": "Y", "kind": "choice", "choices": [["value": "a", "label": 5]], "expected": "",
        "required": false, "hint": "",
      ])
      step["fields"] = fields
    }
    #expect(nested?.entry.hasSuffix("].choices[0].label") == true && nested?.problem == "zły typ wartości")
    let fraction = try loadBroken { $0["recommendedMaxMailboxes"] = 2.5 }
    #expect(fraction?.entry == "(plik)" && fraction?.problem == "niepoprawny JSON")
  }

  @Test("the built-in procedure written out and read again is the same procedure, to the last optional value")
  func roundTrip() throws {
    let procedure = try ProcedureLoader.builtIn()
    #expect(procedure.components?.isEmpty == false && procedure.documents?.isEmpty == false)
    #expect(procedure.contact != nil && procedure.deadlines?.isEmpty == false)
    #expect(procedure.sections.flatMap(\.steps).flatMap(\.fields).contains { $0.toConfirm == true })
    let written = try JSONEncoder().encode(procedure)
    #expect(try ProcedureLoader.load(written, file: "kopia.json") == procedure)
  }
}
