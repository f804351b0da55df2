import CBLAS
import Foundation

// The one file that talks to CBLAS (OpenBLAS). Everything else calls these wrappers, so the
// C interface, its Int32 arguments and its row-major flags stay in one place.

/// Thin, typed wrappers over the few BLAS routines mlpsh uses.
public enum BLAS {
  /// How many threads OpenBLAS may use for one call: 1 unless set otherwise.
  ///
  /// mlpsh's products are small (a batch of 64 against a 784x128 layer), and its parallelism
  /// is at the level of independent runs (a sweep takes one core per run). More important,
  /// OpenBLAS 0.3.21 can deadlock when two threads call it at once while it runs its own
  /// thread pool, which is what a sweep, or two sessions in one process, would do.
  public static var threadCount: Int {
    get {
      _ = singleThreadedByDefault
      return Int(openblas_get_num_threads())
    }
    set {
      _ = singleThreadedByDefault
      openblas_set_num_threads(Int32(max(1, newValue)))
    }
  }

  /// Sets OpenBLAS to one thread, once, before the first product or thread-count change.
  private static let singleThreadedByDefault: Void = openblas_set_num_threads(1)

  /// The name of the kernel family OpenBLAS chose for this processor ("SkylakeX", "Haswell",
  /// or "Prescott" when it did not recognise the processor and fell back to SSE3).
  public static var coreName: String {
    String(cString: openblas_get_corename())
  }

  /// Sets `OPENBLAS_CORETYPE` to `coreType` and has OpenBLAS choose its kernels again, as it
  /// did when it loaded. Call it before any product. Returns false when this OpenBLAS cannot
  /// choose again (a build without run-time kernel selection).
  static func reselectKernels(coreType: String) -> Bool {
    setenv("OPENBLAS_CORETYPE", coreType, 1)
    return mlpsh_reselect_blas_kernels() != 0
  }

  /// The general matrix product on raw row-major storage:
  /// ```
  /// C = alpha * op(A) * op(B) + beta * C
  /// ```
  /// where `op(A)` is `m x k`, `op(B)` is `k x n` and `C` is `m x n`; `op` transposes when
  /// asked, through the BLAS flag (no transposed copy is ever made).
  public static func gemm(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    alpha: Float, a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
  ) {
    _ = singleThreadedByDefault
    cblas_sgemm(CblasRowMajor,
                transposeA ? CblasTrans : CblasNoTrans,
                transposeB ? CblasTrans : CblasNoTrans,
                blasint(m), blasint(n), blasint(k),
                alpha, a, blasint(lda), b, blasint(ldb),
                beta, c, blasint(ldc))
  }

  /// The sum over the rows of a row-major `rows x columns` matrix, accumulated into `y`:
  /// ```
  /// y = alpha * Aᵀ · 1 + beta * y
  /// ```
  /// `ones` must hold at least `rows` ones. (A bias gradient is the column sum of a batch.)
  static func columnSums(
    rows: Int, columns: Int, alpha: Float, a: UnsafePointer<Float>, ones: UnsafePointer<Float>,
    beta: Float, y: UnsafeMutablePointer<Float>
  ) {
    _ = singleThreadedByDefault
    cblas_sgemv(CblasRowMajor, CblasTrans, blasint(rows), blasint(columns),
                alpha, a, blasint(columns), ones, 1, beta, y, 1)
  }

  /// The Euclidean norm `‖x‖ = √(Σ xᵢ²)` of `count` contiguous floats (scaled inside, so
  /// that squares past a Float's range do not overflow).
  static func norm(_ x: UnsafePointer<Float>, count: Int) -> Float {
    _ = singleThreadedByDefault
    return cblas_snrm2(blasint(count), x, 1)
  }

}

// MARK: - Products of whole matrices

extension Matrix {
  /// Writes the product into `result`:
  /// ```
  /// result = alpha * op(a) * op(b) + beta * result
  /// ```
  /// - Parameters:
  ///   - transposingA: use `aᵀ` in place of `a` (through the BLAS flag, without a copy).
  ///   - transposingB: use `bᵀ` in place of `b`.
  public static func multiply(
    _ a: Matrix, transposingA: Bool = false,
    _ b: Matrix, transposingB: Bool = false,
    into result: inout Matrix, alpha: Float = 1, beta: Float = 0
  ) {
    a.checkShape()
    b.checkShape()
    result.checkShape()
    let (m, k) = transposingA ? (a.columns, a.rows) : (a.rows, a.columns)
    let (kb, n) = transposingB ? (b.columns, b.rows) : (b.rows, b.columns)
    precondition(k == kb, "cannot multiply \(m)x\(k) by \(kb)x\(n)")
    precondition(result.rows == m && result.columns == n,
                 "product is \(m)x\(n) but the result is \(result.rows)x\(result.columns)")
    guard m > 0 && n > 0 else { return }
    if k == 0 {
      // An empty sum: C = beta * C, where beta = 0 overwrites (as BLAS does, NaN included).
      result.storage.withUnsafeMutableBufferPointer { c in
        for i in c.indices { c[i] = beta == 0 ? 0 : beta * c[i] }
      }
      return
    }
    a.storage.withUnsafeBufferPointer { aPointer in
      b.storage.withUnsafeBufferPointer { bPointer in
        result.storage.withUnsafeMutableBufferPointer { cPointer in
          BLAS.gemm(transposeA: transposingA, transposeB: transposingB, m: m, n: n, k: k,
                    alpha: alpha, a: aPointer.baseAddress!, lda: a.columns,
                    b: bPointer.baseAddress!, ldb: b.columns,
                    beta: beta, c: cPointer.baseAddress!, ldc: n)
        }
      }
    }
  }

  /// The product `op(a) * op(b)` as a new matrix.
  public static func product(
    _ a: Matrix, transposingA: Bool = false, _ b: Matrix, transposingB: Bool = false
  ) -> Matrix {
    let m = transposingA ? a.columns : a.rows
    let n = transposingB ? b.rows : b.columns
    var result = Matrix(rows: m, columns: n)
    multiply(a, transposingA: transposingA, b, transposingB: transposingB, into: &result)
    return result
  }

  /// The matrix product `lhs * rhs`.
  public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
    product(lhs, rhs)
  }
}
