import Foundation

// Usage: EmbedResourcesTool OUTPUT.swift INPUT.json...
// Writes `enum EmbeddedResources { static let base64Files: [String: String] }`, each file's bytes in
// base64 keyed by file name: base64 has no character that could break a Swift string literal, and a
// string literal compiles far faster than an array of bytes.
let arguments = Array(CommandLine.arguments.dropFirst())
guard let outputPath = arguments.first else {
  FileHandle.standardError.write(Data("usage: EmbedResourcesTool OUTPUT INPUT...\n".utf8))
  exit(2)
}
var source = "// Generated at build time from Resources/. Do not edit.\n"
source += "enum EmbeddedResources {\n  static let base64Files: [String: String] = [\n"
for path in arguments.dropFirst() {
  let url = URL(fileURLWithPath: path)
  let encoded = try Data(contentsOf: url).base64EncodedString()
  source += "    \"\(url.lastPathComponent)\": \"\(encoded)\",\n"
}
if arguments.count == 1 { source += "    :\n" }
source += "  ]\n}\n"
try Data(source.utf8).write(to: URL(fileURLWithPath: outputPath))
