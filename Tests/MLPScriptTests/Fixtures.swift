import MLPCore
@testable import MLPScript

/// Small labelled data made here from a seeded generator, for tests only.
enum Fixtures {
  /// The notebook's two blobs: 100 points around (-5, 5) labelled 0 and 100 around (5, 5)
  /// labelled 1, standard normal noise, shuffled; the same 200 points again as a test set.
  static func blobs(seed: UInt64 = 42) -> DataEntry {
    var generator = SeededGenerator(seed: seed)
    var rows: [[Float]] = []
    var labels: [Int] = []
    for (label, center) in [(0, (-5.0, 5.0)), (1, (5.0, 5.0))] {
      for _ in 0 ..< 100 {
        rows.append([Float(center.0 + generator.nextNormal()), Float(center.1 + generator.nextNormal())])
        labels.append(label)
      }
    }
    let order = generator.permutation(of: rows.count)
    let samples = Samples(features: Matrix(order.map { rows[$0] }), labels: order.map { labels[$0] },
                          classNames: ["left", "right"])
    return DataEntry(train: samples, test: samples, origin: "test fixture: two blobs")
  }

  /// Three classes of 2-d points, by the sign pattern of (x, y) with noise: class 0 in the
  /// left half, 1 in the top right, 2 in the bottom right. `count` training and 300 test.
  static func quadrants(count: Int = 1200, seed: UInt64 = 7) -> DataEntry {
    var generator = SeededGenerator(seed: seed)
    func sample(_ n: Int) -> Samples {
      var values: [Float] = []
      var labels: [Int] = []
      for _ in 0 ..< n {
        let x = generator.nextUniform(from: -1, to: 1)
        let y = generator.nextUniform(from: -1, to: 1)
        values += [Float(x), Float(y)]
        labels.append(x < 0 ? 0 : (y > 0 ? 1 : 2))
      }
      return Samples(features: Matrix(rows: n, columns: 2, storage: values), labels: labels)
    }
    return DataEntry(train: sample(count), test: sample(300), origin: "test fixture: quadrants")
  }

  /// An interpreter whose session holds `blobs` and `quadrants`, writing to a collecting sink.
  static func interpreter(style: OutputStyle = .plain) -> (Interpreter, CollectingSink) {
    let sink = CollectingSink()
    var session = Session()
    session.datasets["blobs"] = blobs()
    session.datasets["quadrants"] = quadrants()
    session.currentData = "quadrants"
    let interpreter = Interpreter(session: session, environment: Environment(sink: sink, style: style))
    return (interpreter, sink)
  }
}
