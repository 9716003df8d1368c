import Foundation

// Usage: EmbedResourcesTool OUTPUT.swift INPUT.json...
// Writes `enum EmbeddedResources { static func file(named:) -> StaticString? }`, each file's text as a raw
// string literal: the program reads the bytes where the binary holds them, with nothing to decode first.
// A literal is delimited by one `#` more than the longest run of `#` in the file, so nothing in the file
// can end it or start an escape. A file that is not UTF-8 text (a control character other than tab and
// line feed, which a Swift literal would not keep byte for byte, or DEL) stops the build with the place
// named.
let arguments = Array(CommandLine.arguments.dropFirst())
guard let outputPath = arguments.first else {
  FileHandle.standardError.write(Data("usage: EmbedResourcesTool OUTPUT INPUT...\n".utf8))
  exit(2)
}

/// The text of the file at `path`, or the reason it cannot be embedded as it is.
func embeddableText(_ path: String) throws -> String {
  let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
  if let offset = bytes.firstIndex(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) || $0 == 0x7F }) {
    throw EmbedError(
      "\(path): byte 0x\(String(bytes[offset], radix: 16)) at offset \(offset); save the file as UTF-8 text "
        + "with LF line ends")
  }
  guard let text = String(data: bytes, encoding: .utf8) else {
    throw EmbedError("\(path): not UTF-8 text")
  }
  return text
}

struct EmbedError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

do {
  var source = "// Generated at build time from Resources/. Do not edit.\n"
  source += "enum EmbeddedResources {\n"
  source +=
    "  /// The text of the file of `Resources/` with this name, as it is there; nil for any other name.\n"
  source += "  static func file(named name: String) -> StaticString? {\n    switch name {\n"
  for path in arguments.dropFirst() {
    let text = try embeddableText(path)
    var longestRun = 0
    var run = 0
    for character in text.utf8 {
      run = character == UInt8(ascii: "#") ? run + 1 : 0
      longestRun = max(longestRun, run)
    }
    let hashes = String(repeating: "#", count: longestRun + 1)
    let name = URL(fileURLWithPath: path).lastPathComponent
    // A multi-line literal leaves out the line break before its closing delimiter: one more is written.
    source +=
      "    case \(String(reflecting: name)):\n      return \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)\n"
  }
  source += "    default: return nil\n    }\n  }\n}\n"
  try Data(source.utf8).write(to: URL(fileURLWithPath: outputPath))
} catch {
  FileHandle.standardError.write(Data("EmbedResourcesTool: \(error)\n".utf8))
  exit(1)
}
