import Foundation
import XCTest
@testable import MLPCore

/// Unit health on hand-made layers whose dead and saturated units are known, its gradient
/// norms against `explainStep` (plain loops, one sample at a time, checked against
/// `gradcheck` by its own tests), and training with it on against training without.
final class UnitHealthTests: XCTestCase {
  /// Four samples with positive features, so that a unit with negative weights and bias
  /// never fires.
  let inputs = Matrix([[1, 2], [0.5, 1.5], [2, 0.1], [0.3, 0.3]])
  let labels = [0, 1, 1, 0]

  /// A 2-3-2 network whose first layer is `w` (2×3 row-major) and `b`.
  func network(_ activation: Activation, w: [Float], b: [Float]) -> MultilayerPerceptron {
    var net = MultilayerPerceptron(layerSizes: [2, 3, 2], activation: activation, learningRate: 0.1, seed: 1)
    net.parameters.replaceSubrange(net.layers[0].weightRange, with: w)
    net.parameters.replaceSubrange(net.layers[0].biasRange, with: b)
    return net
  }

  /// `‖∇W_l‖` of the batch's mean gradient, from one `explainStep` per sample.
  func referenceNorms(_ net: MultilayerPerceptron) -> [Double] {
    let steps = (0 ..< inputs.rows).map { row in
      net.explainStep(input: Array(inputs.storage[row * 2 ..< row * 2 + 2]), label: labels[row])
    }
    return net.layers.indices.map { layer in
      var sum = [Double](repeating: 0, count: steps[0].layers[layer].weightGradient.count)
      for step in steps {
        for (i, g) in step.layers[layer].weightGradient.enumerated() { sum[i] += Double(g) / Double(steps.count) }
      }
      return sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }
  }

  func firstHealth(_ net: MultilayerPerceptron) throws -> HealthPoint {
    var trained = net
    try trained.train(inputs: inputs, labels: labels,
                      options: TrainingOptions(batchSize: 4, iterations: 1, recordsHealth: true))
    XCTAssertEqual(trained.history.health.count, 1)
    return try XCTUnwrap(trained.history.health.first)
  }

  func testAReLUForcedDeadCountsAndTheNormsMatchTheExplainedStep() throws {
    // Unit 1: weights −1, −1 and bias −0.5 on positive inputs: zero on every sample.
    let net = network(.relu, w: [0.4, -1, 0.3, -0.2, -1, 0.5], b: [0.1, -0.5, 0])
    let point = try firstHealth(net)
    XCTAssertEqual(point.iteration, 1)
    XCTAssertEqual(point.inactive, [1 / 3])
    let reference = referenceNorms(net)
    XCTAssertEqual(point.gradientNorms.count, 2)
    for (measured, expected) in zip(point.gradientNorms, reference) {
      // Float products against Float loops summed in Double: agreement to rounding.
      XCTAssertEqual(Double(measured), expected, accuracy: 1e-5 * max(expected, 1))
    }
    XCTAssertGreaterThan(reference[0], 0.01)
  }

  func testSigmoidUnitsSaturatedOnNineTenthsOfTheBatchCount() throws {
    // Unit 0 near 1 everywhere (bias +20), unit 1 near 0 everywhere (bias −20); unit 2,
    // σ(10·x₁ − 12), is saturated on three samples of four (σ(−2) = 0.12 on the first is
    // not): 75%, under the 90% that counts.
    let net = network(.sigmoid, w: [0, 0, 10, 0, 0, 0], b: [20, -20, -12])
    let point = try firstHealth(net)
    XCTAssertEqual(point.inactive, [2 / 3])
    for (measured, expected) in zip(point.gradientNorms, referenceNorms(net)) {
      XCTAssertEqual(Double(measured), expected, accuracy: 1e-5 * max(expected, 1))
    }
  }

  func testSaturationThresholds() {
    // The slope under a tenth of its peak: σ(1 − σ) < 0.025, 1 − a² < 0.1.
    XCTAssertTrue(HealthPoint.isSaturated(0.98, .sigmoid))
    XCTAssertFalse(HealthPoint.isSaturated(0.97, .sigmoid))
    XCTAssertTrue(HealthPoint.isSaturated(0.02, .sigmoid))
    XCTAssertTrue(HealthPoint.isSaturated(-0.95, .tanh))
    XCTAssertFalse(HealthPoint.isSaturated(0.94, .tanh))
    XCTAssertFalse(HealthPoint.isSaturated(0, .relu))
  }

