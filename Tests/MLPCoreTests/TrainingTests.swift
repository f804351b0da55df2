import XCTest
import MLPCore

final class TrainingTests: XCTestCase {
  /// Three well-separated Gaussian clusters in 4 dimensions: a problem any working MLP learns.
  private func clusters(count: Int, seed: UInt64) -> (Matrix, [Int]) {
    var generator = SeededGenerator(seed: seed)
    let centres: [[Double]] = [[2, 0, 0, 1], [0, 2, 0, -1], [0, 0, 2, 0]]
    var storage: [Float] = []
    var labels: [Int] = []
    for _ in 0 ..< count {
      let label = generator.nextInt(below: 3)
      labels.append(label)
      storage += centres[label].map { Float($0 + generator.nextNormal(standardDeviation: 0.5)) }
    }
    return (Matrix(rows: count, columns: 4, storage: storage), labels)
  }

  func testLearnsSeparableClustersAndRecordsEveryIteration() throws {
    let (inputs, labels) = clusters(count: 600, seed: 1)
    var model = MultilayerPerceptron(layerSizes: [4, 16, 3], activation: .tanh, learningRate: 0.1,
                                     initializer: .xavier, seed: 2)
    let before = try model.evaluate(inputs: inputs, labels: labels)
    let report = try model.train(inputs: inputs, labels: labels,
                                 options: TrainingOptions(batchSize: 32, epochs: 20, shuffle: true))
    XCTAssertEqual(report.outcome, .completed)
    XCTAssertEqual(report.iterations, 20 * (600 / 32))
    XCTAssertEqual(model.history.iterations, report.iterations)
    XCTAssertEqual(model.history.steps.last!.examplesSeen, report.iterations * 32)
    // 18 whole batches of 32 make an epoch of 600 (the last 24 samples are dropped).
    XCTAssertEqual(model.history.steps.last!.epoch, 20, accuracy: 1e-12)
    let after = try model.evaluate(inputs: inputs, labels: labels)
    XCTAssertLessThan(after.loss, before.loss / 4)
    XCTAssertGreaterThan(after.accuracy, 0.97)
    XCTAssertEqual(after.confusion.joined().reduce(0, +), 600)
    XCTAssertEqual(after.predictions, model.predict(inputs))
  }

  func testSameSeedGivesBitIdenticalRuns() throws {
    let (inputs, labels) = clusters(count: 300, seed: 3)
    func run() throws -> MultilayerPerceptron {
      var model = MultilayerPerceptron(layerSizes: [4, 8, 3], initializer: .he, seed: 9)
      try model.train(inputs: inputs, labels: labels,
                      options: TrainingOptions(batchSize: 16, epochs: 3, shuffle: true, seed: 4))
      return model
    }
    let first = try run()
    XCTAssertEqual(first.parameters, try run().parameters)
    XCTAssertEqual(first.history, try run().history)
  }

  func testIterationsRunIntoTheNextEpochAndHistoryAccumulates() throws {
    let (inputs, labels) = clusters(count: 100, seed: 5)
    var model = MultilayerPerceptron(layerSizes: [4, 5, 3], seed: 1)
    // 100 / 30 = 3 batches an epoch; the partial batch of 10 is dropped.
    try model.train(inputs: inputs, labels: labels, options: TrainingOptions(batchSize: 30, iterations: 7))
    XCTAssertEqual(model.history.iterations, 7)
    XCTAssertEqual(model.history.steps[2].epoch, 1, accuracy: 1e-12)
    XCTAssertEqual(model.history.steps[6].epoch, 7.0 / 3, accuracy: 1e-12)
    try model.train(inputs: inputs, labels: labels, options: TrainingOptions(batchSize: 30))
    XCTAssertEqual(model.history.iterations, 10)
    XCTAssertEqual(model.history.steps.last!.examplesSeen, 300)
  }

