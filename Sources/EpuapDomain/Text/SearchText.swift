/// Text compared the way a clerk searches: letter case and the marks of Latin letters do not count.
///
/// „lodz” finds „Łódź”, „ZAZOLC” finds „zażółć”. Unlike Foundation's diacritic-insensitive search, „ł”
/// counts as „l”: it has no decomposition in Unicode, yet it is the mark a Polish clerk leaves out most.
public enum SearchText {
  /// `text` in lower case with Latin letters' marks removed.
  public static func folded(_ text: String) -> String {
    if let plain = foldedByScalars(text) { return plain }
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text.lowercased() {
      if character.isASCII {
        result.append(character)
      } else if let plain = plainLetters[character] {
        result.append(plain)
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// The folded text of `text` made only of ASCII and letters of `plainScalars`, byte by byte; nil for
  /// any other text.
  ///
  /// Each such scalar is a character of its own and folds to one ASCII letter, so this is what the walk
  /// over characters gives, without breaking the text into characters (validating a folder's cards folds
  /// every card's name). The letters of the table are all two bytes long in UTF-8.
  static func foldedByScalars(_ text: String) -> String? {
    var result: [UInt8] = []
    result.reserveCapacity(text.utf8.count)
    var lead: UInt8 = 0  // the first byte of a two-byte letter
    for byte in text.utf8 {
      if lead != 0 {
        let value = Int(lead & 0x1F) << 6 | Int(byte & 0x3F)
        guard byte & 0xC0 == 0x80, value < plainBytes.count, plainBytes[value] != 0 else { return nil }
        result.append(plainBytes[value])
        lead = 0
      } else if byte < 0x80 {
        result.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
      } else if byte >= 0xC2, byte <= 0xDF {
        lead = byte
      } else {
        return nil
      }
    }
    return lead == 0 ? String(decoding: result, as: UTF8.self) : nil
  }

  /// The plain ASCII letter of each scalar of `plainLetters`, by scalar value, in lower and upper case
  /// („Ł” and „ł” are both „l”); 0 for every other scalar below the table's end.
  static let plainBytes: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 0x800)  // every two-byte scalar
    for (marked, plain) in plainLetters {
      guard let plain = plain.asciiValue else { continue }
      for form in [String(marked), String(marked).uppercased()] {
        let scalars = Array(form.unicodeScalars)
        // Only a letter that is one scalar in both cases, lowers back to itself and is two bytes long.
        guard scalars.count == 1, (0x80..<0x800).contains(scalars[0].value),
          form.lowercased() == String(marked)
        else { continue }
        table[Int(scalars[0].value)] = plain
      }
    }
    return table
  }()

  /// Whether `text` contains `query`, both folded.
  public static func contains(_ text: String, _ query: String) -> Bool {
    let needle = folded(query)
    return folded(text).containsBytes(needle)
  }

  /// Lower-case Latin letters with marks (Polish first, then Latin-1 and Latin Extended-A's common ones)
  /// and the plain letter each is searched as.
  static let plainLetters: [Character: Character] = {
    let groups: [(Character, String)] = [
      ("a", "ąáàâäãåāă"), ("c", "ćçčĉċ"), ("d", "ďđ"), ("e", "ęéèêëēėě"), ("g", "ğĝġģ"), ("h", "ĥħ"),
      ("i", "íìîïīįı"), ("j", "ĵ"), ("k", "ķ"), ("l", "łĺļľŀ"), ("n", "ńñňņ"), ("o", "óòôöõøōőŏ"),
      ("r", "ŕřŗ"), ("s", "śšşŝș"), ("t", "ťţț"), ("u", "úùûüūůűŭų"), ("y", "ýÿ"), ("z", "źżž"),
    ]
    var table: [Character: Character] = [:]
    for (plain, marked) in groups {
      for letter in marked { table[letter] = plain }
    }
    return table
  }()
}
