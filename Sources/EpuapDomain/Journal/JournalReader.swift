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
  /// A torn last line, what an interrupted write leaves (no newline, or not even JSON), is reported as a
  /// torn tail when at least one whole event precedes it. Any other damaged line is an error and nothing
  /// is returned, because later lines cannot be trusted past a broken link; so is a line written by a
  /// newer version of the program (`writtenByNewerVersion`), wherever it is.
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
        // A crash mid-write leaves a line without its newline. Before the first whole event there is
        // nothing to recover: the file does not begin as a journal and is refused untouched.
        guard !entries.isEmpty else { throw .missingHeader(path: path) }
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
          problem = .notJSON("nieczytelny wiersz")
        }
      }
      switch problem {
      case .unknownType(let type):
        throw .writtenByNewerVersion(path: path, line: lineNumber, detail: "nieznany typ zdarzenia „\(type)”")
      case .unsupportedVersion(let version) where version > JournalEntry.formatVersion:
        throw .writtenByNewerVersion(path: path, line: lineNumber, detail: "wersja formatu \(version)")
      case .notJSON, .missingHash:
        // A first line that is no journal line means the file is not a journal. A last line that is not
        // even JSON is what is left of an interrupted write (recoverable). A line that reads as JSON but
        // whose hash, sequence or members are wrong was changed, not torn: refused like a middle line.
        if entries.isEmpty { throw .missingHeader(path: path) }
        if !isJSONText(line) {
          if isLast {
            return LoadedJournal(
              path: path, entries: entries, soundLength: start,
              tornTail: TornTail(line: lineNumber, bytes: Array(line), problem: problem.polish))
          }
        }
      default: break
      }
      throw .damagedLine(path: path, line: lineNumber, problem: problem)
    }
    if entries.isEmpty && bytes.isEmpty {
      throw .missingHeader(path: path)
    }
    return LoadedJournal(path: path, entries: entries, soundLength: start, tornTail: nil)
  }

  /// Whether a line is JSON text at all (an object or array); an over-long line is not looked at.
  private static func isJSONText(_ line: ArraySlice<UInt8>) -> Bool {
    guard line.count <= JournalLimits.maxLineBytes,
      !JournalLineCodec.nestsDeeper(line, than: JournalLineCodec.maxNesting)
    else { return false }
    return JournalLineCodec.isJSONDocument(line, decoder: JSONDecoder())
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
