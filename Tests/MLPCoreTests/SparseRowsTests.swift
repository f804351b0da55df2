import XCTest
@testable import MLPCore

/// The sparse first-layer product equals the dense one, and declines dense inputs.
final class SparseRowsTests: XCTestCase {
  /// Rows like MNIST's: about one entry in five nonzero, in runs.
  private func sparseRows(_ rows: Int, width: Int, generator: inout SeededGenerator) -> Matrix {
    Matrix(rows: rows, columns: width, storage: (0 ..< rows * width).map { index in
      let column = index % width
      return column % 7 == 0 || generator.nextInt(below: 12) == 0 ? Float(generator.nextInt(below: 256)) : 0
    })
  }

  private func check(width: Int, columns: Int, rows: Int = 37) throws {
    var generator = SeededGenerator(seed: UInt64(width * 1000 + columns))
    let a = sparseRows(rows, width: width, generator: &generator)
    let b = Matrix(rows: width, columns: columns,
                   storage: (0 ..< width * columns).map { _ in Float(generator.nextNormal()) * 0.05 })
    let dense = a * b
    var sparse = [Float](repeating: .nan, count: rows * columns)
    let rowsScratch = SparseRows(width: width)
    let took = a.storage.withUnsafeBufferPointer { x in
      b.storage.withUnsafeBufferPointer { w in
        sparse.withUnsafeMutableBufferPointer { c in
          rowsScratch.product(x.baseAddress!, rows: rows, b: w.baseAddress!, columns: columns, into: c.baseAddress!)
        }
      }
    }
    XCTAssertTrue(took, "width \(width), columns \(columns)")
    for index in 0 ..< rows * columns {
      XCTAssertEqual(sparse[index], dense.storage[index], accuracy: 1e-3 * max(1, abs(dense.storage[index])),
                     "width \(width), columns \(columns), entry \(index)")
    }
  }

  func testEqualsTheDenseProduct() throws {
    // Widths and heights on and off the vector sizes: the 16-entry groups of the search, the
    // 128-column blocks of the sums, and their leftovers.
    try check(width: 784, columns: 128)
    try check(width: 784, columns: 300)
    try check(width: 20, columns: 10)
    try check(width: 33, columns: 129)
    try check(width: 64, columns: 256, rows: 1)
  }

  func testDeclinesDenseInputs() {
    let width = 64
    let rows = 20
    let a = [Float](repeating: 1, count: rows * width)
    let b = [Float](repeating: 1, count: width * 3)
    var c = [Float](repeating: 0, count: rows * 3)
    let took = SparseRows(width: width).product(a, rows: rows, b: b, columns: 3, into: &c)
    XCTAssertFalse(took)
  }

  /// An MLP evaluates MNIST-like inputs through the sums and dense ones through BLAS; both
  /// give what the training forward pass (always BLAS) gives.
  func testEvaluationAgreesWithTheForwardPassOnSparseAndDenseInputs() throws {
    var generator = SeededGenerator(seed: 5)
    let model = MultilayerPerceptron(layerSizes: [784, 32, 10], activation: .relu, seed: 2)
    let sparse = sparseRows(600, width: 784, generator: &generator)
    let dense = Matrix(rows: 600, columns: 784, storage: (0 ..< 600 * 784).map { _ in Float(generator.nextNormal()) })
    for inputs in [sparse, dense] {
      let probabilities = model(inputs)
      for row in [0, 9, 511, 512, 599] {
        let one = model.forwardOneRowThroughBLAS(Array(inputs.storage[row * 784 ..< row * 784 + 784]))
        for column in 0 ..< 10 {
          XCTAssertEqual(probabilities[row, column], one[column], accuracy: 1e-5, "row \(row)")
        }
      }
    }
  }
}

extension MultilayerPerceptron {
  /// One row through `forward` without the sparse path: what training computes.
  func forwardOneRowThroughBLAS(_ row: [Float]) -> [Float] {
    let workspace = Workspace(layerSizes: layerSizes, capacity: 1)
    return row.withUnsafeBufferPointer { x in
      parameters.withUnsafeBufferPointer { theta in
        forward(parameters: theta.baseAddress!, input: x.baseAddress!, count: 1, workspace: workspace)
        return Array(UnsafeBufferPointer(start: workspace.activations[layers.count], count: classCount))
      }
    }
  }
}
