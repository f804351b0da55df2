/// Where `backward` puts what it computes.
enum GradientTarget {
  /// Apply the SGD step directly: `θ ← θ - η ∇θ`, fused into the products.
  case descend(parameters: UnsafeMutablePointer<Float>, learningRate: Float)
  /// Store `∇θ` in a buffer laid out like the parameters.
  case store(gradients: UnsafeMutablePointer<Float>)
  /// Add `∇θ` to a buffer laid out like the parameters, scaled first: `v ← μ·v + ∇θ`
  /// (momentum's velocity, made by the products themselves).
  case accumulate(into: UnsafeMutablePointer<Float>, scalingBy: Float)
}

extension MultilayerPerceptron {
  /// Backpropagates from `workspace.deltas[last]` (which `crossEntropyPass` filled with
  /// `ŷ - y`) to the first layer. For layer `l` with input `a_l` and pre-activation gradient
  /// `δ_{l+1}` summed over a batch of `N`:
  /// ```
  /// ∇W_l = a_lᵀ · δ_{l+1} / N        ∇b_l = Σₙ δ_{l+1} / N
  /// δ_l  = (δ_{l+1} · W_lᵀ) ⊙ f'(a_l)
  /// ```
  /// `δ_l` is computed before `W_l` changes. With `.descend`, `W_l - η ∇W_l` is one `sgemm`
  /// (`alpha = -η/N`, `beta = 1`) and `b_l - η ∇b_l` one `sgemv`, so the gradient is never
  /// stored (plain SGD's step, fused). With `.store`, the gradient is written for an
  /// `Optimizer` to use; with `.accumulate`, the same products with `beta = μ` make
  /// momentum's velocity `μ·v + ∇θ`. `firstLayer` and `dropout` must be the forward pass's.
  func backward(
    parameters: UnsafePointer<Float>, input: UnsafePointer<Float>, count: Int,
    workspace: Workspace, target: GradientTarget,
    firstLayer: FirstLayerShortcut = .dense, dropout: Dropout? = nil
  ) {
    let (destination, alpha, beta): (UnsafeMutablePointer<Float>, Float, Float)
    switch target {
    case let .descend(parameters, learningRate):
      (destination, alpha, beta) = (parameters, -learningRate / Float(count), 1)
    case let .store(gradients):
      (destination, alpha, beta) = (gradients, 1 / Float(count), 0)
    case let .accumulate(buffer, scale):
      (destination, alpha, beta) = (buffer, 1 / Float(count), scale)
    }
    for index in layers.indices.reversed() {
      let layer = layers[index]
      let delta = UnsafePointer(workspace.deltas[index + 1])
      let layerInput = index == 0 ? input : UnsafePointer(workspace.activations[index])
      if index > 0 {
        propagate(delta, through: index, parameters: parameters, workspace: workspace, count: count,
                  dropout: dropout)
      }
      if index == 0 {
        firstLayer.multiplyTransposed(layerInput, by: delta, count: count, layer: layer,
                                      alpha: alpha, beta: beta, into: destination + layer.weightOffset)
      } else {
        BLAS.gemm(transposeA: true, transposeB: false,
                  m: layer.inputSize, n: layer.outputSize, k: count,
                  alpha: alpha, a: layerInput, lda: layer.inputSize,
                  b: delta, ldb: layer.outputSize,
                  beta: beta, c: destination + layer.weightOffset, ldc: layer.outputSize)
      }
      BLAS.columnSums(rows: count, columns: layer.outputSize, alpha: alpha, a: delta,
                      ones: workspace.ones, beta: beta,
                      y: destination + layer.biasRange.lowerBound)
    }
  }

  /// `δ_l = (δ_{l+1} · W_lᵀ) ⊙ f'(a_l)` into `workspace.deltas[index]`, for the hidden layer
  /// `a_l` that feeds layer `index` (with dropout, `⊙ m_l` too: a dropped unit passes nothing back).
  private func propagate(
    _ delta: UnsafePointer<Float>, through index: Int, parameters: UnsafePointer<Float>,
    workspace: Workspace, count: Int, dropout: Dropout?
  ) {
    let layer = layers[index]
    BLAS.gemm(transposeA: false, transposeB: true,
              m: count, n: layer.inputSize, k: layer.outputSize,
              alpha: 1, a: delta, lda: layer.outputSize,
              b: parameters + layer.weightOffset, ldb: layer.outputSize,
              beta: 0, c: workspace.deltas[index], ldc: layer.inputSize)
    let outputs = UnsafePointer(workspace.activations[index])
    if let dropout {
      dropout.multiplyByDerivative(workspace.deltas[index], outputs: outputs, layer: index,
                                   count: count * layer.inputSize, activation: activation)
    } else {
      multiplyByDerivative(workspace.deltas[index], outputs: outputs,
                           count: count * layer.inputSize, activation: activation)
    }
  }
}
