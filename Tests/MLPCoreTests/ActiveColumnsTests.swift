import XCTest
@testable import MLPCore

/// Training that leaves out the columns a batch does not use must give the numbers dense
/// training gives, up to the order of the sums, however the run ends.
final class ActiveColumnsTests: XCTestCase {
  /// 40 features in four bands of 10; each sample lights up a few columns of one band, its
  /// class, so a batch of 8 leaves many columns at zero, and columns 36-39 are never used.
  private func banded(count: Int, seed: UInt64, scale: Float = 1) -> (Matrix, [Int]) {
    var generator = SeededGenerator(seed: seed)
    var storage = [Float](repeating: 0, count: count * 40)
    var labels: [Int] = []
    for sample in 0 ..< count {
      let label = generator.nextInt(below: 4)
      labels.append(label)
      for _ in 0 ..< 4 {
        let column = label * 10 + generator.nextInt(below: label == 3 ? 6 : 10)
        storage[sample * 40 + column] = scale * Float(1 + generator.nextInt(below: 255)) / 255
      }
    }
    return (Matrix(rows: count, columns: 40, storage: storage), labels)
  }

  private static func train(
    _ inputs: Matrix, _ labels: [Int], options: TrainingOptions, skipping: Bool,
    stopAfter: Int? = nil
  ) throws -> (MultilayerPerceptron, TrainingReport) {
    var model = MultilayerPerceptron(layerSizes: [40, 12, 6, 4], activation: .relu,
                                     learningRate: 0.5, seed: 3)
    var options = options
    options.skipsUnusedColumns = skipping
    var calls = 0
    let report = try model.train(inputs: inputs, labels: labels, options: options,
                                 shouldStop: { calls += 1; return calls > (stopAfter ?? .max) })
    return (model, report)
  }