  func testShouldStopEndsTheRunAndKeepsWhatWasLearnt() throws {
    let (inputs, labels) = clusters(count: 200, seed: 6)
    var model = MultilayerPerceptron(layerSizes: [4, 5, 3], seed: 1)
    var calls = 0
    let report = try model.train(inputs: inputs, labels: labels,
                                 options: TrainingOptions(batchSize: 10, epochs: 5),
                                 shouldStop: { calls += 1; return calls > 4 })
    XCTAssertEqual(report.outcome, .interrupted)
    XCTAssertEqual(report.iterations, 4)
    XCTAssertEqual(model.history.iterations, 4)
  }

  func testDivergenceStopsWithFiniteWeights() throws {
    let (inputs, labels) = clusters(count: 200, seed: 7)
    var scaled = inputs
    scaled.storage = inputs.storage.map { $0 * 1e4 }
    var model = MultilayerPerceptron(layerSizes: [4, 32, 3], activation: .relu, seed: 1)
    let report = try model.train(inputs: scaled, labels: labels,
                                 options: TrainingOptions(batchSize: 10, learningRate: 1e6, epochs: 50))
    guard case let .diverged(iteration, loss, rolledBackTo) = report.outcome else {
      return XCTFail("expected divergence, got \(report.outcome)")
    }
    XCTAssertFalse(loss.isFinite)
    XCTAssertEqual(report.iterations, iteration - 1)
    XCTAssertNotNil(rolledBackTo)
    XCTAssertLessThanOrEqual(rolledBackTo ?? .max, iteration)
    // The weights it kept give a finite loss: usable, not merely finite numbers.
    XCTAssertTrue(model.parameters.allSatisfy(\.isFinite))
    XCTAssertTrue(model.loss(inputs: scaled, labels: labels).isFinite)
  }

  /// A NaN input makes the first layer's weight rows NaN. A ReLU that turned NaN into 0 hid
  /// that from the loss, and the run "completed" with broken weights; the loss must show it
  /// at once, and the run go back to finite weights.
  func testANaNInputEndsTheRunAsDivergence() throws {
    var (inputs, labels) = clusters(count: 200, seed: 8)
    inputs.storage[150 * 4 + 1] = .nan
    var model = MultilayerPerceptron(layerSizes: [4, 12, 3], activation: .relu, seed: 1)
    let report = try model.train(inputs: inputs, labels: labels, options: TrainingOptions(batchSize: 10))
    guard case let .diverged(iteration, loss, rolledBackTo) = report.outcome else {
      return XCTFail("expected divergence, got \(report.outcome)")
    }
    XCTAssertEqual(iteration, 16, "the 16th batch holds sample 150")
    XCTAssertTrue(loss.isNaN)
    XCTAssertEqual(rolledBackTo, 1)
    XCTAssertTrue(model.parameters.allSatisfy(\.isFinite))
  }

  /// A second `train` call with shuffling visits the samples in new orders, as one longer
  /// run would, while the first call's order depends only on the seed. With a learning rate
  /// of 0 the model never changes, so each batch's loss shows which samples it held.
  func testLaterCallsShuffleAfresh() throws {
    let (inputs, labels) = clusters(count: 64, seed: 9)
    let options = TrainingOptions(batchSize: 16, learningRate: 0, epochs: 1, shuffle: true, seed: 1)
    var model = MultilayerPerceptron(layerSizes: [4, 3], seed: 2)
    try model.train(inputs: inputs, labels: labels, options: options)
    try model.train(inputs: inputs, labels: labels, options: options)
    let losses = model.history.losses
    XCTAssertEqual(losses.count, 8)
    XCTAssertNotEqual(Array(losses[0 ..< 4]), Array(losses[4 ..< 8]), "the second call repeated the first call's order")
    var again = MultilayerPerceptron(layerSizes: [4, 3], seed: 2)
    try again.train(inputs: inputs, labels: labels, options: options)
    XCTAssertEqual(again.history.losses, Array(losses[0 ..< 4]), "a first call's order depends on the seed alone")
  }

