import XCTest
@testable import MLPCore

/// Evaluation's first layer on mostly-zero inputs leaves the zeros out; the numbers must be
/// the dense product's up to the order of the sums, and exactly the in-order sums it claims.
final class SparseFirstLayerTests: XCTestCase {
  override func setUpWithError() throws {
    // The loop is AVX-512; elsewhere evaluation multiplies with BLAS and there is nothing to test.
    try XCTSkipUnless(SparseFirstLayer.isAvailable, "this CPU has no AVX-512")
  }

  /// `rows x columns` inputs, each entry nonzero with probability `share`, in [0, 1] like pixels.
  private func sparseInputs(rows: Int, columns: Int, share: Double, seed: UInt64) -> Matrix {
    var generator = SeededGenerator(seed: seed)
    let storage = (0 ..< rows * columns).map { _ -> Float in
      generator.nextUnit() < share ? Float(1 + generator.nextInt(below: 255)) / 255 : 0
    }
    return Matrix(rows: rows, columns: columns, storage: storage)
  }

  /// The product as the C loop documents it: per row and output, the nonzero entries in
  /// column order, one fused multiply-add each, starting from +0.
  private func inOrderProduct(_ x: Matrix, _ w: [Float], outputs: Int) -> [Float] {
    var y = [Float](repeating: 0, count: x.rows * outputs)
    for row in 0 ..< x.rows {
      for output in 0 ..< outputs {
        var sum: Float = 0
        for column in 0 ..< x.columns where x[row, column] != 0 {
          sum = sum.addingProduct(x[row, column], w[column * outputs + output])
        }
        y[row * outputs + output] = sum
      }
    }
    return y
  }

  /// The C loop's product; fails the test if it writes past `x.rows x outputs`.
  private func product(_ x: Matrix, _ w: [Float], outputs: Int,
                       file: StaticString = #filePath, line: UInt = #line) -> [Float] {
    let layer = w.withUnsafeBufferPointer {
      SparseFirstLayer(inputs: x.columns, outputs: outputs, weights: $0.baseAddress!)
    }
    let sentinel: Float = -12345
    var y = [Float](repeating: .nan, count: x.rows * outputs + 32)
    for index in x.rows * outputs ..< y.count { y[index] = sentinel }
    x.storage.withUnsafeBufferPointer { input in
      y.withUnsafeMutableBufferPointer { layer.multiply(input.baseAddress!, count: x.rows, into: $0.baseAddress!) }
    }
    XCTAssertEqual(Array(y[(x.rows * outputs)...]), Array(repeating: sentinel, count: 32),
                   "written past the product", file: file, line: line)
    return Array(y[..<(x.rows * outputs)])
  }

  func testProductIsTheInOrderSumOfTheNonzeroEntriesBitForBit() {
    var generator = SeededGenerator(seed: 5)
    // Widths around the 16-float registers and the 128-output blocks; inputs around the
    // 16-entry steps of the scan.
    for (inputs, outputs) in [(1, 1), (5, 7), (16, 16), (17, 17), (40, 100), (33, 128),
                              (64, 129), (784, 128), (31, 300)] {
      let x = sparseInputs(rows: 9, columns: inputs, share: 0.3, seed: UInt64(inputs * outputs))
      let w = (0 ..< inputs * outputs).map { _ in Float(generator.nextNormal()) }
      XCTAssertEqual(product(x, w, outputs: outputs), inOrderProduct(x, w, outputs: outputs),
                     "\(inputs) inputs, \(outputs) outputs")
    }
  }

  func testNaNAndInfinityInTheInputsReachTheSumsAndSignedZerosDoNot() {
    // 3 inputs x 2 outputs; the infinite weights show which zero inputs were left out: a
    // product that multiplied them would give 0 · ∞ = NaN.
    let w: [Float] = [1, 2, 3, 4, .infinity, -.infinity]
    let x = Matrix(rows: 4, columns: 3, storage: [.nan, 0, 0,
                                                  0, .infinity, 0,
                                                  -0.0, 0, -0.0,
                                                  0, -0.0, 2])
    let y = product(x, w, outputs: 2)
    XCTAssertTrue(y[0].isNaN && y[1].isNaN)
    XCTAssertEqual(Array(y[2 ..< 4]), [.infinity, .infinity])
    XCTAssertEqual(Array(y[4 ..< 6]), [0, 0])
    XCTAssertEqual(y[4].sign, .plus)  // nothing was added to +0
    XCTAssertEqual(Array(y[6 ..< 8]), [.infinity, -.infinity])
    // Row 3 without its infinite weights: -0 and 0 left out, 2 · (5, 6) kept.
    let finite = product(Matrix(rows: 1, columns: 3, storage: [0, -0.0, 2]), [1, 2, 3, 4, 5, 6], outputs: 2)
    XCTAssertEqual(finite, [10, 12])
  }

  func testTheProductIsUsedOnlyWhereItPays() {
    let model = MultilayerPerceptron(layerSizes: [50, 16, 3], activation: .relu, seed: 1)
    func made(_ inputs: Matrix, _ parameters: [Float] = model.parameters) -> Bool {
      parameters.withUnsafeBufferPointer {
        SparseFirstLayer.make(for: model, parameters: $0.baseAddress!, inputs: inputs) != nil
      }
    }
    XCTAssertTrue(made(sparseInputs(rows: 200, columns: 50, share: 0.2, seed: 1)))
    XCTAssertFalse(made(sparseInputs(rows: 200, columns: 50, share: 0.5, seed: 1)))  // too dense
    XCTAssertFalse(made(Matrix(rows: 0, columns: 50, storage: [])))
    // A weight that is not finite: the dense product turns it into NaN even for zero inputs.
    var infinite = model.parameters
    infinite[model.layers[0].weightOffset + 7] = .infinity
    XCTAssertFalse(made(sparseInputs(rows: 200, columns: 50, share: 0.2, seed: 1), infinite))
  }