  private func assertClose(_ a: [Float], _ b: [Float], tolerance: Float = 1e-5,
                           file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, file: file, line: line)
    let worst = zip(a, b).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
    XCTAssertLessThanOrEqual(worst, tolerance, file: file, line: line)
  }

  func testTheBandedBatchesAreWorthSkipping() {
    let (inputs, _) = banded(count: 8, seed: 1)
    let active = ActiveColumns(features: 40, outputs: 12, capacity: 8)
    inputs.storage.withUnsafeBufferPointer {
      XCTAssertTrue(active.pays(for: $0.baseAddress!, rows: 8))
    }
  }

  func testSkippingGivesTheDenseNumbers() throws {
    let (inputs, labels) = banded(count: 400, seed: 2)
    for shuffle in [false, true] {
      let options = TrainingOptions(batchSize: 8, epochs: 3, shuffle: shuffle, seed: 5)
      let (skipped, skippedReport) = try Self.train(inputs, labels, options: options, skipping: true)
      let (dense, denseReport) = try Self.train(inputs, labels, options: options, skipping: false)
      XCTAssertEqual(skippedReport.iterations, 150)
      XCTAssertTrue(skippedReport.leftOutUnusedColumns, "the skipping path must be the one tested")
      XCTAssertFalse(denseReport.leftOutUnusedColumns)
      XCTAssertEqual(skippedReport.outcome, denseReport.outcome)
      assertClose(skipped.parameters, dense.parameters)
      assertClose(skipped.history.steps.map(\.loss), dense.history.steps.map(\.loss))
      // Columns 36-39 are zero in every sample: their weight rows never move.
      let untouched = MultilayerPerceptron(layerSizes: [40, 12, 6, 4], seed: 3).parameters
      XCTAssertEqual(skipped.parameters[36 * 12 ..< 40 * 12], untouched[36 * 12 ..< 40 * 12])
      XCTAssertNotEqual(skipped.parameters[0 ..< 36 * 12], untouched[0 ..< 36 * 12])
    }
  }

  /// Every rule's state travels with the weight rows it belongs to, and the rows of unused
  /// columns still decay (momentum's velocity is scaled by μ there, Adam's moments by β₁
  /// and β₂), as in the dense step.
  func testEveryOptimizerGivesTheDenseNumbersWhenSkipping() throws {
    let (inputs, labels) = banded(count: 400, seed: 6)
    let rules: [(Optimizer, Float)] = [
      (Optimizer(.sgd, l2: 0.01), 0.5), (Optimizer(.momentum), 0.1), (Optimizer(.momentum, l2: 0.01), 0.1),
      (Optimizer(.nesterov, l2: 0.01), 0.1), (Optimizer(.adam), 0.01), (Optimizer(.adamw, l2: 0.01), 0.01),
    ]
    for (optimizer, rate) in rules {
      var options = TrainingOptions(batchSize: 8, epochs: 2, shuffle: true, seed: 5)
      options.optimizer = optimizer
      options.learningRate = rate
      let (skipped, skippedReport) = try Self.train(inputs, labels, options: options, skipping: true)
      let (dense, _) = try Self.train(inputs, labels, options: options, skipping: false)
      XCTAssertTrue(skippedReport.leftOutUnusedColumns, "\(optimizer)")
      assertClose(skipped.parameters, dense.parameters, tolerance: 1e-4)
      for (a, b) in zip(skipped.optimizerState?.buffers ?? [], dense.optimizerState?.buffers ?? []) {
        assertClose(a, b, tolerance: 1e-4)
      }
      XCTAssertEqual(skipped.optimizerState?.steps, dense.optimizerState?.steps)
    }
  }

  func testDenseInputsKeepDenseProducts() throws {
    var generator = SeededGenerator(seed: 11)
    let inputs = Matrix(rows: 64, columns: 40,
                        storage: (0 ..< 64 * 40).map { _ in Float(generator.nextNormal(standardDeviation: 1)) })
    var model = MultilayerPerceptron(layerSizes: [40, 12, 6, 4], seed: 3)
    let report = try model.train(inputs: inputs, labels: (0 ..< 64).map { $0 % 4 },
                                 options: TrainingOptions(batchSize: 8))
    XCTAssertFalse(report.leftOutUnusedColumns)
  }

  /// A batch of blank samples uses no column: its first-layer products have nothing to sum.
  func testABatchOfBlankSamplesTrainsAsDenseProductsDo() throws {
    var (inputs, labels) = banded(count: 400, seed: 12)
    for index in 8 * 40 ..< 16 * 40 { inputs.storage[index] = 0 }
    let options = TrainingOptions(batchSize: 8)
    let (skipped, report) = try Self.train(inputs, labels, options: options, skipping: true)
    let (dense, _) = try Self.train(inputs, labels, options: options, skipping: false)
    XCTAssertTrue(report.leftOutUnusedColumns)
    XCTAssertEqual(report.outcome, .completed)
    assertClose(skipped.parameters, dense.parameters)
  }

  /// Runs that leave columns out are as reproducible as dense ones, also side by side on
  /// several cores, as a sweep trains them.
  func testSkippingRunsAreBitIdenticalInParallel() throws {
    let (inputs, labels) = banded(count: 400, seed: 13)
    let options = TrainingOptions(batchSize: 8, epochs: 2, shuffle: true, seed: 2)
    let (alone, report) = try Self.train(inputs, labels, options: options, skipping: true)
    XCTAssertTrue(report.leftOutUnusedColumns)
    let together = ParallelRuns.map(Array(0 ..< 4), concurrency: 2) { _ in
      (try? Self.train(inputs, labels, options: options, skipping: true))?.0.parameters ?? []
    }
    for parameters in together { XCTAssertEqual(parameters, alone.parameters) }
  }

  func testAnInterruptedRunLeavesTheWeightsInTheirPlaces() throws {
    let (inputs, labels) = banded(count: 400, seed: 4)
    let options = TrainingOptions(batchSize: 8, epochs: 3)
    let (skipped, report) = try Self.train(inputs, labels, options: options, skipping: true, stopAfter: 37)
    let (dense, _) = try Self.train(inputs, labels, options: options, skipping: false, stopAfter: 37)
    XCTAssertEqual(report.outcome, .interrupted)
    XCTAssertEqual(report.iterations, 37)
    assertClose(skipped.parameters, dense.parameters)
    // A second run starts from them as they are.
    var resumed = skipped
    var resumedDense = dense
    try resumed.train(inputs: inputs, labels: labels, options: options)
    try resumedDense.train(inputs: inputs, labels: labels,
                           options: TrainingOptions(batchSize: 8, epochs: 3, skipsUnusedColumns: false))
    assertClose(resumed.parameters, resumedDense.parameters, tolerance: 1e-4)
  }

  /// A diverging run goes back to a copy saved some iterations earlier, while the rows were
  /// permuted; the copy must come back in the natural order. Sample 330 holds an infinity,
  /// so the run's loss stops being finite only at its batch, iteration 42, after the copy
  /// of iteration 33.
  func testARolledBackRunKeepsItsWeightsInTheirPlaces() throws {
    var (inputs, labels) = banded(count: 400, seed: 6)
    inputs.storage[330 * 40 + 5] = .infinity
    let options = TrainingOptions(batchSize: 8)
    let (skipped, skippedReport) = try Self.train(inputs, labels, options: options, skipping: true)
    let (dense, denseReport) = try Self.train(inputs, labels, options: options, skipping: false)
    guard case let .diverged(iteration, _, rolledBackTo) = skippedReport.outcome else {
      return XCTFail("expected divergence, got \(skippedReport.outcome)")
    }
    XCTAssertEqual(iteration, 42)
    XCTAssertEqual(rolledBackTo, 33, "the copy was saved after rows had moved")
    guard case let .diverged(denseIteration, _, denseRolledBackTo) = denseReport.outcome else {
      return XCTFail("expected divergence, got \(denseReport.outcome)")
    }
    XCTAssertEqual(denseIteration, iteration)
    XCTAssertEqual(denseRolledBackTo, rolledBackTo)
    assertClose(skipped.parameters, dense.parameters)
  }

  /// A weight that is not finite in the row of a column no sample uses: dense products
  /// multiply it by zero and get NaN at once, so a run that leaves the row out must stop too.
  func testABrokenWeightInAnUnusedRowStopsTheRunAsDenseProductsWould() throws {
    let (inputs, labels) = banded(count: 400, seed: 7)
    for skipping in [false, true] {
      var model = MultilayerPerceptron(layerSizes: [40, 12, 6, 4], activation: .relu, seed: 3)
      model.parameters[38 * 12 + 5] = .infinity
      let report = try model.train(inputs: inputs, labels: labels,
                                   options: TrainingOptions(batchSize: 8, skipsUnusedColumns: skipping))
      guard case let .diverged(iteration, loss, _) = report.outcome else {
        return XCTFail("skipping \(skipping): expected divergence, got \(report.outcome)")
      }
      XCTAssertEqual(iteration, 1, "skipping \(skipping)")
      XCTAssertTrue(loss.isNaN, "skipping \(skipping)")
      XCTAssertEqual(report.iterations, 0)
    }
  }

  /// Six rows: the used columns are found in the block of four rows and in the two after it.
  func testUsedColumnsAreFoundInEveryRow() {
    var batch = [Float](repeating: 0, count: 6 * 5)
    batch[2 * 5 + 1] = 7      // row 2, in the first block of four
    batch[5 * 5 + 3] = -0.5   // row 5, after it
    let arrangement = Arrangement(features: 5, outputs: 1, rows: 6, weights: [0, 1, 2, 3, 4])
    XCTAssertTrue(arrangement.arrange(batch))
    XCTAssertEqual(arrangement.active.count, 2)
    XCTAssertEqual(Set(arrangement.weights[0 ..< 2]), [1, 3])
  }

  func testArrangeMovesTheUsedColumnsToTheFront() {
    // Two rows of 6 columns; columns 1 and 4 are used, column 2 holds only -0.
    let batch: [Float] = [0, 3, -0.0, 0, 0, 0,
                          0, 0, 0, 0, 5, 0]
    // Weight row c holds c, c + 0.5 (two outputs).
    let weights = (0 ..< 6).flatMap { [Float($0), Float($0) + 0.5] }
    let arrangement = Arrangement(features: 6, outputs: 2, rows: 2, weights: weights)
    XCTAssertTrue(arrangement.arrange(batch))
    let active = arrangement.active
    var permuted = arrangement.weights
    XCTAssertEqual(active.count, 2)
    // The used columns' rows come first, each beside its column of the batch.
    let front = Set([Array(permuted[0 ..< 2]), Array(permuted[2 ..< 4])])
    XCTAssertEqual(front, [[1, 1.5], [4, 4.5]])
    let gathered = Array(UnsafeBufferPointer(start: active.inputs, count: 4))
    XCTAssertEqual(permuted[0] == 1 ? gathered : [gathered[1], gathered[0], gathered[3], gathered[2]],
                   [3, 0, 0, 5])
    var natural = [Float](repeating: .nan, count: 12)
    permuted.withUnsafeBufferPointer { rows in
      natural.withUnsafeMutableBufferPointer { active.copyInNaturalOrder(rows.baseAddress!, to: $0.baseAddress!) }
    }
    XCTAssertEqual(natural, weights)
    permuted.withUnsafeMutableBufferPointer { active.restoreNaturalOrder($0.baseAddress!) }
    XCTAssertEqual(permuted, weights)
  }

  /// Dense products turn a weight that is not finite into a NaN loss even where its input is
  /// zero; leaving its row out must say so instead of hiding it.
  func testARowThatLeavesTheProductsMustBeFinite() {
    let shrinking = Arrangement(features: 4, outputs: 2, weights: [0, 0, 1, 1, 2, .infinity, 3, 3])
    XCTAssertTrue(shrinking.arrange([1, 1, 1, 0]), "row 2 stays in use")
    XCTAssertFalse(shrinking.arrange([1, 1, 0, 0]), "row 2 leaves")
    XCTAssertTrue(shrinking.arrange([1, 1, 0, 0]), "row 2 was already out")
    XCTAssertTrue(shrinking.arrange([0, 0, 1, 0]), "rows 0 and 1 leave, finite")
    // A row can leave by a swap while the prefix keeps its length.
    let swapping = Arrangement(features: 4, outputs: 2, weights: [0, 0, .infinity, 1, 2, 2, 3, 3])
    XCTAssertTrue(swapping.arrange([1, 1, 1, 0]), "row 3 leaves, finite")
    XCTAssertFalse(swapping.arrange([1, 0, 1, 1]), "row 1 trades places with row 3")
    let first = Arrangement(features: 4, outputs: 2, weights: [0, 0, 1, 1, 2, .infinity, 3, 3])
    XCTAssertFalse(first.arrange([1, 0, 0, 0]),
                   "before the first batch every row is in use, so row 2 leaves")
  }
}

/// An `ActiveColumns` with first-layer weights of its own, arranged batch after batch.
private final class Arrangement {
  let active: ActiveColumns
  var weights: [Float]

  init(features: Int, outputs: Int, rows: Int = 1, weights: [Float]) {
    active = ActiveColumns(features: features, outputs: outputs, capacity: rows)
    self.weights = weights
  }

  /// Arranges `weights` for `batch`, its rows one after another.
  func arrange(_ batch: [Float]) -> Bool {
    let rows = batch.count / active.features
    return batch.withUnsafeBufferPointer { input in
      weights.withUnsafeMutableBufferPointer {
        active.arrange(for: input.baseAddress!, rows: rows, weights: $0.baseAddress!)
      }
    }
  }
}
