import XCTest
@testable import MLPPlot

final class NiceScaleTests: XCTestCase {
  /// Worked by hand from the definition: the smallest step m · 10^k (m ∈ {1, 2, 2.5, 5}) with
  /// at most `maxTicks` ticks from ⌊low / step⌋ · step to ⌈high / step⌉ · step.
  func testCoveringWidensToRoundTicks() {
    let loss = NiceScale(covering: 0.05, 2.4, maxTicks: 6)
    XCTAssertEqual(loss.step, 0.5)
    XCTAssertEqual(loss.lowerBound, 0)
    XCTAssertEqual(loss.upperBound, 2.5)
    XCTAssertEqual(loss.labels, ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5"])

    // Five ticks cannot hold 0 … 2.5 by halves, so the step grows to 1.
    let coarse = NiceScale(covering: 0.05, 2.4, maxTicks: 5)
    XCTAssertEqual(coarse.step, 1)
    XCTAssertEqual(coarse.labels, ["0", "1", "2", "3"])

    // -0.3 … 0.7 by 0.2 would need seven ticks (-0.4 … 0.8); by 0.25 it needs six.
    let signed = NiceScale(covering: -0.3, 0.7, maxTicks: 6)
    XCTAssertEqual(signed.step, 0.25)
    XCTAssertEqual(signed.lowerBound, -0.5)
    XCTAssertEqual(signed.upperBound, 0.75)
    XCTAssertEqual(signed.labels, ["-0.50", "-0.25", "0.00", "0.25", "0.50", "0.75"])
    XCTAssertEqual(signed.label(-0.5, minus: "\u{2212}"), "\u{2212}0.50")
  }

  func testWithinKeepsTheRangeAndPutsTicksInside() {
    let iterations = NiceScale(within: 1, 937, maxTicks: 6)
    XCTAssertEqual(iterations.step, 200)
    XCTAssertEqual(iterations.ticks, [200, 400, 600, 800])
    XCTAssertEqual(iterations.lowerBound, 1)
    XCTAssertEqual(iterations.upperBound, 937)

    let accuracy = NiceScale(within: 0, 1, maxTicks: 6)
    XCTAssertEqual(accuracy.labels, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])

    let examples = NiceScale(within: 0, 60000, maxTicks: 7)
    XCTAssertEqual(examples.labels, ["0", "10k", "20k", "30k", "40k", "50k", "60k"])

    let epochs = NiceScale(within: 0, 3, maxTicks: 8)
    XCTAssertEqual(epochs.labels, ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0"])

    let big = NiceScale(within: 0, 3e7, maxTicks: 4)
    XCTAssertEqual(big.labels, ["0", "10M", "20M", "30M"])
  }

  func testDegenerateRanges() {
    let zero = NiceScale(covering: 0, 0, maxTicks: 5)
    XCTAssertEqual(zero.lowerBound, 0)
    XCTAssertEqual(zero.upperBound, 1)

    // A constant 5 gets ±10 %: 4.5 … 5.5, by 0.25.
    let constant = NiceScale(covering: 5, 5, maxTicks: 5)
    XCTAssertEqual(constant.ticks, [4.5, 4.75, 5, 5.25, 5.5])

    let nan = NiceScale(within: .nan, .nan, maxTicks: 5)
    XCTAssertEqual(nan.lowerBound, 0)
    XCTAssertEqual(nan.upperBound, 1)
  }

  /// For many seeded ranges: at most `maxTicks` ticks, the data covered, the step a nice
  /// number, and the ticks evenly spaced by it.
  func testPropertiesOverManyRanges() {
    var generator = Fixtures.Generator(state: 11)
    for _ in 0 ..< 2000 {
      let magnitude = [1e-4, 0.01, 1, 100, 1e5][Int(generator.next() * 5)]
      let low = (generator.next() - 0.5) * magnitude * 10
      let high = low + generator.next() * magnitude * 10 + magnitude * 1e-3
      let maxTicks = 2 + Int(generator.next() * 10)
      let scale = NiceScale(covering: low, high, maxTicks: maxTicks)
      XCTAssertLessThanOrEqual(scale.ticks.count, low < 0 && high > 0 ? max(3, maxTicks) : maxTicks)
      XCTAssertGreaterThanOrEqual(scale.ticks.count, 2)
      XCTAssertLessThanOrEqual(scale.lowerBound, low + scale.step * 1e-9)
      XCTAssertGreaterThanOrEqual(scale.upperBound, high - scale.step * 1e-9)
      let mantissa = scale.step / pow(10, (log10(scale.step)).rounded(.down))
      XCTAssertTrue([1, 2, 2.5, 5, 10].contains { abs($0 - mantissa) < 1e-9 }, "step \(scale.step)")
      for (a, b) in zip(scale.ticks, scale.ticks.dropFirst()) {
        XCTAssertEqual(b - a, scale.step, accuracy: scale.step * 1e-9)
      }
      let inside = NiceScale(within: low, high, maxTicks: maxTicks)
      XCTAssertLessThanOrEqual(inside.ticks.count, maxTicks)
      XCTAssertTrue(inside.ticks.allSatisfy { $0 >= low - inside.step * 1e-6 && $0 <= high + inside.step * 1e-6 })
    }
  }

  func testNumberFormats() {
    XCTAssertEqual(NumberFormat.fixed(0.125, decimals: 2), "0.13")
    XCTAssertEqual(NumberFormat.fixed(-0.001, decimals: 2), "0.00")
    XCTAssertEqual(NumberFormat.fixed(-1.5, decimals: 0), "-2")
    XCTAssertEqual(NumberFormat.fixed(3.14159, decimals: 4), "3.1416")
    XCTAssertEqual(NumberFormat.fixed(.nan, decimals: 2), "nan")
    XCTAssertEqual(NumberFormat.fixed(-.infinity, decimals: 2), "-inf")

    XCTAssertEqual(NumberFormat.short(2.3124), "2.31")
    XCTAssertEqual(NumberFormat.short(0.18), "0.18")
    XCTAssertEqual(NumberFormat.short(0.09), "0.09")
    XCTAssertEqual(NumberFormat.short(937), "937")
    XCTAssertEqual(NumberFormat.short(60000), "60000")
    XCTAssertEqual(NumberFormat.short(23.14), "23.1")
    XCTAssertEqual(NumberFormat.short(0.0034), "0.0034")
    XCTAssertEqual(NumberFormat.short(1.0), "1")
    XCTAssertEqual(NumberFormat.short(-0.5), "-0.5")

    XCTAssertEqual(NumberFormat.percent(0.9758), "97.6%")
    XCTAssertEqual(NumberFormat.coordinate(12.3456), "12.35")
    XCTAssertEqual(NumberFormat.coordinate(40.0), "40")
    XCTAssertEqual(NumberFormat.decimals(for: 0.25), 2)
    XCTAssertEqual(NumberFormat.decimals(for: 200), 0)
    XCTAssertEqual(NumberFormat.decimals(for: 0.1), 1)
  }
}

extension NiceScaleTests {
  /// Iterations 1 … 3 get ticks 1, 2, 3, not 1.0, 1.5 …; 0 … 10 by 2, not by 2.5.
  func testWholeNumberSteps() {
    XCTAssertEqual(NiceScale(within: 1, 3, maxTicks: 5, minimumStep: 1).labels, ["1", "2", "3"])
    XCTAssertEqual(NiceScale(within: 0, 10, maxTicks: 5, minimumStep: 1).step, 5)
    XCTAssertEqual(NiceScale(within: 0, 10, maxTicks: 5).step, 2.5)
    let iterations = LineChart(title: "", xAxis: .iterations, leftLabel: "", series: [Series(name: "a", y: [1.0, 2, 3])])
    XCTAssertEqual(iterations.xMinimumStep(iterations.extents), 1)
    let epochs = LineChart(title: "", xAxis: .epochs, leftLabel: "", series: [Series(name: "a", x: [0.5, 1], y: [1, 2])])
    XCTAssertEqual(epochs.xMinimumStep(epochs.extents), 0)
  }
}
