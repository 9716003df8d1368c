import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// A journal read from disk: its sound entries, and a torn last line if there was one.
public struct LoadedJournal: Sendable {
  public var path: String
  public var entries: [JournalEntry]
  /// Bytes of the sound part (every entry with its newline).
  public var soundLength: Int
  /// The last line, when it was cut off or unreadable: it is moved aside when a writer opens the journal.
  public var tornTail: TornTail?

  public var lastHash: String { entries.last?.hash ?? JournalEntry.genesisHash }
}

/// An incomplete or unreadable last line: what a crash during a write leaves behind.
public struct TornTail: Sendable, Equatable {
  /// 1-based line number in the file.
  public var line: Int
  public var bytes: [UInt8]
  public var problem: String
}

/// Reads and checks journals without changing them.
public enum JournalReader {
  /// Reads `path`: every line must decode and continue the hash chain.
  ///
  /// A damaged last line (no newline,
  /// or not readable) is reported as a torn tail; a damaged line before it is an error and nothing is
  /// returned, because later lines cannot be trusted past a broken link.
  public static func load(path: String) throws(JournalError) -> LoadedJournal {
    guard let bytes = try DurableFile.readAll(path) else { throw .notFound(path: path) }
    return try parse(bytes, path: path)
  }

  public static func parse(_ bytes: [UInt8], path: String) throws(JournalError) -> LoadedJournal {
    try parse(bytes, path: path, workers: nil)
  }

  /// `workers` threads read long journals ahead (see `ParallelLineDecoder`; `nil`: one per core); 1 reads
  /// line by line.
  static func parse(_ bytes: [UInt8], path: String, workers: Int?) throws(JournalError) -> LoadedJournal {
    let lines = lineRanges(bytes)
    let readAhead = ParallelLineDecoder.decode(bytes, lines: lines, workers: workers)
    var entries: [JournalEntry] = []
    entries.reserveCapacity(lines.count)
    var previousHash = JournalEntry.genesisHash
    var start = 0
    var lineNumber = 0
    let decoder = JSONDecoder()
    for (index, range) in lines.enumerated() {
      lineNumber += 1
      let hasNewline = range.upperBound < bytes.count
      let line = bytes[range]
      let isLast = index == lines.count - 1
      if !hasNewline {
        return LoadedJournal(
          path: path, entries: entries, soundLength: start,
          tornTail: TornTail(
            line: lineNumber, bytes: Array(line), problem: "wiersz urwany (brak końca wiersza)"))
      }
      let problem: JournalLineProblem
      if line.count > JournalLimits.maxLineBytes {
        problem = .notJSON("wiersz dłuższy niż \(JournalLimits.maxLineBytes) bajtów")
      } else {
        do {
          // The read-ahead checked this line against the hash stored on the line before it, which is
          // `previousHash` here: every earlier line was read, or this loop would have ended.
          let entry =
            try readAhead[index]?.get()
            ?? JournalLineCodec.decode(
              line, previousHash: previousHash, expectedSequence: entries.count + 1, decoder: decoder)
          if entries.isEmpty, case .unitCreated = entry.change {
          } else if entries.isEmpty {
            throw JournalError.missingHeader(path: path)
          }
          entries.append(entry)
          previousHash = entry.hash
          start = range.upperBound + 1
          continue
        } catch let lineProblem as JournalLineProblem {
          problem = lineProblem
        } catch let error as JournalError {
          throw error
        } catch {
          problem = .notJSON("\(error)")
        }
      }
      // An unreadable last line is what a crash mid-write leaves: recoverable. A line whose JSON reads
      // but whose hash or sequence is wrong was changed, not torn: refuse, like a damaged middle line.
      if isLast, case .notJSON = problem {
        return LoadedJournal(
          path: path, entries: entries, soundLength: start,
          tornTail: TornTail(line: lineNumber, bytes: Array(line), problem: problem.polish))
      }
      if isLast, case .missingHash = problem {
        return LoadedJournal(
          path: path, entries: entries, soundLength: start,
          tornTail: TornTail(line: lineNumber, bytes: Array(line), problem: problem.polish))
      }
      throw .damagedLine(path: path, line: lineNumber, problem: problem)
    }
    if entries.isEmpty && bytes.isEmpty {
      throw .missingHeader(path: path)
    }
    return LoadedJournal(path: path, entries: entries, soundLength: start, tornTail: nil)
  }

  /// The byte range of every line, without its newline; the last range ends at the end of `bytes` when the
  /// file does not end with a newline.
  static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      var start = 0
      while start < buffer.count {
        if let found = memchr(base + start, 0x0A, buffer.count - start) {
          let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
          ranges.append(start..<end)
          start = end + 1
        } else {
          ranges.append(start..<buffer.count)
          start = buffer.count
        }
      }
    }
    return ranges
  }
}
