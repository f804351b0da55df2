@testable import MLPPlot

/// Figures built from data that is the same on every machine: a linear congruential
/// generator and only `+ - * /`, no library maths whose last bit may differ.
enum Fixtures {
  /// Knuth's MMIX generator, giving uniform values in [0, 1).
  struct Generator {
    var state: UInt64

    mutating func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(UInt64(1) << 53)
    }
  }

  /// A training run like the notebook's: a batch loss that falls from about 2.3 with noise,
  /// and a batch accuracy (in 64ths) that rises towards 0.95.
  static func trainingRun(iterations: Int, seed: UInt64 = 7, pace: Double = 60) -> (loss: [Double], accuracy: [Double]) {
    var generator = Generator(state: seed)
    var loss: [Double] = []
    var accuracy: [Double] = []
    for index in 0 ..< iterations {
      let t = Double(index) / pace
      let trend = 2.1 / (1 + t * t) + 0.2
      loss.append(trend * (0.75 + 0.5 * generator.next()))
      let expected = 0.95 - 0.85 / (1 + t * t)
      let hits = (0 ..< 64).filter { _ in generator.next() < expected }.count
      accuracy.append(Double(hits) / 64)
    }
    return (loss, accuracy)
  }

  /// The notebook's training figure: loss on the left, batch accuracy on a twin right axis.
  static func twinChart(iterations: Int = 300) -> LineChart {
    let run = trainingRun(iterations: iterations)
    return LineChart(
      title: "mlp [784,128,64,10] relu, batch 64", xAxis: .iterations,
      leftLabel: "cross-entropy loss", rightLabel: "batch accuracy",
      series: [
        Series(name: "loss", y: run.loss),
        Series(name: "batch accuracy", y: run.accuracy, axis: .right),
      ],
      rightRange: 0 ... 1)
  }

  /// A sweep: three runs of unequal length overlaid on one axis.
  static func sweepChart() -> LineChart {
    let runs = [(16, 400), (64, 100), (128, 50)].map { batch, iterations in
      Series(name: "batch \(batch)", y: trainingRun(iterations: iterations, seed: UInt64(batch), pace: Double(iterations) / 5).loss)
    }
    return LineChart(title: "batch-size sweep", xAxis: .iterations, leftLabel: "loss", series: runs)
  }

  /// A learning-rate sweep on a shared y range [0, 3], one run diverging to a loss of 12:
  /// clipped along the top edge and marked in the legend, the others keep their scale.
  static func clippedSweepChart() -> LineChart {
    let good = [(0.01, 7 as UInt64), (0.001, 8)].map { lr, seed in
      Series(name: "lr \(lr)", y: trainingRun(iterations: 200, seed: seed, pace: lr == 0.01 ? 30 : 90).loss)
    }
    let diverged = Series(name: "lr 0.1", y: (0 ..< 16).map { 2.3 + Double($0) * 0.65 })
    return LineChart(title: "learning-rate sweep", xAxis: .iterations, leftLabel: "loss",
                     series: [diverged] + good, leftRange: 0 ... 3)
  }

  /// A learning-rate sweep on a logarithmic loss axis: one run diverging to 12, one falling
  /// over two decades (its loss shrinks by 2 % an iteration on top of the usual fall), one
  /// slow; the log axis keeps all three apart without clipping any.
  static func logSweepChart() -> LineChart {
    let diverged = Series(name: "lr 1", y: (0 ..< 16).map { 2.3 + Double($0) * 0.65 })
    var decay = 1.0
    let fast = trainingRun(iterations: 200, seed: 7, pace: 30).loss.map { value -> Double in
      decay *= 0.98
      return value * decay
    }
    let slow = trainingRun(iterations: 200, seed: 8, pace: 90).loss
    return LineChart(title: "learning-rate sweep", xAxis: .iterations, leftLabel: "loss",
                     series: [diverged, Series(name: "lr 0.1", y: fast), Series(name: "lr 0.01", y: slow)],
                     leftIsLogarithmic: true)
  }

  /// The training figure with `plot smooth=20`: each raw curve faint under its bold mean.
  static func smoothedChart() -> LineChart {
    var chart = twinChart()
    chart.series += chart.series.map { $0.smoothed(window: 20) }
    return chart
  }

  /// Two runs with the same first 60 iterations (every cell of that stretch shared), then
  /// apart: the shared stretch takes the first run's colour.
  static func sharedChart() -> LineChart {
    let first = trainingRun(iterations: 150, seed: 11, pace: 30).loss
    let second = Array(first.prefix(60)) + trainingRun(iterations: 90, seed: 12, pace: 10).loss.map { $0 + 0.8 }
    return LineChart(title: "two seeds, one start", xAxis: .iterations, leftLabel: "loss",
                     series: [Series(name: "seed 11", y: first), Series(name: "seed 12", y: second)])
  }

  /// Two blobs, as in the notebook's perceptron cell, and a linear boundary x + y/4 = 0.5.
  static func blobs() -> DecisionBoundary {
    var generator = Generator(state: 42)
    var points: [DecisionBoundary.Point] = []
    for label in 0 ..< 2 {
      for _ in 0 ..< 40 {
        let x = (label == 0 ? -5 : 5) + 4 * (generator.next() - 0.5)
        let y = 5 + 4 * (generator.next() - 0.5)
        points.append(.init(x: x, y: y, label: label))
      }
    }
    points.append(.init(x: -1.5, y: 6, label: 1))  // on the wrong side
    return DecisionBoundary(
      title: "perceptron decision boundary after epoch 1", xRange: -8 ... 8, yRange: 2 ... 8,
      columns: 64, rows: 32, points: points
    ) { x, y in x + y / 4 > 0.5 ? 1 : 0 }
  }

  /// Three classes split by the lines x = 0 and y = 0 (left, right above, right below), with
  /// every seventh point labelled as the next class.
  static func quadrants() -> DecisionBoundary {
    func region(_ x: Double, _ y: Double) -> Int { x < 0 ? 0 : (y >= 0 ? 1 : 2) }
    var generator = Generator(state: 3)
    let points = (0 ..< 42).map { index -> DecisionBoundary.Point in
      let x = 2 * generator.next() - 1, y = 2 * generator.next() - 1
      return .init(x: x, y: y, label: (region(x, y) + (index % 7 == 6 ? 1 : 0)) % 3)
    }
    return DecisionBoundary(
      title: "three classes", xRange: -1 ... 1, yRange: -1 ... 1, columns: 40, rows: 40,
      points: points, classNames: ["left", "upper right", "lower right"], classify: region)
  }

  /// A 28 × 28 "digit": a ring (0) or a slanted bar (1), with soft edges, values 0 … 255.
  static func digit(_ shape: Int, caption: String? = nil) -> DigitImage {
    var pixels: [Double] = []
    for row in 0 ..< 28 {
      for column in 0 ..< 28 {
        let x = Double(column) - 13.5, y = Double(row) - 13.5
        var distance: Double
        if shape == 0 {
          let radius2 = x * x / 49 + y * y / 100
          distance = abs(radius2 - 1) * 6
        } else {
          distance = abs(x - (-y) / 4)
          if abs(y) > 10 { distance += abs(y) - 10 }
        }
        pixels.append(max(0, min(255, 255 * (2 - distance) / 1.5)))
      }
    }
    return DigitImage(pixels: pixels, caption: caption)
  }

  /// A 10-class confusion matrix shaped like an MNIST test run.
  static func confusion() -> ConfusionMatrixChart {
    var counts = [[Int]](repeating: [Int](repeating: 0, count: 10), count: 10)
    let diagonal = [970, 1121, 995, 981, 955, 861, 932, 995, 937, 968]
    for index in 0 ..< 10 { counts[index][index] = diagonal[index] }
    let errors: [(Int, Int, Int)] = [
      (0, 6, 4), (0, 2, 3), (0, 5, 3), (1, 8, 7), (1, 3, 4), (1, 2, 3), (2, 7, 12), (2, 8, 10),
      (2, 3, 8), (2, 1, 7), (3, 5, 11), (3, 2, 9), (3, 8, 9), (4, 9, 14), (4, 6, 7), (4, 2, 6),
      (5, 3, 13), (5, 8, 10), (5, 6, 8), (6, 5, 10), (6, 0, 9), (6, 4, 7), (7, 2, 14), (7, 9, 11),
      (7, 1, 8), (8, 3, 12), (8, 5, 10), (8, 9, 9), (8, 2, 6), (9, 4, 15), (9, 7, 12), (9, 8, 8),
      (9, 3, 6),
    ]
    for (actual, predicted, count) in errors { counts[actual][predicted] = count }
    return ConfusionMatrixChart(title: "confusion matrix on the test set", counts: counts)
  }
}
