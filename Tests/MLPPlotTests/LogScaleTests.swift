import XCTest
@testable import MLPPlot

/// The logarithmic loss axis of `ylim=log`, worked by hand from its definition: the densest
/// of the tiers 1…9, 1-2-5, 1 (then every 2nd, 3rd … power of ten) with at most `maxTicks`
/// ticks, the ends at the nearest 1-2-5 values around the data.
final class LogScaleTests: XCTestCase {
  func testTicksAtOneTwoFiveThenPowersOfTen() {
    // 0.03 … 2.4: 1…9 would need 0.03 … 3, 21 ticks; 1-2-5 needs eight.
    let loss = NiceScale(logCovering: 0.03, 2.4, maxTicks: 8)
    XCTAssertEqual(loss.lowerBound, 0.02)
    XCTAssertEqual(loss.upperBound, 5)
    XCTAssertEqual(loss.labels, ["0.02", "0.05", "0.1", "0.2", "0.5", "1", "2", "5"])
    // Seven ticks cannot hold them: powers of ten inside the same ends.
    let coarse = NiceScale(logCovering: 0.03, 2.4, maxTicks: 7)
    XCTAssertEqual(coarse.lowerBound, 0.02)
    XCTAssertEqual(coarse.upperBound, 5)
    XCTAssertEqual(coarse.labels, ["0.1", "1"])
    // A narrow range gets the tier of every integer mantissa.
    XCTAssertEqual(NiceScale(logCovering: 0.25, 0.38, maxTicks: 5).labels, ["0.2", "0.3", "0.4"])
    // Twelve decades with five ticks: every third power of ten.
    let wide = NiceScale(logCovering: 2e-7, 3e4, maxTicks: 5)
    XCTAssertEqual(wide.labels, ["0.000001", "0.001", "1", "1000"])
    XCTAssertEqual(NiceScale(logCovering: 1, 2e6, maxTicks: 3).labels, ["1", "1000", "1M"])
  }

  func testPositionsAreLogarithmic() {
    let scale = NiceScale(logCovering: 0.01, 10, maxTicks: 4)
    XCTAssertEqual(scale.ticks, [0.01, 0.1, 1, 10])
    XCTAssertEqual(scale.fraction(0.01), 0, accuracy: 1e-12)
    XCTAssertEqual(scale.fraction(0.1), 1.0 / 3, accuracy: 1e-12)
    XCTAssertEqual(scale.fraction(1), 2.0 / 3, accuracy: 1e-12)
    XCTAssertEqual(scale.fraction(10), 1, accuracy: 1e-12)
  }

  func testDegenerateRanges() {
    let single = NiceScale(logCovering: 0.3, 0.3, maxTicks: 5)
    XCTAssertEqual(single.lowerBound, 0.1)
    XCTAssertEqual(single.upperBound, 1)
    XCTAssertEqual(NiceScale(logCovering: .infinity, -.infinity, maxTicks: 5).labels, ["0.1", "0.2", "0.5", "1"])
  }

  /// Values of 0 and below lie along the bottom edge, and the legend says so; the axis fits
  /// the positive values only.
  func testNonPositiveValuesAreClippedBelow() {
    let chart = LineChart(
      title: "", xAxis: .iterations, leftLabel: "loss",
      series: [Series(name: "perfect", y: [2, 0.5, 0.1, 0]), Series(name: "other", y: [2, 1, 0.5, 0.2])],
      leftIsLogarithmic: true)
    let scale = chart.yScale(.left, maxTicks: 8, chart.extents)!
    XCTAssertEqual(scale.lowerBound, 0.1)
    XCTAssertEqual(scale.upperBound, 2)
    XCTAssertEqual(chart.legendName(of: 0), "perfect (clipped below)")
    XCTAssertEqual(chart.legendName(of: 1), "other")
    XCTAssertEqual(chart.plotted(0, on: scale), 0.1)
    let drawing = chart.terminal(.ascii(width: 40, height: 14))
    XCTAssertTrue(drawing.contains("*** perfect (clipped below)"), drawing)
    let svg = chart.svg()
    XCTAssertFalse(svg.contains("nan") || svg.contains("inf"), svg)
  }
}
