/// One scalar decoded in place from UTF-8 that is valid by construction (a `String`'s bytes, or bytes
/// copied from one): the text measurer, the writer and the cells share it.
public enum UTF8Scalar {
  /// The scalar starting at `index` and its length in bytes (1 to 4); nil when the bytes end first.
  @inlinable @inline(__always)
  public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (
    value: UInt32, length: Int
  )? {
    let lead = bytes[index]
    let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    guard index + length <= bytes.count else { return nil }
    guard length > 1 else { return (UInt32(lead), 1) }
    var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
    for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
    return (value, length)
  }
}
