import XCTest
@testable import MLPCore

final class MatrixTests: XCTestCase {
  /// The product by the definition Σₖ aᵢₖ bₖⱼ, in double precision: an oracle independent of BLAS.
  private func naiveProduct(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
    (0 ..< a.count).map { i in
      (0 ..< b[0].count).map { j in (0 ..< b.count).reduce(0) { $0 + a[i][$1] * b[$1][j] } }
    }
  }

  private func randomMatrix(rows: Int, columns: Int, seed: UInt64) -> Matrix {
    var generator = SeededGenerator(seed: seed)
    return Matrix(rows: rows, columns: columns,
                  storage: (0 ..< rows * columns).map { _ in Float(generator.nextNormal()) })
  }

  private func rowsOf(_ m: Matrix) -> [[Double]] {
    (0 ..< m.rows).map { i in m.row(i).map(Double.init) }
  }

  func testProductMatchesDefinitionForEveryTransposeFlag() {
    let a = randomMatrix(rows: 7, columns: 5, seed: 1)
    let b = randomMatrix(rows: 5, columns: 3, seed: 2)
    let expected = naiveProduct(rowsOf(a), rowsOf(b))
    let cases: [(Matrix, Bool, Matrix, Bool)] = [
      (a, false, b, false), (a.transposed(), true, b, false),
      (a, false, b.transposed(), true), (a.transposed(), true, b.transposed(), true),
    ]
    for (left, transposeLeft, right, transposeRight) in cases {
      let product = Matrix.product(left, transposingA: transposeLeft, right, transposingB: transposeRight)
      XCTAssertEqual(product.rows, 7)
      XCTAssertEqual(product.columns, 3)
      for i in 0 ..< 7 {
        for j in 0 ..< 3 {
          XCTAssertEqual(Double(product[i, j]), expected[i][j], accuracy: 1e-5)
        }
      }
    }
  }

  func testMultiplyAccumulatesWithAlphaAndBeta() {
    let a = Matrix([[1, 2], [3, 4]])
    let b = Matrix([[5, 6], [7, 8]])
    var c = Matrix([[1, 1], [1, 1]])
    Matrix.multiply(a, b, into: &c, alpha: 2, beta: -1)
    // 2·[[19, 22], [43, 50]] − 1
    XCTAssertEqual(c, Matrix([[37, 43], [85, 99]]))
  }

  func testTransposeAndRows() {
    var m = Matrix([[1, 2, 3], [4, 5, 6]])
    XCTAssertEqual(m.transposed(), Matrix([[1, 4], [2, 5], [3, 6]]))
    XCTAssertEqual(m.rows(at: [1, 0, 1]), Matrix([[4, 5, 6], [1, 2, 3], [4, 5, 6]]))
    XCTAssertEqual(m.rows(in: 1 ..< 2), Matrix([[4, 5, 6]]))
    m.transpose()
    XCTAssertEqual(m.rows, 3)
    XCTAssertEqual(m[2, 1], 6)
  }

  func testDescriptionShowsShapeAndValues() {
    XCTAssertEqual(Matrix([[1, 0.5], [-2, 1e-5]]).description,
                   "Matrix 2x2\n  [1, 0.5]\n  [-2, 1.000e-05]")
  }
}
