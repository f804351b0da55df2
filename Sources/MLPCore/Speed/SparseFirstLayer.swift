import CSparseProduct

/// The first layer's product for inputs that are mostly zeros, as evaluation computes it: for
/// each sample, the weight rows of its nonzero inputs, scaled and summed
/// ```
/// (x · W₀)[n, j] = Σ_{k : x[n,k] ≠ 0} x[n,k] · W₀[k, j]
/// ```
/// which is `x · W₀` with the zero terms left out (docs/numerics.md). A raw MNIST image has a
/// nonzero in 151 of its 784 pixels on average, so this does a fifth of the dense product's
/// multiply-adds; each reads a weight row from the L2 cache rather than from registers, and
/// the product takes about 0.57 of OpenBLAS's time on the test set (docs/performance.md).
/// Training keeps its dense products on the batch's used columns (`ActiveColumns`): its
/// second product, `Xᵀ · δ`, has no such shortcut.
///
/// Each sum runs over the sample's nonzero inputs in column order, one fused multiply-add
/// each, whatever the other samples are: a row's numbers do not depend on the chunk it is in.
/// They differ from the dense product's only in the order of the sums.
///
/// The loop is AVX-512 (`CSparseProduct`, the one place that calls it); on a CPU without it,
/// or where the inputs are not sparse enough to pay, `make` returns nil and evaluation
/// multiplies with BLAS.
final class SparseFirstLayer: @unchecked Sendable {  // Immutable once made; cores share it.
  /// Columns of the input.
  let inputs: Int
  /// The first layer's outputs.
  let outputs: Int
  /// Floats from one weight row of `weights` to the next: `outputs` rounded up to 16, so
  /// that every row starts on a 64-byte boundary (a load across two cache lines reads both).
  let rowStride: Int
  /// A copy of the first layer's weights, `inputs x outputs` at `rowStride`, 64-byte aligned.
  private let weights: UnsafeMutablePointer<Float>

  /// The loop runs on this CPU.
  static let isAvailable = mlpsh_sparse_product_available()

  /// The share of nonzero inputs at or below which leaving out the zeros pays. On MNIST's
  /// test set (19% nonzeros) the product takes 0.57 of the dense one's time, and its cost
  /// grows with the nonzeros; Fashion-MNIST (50%) and standardised features stay dense.
  static let densityLimit = 1.0 / 3

  /// Rows sampled, evenly spread, to estimate the share of nonzero inputs.
  static let sampledRows = 64

  /// The product for `model`'s first layer on `inputs`, or nil when it does not pay: the
  /// loop does not run on this CPU, the inputs are too dense, or a first-layer weight is not
  /// finite (a zero input times it is NaN in the dense product, and must stay so).
  static func make(
    for model: MultilayerPerceptron, parameters: UnsafePointer<Float>, inputs: Matrix
  ) -> SparseFirstLayer? {
    let layer = model.layers[0]
    precondition(inputs.columns == layer.inputSize,
                 "the model takes \(layer.inputSize) inputs, the matrix has \(inputs.columns) columns")
    guard isAvailable, inputs.rows > 0,
          nonzeroShare(of: inputs) <= densityLimit else { return nil }
    let weights = UnsafeBufferPointer(start: parameters + layer.weightOffset,
                                      count: layer.weightRange.count)
    guard weights.allSatisfy(\.isFinite) else { return nil }
    return SparseFirstLayer(inputs: layer.inputSize, outputs: layer.outputSize,
                            weights: weights.baseAddress!)
  }

  /// Copies the `inputs x outputs` weights at `source` into aligned, padded rows.
  init(inputs: Int, outputs: Int, weights source: UnsafePointer<Float>) {
    // The C loop keeps columns in 32-bit integers.
    precondition(inputs <= Int(Int32.max) - 16, "\(inputs) inputs: too many for the sparse product")
    self.inputs = inputs
    self.outputs = outputs
    rowStride = (outputs + 15) / 16 * 16
    let raw = UnsafeMutableRawPointer.allocate(byteCount: max(inputs * rowStride, 1) * 4,
                                               alignment: 64)
    weights = raw.initializeMemory(as: Float.self, repeating: 0, count: max(inputs * rowStride, 1))
    for row in 0 ..< inputs {
      (weights + row * rowStride).update(from: source + row * outputs, count: outputs)
    }
  }

  deinit { weights.deallocate() }

  /// The share of nonzero entries in up to `sampledRows` rows of `inputs`, evenly spread.
  static func nonzeroShare(of inputs: Matrix) -> Double {
    let rows = inputs.rows, columns = inputs.columns
    guard rows > 0, columns > 0 else { return 0 }
    let sampled = min(rows, sampledRows)
    let nonzeros = inputs.storage.withUnsafeBufferPointer { x in
      (0 ..< sampled).reduce(0) { count, sample in
        let row = sample * rows / sampled
        return count + x[row * columns ..< (row + 1) * columns].count(where: { $0 != 0 })
      }
    }
    return Double(nonzeros) / Double(sampled * columns)
  }

  /// `output = input · W₀` for `count` rows of `input` (`count x inputs`, row-major) into
  /// `output` (`count x outputs`), zero inputs left out.
  func multiply(_ input: UnsafePointer<Float>, count: Int, into output: UnsafeMutablePointer<Float>) {
    // A row's nonzero entries and their columns (6.4 KB for MNIST; the runtime puts small
    // temporary allocations on the stack).
    withUnsafeTemporaryAllocation(byteCount: 2 * (inputs + 16) * 4, alignment: 64) { scratch in
      mlpsh_sparse_product(input, count, inputs, weights, rowStride, outputs, output,
                           scratch.baseAddress)
    }
  }
}
