extension MultilayerPerceptron {
  /// Runs a batch of `count` samples, read from `input` (`count x inputSize`, row-major),
  /// through the network:
  /// ```
  /// o_{l+1} = a_l · W_l + b_l
  /// a_{l+1} = f(o_{l+1})          (softmax for the last layer)
  /// ```
  /// Each layer's output lands in `workspace.activations`, the class probabilities in the
  /// last of them. `firstLayer` may take a faster road through the first product
  /// (`FirstLayerShortcut`); `dropout`, in training only, drops hidden units after their
  /// activation (`Dropout`).
  func forward(
    parameters: UnsafePointer<Float>, input: UnsafePointer<Float>, count: Int, workspace: Workspace,
    firstLayer: FirstLayerShortcut = .dense, dropout: Dropout? = nil
  ) {
    var layerInput = input
    for (index, layer) in layers.enumerated() {
      let output = workspace.activations[index + 1]
      let weights = parameters + layer.weightOffset
      if index == 0 {
        firstLayer.multiply(layerInput, count: count, weights: weights, layer: layer, into: output)
      } else {
        BLAS.gemm(transposeA: false, transposeB: false,
                  m: count, n: layer.outputSize, k: layer.inputSize,
                  alpha: 1, a: layerInput, lda: layer.inputSize,
                  b: weights, ldb: layer.outputSize,
                  beta: 0, c: output, ldc: layer.outputSize)
      }
      let bias = parameters + layer.biasRange.lowerBound
      if index == layers.count - 1 {
        addBiasAndSoftmax(output, rows: count, columns: layer.outputSize, bias: bias)
      } else {
        addBiasAndActivate(output, rows: count, columns: layer.outputSize, bias: bias,
                           activation: activation)
        dropout?.drop(output, layer: index + 1, count: count * layer.outputSize)
      }
      layerInput = UnsafePointer(output)
    }
  }
}
