import FoundationEssentials

/// Reads the lines of a long journal on every core before `JournalReader` walks them in order.
///
/// Checking a line's hash needs only the hash stored at the end of the line before it, which is plain text
/// in the file, so lines can be decoded and checked independently. The in-order walk then takes each
/// result, and decides alone what the first bad line means (torn tail or damage), exactly as if it had read
/// every line itself: a result is used only when all lines before it were read, and then the hash it was
/// checked against is the one the walk would have used.
enum ParallelLineDecoder {
  /// The cores to use, asked once (Foundation reads the cgroup limits from files to answer).
  static let processorCount = ProcessInfo.processInfo.activeProcessorCount

  /// Below this many lines, or this many bytes, the threads cost more than they save.
  ///
  /// The cost of a line is in its bytes (hashing and parsing), so size decides: a journal of 32 KiB takes
  /// about a millisecond to read on one core, a thread takes some tens of microseconds to start.
  static let minimumLines = 64
  static let minimumBytes = 32 * 1024

  /// For each line: its entry or its problem as the fast path found them, or `nil` where the line is left
  /// to the in-order walk (too short a journal, a line the fast path does not accept, or a line whose
  /// predecessor has no readable hash).
  static func decode(
    _ bytes: [UInt8], lines: [Range<Int>], workers: Int? = nil
  ) -> [Result<JournalEntry, JournalLineProblem>?] {
    var results = [Result<JournalEntry, JournalLineProblem>?](repeating: nil, count: lines.count)
    guard lines.count >= minimumLines, bytes.count >= minimumBytes else { return results }
    let workers = max(1, min(workers ?? processorCount, 8))
    guard workers > 1 else { return results }
    let chunk = (lines.count + workers - 1) / workers
    results.withUnsafeMutableBufferPointer { buffer in
      let output = Slots(base: buffer.baseAddress!)
      WorkerThreads.run(count: workers) { worker in
        let first = worker * chunk
        let last = min(lines.count, first + chunk)
        guard first < last else { return }
        for index in first..<last {
          let range = lines[index]
          guard range.upperBound < bytes.count, range.count <= JournalLimits.maxLineBytes,
            let previous = index == 0 ? JournalEntry.genesisHash : storedHash(bytes[lines[index - 1]])
          else { continue }
          do throws(JournalLineProblem) {
            if let entry = try JournalLineCodec.decodeFast(
              bytes[range], previousHash: previous, expectedSequence: index + 1)
            {
              output.base[index] = .success(entry)
            }
          } catch {
            output.base[index] = .failure(error)
          }
        }
      }
    }
    return results
  }

  /// The results array shared by the workers.
  ///
  /// Unchecked because each worker writes only its own range of
  /// lines, and the array is read only after every worker has finished.
  private struct Slots: @unchecked Sendable {
    let base: UnsafeMutablePointer<Result<JournalEntry, JournalLineProblem>?>
  }

  /// The hash at the end of a line, if the line ends the way every journal line does.
  static func storedHash(_ line: ArraySlice<UInt8>) -> String? {
    guard case .hash(let hash, _) = JournalLineCodec.hashTail(of: line) else { return nil }
    return String(decoding: hash, as: UTF8.self)
  }
}
