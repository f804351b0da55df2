/// A fully connected network: hidden layers share one activation, the output layer is a
/// softmax over the classes.
///
/// Layer `l` maps `n_l` inputs to `n_{l+1}` outputs:
/// ```
/// o_{l+1} = a_l · W_l + b_l        (W_l is n_l x n_{l+1}, as in the seed notebook)
/// a_{l+1} = f(o_{l+1})             (softmax for the last layer)
/// ```
/// All weights and biases live in one flat array, `parameters`, layer after layer (`W_0`,
/// `b_0`, `W_1`, `b_1`, …). One buffer makes the SGD step, saving, gradient checking and
/// the training loop simple, and lets the loop hold a single pointer to the whole model.
public struct MultilayerPerceptron: Sendable, Equatable {
  /// The number of units in each layer, input first: `[784, 128, 64, 10]`.
  public let layerSizes: [Int]
  /// The activation of every hidden layer.
  public let activation: Activation
  /// The learning rate `train` uses when it is not given one.
  public var learningRate: Float
  /// The clipping bound of the cross-entropy loss.
  public var epsilon: Float
  /// Every weight and bias, flat; see `layers` for where each layer's are.
  public var parameters: [Float]
  /// Where each layer's weights and biases sit in `parameters`.
  public let layers: [DenseLayout]
  /// Every iteration this model has been trained for, across `train` calls.
  public var history = TrainingHistory()
  /// The update rule `train` uses when it is not given one.
  public var optimizer = Optimizer()
  /// What that rule remembers between steps (`nil` for plain SGD, or before any step).
  public var optimizerState: OptimizerState?

  /// A network with the given layer sizes, its weights drawn by `initializer` from a
  /// generator seeded with `seed`, its biases zero.
  public init(
    layerSizes: [Int], activation: Activation = .relu, learningRate: Float = 0.01,
    epsilon: Float = 1e-6, initializer: Initializer = .seed, seed: UInt64 = 0
  ) {
    var generator = SeededGenerator(seed: seed)
    self.init(layerSizes: layerSizes, activation: activation, learningRate: learningRate,
              epsilon: epsilon, initializer: initializer, generator: &generator)
  }

  /// A network whose weights come from `generator`.
  public init(
    layerSizes: [Int], activation: Activation = .relu, learningRate: Float = 0.01,
    epsilon: Float = 1e-6, initializer: Initializer = .seed, generator: inout SeededGenerator
  ) {
    precondition(layerSizes.count >= 2, "a network needs at least an input and an output layer")
    precondition(layerSizes.allSatisfy { $0 > 0 }, "layer sizes must be positive: \(layerSizes)")
    self.layerSizes = layerSizes
    self.activation = activation
    self.learningRate = learningRate
    self.epsilon = epsilon
    self.layers = DenseLayout.layouts(for: layerSizes)
    self.parameters = Array(repeating: 0, count: layers.last!.end)
    parameters.withUnsafeMutableBufferPointer { buffer in
      for layer in layers {
        let weights = UnsafeMutableBufferPointer(rebasing: buffer[layer.weightRange])
        initializer.fill(weights, fanIn: layer.inputSize, fanOut: layer.outputSize,
                         firstLayerSize: layerSizes[0], using: &generator)
      }
    }
  }

  /// A network with the given parameters (for loading a saved model).
  public init(
    layerSizes: [Int], activation: Activation, learningRate: Float, epsilon: Float,
    parameters: [Float], history: TrainingHistory = TrainingHistory(),
    optimizer: Optimizer = Optimizer(), optimizerState: OptimizerState? = nil
  ) {
    precondition(layerSizes.count >= 2 && layerSizes.allSatisfy { $0 > 0 },
                 "bad layer sizes \(layerSizes)")
    self.layerSizes = layerSizes
    self.activation = activation
    self.learningRate = learningRate
    self.epsilon = epsilon
    self.layers = DenseLayout.layouts(for: layerSizes)
    precondition(parameters.count == layers.last!.end,
                 "\(parameters.count) parameters for layers \(layerSizes), expected \(layers.last!.end)")
    self.parameters = parameters
    self.history = history
    self.optimizer = optimizer
    self.optimizerState = optimizerState
  }

  // MARK: - Shape

  /// The number of inputs a sample must have.
  public var inputSize: Int { layerSizes.first! }
  /// The number of classes.
  public var classCount: Int { layerSizes.last! }
  /// The number of weights and biases.
  public var parameterCount: Int { parameters.count }

  /// The weights of layer `index` as an `inputSize x outputSize` matrix.
  public func weights(ofLayer index: Int) -> Matrix {
    let layer = layers[index]
    return Matrix(rows: layer.inputSize, columns: layer.outputSize,
                  storage: Array(parameters[layer.weightRange]))
  }

  /// The biases of layer `index`.
  public func bias(ofLayer index: Int) -> [Float] {
    Array(parameters[layers[index].biasRange])
  }
}

/// Where one dense layer's weights and biases sit in a network's flat parameter array.
public struct DenseLayout: Sendable, Equatable {
  /// Inputs to the layer (`n_l`).
  public let inputSize: Int
  /// Outputs of the layer (`n_{l+1}`).
  public let outputSize: Int
  /// The first weight; the `inputSize x outputSize` weights follow row-major.
  public let weightOffset: Int

  public var weightRange: Range<Int> { weightOffset ..< weightOffset + inputSize * outputSize }
  public var biasRange: Range<Int> { weightRange.upperBound ..< weightRange.upperBound + outputSize }
  /// One past the last parameter of this layer.
  public var end: Int { biasRange.upperBound }

  /// The layouts of consecutive layers of the given sizes.
  static func layouts(for sizes: [Int]) -> [DenseLayout] {
    var offset = 0
    return zip(sizes, sizes.dropFirst()).map { input, output in
      defer { offset += input * output + output }
      return DenseLayout(inputSize: input, outputSize: output, weightOffset: offset)
    }
  }
}

// MARK: - Printing

extension MultilayerPerceptron: CustomStringConvertible {
  /// The structure, one line a layer, as micrograd prints its models, in words a student
  /// can check on paper:
  /// ```
  /// multilayer perceptron 784-128-64-10, relu, lr 0.01, 109386 parameters
  ///   layer 1: 784 → 128, relu      100480 parameters (784·128 weights + 128 biases)
  /// ```
  public var description: String {
    var lines = ["multilayer perceptron \(layerSizes.map(String.init).joined(separator: "-")), "
      + "\(activation.rawValue), lr \(learningRate), \(parameterCount) parameters"]
    let rows = layers.enumerated().map { index, layer in
      let output = index == layers.count - 1 ? "softmax" : activation.rawValue
      return (head: "layer \(index + 1): \(layer.inputSize) → \(layer.outputSize), \(output)",
              count: String(layer.inputSize * layer.outputSize + layer.outputSize),
              detail: "(\(layer.inputSize)·\(layer.outputSize) weights + \(layer.outputSize) biases)")
    }
    let headWidth = rows.map(\.head.count).max() ?? 0
    let countWidth = rows.map(\.count.count).max() ?? 0
    for row in rows {
      let head = row.head + String(repeating: " ", count: headWidth - row.head.count)
      let count = String(repeating: " ", count: countWidth - row.count.count) + row.count
      lines.append("  \(head)  \(count) parameters \(row.detail)")
    }
    return lines.joined(separator: "\n")
  }
}