  func testNonzeroShareSamplesRowsSpreadOverTheWholeMatrix() {
    // The first half of the rows are zeros, the second half ones: a sample of the first 64
    // rows would say 0.
    let rows = 1000
    let inputs = Matrix(rows: rows, columns: 4,
                        storage: (0 ..< rows * 4).map { $0 < rows * 2 ? 0 : 1 })
    XCTAssertEqual(SparseFirstLayer.nonzeroShare(of: inputs), 0.5, accuracy: 0.02)
    XCTAssertEqual(SparseFirstLayer.nonzeroShare(of: Matrix(rows: 3, columns: 2, storage: [0, 1, 0, 0, 2, 3])),
                   0.5)
  }

  func testEvaluationLeavingOutZerosAgreesWithTheDenseProduct() throws {
    var generator = SeededGenerator(seed: 8)
    let rows = 1500
    let inputs = sparseInputs(rows: rows, columns: 196, share: 0.19, seed: 2)
    let labels = (0 ..< rows).map { _ in generator.nextInt(below: 10) }
    let model = MultilayerPerceptron(layerSizes: [196, 128, 64, 10], activation: .relu, seed: 6)

    // These inputs take the sparse path. (Its numbers need not show it: a BLAS kernel that
    // sums in order with fused multiply-adds gives the very same bits, zero terms adding
    // exactly nothing; it happened here when the other test targets had run first.)
    XCTAssertNotNil(model.parameters.withUnsafeBufferPointer {
      SparseFirstLayer.make(for: model, parameters: $0.baseAddress!, inputs: inputs)
    })
    let sparse = model.probabilities(of: inputs)
    let dense = model.probabilities(of: inputs, leavesOutZeros: false)
    // Probabilities near 0.1 from sums of ~40 terms of size ~0.1 in float: the two orders
    // differ by a few ulps of the sums, far below 1e-5.
    for (s, d) in zip(sparse, dense) { XCTAssertEqual(s, d, accuracy: 1e-5) }
    let evaluation = try model.evaluate(inputs: inputs, labels: labels)
    let denseEvaluation = try model.evaluate(inputs: inputs, labels: labels, leavingOutZeroInputs: false)
    XCTAssertEqual(evaluation.loss, denseEvaluation.loss, accuracy: 1e-6)
    // A sample whose two best classes are within rounding may change its prediction.
    XCTAssertEqual(evaluation.accuracy, denseEvaluation.accuracy, accuracy: 2.0 / Double(rows))

    // Whatever the split over the cores: the same numbers.
    for cores in [1, 2, 3] {
      XCTAssertEqual(model.probabilities(of: inputs, cores: cores), sparse, "\(cores) cores")
    }
    // A row alone has the first-layer sums it had in its chunk, bit for bit (the later
    // layers' BLAS products may round a row by the chunk's height, hence the tolerance).
    let firstLayer = model.layers[0]
    let layer = model.parameters.withUnsafeBufferPointer {
      SparseFirstLayer(inputs: 196, outputs: 128, weights: $0.baseAddress! + firstLayer.weightOffset)
    }
    var chunk = [Float](repeating: 0, count: 600 * 128), alone = [Float](repeating: 0, count: 128)
    inputs.storage.withUnsafeBufferPointer { x in
      layer.multiply(x.baseAddress!, count: 600, into: &chunk)
      for row in [0, 300, 599] {
        layer.multiply(x.baseAddress! + row * 196, count: 1, into: &alone)
        XCTAssertEqual(alone, Array(chunk[row * 128 ..< (row + 1) * 128]), "row \(row)")
      }
    }
    // Alone, a row still takes the sparse path (its own share of nonzeros is low).
    for row in [0, 511, 512, 1499] {
      let alone = Matrix(rows: 1, columns: 196, storage: Array(inputs.storage[row * 196 ..< (row + 1) * 196]))
      XCTAssertLessThanOrEqual(SparseFirstLayer.nonzeroShare(of: alone), SparseFirstLayer.densityLimit)
      for (a, b) in zip(model.probabilities(of: alone), sparse[row * 10 ..< (row + 1) * 10]) {
        XCTAssertEqual(a, b, accuracy: 1e-6, "row \(row)")
      }
    }
  }

  func testANonFiniteFirstLayerWeightStillMakesTheLossNaN() throws {
    // Column 0 is zero in every sample; its weight row holds a NaN. The dense product makes
    // 0 · NaN = NaN, and evaluation must say so rather than skip it.
    var model = MultilayerPerceptron(layerSizes: [30, 8, 3], activation: .relu, seed: 2)
    model.parameters[model.layers[0].weightOffset] = .nan
    let inputs = sparseInputs(rows: 100, columns: 30, share: 0.2, seed: 4)
    let zeroed = Matrix(rows: 100, columns: 30,
                        storage: inputs.storage.enumerated().map { $0.offset % 30 == 0 ? 0 : $0.element })
    let labels = Array(repeating: 1, count: 100)
    XCTAssertTrue(try model.evaluate(inputs: zeroed, labels: labels).loss.isNaN)
  }
}
