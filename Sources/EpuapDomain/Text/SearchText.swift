/// Text compared the way a clerk searches: letter case and the marks of Latin letters do not count.
///
/// „lodz” finds „Łódź”, „ZAZOLC” finds „zażółć”. Unlike Foundation's diacritic-insensitive search, „ł”
/// counts as „l”: it has no decomposition in Unicode, yet it is the mark a Polish clerk leaves out most.
public enum SearchText {
  /// `text` in lower case with Latin letters' marks removed.
  public static func folded(_ text: some StringProtocol) -> String {
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
