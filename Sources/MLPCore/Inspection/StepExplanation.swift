import Foundation

/// One sample's forward and backward pass written out, layer by layer, with every
/// intermediate value kept: what `explain` shows a class.
///
/// It follows docs/numerics.md symbol for symbol, for one sample (`N = 1`), in the same
/// `Float` arithmetic as training, but in plain loops a student can read next to the
/// formulas (training runs the same maths as BLAS products, `Workspace.swift`):
/// ```
/// a₀      = x
/// o_{l+1} = a_l · W_l + b_l
/// a_{l+1} = f(o_{l+1})                     hidden layers
/// ŷ       = softmax(o_L)                   output layer
/// L       = -log(clip(ŷ_y, ε, 1 - ε))
/// δ_L     = ŷ - onehot(y)
/// ∇W_l    = a_lᵀ · δ_{l+1}      ∇b_l = δ_{l+1}
/// δ_l     = (δ_{l+1} · W_lᵀ) ⊙ f'(a_l)
/// W_l    ← W_l - η ∇W_l         b_l ← b_l - η ∇b_l
/// ```
public struct StepExplanation: Sendable, Equatable {
  /// Layer `index`'s part of the step: it maps `a_index` to `a_{index+1}` through `W_index`.
  public struct Layer: Sendable, Equatable {
    public var index: Int
    /// `W_l`, `inputSize × outputSize`, row-major, before the step.
    public var weights: [Float]
    /// `b_l`, before the step.
    public var bias: [Float]
    /// `a_l`, this layer's input.
    public var input: [Float]
    /// `o_{l+1} = a_l · W_l + b_l`.
    public var preactivation: [Float]
    /// `a_{l+1}`: the activation of `o_{l+1}`, or `ŷ` for the output layer.
    public var output: [Float]
    /// `δ_{l+1} = ∂L/∂o_{l+1}`.
    public var delta: [Float]
    /// `∇W_l = a_lᵀ · δ_{l+1}`, `inputSize × outputSize`, row-major as `W_l` is stored.
    public var weightGradient: [Float]
    /// `∇b_l = δ_{l+1}`.
    public var biasGradient: [Float] { delta }

    /// ‖∇W_l‖, the Euclidean norm of the weight gradient.
    public var weightGradientNorm: Double { Self.norm(weightGradient) }
    /// ‖∇b_l‖.
    public var biasGradientNorm: Double { Self.norm(delta) }

    static func norm(_ values: [Float]) -> Double {
      values.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
    }
  }

  public var layers: [Layer]
  /// The sample's class.
  public var label: Int
  /// `L`, the clipped cross-entropy of this one sample.
  public var loss: Double
  /// `η`, the step size the update uses.
  public var learningRate: Float

  /// `ŷ`, the softmax probabilities.
  public var probabilities: [Float] { layers.last!.output }
  /// The most probable class.
  public var prediction: Int { probabilities.indices.max { probabilities[$0] < probabilities[$1] }! }
}

extension MultilayerPerceptron {
  /// The forward and backward pass of one sample, and the step SGD would take from it
  /// with learning rate `learningRate` (the model's own by default).
  public func explainStep(input x: [Float], label y: Int, learningRate: Float? = nil) -> StepExplanation {
    precondition(x.count == inputSize, "\(x.count) inputs for a network of \(inputSize)")
    precondition((0..<classCount).contains(y), "label \(y) for \(classCount) classes")
    var layers: [StepExplanation.Layer] = []

    // Forward: o_{l+1} = a_l · W_l + b_l, then f or softmax.
    var a = x
    for (index, layout) in self.layers.enumerated() {
      let W = parameters[layout.weightRange], b = parameters[layout.biasRange]
      var o = Array(b)
      for k in 0..<layout.inputSize where a[k] != 0 {
        for j in 0..<layout.outputSize { o[j] += a[k] * W[W.startIndex + k * layout.outputSize + j] }
      }
      let isOutput = index == self.layers.count - 1
      var output = o.map { activation($0) }
      if isOutput {
        output = o
        output.withUnsafeMutableBufferPointer { softmaxInPlace($0.baseAddress!, count: $0.count) }
      }
      layers.append(StepExplanation.Layer(index: index, weights: Array(W), bias: Array(b), input: a, preactivation: o,
                                          output: output, delta: [], weightGradient: []))
      a = output
    }
    let loss = CrossEntropy(epsilon: epsilon).sampleLoss(probabilityOfLabel: a[y])

    // Backward: δ_L = ŷ - onehot(y); ∇W_l = a_lᵀ · δ_{l+1}; δ_l = (δ_{l+1} · W_lᵀ) ⊙ f'(a_l).
    var delta = a
    delta[y] -= 1
    for index in self.layers.indices.reversed() {
      let layout = self.layers[index]
      let W = parameters[layout.weightRange]
      let input = layers[index].input
      layers[index].delta = delta
      var gradient = [Float](repeating: 0, count: layout.inputSize * layout.outputSize)
      for k in 0..<layout.inputSize {
        for j in 0..<layout.outputSize { gradient[k * layout.outputSize + j] = input[k] * delta[j] }
      }
      layers[index].weightGradient = gradient
      guard index > 0 else { break }
      var previous = [Float](repeating: 0, count: layout.inputSize)
      for k in 0..<layout.inputSize {
        var sum: Float = 0
        for j in 0..<layout.outputSize { sum += delta[j] * W[W.startIndex + k * layout.outputSize + j] }
        previous[k] = sum * activation.derivative(fromOutput: input[k])
      }
      delta = previous
    }
    return StepExplanation(layers: layers, label: y, loss: loss, learningRate: learningRate ?? self.learningRate)
  }
}
