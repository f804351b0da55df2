import Foundation
import MLPCore
import MLPPlot

/// How long the terminal figures take to draw (mlpsh-bench plot).
enum PlotTimings {
  /// A loss falling and a batch accuracy rising over `iterations`, with noise, as a run records.
  static func trainingCurves(iterations: Int, seed: UInt64) -> (loss: [Double], accuracy: [Double]) {
    var generator = SeededGenerator(seed: seed)
    let scale = Double(iterations) / 6
    let loss = (0 ..< iterations).map { 2.3 * exp(-Double($0) / scale) + 0.2 * generator.nextUnit() }
    let accuracy = (0 ..< iterations).map { 1 - 0.9 * exp(-Double($0) / scale) - 0.1 * generator.nextUnit() }
    return (loss, accuracy)
  }

  /// A 28x28 ring, values 0-255, like a drawn zero.
  static func ring(_ index: Int) -> DigitImage {
    var pixels: [Double] = []
    for row in 0 ..< 28 {
      for column in 0 ..< 28 {
        let x = Double(column) - 13.5, y = Double(row) - 13.5 + Double(index % 3)
        let distance = abs(x * x / 49 + y * y / 100 - 1) * 6
        pixels.append(max(0, min(255, 255 * (2 - distance) / 1.5)))
      }
    }
    return DigitImage(pixels: pixels, caption: "\(index)")
  }

  static var figures: [(name: String, figure: Figure)] {
    let run = trainingCurves(iterations: 3750, seed: 3)
    let training = LineChart(title: "mlp 784-128-64-10, batch 16", xAxis: .iterations,
                             leftLabel: "cross entropy loss", rightLabel: "accuracy on training batch",
                             series: [Series(name: "loss", y: run.loss),
                                      Series(name: "batch accuracy", y: run.accuracy, axis: .right)],
                             rightRange: 0 ... 1)
    let sweep = LineChart(title: "sweep", xAxis: .iterations, leftLabel: "loss",
                          series: [16, 32, 64, 128].map { batch in
                            Series(name: "batch \(batch)",
                                   y: trainingCurves(iterations: 60000 / batch, seed: UInt64(batch)).loss)
                          })
    var generator = SeededGenerator(seed: 5)
    let points = (0 ..< 200).map { _ -> DecisionBoundary.Point in
      let x = 2 * generator.nextUnit() - 1, y = 2 * generator.nextUnit() - 1
      return .init(x: x, y: y, label: x * x + y * y < 0.5 ? 0 : 1)
    }
    let boundary = DecisionBoundary(title: "circle", xRange: -1 ... 1, yRange: -1 ... 1,
                                    columns: 200, rows: 200, points: points) { x, y in x * x + y * y < 0.5 ? 0 : 1 }
    var counts = (0 ..< 10).map { actual in (0 ..< 10).map { predicted in actual == predicted ? 950 : (actual * 7 + predicted) % 13 } }
    counts[4][9] = 31
    return [
      ("training chart", .lineChart(training)),
      ("sweep of four runs", .lineChart(sweep)),
      ("decision boundary", .decisionBoundary(boundary)),
      ("digit gallery", .digits(DigitGallery(title: "misclassified", images: (0 ..< 16).map(ring)))),
      ("confusion matrix", .confusionMatrix(ConfusionMatrixChart(title: "test set", counts: counts))),
    ]
  }

  /// The figure that takes longest to draw, and its mean time over 20 drawings.
  static func slowest() -> (name: String, seconds: Double) {
    let style = TerminalStyle(width: 100, height: 30, color: true, unicode: true)
    let rounds = 20
    var slowest = (name: "", seconds: 0.0)
    for (name, figure) in figures {
      var drawn = 0
      let start = ContinuousClock.now
      for _ in 0 ..< rounds { drawn += figure.terminal(style).count }
      precondition(drawn > 0, "\(name) drew nothing")
      let seconds = (ContinuousClock.now - start).seconds / Double(rounds)
      if seconds > slowest.seconds { slowest = (name, seconds) }
    }
    return slowest
  }
}
