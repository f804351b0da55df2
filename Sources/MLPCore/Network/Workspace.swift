/// The buffers one forward and backward pass over a batch needs, allocated once for a batch
/// size so that the training loop itself allocates nothing.
final class Workspace {
  /// The largest batch these buffers hold.
  let capacity: Int
  /// The layer sizes they were made for.
  let layerSizes: [Int]
  /// `activations[l]` holds a batch of layer `l`'s outputs (`capacity x layerSizes[l]`);
  /// `activations[0]` is where a shuffled batch of inputs is gathered.
  let activations: [UnsafeMutablePointer<Float>]
  /// `deltas[l]`, for `l ≥ 1`, holds the gradient of the summed loss with respect to layer
  /// `l`'s pre-activation; `deltas[0]` is never used (the input needs no gradient).
  let deltas: [UnsafeMutablePointer<Float>]
  /// `capacity` ones: summing a batch over its rows is a product with this vector.
  let ones: UnsafeMutablePointer<Float>
  /// The labels of the current batch, when they had to be gathered.
  let labels: UnsafeMutablePointer<Int>

  init(layerSizes: [Int], capacity: Int) {
    self.capacity = capacity
    self.layerSizes = layerSizes
    activations = layerSizes.map { .allocate(capacity: capacity * $0) }
    deltas = layerSizes.map { .allocate(capacity: capacity * $0) }
    ones = .allocate(capacity: capacity)
    ones.initialize(repeating: 1, count: capacity)
    labels = .allocate(capacity: capacity)
  }

  deinit {
    for buffer in activations + deltas + [ones] { buffer.deallocate() }
    labels.deallocate()
  }
}

/// Where `backward` puts what it computes.
enum GradientTarget {
  /// Apply the SGD step directly: `θ ← θ - η ∇θ`, fused into the products.
  case descend(parameters: UnsafeMutablePointer<Float>, learningRate: Float)
  /// Store `∇θ` in a buffer laid out like the parameters.
  case store(gradients: UnsafeMutablePointer<Float>)
}

extension MultilayerPerceptron {
  /// Runs a batch of `count` samples, read from `input` (`count x inputSize`, row-major),
  /// through the network; each layer's output lands in `workspace.activations`, the class
  /// probabilities in the last of them. With `active`, the first layer multiplies only the
  /// used columns `active` gathered from `input` by the weight rows it moved to the front
  /// (`ActiveColumns`); with `sparse` (a copy of these parameters' first-layer weights), it
  /// leaves out each sample's zero inputs (`SparseFirstLayer`).
  func forward(
    parameters: UnsafePointer<Float>, input: UnsafePointer<Float>, count: Int, workspace: Workspace,
    active: ActiveColumns? = nil, sparse: SparseFirstLayer? = nil
  ) {
    precondition(active == nil || sparse == nil,
                 "training's column cut and evaluation's sparse product exclude each other")
    var layerInput = input
    for (index, layer) in layers.enumerated() {
      let output = workspace.activations[index + 1]
      if index == 0, let sparse {
        sparse.multiply(input, count: count, into: output)
      } else {
        let (a, columns) = productInput(layer: index, layerInput, active: active)
        BLAS.gemm(transposeA: false, transposeB: false,
                  m: count, n: layer.outputSize, k: columns,
                  alpha: 1, a: a, lda: max(columns, 1),
                  b: parameters + layer.weightOffset, ldb: layer.outputSize,
                  beta: 0, c: output, ldc: layer.outputSize)
      }
      let bias = parameters + layer.biasRange.lowerBound
      if index == layers.count - 1 {
        addBiasAndSoftmax(output, rows: count, columns: layer.outputSize, bias: bias)
      } else {
        addBiasAndActivate(output, rows: count, columns: layer.outputSize, bias: bias,
                           activation: activation)
      }
      layerInput = UnsafePointer(output)
    }
  }

  /// Backpropagates from `workspace.deltas[last]` (which `crossEntropyPass` filled with
  /// `ŷ - y`) to the first layer. For layer `l`
  /// with input `a_l` and pre-activation gradient `δ_{l+1}` summed over a batch of `N`:
  /// ```
  /// ∇W_l = a_lᵀ · δ_{l+1} / N        ∇b_l = Σₙ δ_{l+1} / N
  /// δ_l  = (δ_{l+1} · W_lᵀ) ⊙ f'(a_l)
  /// ```
  /// `δ_l` is computed before `W_l` changes. With `.descend`, `W_l - η ∇W_l` is one `sgemm`
  /// (`alpha = -η/N`, `beta = 1`) and `b_l - η ∇b_l` one `sgemv`, so the gradient is never
  /// stored. With `active` (only with `.descend`), the first layer's step changes only the
  /// weight rows of the batch's used columns, which `active` moved to the front; the others'
  /// gradient is zero.
  func backward(
    parameters: UnsafePointer<Float>, input: UnsafePointer<Float>, count: Int,
    workspace: Workspace, target: GradientTarget, active: ActiveColumns? = nil
  ) {
    let (destination, alpha, beta): (UnsafeMutablePointer<Float>, Float, Float)
    switch target {
    case let .descend(parameters, learningRate):
      (destination, alpha, beta) = (parameters, -learningRate / Float(count), 1)
    case let .store(gradients):
      (destination, alpha, beta) = (gradients, 1 / Float(count), 0)
    }
    for index in layers.indices.reversed() {
      let layer = layers[index]
      let delta = UnsafePointer(workspace.deltas[index + 1])
      let layerInput = index == 0 ? input : UnsafePointer(workspace.activations[index])
      if index > 0 {
        BLAS.gemm(transposeA: false, transposeB: true,
                  m: count, n: layer.inputSize, k: layer.outputSize,
                  alpha: 1, a: delta, lda: layer.outputSize,
                  b: parameters + layer.weightOffset, ldb: layer.outputSize,
                  beta: 0, c: workspace.deltas[index], ldc: layer.inputSize)
        multiplyByDerivative(workspace.deltas[index], outputs: layerInput,
                             count: count * layer.inputSize, activation: activation)
      }
      let (a, columns) = productInput(layer: index, layerInput, active: active)
      precondition(active == nil || beta == 1, "leaving out unused columns only applies to the SGD step")
      BLAS.gemm(transposeA: true, transposeB: false,
                m: columns, n: layer.outputSize, k: count,
                alpha: alpha, a: a, lda: max(columns, 1),
                b: delta, ldb: layer.outputSize,
                beta: beta, c: destination + layer.weightOffset, ldc: layer.outputSize)
      BLAS.columnSums(rows: count, columns: layer.outputSize, alpha: alpha, a: delta,
                      ones: workspace.ones, beta: beta,
                      y: destination + layer.biasRange.lowerBound)
    }
  }

  /// What layer `index`'s products read as their input, and its columns: `layerInput` whole,
  /// or, for the first layer with `active`, only the batch's used columns. (A batch of blank
  /// samples uses none: the products then have `k = 0`, or no rows, and BLAS wants a leading
  /// dimension of at least 1 all the same.)
  private func productInput(
    layer index: Int, _ layerInput: UnsafePointer<Float>, active: ActiveColumns?
  ) -> (UnsafePointer<Float>, columns: Int) {
    if index == 0, let active { return (UnsafePointer(active.inputs), active.count) }
    return (layerInput, layers[index].inputSize)
  }
}
