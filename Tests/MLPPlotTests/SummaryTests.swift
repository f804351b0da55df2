import XCTest
@testable import MLPPlot

/// Every figure's one-line summary, asserted verbatim on hand-made data.
final class SummaryTests: XCTestCase {
  func testTrainingCurvesSayFirstAndLastValues() {
    let chart = LineChart(
      title: "training", xAxis: .iterations, leftLabel: "loss", rightLabel: "accuracy",
      series: [
        Series(name: "loss", y: [2.3124, 1.2, 0.18]),
        Series(name: "batch accuracy", y: [0.09, 0.5, 0.953125], axis: .right),
      ])
    XCTAssertEqual(chart.summary, "loss 2.31 → 0.18 over 3 iterations; batch accuracy 0.09 → 0.95")
    XCTAssertEqual(Figure.lineChart(chart).summary, chart.summary)
  }

  func testRunsOfUnequalLengthEachSayTheirExtent() {
    let chart = LineChart(
      title: "sweep", xAxis: .iterations, leftLabel: "loss",
      series: [
        Series(name: "batch 16", y: [2.3, 1, 0.5, 0.25]),
        Series(name: "batch 128", y: [2.3, 0.6]),
      ])
    XCTAssertEqual(chart.summary, "loss: batch 16 2.3 → 0.25 over 4 iterations; batch 128 2.3 → 0.6 over 2 iterations")
  }

  func testRunsOfEqualExtentSayItOnce() {
    let chart = LineChart(
      title: "sweep", xAxis: .examples, leftLabel: "loss",
      series: [
        Series(name: "a", x: [30000, 60000], y: [1, 0.5]),
        Series(name: "b", x: [20000, 40000, 60000], y: [2, 1, 0.25]),
      ])
    XCTAssertEqual(chart.summary, "loss: a 1 → 0.5 over 60000 examples seen; b 2 → 0.25")
  }

  func testOneEpochIsSingular() {
    let chart = LineChart(
      title: "", xAxis: .epochs, leftLabel: "loss",
      series: [Series(name: "loss", x: [0.5, 1], y: [1.5, 0.75])])
    XCTAssertEqual(chart.summary, "loss 1.5 → 0.75 over 1 epoch")
    // 937 batches of 64 are 0.99947 of an epoch, written "1".
    let almost = LineChart(
      title: "", xAxis: .epochs, leftLabel: "loss",
      series: [Series(name: "loss", x: [0.5, 937.0 * 64 / 60000], y: [1.5, 0.75])])
    XCTAssertEqual(almost.summary, "loss 1.5 → 0.75 over 1 epoch")
    let two = LineChart(
      title: "", xAxis: .epochs, leftLabel: "loss", series: [Series(name: "loss", x: [1, 2], y: [1.5, 0.75])])
    XCTAssertEqual(two.summary, "loss 1.5 → 0.75 over 2 epochs")
  }

  func testDivergenceAndMissingData() {
    let diverged = LineChart(
      title: "lr 10", xAxis: .iterations, leftLabel: "loss",
      series: [Series(name: "loss", y: [2.3, 40, .nan])])
    XCTAssertEqual(diverged.summary, "loss 2.3 → nan over 3 iterations")

    let empty = LineChart(
      title: "nothing yet", xAxis: .iterations, leftLabel: "loss",
      series: [Series(name: "loss", y: [Double]())])
    XCTAssertEqual(empty.summary, "loss: no data")
    XCTAssertEqual(LineChart(title: "nothing", xLabel: "", leftLabel: "", series: []).summary, "nothing: no data")
  }

  func testDecisionBoundaryCountsPointsOnTheRightSide() {
    let boundary = DecisionBoundary(
      title: "two halves", xRange: -1 ... 1, yRange: -1 ... 1, columns: 2, rows: 1,
      classes: [0, 1],
      points: [
        .init(x: -0.5, y: 0, label: 0), .init(x: 0.5, y: 0, label: 1), .init(x: 0.5, y: 0.2, label: 0),
      ])
    XCTAssertEqual(
      boundary.summary,
      "3 points in 2 classes, 2 classified correctly (66.7%); predicted area: class 0 50%, class 1 50%")

    // An explicit prediction wins over the grid.
    var told = boundary
    told.points[2].predicted = 0
    told.classNames = ["left", "right"]
    XCTAssertEqual(
      told.summary,
      "3 points in 2 classes, 3 classified correctly (100.0%); predicted area: left 50%, right 50%")
  }

  func testDigitGallerySaysItsCaptions() {
    let image = { (caption: String?) in DigitImage(width: 2, height: 2, pixels: [0, 255, 255, 0], caption: caption) }
    XCTAssertEqual(DigitGallery(title: "one", images: [image(nil)]).summary, "1 image of 2×2 pixels")
    let captions = ["label 7, predicted 2", "label 4, predicted 9", "label 5, predicted 3"]
    XCTAssertEqual(
      DigitGallery(title: "wrong", images: captions.map(image)).summary,
      "3 images of 2×2 pixels: label 7, predicted 2; label 4, predicted 9; label 5, predicted 3")
    let many = DigitGallery(title: "wrong", images: (0 ..< 8).map { image("\($0)") })
    XCTAssertEqual(many.summary, "8 images of 2×2 pixels: 0; 1; 2; 3; 4; 5; and 2 more")
    XCTAssertEqual(DigitGallery(title: "none", images: []).summary, "no images")
  }

  func testConfusionMatrixSaysAccuracyAndWorstConfusions() {
    let chart = ConfusionMatrixChart(counts: [[5, 1], [2, 2]], classNames: ["cat", "dog"])
    XCTAssertEqual(chart.summary, "10 examples, 7 correct (70.0%); most confused: dog → cat (2), cat → dog (1)")
    XCTAssertEqual(chart.rowTotals, [6, 4])
    XCTAssertEqual(chart.columnTotals, [7, 3])
    XCTAssertEqual(chart.recall(ofClass: 1)!, 0.5, accuracy: 1e-12)
    XCTAssertEqual(chart.accuracy, 0.7, accuracy: 1e-12)

    let perfect = ConfusionMatrixChart(counts: [[3, 0], [0, 1]])
    XCTAssertEqual(perfect.summary, "4 examples, 4 correct (100.0%); no confusions")
    XCTAssertNil(ConfusionMatrixChart(counts: [[1, 0], [0, 0]]).recall(ofClass: 1))
  }

  func testSmoothingIsATrailingMean() {
    let series = Series(name: "loss", y: [4, 2, 0, 2, .nan, 6])
    let smoothed = series.smoothed(window: 2)
    XCTAssertEqual(smoothed.name, "loss (mean of 2)")
    XCTAssertEqual(Array(smoothed.y.prefix(4)), [4, 3, 1, 1])
    XCTAssertTrue(smoothed.y[4].isNaN)
    XCTAssertEqual(smoothed.y[5], 6)
    XCTAssertEqual(smoothed.x, series.x)
  }
}
