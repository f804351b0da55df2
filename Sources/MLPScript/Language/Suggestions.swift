/// "Did you mean …?": the nearest known name to a misspelt one.
enum Suggestions {
  /// The edit distance between `a` and `b`: the fewest insertions, deletions,
  /// substitutions and swaps of two neighbouring characters that turn one into the other
  /// (the optimal string alignment distance; `trian` is one swap from `train`).
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0 ... a.count { d[i][0] = i }
    for j in 0 ... b.count { d[0][j] = j }
    for i in 1 ... a.count {
      for j in 1 ... b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[a.count][b.count]
  }

  /// The candidate closest to `name`, if it is close enough to be a likely typo: at most
  /// one edit for names of up to four characters, two for longer ones, or `name` is a
  /// prefix of exactly one candidate. Ties go to the candidate listed first.
  ///
  /// Names much longer than any candidate get no suggestion: their distance is more than
  /// the limit whatever they hold, and the table behind it grows with the name's length (a
  /// 10 MB word took a minute).
  static func closest(to name: String, among candidates: [String]) -> String? {
    guard name.utf8.count <= longestSuggested else { return nil }
    let limit = name.count <= 4 ? 1 : 2
    let lowered = name.lowercased()
    var best: (candidate: String, distance: Int)? = nil
    for candidate in candidates where abs(candidate.count - name.count) <= limit {
      let distance = editDistance(lowered, candidate.lowercased())
      if distance <= limit && distance < (best?.distance ?? .max) { best = (candidate, distance) }
    }
    if let best { return best.candidate }
    let extensions = candidates.filter { $0.hasPrefix(name) && !name.isEmpty }
    return extensions.count == 1 ? extensions[0] : nil
  }

  /// The longest name, in bytes, that is compared with the candidates.
  static let longestSuggested = 64

  /// "did you mean 'train'?", or `nil` when nothing is close.
  static func hint(for name: String, among candidates: [String]) -> String? {
    closest(to: name, among: candidates).map { "did you mean '\($0)'?" }
  }

  /// "a, b or c": a list in prose.
  static func prose(_ names: [String], conjunction: String = "or") -> String {
    guard names.count > 1 else { return names.first ?? "" }
    return names.dropLast().joined(separator: ", ") + " \(conjunction) " + names.last!
  }
}
