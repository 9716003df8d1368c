import Foundation
import Testing

@testable import EpuapDomain

/// The procedure's fast read path against `JSONDecoder`: the same procedure from the same file, and
/// nothing accepted that `JSONDecoder` refuses.
@Suite("Procedure fast path")
struct ProcedureFastPathTests {
  static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Resources/procedure.json").standardized.path

  @Test("the built-in procedure reads the same through both paths")
  func builtInAgrees() throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: Self.file))
    let fast = try #require(ProcedureLoader.fastDecode(data))
    #expect(fast == (try ProcedureLoader.decode(data, file: Self.file)))
    #expect(fast == (try ProcedureLoader.builtIn()))
  }

  @Test("300 damaged copies: the fast path gives what JSONDecoder gives, or leaves the file to it")
  func damagedCopiesAgree() throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: Self.file))
    let original = try JSONSerialization.jsonObject(with: data)
    var generator = SystemRandomNumberGenerator()
    var fastAccepted = 0
    for _ in 0..<300 {
      let damaged = Self.damage(original, using: &generator)
      let bytes = try JSONSerialization.data(withJSONObject: damaged)
      let fast = ProcedureLoader.fastDecode(bytes)
      let slow = try? ProcedureLoader.decode(bytes, file: "x")
      if let fast {
        fastAccepted += 1
        #expect(fast == slow, "the fast path accepted what JSONDecoder reads differently")
      } else {
        // Left to JSONDecoder: allowed whatever JSONDecoder makes of it.
      }
    }
    #expect(fastAccepted > 0)
  }

  /// Makes one change at a random place: removes a member, changes a value's type, or adds a member.
  static func damage(_ value: Any, using generator: inout SystemRandomNumberGenerator) -> Any {
    let replacements: [Any] = [42, "tekst", true, NSNull(), [Any](), [String: Any]()]
    func change(_ value: Any, depth: Int) -> Any {
      if var object = value as? [String: Any], !object.isEmpty {
        let key = object.keys.sorted().randomElement(using: &generator)!
        switch Int.random(in: 0..<4, using: &generator) {
        case 0 where depth > 0 || Bool.random(using: &generator): object[key] = nil
        case 1: object[key] = replacements.randomElement(using: &generator)!
        case 2: object["nieznane"] = "pole"
        default: object[key] = change(object[key]!, depth: depth + 1)
        }
        return object
      }
      if var array = value as? [Any], !array.isEmpty {
        let index = Int.random(in: 0..<array.count, using: &generator)
        if Int.random(in: 0..<4, using: &generator) == 0 {
          array[index] = replacements.randomElement(using: &generator)!
        } else {
          array[index] = change(array[index], depth: depth + 1)
        }
        return array
      }
      return replacements.randomElement(using: &generator)!
    }
    return change(value, depth: 0)
  }
}