  func testHugeRunsAreNotReservedUpFront() throws {
    let (inputs, labels) = clusters(count: 20, seed: 10)
    var model = MultilayerPerceptron(layerSizes: [4, 3])
    var calls = 0
    let report = try model.train(inputs: inputs, labels: labels,
                                 options: TrainingOptions(batchSize: 10, iterations: 10_000_000_000),
                                 shouldStop: { calls += 1; return calls > 3 })
    XCTAssertEqual(report.outcome, .interrupted)
    XCTAssertEqual(report.iterations, 3)
  }

  func testBadInputsThrowDescriptiveErrors() {
    let (inputs, labels) = clusters(count: 20, seed: 8)
    var model = MultilayerPerceptron(layerSizes: [5, 3])
    XCTAssertThrowsError(try model.train(inputs: inputs, labels: labels)) { error in
      XCTAssertEqual("\(error)", "the model takes 5 inputs but the data has 4 features")
    }
    var small = MultilayerPerceptron(layerSizes: [4, 2])
    XCTAssertThrowsError(try small.train(inputs: inputs, labels: labels.map { _ in 2 })) { error in
      XCTAssertEqual("\(error)", "label 2 is outside the model's 2 classes (0 to 1)")
    }
    var fits = MultilayerPerceptron(layerSizes: [4, 3])
    XCTAssertThrowsError(try fits.train(inputs: inputs, labels: labels,
                                        options: TrainingOptions(batchSize: 21))) { error in
      XCTAssertEqual("\(error)", "batch size 21 is larger than the 20 samples")
    }
    XCTAssertThrowsError(try fits.train(inputs: inputs, labels: labels,
                                        options: TrainingOptions(batchSize: 10, iterations: 0))) { error in
      XCTAssertEqual("\(error)", "iterations must be at least 1, not 0")
    }
    XCTAssertThrowsError(try fits.train(inputs: inputs, labels: labels,
                                        options: TrainingOptions(batchSize: 10, epochs: -1))) { error in
      XCTAssertEqual("\(error)", "epochs must be at least 1, not -1")
    }
  }

  func testInitialisersDrawFromTheirRanges() {
    let seed = MultilayerPerceptron(layerSizes: [784, 128, 64, 10], initializer: .seed, seed: 1)
    let bound = Float(1 / 28.0)
    XCTAssertTrue(seed.parameters.allSatisfy { abs($0) <= bound })
    XCTAssertEqual(seed.bias(ofLayer: 2), [Float](repeating: 0, count: 10))
    // Later layers too use the first layer's size: the notebook's scheme.
    XCTAssertGreaterThan(seed.weights(ofLayer: 2).storage.map(abs).max()!, bound * 0.9)
    let he = MultilayerPerceptron(layerSizes: [784, 128, 64, 10], initializer: .he, seed: 1)
    let w1 = he.weights(ofLayer: 1).storage
    let deviation = (w1.reduce(0) { $0 + Double($1 * $1) } / Double(w1.count)).squareRoot()
    XCTAssertEqual(deviation, (2.0 / 128).squareRoot(), accuracy: 0.01)
    let xavier = MultilayerPerceptron(layerSizes: [784, 128, 64, 10], initializer: .xavier, seed: 1)
    XCTAssertTrue(xavier.weights(ofLayer: 0).storage.allSatisfy { abs($0) <= Float((6.0 / 912).squareRoot()) })
  }

  func testDescriptionShowsStructure() {
    let model = MultilayerPerceptron(layerSizes: [784, 128, 64, 10])
    XCTAssertEqual(model.description, """
      multilayer perceptron 784-128-64-10, relu, lr 0.01, 109386 parameters
        layer 1: 784 → 128, relu   100480 parameters (784·128 weights + 128 biases)
        layer 2: 128 → 64, relu      8256 parameters (128·64 weights + 64 biases)
        layer 3: 64 → 10, softmax     650 parameters (64·10 weights + 10 biases)
      """)
  }
}
