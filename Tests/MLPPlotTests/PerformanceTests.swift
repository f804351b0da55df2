import Foundation
import XCTest
@testable import MLPPlot

/// Drawing in the terminal must cost well under 5 % of an MNIST epoch: under 20 ms for the
/// batch-16 run's 3750 iterations of loss and accuracy, even in a debug build.
final class PerformanceTests: XCTestCase {
  /// The fastest of `runs` timings of `body`, in seconds (the least disturbed by other load).
  private func fastest(runs: Int = 5, _ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0 ..< runs {
      let start = DispatchTime.now().uptimeNanoseconds
      body()
      best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best
  }

  func testTrainingChartOf3750IterationsDrawsInUnder20Milliseconds() {
    let run = Fixtures.trainingRun(iterations: 3750)
    let chart = LineChart(
      title: "batch 16", xAxis: .iterations, leftLabel: "loss", rightLabel: "accuracy",
      series: [Series(name: "loss", y: run.loss), Series(name: "accuracy", y: run.accuracy, axis: .right)],
      rightRange: 0 ... 1)
    for style in [TerminalStyle(width: 160, height: 48), TerminalStyle.ascii(width: 160, height: 48)] {
      var drawing = ""
      let seconds = fastest { drawing = chart.terminal(style) }
      XCTAssertFalse(drawing.isEmpty)
      XCTAssertLessThan(seconds, 0.020, "\(style)")
    }
  }

  func testSweepOfFourRunsDrawsInUnder20Milliseconds() {
    let series = [16, 32, 64, 128].map { batch in
      Series(name: "batch \(batch)", y: Fixtures.trainingRun(iterations: 60000 / batch, seed: UInt64(batch)).loss)
    }
    let chart = LineChart(title: "sweep", xAxis: .iterations, leftLabel: "loss", series: series)
    XCTAssertLessThan(fastest { _ = chart.terminal(TerminalStyle(width: 160, height: 48)) }, 0.020)
  }

  func testOtherFiguresDrawInUnder20Milliseconds() {
    let boundary = DecisionBoundary(
      title: "spiral", xRange: -1 ... 1, yRange: -1 ... 1, columns: 200, rows: 200,
      points: Fixtures.quadrants().points
    ) { x, y in x * x + y * y < 0.5 ? 0 : 1 }
    let gallery = DigitGallery(title: "wrong", images: (0 ..< 16).map { Fixtures.digit($0 % 2) })
    let figures: [Figure] = [.decisionBoundary(boundary), .digits(gallery), .confusionMatrix(Fixtures.confusion())]
    for figure in figures {
      XCTAssertLessThan(fastest { _ = figure.terminal(TerminalStyle(width: 160, height: 48)) }, 0.020, figure.title)
    }
  }
}
