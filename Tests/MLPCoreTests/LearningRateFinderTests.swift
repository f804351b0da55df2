import Foundation
import MLPCore
import Testing

@Suite struct LearningRateFinderTests {
  /// Three separable clusters in 4 dimensions, 960 samples.
  static func clusters() -> (Matrix, [Int]) {
    var generator = SeededGenerator(seed: 3)
    let centres: [[Double]] = [[2, 0, 0, 1], [0, 2, 0, -1], [0, 0, 2, 0]]
    var storage: [Float] = []
    var labels: [Int] = []
    for _ in 0..<960 {
      let label = generator.nextInt(below: 3)
      labels.append(label)
      storage += centres[label].map { Float($0 + generator.nextNormal(standardDeviation: 0.5)) }
    }
    return (Matrix(rows: 960, columns: 4, storage: storage), labels)
  }

  @Test func ratesGrowGeometricallyFromStartToEnd() {
    let finder = LearningRateFinder(start: 1e-4, end: 1, iterations: 5)
    let rates = (0..<5).map { finder.learningRate(at: $0, of: 5) }
    for (rate, expected) in zip(rates, [1e-4, 1e-3, 1e-2, 1e-1, 1]) {
      #expect(abs(rate - expected) <= 1e-12 * max(expected, 1))
    }
  }

  @Test func leavesTheNetworkAsItWasAndStopsWhenTheLossBlowsUp() throws {
    let (inputs, labels) = Self.clusters()
    let network = MultilayerPerceptron(layerSizes: [4, 16, 3], initializer: .he, seed: 1)
    let finder = LearningRateFinder(start: 1e-5, end: 1e3, iterations: 100, batchSize: 8)
    let points = try finder.run(on: network, inputs: inputs, labels: labels)
    // The network is a value: the test trained a copy.
    #expect(network.history.iterations == 0)
    // A rate of 1000 cannot train this: the test stops before its last batch, with the
    // smoothed loss past four times its lowest (or no longer a number).
    #expect(points.count < 100)
    let lowest = try #require(points.map(\.smoothedLoss).filter(\.isFinite).min())
    let last = try #require(points.last).smoothedLoss
    #expect(!last.isFinite || last > LearningRateFinder.divergence * lowest)
    // The rates are those of a 100-batch test, in order.
    for (index, point) in points.enumerated() {
      #expect(abs(point.learningRate - finder.learningRate(at: index, of: 100)) <= 1e-9 * point.learningRate)
    }
    // Smoothing: the first point's smoothed loss is its loss (bias correction).
    #expect(abs(points[0].smoothedLoss - points[0].loss) <= 1e-9)
    let (best, suggested) = try #require(LearningRateFinder.suggestion(points))
    #expect(best.smoothedLoss == lowest)
    #expect(suggested == best.learningRate / 10)
    // On separable data the loss falls before it blows up: the best rate is neither end.
    #expect(best.learningRate > 1e-4 && best.learningRate < 1e2)
  }

  @Test func aTestIsAtMostOneEpochAndSpansTheRangeWithin() throws {
    let (inputs, labels) = Self.clusters()
    let network = MultilayerPerceptron(layerSizes: [4, 8, 3], initializer: .he, seed: 2)
    // 960 samples in batches of 64: 15 batches, fewer than the 100 asked for.
    let finder = LearningRateFinder(start: 1e-6, end: 1e-3, iterations: 100, batchSize: 64)
    let points = try finder.run(on: network, inputs: inputs, labels: labels)
    #expect(points.count == 15)
    #expect(abs(try #require(points.last).learningRate - 1e-3) <= 1e-12)
  }
}
