import ScreenKit
import Testing

/// Records an issue that shows both screens when `buffer` does not read as `lines`.
func assertScreen(
  _ buffer: ScreenBuffer, equals lines: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
  if let diff = screenDiff(buffer.lines(), lines) {
    Issue.record(Comment(rawValue: diff), sourceLocation: sourceLocation)
  }
}

/// A buffer of `width` × `height` for tests.
func makeBuffer(width: Int, height: Int = 1) -> ScreenBuffer {
  ScreenBuffer(size: ScreenSize(width: width, height: height))
}
