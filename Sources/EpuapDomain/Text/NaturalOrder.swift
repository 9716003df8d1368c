/// Orders text with runs of digits compared as numbers, so step „3.9” comes before „3.10”.
public enum NaturalOrder {
  /// Whether `left` sorts before `right`: digit runs by value, everything else by Unicode scalar.
  public static func precedes(_ left: String, _ right: String) -> Bool {
    var leftScalars = Array(left.unicodeScalars)[...]
    var rightScalars = Array(right.unicodeScalars)[...]
    while let leftFirst = leftScalars.first, let rightFirst = rightScalars.first {
      if isDigit(leftFirst), isDigit(rightFirst) {
        let leftRun = digitRun(&leftScalars)
        let rightRun = digitRun(&rightScalars)
        if leftRun != rightRun {
          return leftRun.count != rightRun.count ? leftRun.count < rightRun.count : leftRun < rightRun
        }
        continue
      }
      if leftFirst != rightFirst { return leftFirst.value < rightFirst.value }
      leftScalars.removeFirst()
      rightScalars.removeFirst()
    }
    return leftScalars.isEmpty && !rightScalars.isEmpty
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

  /// The digit run at the start of `scalars` without leading zeros, removed from `scalars`.
  private static func digitRun(_ scalars: inout ArraySlice<Unicode.Scalar>) -> String {
    var run = ""
    while let scalar = scalars.first, isDigit(scalar) {
      if !(run.isEmpty && scalar == "0") { run.unicodeScalars.append(scalar) }
      scalars.removeFirst()
    }
    return run
  }
}
