/// Text compared the way a clerk searches: letter case and the marks of Latin letters do not count.
///
/// „lodz” finds „Łódź”, „ZAZOLC” finds „zażółć”. Unlike Foundation's diacritic-insensitive search, „ł”
/// counts as „l”: it has no decomposition in Unicode, yet it is the mark a Polish clerk leaves out most.
public enum SearchText {
  /// `text` in lower case with Latin letters' marks removed.
  public static func folded(_ text: some StringProtocol) -> String {
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

  /// The folded text of `text` made only of ASCII and letters of `plainScalars`, scalar by scalar; nil for
  /// any other text.
  ///
  /// Each such scalar is a character of its own and lowers to one scalar, so this is what the walk over
  /// characters gives, without breaking the text into characters (validating a folder's cards folds
  /// every card's name).
  static func foldedByScalars(_ text: some StringProtocol) -> String? {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar.isASCII {
        let value = scalar.value
        result.append((0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
      } else if let plain = plainScalars[scalar] {
        result.append(plain)
      } else {
        return nil
      }
    }
    return String(result)
  }

  /// `plainLetters` by scalar, with the upper-case form of each letter too: „Ł” and „ł” are both „l”.
  static let plainScalars: [Unicode.Scalar: Unicode.Scalar] = {
    var table: [Unicode.Scalar: Unicode.Scalar] = [:]
    for (marked, plain) in plainLetters {
      guard let plain = plain.unicodeScalars.first else { continue }
      for form in [String(marked), String(marked).uppercased()] {
        let scalars = Array(form.unicodeScalars)
        // Only a letter that is one scalar in both cases and lowers back to itself.
        guard scalars.count == 1, !scalars[0].isASCII, form.lowercased() == String(marked) else { continue }
        table[scalars[0]] = plain
      }
    }
    return table
  }()

  /// Whether `text` contains `query`, both folded.
  public static func contains(_ text: some StringProtocol, _ query: some StringProtocol) -> Bool {
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
