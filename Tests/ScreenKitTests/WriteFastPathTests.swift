import Testing

@testable import ScreenKit
@testable import TextLayout

/// The quick and the general way of `ScreenBuffer.write` must leave the same cells.
///
/// Text of simple scalars is copied straight into cells; every other text goes the general way,
/// character by character.
@Suite("Writing text: the quick path")
struct WriteFastPathTests {
  static let simple = (0...0x2FFF).compactMap(Unicode.Scalar.init).filter(DisplayWidth.isSimple)

  @Test("simple text clipped before a wide character is written as the general way writes it")
  func quickPathAgreesWithGeneralPath() {
    var state: UInt64 = 0x5EED
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33) % bound
    }
    for _ in 0..<2000 {
      var text = ""
      for _ in 0..<next(30) {
        // Mostly ASCII and Polish letters, as on the screens, and any other simple scalar.
        switch next(3) {
        case 0: text.unicodeScalars.append(Unicode.Scalar(UInt8(0x20 + next(0x5F))))
        case 1: text.append(["ą", "ć", "ę", "ł", "ń", "ó", "ś", "ź", "ż", "Ż", "—", "„", "”"][next(13)])
        default: text.unicodeScalars.append(Self.simple[next(Self.simple.count)])
        }
      }
      let length = text.unicodeScalars.count
      var before = ScreenBuffer(size: ScreenSize(width: 40, height: 1))
      before.write("漢字 abc 漢字 def 漢字 ghi 漢字 jkl 漢字", x: next(5), y: 0)  // wide characters to be cut
      let x = next(40)
      let room = next(min(length, 40 - x) + 1)
      var quick = before
      var general = before
      // The wide character after the text sends the whole line the general way; it never fits the room.
      let quickWidth = quick.write(text, x: x, y: 0, style: Style(.accent), maxWidth: room)
      let generalWidth = general.write(text + "漢", x: x, y: 0, style: Style(.accent), maxWidth: room)
      #expect(quickWidth == generalWidth, "\(text.unicodeScalars.map(\.value)) at \(x), room \(room)")
      #expect(quick == general, "\(text.unicodeScalars.map(\.value)) at \(x), room \(room)")
    }
  }
}
