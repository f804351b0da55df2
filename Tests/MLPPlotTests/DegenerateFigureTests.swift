import XCTest
@testable import MLPPlot
import TestSupport

/// Figures with nothing, or almost nothing, to show still draw a frame and their summary, in
/// every form and as valid SVG.
final class DegenerateFigureTests: XCTestCase {
  static let figures: [Figure] = [
    .lineChart(LineChart(title: "nothing", xLabel: "", leftLabel: "", series: [])),
    .lineChart(LineChart(title: "no points", xAxis: .iterations, leftLabel: "loss", series: [Series(name: "loss", y: [Double]())])),
    .lineChart(LineChart(title: "one point", xAxis: .epochs, leftLabel: "loss", series: [Series(name: "loss", y: [0.5])])),
    .lineChart(LineChart(title: "all nan", xAxis: .iterations, leftLabel: "loss", series: [Series(name: "loss", y: [Double.nan, .nan])])),
    .lineChart(LineChart(
      title: "right only", xAxis: .iterations, leftLabel: "", rightLabel: "accuracy",
      series: [Series(name: "accuracy", y: [0.1, 0.5, 0.9], axis: .right)])),
    .lineChart(LineChart(
      title: "flat", xAxis: .iterations, leftLabel: "loss", series: [Series(name: "loss", y: [1, 1, 1])],
      leftRange: 0 ... 2)),
    .decisionBoundary(DecisionBoundary(
      title: "no points", xRange: 0 ... 1, yRange: 0 ... 1, columns: 1, rows: 1, classes: [0], points: [])),
    .decisionBoundary(DecisionBoundary(
      title: "points outside", xRange: 0 ... 1, yRange: 0 ... 1, columns: 2, rows: 2, classes: [0, 1, 1, 0],
      points: [.init(x: 5, y: 5, label: 1), .init(x: .nan, y: 0, label: 0)])),
    .digits(DigitGallery(title: "none", images: [])),
    .digits(DigitGallery(title: "tiny", images: [DigitImage(width: 1, height: 1, pixels: [1], range: 0 ... 1)])),
    .confusionMatrix(ConfusionMatrixChart(counts: [])),
    .confusionMatrix(ConfusionMatrixChart(counts: [[0]])),
  ]

  func testEveryFormDrawsAndEndsWithTheSummary() throws {
    for figure in DegenerateFigureTests.figures {
      for form in TerminalSnapshotTests.forms {
        let drawing = figure.terminal(form.style)
        let last = drawing.components(separatedBy: "\n").last
        XCTAssertEqual(last, form.style.unicode ? figure.summary : asciiOnly(figure.summary), figure.title)
      }
      let root = try parseXML(figure.svg())
      XCTAssertEqual(root.elements("desc").first?.text, figure.summary)
    }
  }

  func testSummariesOfEmptyFigures() {
    XCTAssertEqual(DegenerateFigureTests.figures.map(\.summary), [
      "nothing: no data",
      "loss: no data",
      "loss 0.5 → 0.5 over 1 epoch",
      "loss: no data",
      "accuracy 0.1 → 0.9 over 3 iterations",
      "loss 1 → 1 over 3 iterations",
      "0 points in 0 classes; predicted area: class 0 100%",
      "2 points in 2 classes, 0 classified correctly (0.0%); predicted area: class 0 50%, class 1 50%",
      "no images",
      "1 image of 1×1 pixels",
      "0 examples, 0 correct (0.0%)",
      "0 examples, 0 correct (0.0%)",
    ])
  }
}