  func testTanhUnitsSaturatedOnEverySample() throws {
    let net = network(.tanh, w: [0, 0, 0, 0, 0, 0], b: [3, -3, 0.1])
    XCTAssertEqual(try firstHealth(net).inactive, [2 / 3])
  }

  /// Random data with a few columns that are zero everywhere (so that the run leaves them out
  /// of the first layer's products, as on MNIST).
  func data(rows: Int = 240, columns: Int = 40) -> (Matrix, [Int]) {
    var generator = SeededGenerator(seed: 7)
    var values: [Float] = []
    for _ in 0 ..< rows {
      for column in 0 ..< columns {
        values.append(column % 5 == 0 ? 0 : Float(generator.nextInt(below: 256)) / 64)
      }
    }
    let labels = (0 ..< rows).map { _ in generator.nextInt(below: 3) }
    return (Matrix(rows: rows, columns: columns, storage: values), labels)
  }

  func testTrainingIsBitForBitTheSameWithHealthOnOrOff() throws {
    let (x, y) = data()
    for optimizer in [Optimizer(.sgd), Optimizer(.adam), Optimizer(.momentum, l2: 0.001)] {
      // Health is not recorded with dropout (`OptimizerStateTests.healthWithDropoutIsRefused`).
      for dropout: Float in [0] {
        var off = MultilayerPerceptron(layerSizes: [40, 16, 8, 3], activation: .relu, learningRate: 0.05, seed: 3)
        var on = off
        var options = TrainingOptions(batchSize: 16, epochs: 3, shuffle: true, seed: 5, optimizer: optimizer,
                                      dropout: dropout)
        try off.train(inputs: x, labels: y, options: options)
        options.recordsHealth = true
        options.healthInterval = 10
        try on.train(inputs: x, labels: y, options: options)
        XCTAssertEqual(on.parameters, off.parameters, "\(optimizer) dropout \(dropout)")
        XCTAssertEqual(on.history.steps, off.history.steps)
        XCTAssertEqual(on.optimizerState, off.optimizerState)
        XCTAssertTrue(off.history.health.isEmpty)
        XCTAssertEqual(on.history.health.count, 5) // 45 iterations: 1, 11, 21, 31, 41
      }
    }
  }

  func testMeasuredEveryIntervalNumberedAcrossTrainCalls() throws {
    let (x, y) = data()
    var net = MultilayerPerceptron(layerSizes: [40, 8, 3], activation: .sigmoid, seed: 2)
    try net.train(inputs: x, labels: y, options: TrainingOptions(batchSize: 16, iterations: 25, recordsHealth: true,
                                                                         healthInterval: 10))
    try net.train(inputs: x, labels: y, options: TrainingOptions(batchSize: 16, iterations: 5))
    try net.train(inputs: x, labels: y,
                  options: TrainingOptions(batchSize: 16, iterations: 7, recordsHealth: true, healthInterval: 3))
    XCTAssertEqual(net.history.health.map(\.iteration), [1, 11, 21, 31, 34, 37])
    // The default: every 50th.
    var other = MultilayerPerceptron(layerSizes: [40, 8, 3], seed: 2)
    try other.train(inputs: x, labels: y, options: TrainingOptions(batchSize: 16, iterations: 120, recordsHealth: true))
    XCTAssertEqual(other.history.health.map(\.iteration), [1, 51, 101])
    XCTAssertTrue(net.history.health.allSatisfy { $0.inactive.count == 1 && $0.gradientNorms.count == 2 })
    XCTAssertThrowsError(try net.train(inputs: x, labels: y, options: TrainingOptions(healthInterval: 0)))
  }

  func testTheHistoryKeepsHealthThroughCoding() throws {
    let (x, y) = data()
    var net = MultilayerPerceptron(layerSizes: [40, 8, 3], seed: 2)
    try net.train(inputs: x, labels: y, options: TrainingOptions(batchSize: 16, iterations: 12, recordsHealth: true))
    let decoded = try JSONDecoder().decode(TrainingHistory.self, from: JSONEncoder().encode(net.history))
    XCTAssertEqual(decoded, net.history)
    // A history without health writes no key for it.
    var plain = net.history
    plain.health = []
    XCTAssertFalse(String(decoding: try JSONEncoder().encode(plain), as: UTF8.self).contains("health"))
  }
}
