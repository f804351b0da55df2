/// The one door through which the first layer's speed-ups enter the forward and backward
/// passes. Everything else in `forward` and `backward` is the plain formula; only the first
/// layer's two products, `x · W₀` and `xᵀ · δ₁`, may take a shortcut, and each shortcut gives
/// the dense product's numbers up to the order of the sums (docs/performance.md):
///
/// - `.usedColumns` (training): the input columns a whole batch leaves at zero add nothing
///   to `x · W₀` and have a zero gradient row in `xᵀ · δ₁`, so both products run on the
///   columns the batch uses (`ActiveColumns`, which keeps those weight rows first).
/// - `.sparseRows` (evaluation): each sample's zero inputs are left out of `x · W₀`
///   (`SparseFirstLayer`); it has no backward product.
/// - `.dense`: the plain products, as a student would write them.
enum FirstLayerShortcut {
  case dense
  case usedColumns(ActiveColumns)
  case sparseRows(SparseFirstLayer)

  /// `output = x · W₀` for a batch of `count` samples (`layer` is the first layer's layout).
  func multiply(
    _ x: UnsafePointer<Float>, count: Int, weights: UnsafePointer<Float>, layer: DenseLayout,
    into output: UnsafeMutablePointer<Float>
  ) {
    switch self {
    case .sparseRows(let sparse):
      sparse.multiply(x, count: count, into: output)
    case .dense, .usedColumns:
      let (a, columns) = productInput(x, layer: layer)
      BLAS.gemm(transposeA: false, transposeB: false,
                m: count, n: layer.outputSize, k: columns,
                alpha: 1, a: a, lda: max(columns, 1),
                b: weights, ldb: layer.outputSize,
                beta: 0, c: output, ldc: layer.outputSize)
    }
  }

  /// `W ← β·W + α · xᵀ · δ₁` over the first layer's `inputSize x outputSize` block at
  /// `destination`: with `β = 1` a step fused into the product, with `β = 0` the gradient
  /// itself, with `β = μ` momentum's velocity. With `.usedColumns` the rows of unused columns
  /// get no term (their gradient is zero): with `β = 1` they stay, with `β = 0` they are set
  /// to zero, with any other `β` they are scaled by it.
  func multiplyTransposed(
    _ x: UnsafePointer<Float>, by delta: UnsafePointer<Float>, count: Int, layer: DenseLayout,
    alpha: Float, beta: Float, into destination: UnsafeMutablePointer<Float>
  ) {
    if case .sparseRows = self { preconditionFailure("the sparse product is for evaluation only") }
    let (a, columns) = productInput(x, layer: layer)
    BLAS.gemm(transposeA: true, transposeB: false,
              m: columns, n: layer.outputSize, k: count,
              alpha: alpha, a: a, lda: max(columns, 1),
              b: delta, ldb: layer.outputSize,
              beta: beta, c: destination, ldc: layer.outputSize)
    let unusedRows = destination + columns * layer.outputSize
    let unusedCount = (layer.inputSize - columns) * layer.outputSize
    if beta == 0 {
      unusedRows.update(repeating: 0, count: unusedCount)
    } else if beta != 1 {
      ParameterUpdates.scale(unusedRows, by: beta, count: unusedCount)
    }
  }

  /// What the first layer's products read, and its columns: `x` whole, or only the batch's
  /// used columns. (A batch of blank samples uses none: the products then have `k = 0`, or no
  /// rows, and BLAS wants a leading dimension of at least 1 all the same.)
  private func productInput(_ x: UnsafePointer<Float>, layer: DenseLayout) -> (UnsafePointer<Float>, columns: Int) {
    if case .usedColumns(let active) = self { return (UnsafePointer(active.inputs), active.count) }
    return (x, layer.inputSize)
  }
}
