import CKernels

/// The first layer's product for inputs that are mostly zeros, used when evaluating.
///
/// MNIST's raw pixels are 81% zeros: a dense product multiplies every one of them. Here each
/// row of `C = A · B` is the sum of the rows of `B` that the row's nonzero entries pick,
/// weighted by them:
/// ```
/// C[i, :] = Σ_{j : A[i, j] ≠ 0} A[i, j] · B[j, :]
/// ```
/// which is the same product with the zero terms left out (the sums run in another order
/// than BLAS's, so the last bits may differ). Each row is found and summed in one go, while
/// it is in the cache. Training keeps the dense BLAS products. The loops are C
/// (`Sources/CKernels`), built for each vector width.
final class SparseRows {
  /// Above this fraction of nonzeros the dense product is faster, and `product` declines.
  /// (MNIST has 0.19 and the sums beat BLAS there; Fashion-MNIST has 0.50.)
  static let maximumDensity = 0.25
  /// The rows at the top of a block that decide, by their nonzeros, whether the block is
  /// sparse: a dense data set costs eight rows of sums before BLAS takes over.
  static let probeRows = 8

  let width: Int
  /// The column indices of the current row's nonzero entries.
  private let indices: UnsafeMutablePointer<Int32>

  /// Scratch for rows of `width` entries.
  init(width: Int) {
    self.width = width
    indices = .allocate(capacity: width)
  }

  deinit { indices.deallocate() }

  /// `c = a · b` (`a` is `rows x width`, `b` is `width x columns`, row-major) when the first
  /// rows of `a` are sparse enough; returns false when they are not (`c` then holds partial
  /// results, for the caller to overwrite).
  func product(
    _ a: UnsafePointer<Float>, rows: Int, b: UnsafePointer<Float>, columns: Int,
    into c: UnsafeMutablePointer<Float>
  ) -> Bool {
    let probe = min(rows, Self.probeRows)
    var probed = 0
    for row in 0 ..< rows {
      let x = a + row * width
      let count = mlpsh_find_nonzeros(x, width, indices)
      if row < probe {
        probed += count
        if row == probe - 1, Double(probed) > Self.maximumDensity * Double(probe * width) { return false }
      }
      mlpsh_sum_picked_rows(x, indices, count, b, columns, c + row * columns)
    }
    return true
  }
}
