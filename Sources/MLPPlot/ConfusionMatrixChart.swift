/// A confusion matrix: how often each true class was predicted as each class.
public struct ConfusionMatrixChart: Sendable, Equatable {
  public var title: String
  /// `counts[actual][predicted]`, a square table (as `Evaluation.confusion` holds it).
  public var counts: [[Int]]
  /// A name per class; missing names are the class numbers.
  public var classNames: [String]

  /// A chart of a square table of counts.
  public init(title: String = "confusion matrix", counts: [[Int]], classNames: [String] = []) {
    precondition(counts.allSatisfy { $0.count == counts.count },
                 "a confusion matrix must be square, got \(counts.map(\.count)) columns in \(counts.count) rows")
    self.title = title
    self.counts = counts
    self.classNames = classNames
  }

  /// The number of classes.
  public var classCount: Int { counts.count }

  /// The name of class `index`: its entry in `classNames`, else its number.
  public func name(ofClass index: Int) -> String {
    index < classNames.count ? classNames[index] : String(index)
  }

  // MARK: - Totals

  /// The examples of each true class.
  public var rowTotals: [Int] { counts.map { $0.reduce(0, +) } }
  /// The examples predicted as each class.
  public var columnTotals: [Int] {
    (0 ..< classCount).map { column in counts.reduce(0) { $0 + $1[column] } }
  }
  /// All examples.
  public var total: Int { rowTotals.reduce(0, +) }
  /// The examples on the diagonal.
  public var correct: Int { (0 ..< classCount).reduce(0) { $0 + counts[$1][$1] } }
  /// `correct / total`, 0 for an empty matrix.
  public var accuracy: Double { total > 0 ? Double(correct) / Double(total) : 0 }

  /// The fraction of class `index`'s examples predicted as `index` (its recall); `nil` when
  /// the class has no examples.
  public func recall(ofClass index: Int) -> Double? {
    let examples = counts[index].reduce(0, +)
    return examples > 0 ? Double(counts[index][index]) / Double(examples) : nil
  }

  /// The largest off-diagonal counts, largest first (ties by actual, then predicted class).
  public func mostConfused(limit: Int = 3) -> [(actual: Int, predicted: Int, count: Int)] {
    var pairs: [(actual: Int, predicted: Int, count: Int)] = []
    for actual in 0 ..< classCount {
      for predicted in 0 ..< classCount where predicted != actual && counts[actual][predicted] > 0 {
        pairs.append((actual, predicted, counts[actual][predicted]))
      }
    }
    pairs.sort { a, b in
      a.count != b.count ? a.count > b.count
        : (a.actual != b.actual ? a.actual < b.actual : a.predicted < b.predicted)
    }
    return Array(pairs.prefix(limit))
  }

  /// The largest count off the diagonal, 0 if there is none.
  var largestConfusion: Int { mostConfused(limit: 1).first?.count ?? 0 }

  // MARK: - Summary

  /// One line for logs and screen readers: accuracy and the most frequent confusions.
  /// ```
  /// 10000 examples, 9758 correct (97.6%); most confused: 4 → 9 (12), 7 → 2 (10), 3 → 5 (9)
  /// ```
  public var summary: String {
    var text = "\(total) example\(total == 1 ? "" : "s"), \(correct) correct (\(NumberFormat.percent(accuracy)))"
    let confused = mostConfused(limit: 3)
    if total > 0 {
      text += confused.isEmpty ? "; no confusions" : "; most confused: " + confused.map {
        "\(name(ofClass: $0.actual)) → \(name(ofClass: $0.predicted)) (\($0.count))"
      }.joined(separator: ", ")
    }
    return text
  }
}
