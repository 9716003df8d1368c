import Foundation

/// A fresh folder under the system temp folder, removed by `cleanup()`: every test that writes files
/// writes them in one of these.
public struct TempFolder: Sendable {
  public let path: String

  /// `prefix` names the folder after what uses it (`epuap-cli-…`), for someone looking at /tmp.
  public init(prefix: String = "epuap-tests") {
    path = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  public func file(_ name: String) -> String { path + "/" + name }

  public func write(_ name: String, _ text: String) {
    _ = FileManager.default.createFile(atPath: file(name), contents: Data(text.utf8))
  }

  public func cleanup() { try? FileManager.default.removeItem(atPath: path) }
}
