import EpuapDomain
import Foundation
import TestSupport

let sampleUnit = UnitInfo(
  name: "Starostwo Powiatowe w Gliwicach", entityIdentifier: "pzgliwice", role: .partner)

/// The instant of the tests' fixed clocks.
let fixedDate = TestProcedure.fixedDate

func bytes(_ path: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path) ?? Data()) }

func writeBytes(_ path: String, _ bytes: [UInt8]) {
  _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
}

func lines(_ path: String) -> [String] {
  String(decoding: bytes(path), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(
    String.init)
}

/// Makes a journal with `count` events after the header (step marks), returns its path.
@discardableResult
func makeJournal(in folder: TempFolder, name: String = "j.jsonl", events count: Int = 3) throws -> String {
  let path = folder.file(name)
  let (writer, _) = try JournalWriter.create(
    at: path, unit: sampleUnit, operatorName: "Anna Nowak", time: "2026-11-25T10:00:00Z")
  for index in 0..<count {
    try writer.append(
      .stepMarked(StepMark(stepID: "3.\(index + 1)", status: .done)), operatorName: "Anna Nowak",
      time: "2026-11-25T10:0\(index % 10):00Z")
  }
  writer.close()
  return path
}

/// Runs a program and waits for it; returns exit code and output.
@discardableResult
func runProcess(
  _ executable: String, _ arguments: [String], environment: [String: String]? = nil, input: String? = nil
)
  throws -> (code: Int32, stdout: String, stderr: String)
{
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  if let environment { process.environment = environment }
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  if let input {
    let inPipe = Pipe()
    process.standardInput = inPipe
    inPipe.fileHandleForWriting.write(Data(input.utf8))
    try inPipe.fileHandleForWriting.close()
  }
  try process.run()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (
    process.terminationStatus, String(decoding: outData, as: UTF8.self),
    String(decoding: errData, as: UTF8.self)
  )
}
