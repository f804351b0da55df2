import MLPCore

/// A model the session holds: a multilayer perceptron or the single binary perceptron.
public enum Model: Sendable {
  case mlp(NetworkModel)
  case perceptron(PerceptronModel)

  /// "mlp" or "perceptron", as messages name the kind.
  public var kind: String {
    switch self {
    case .mlp: return "mlp"
    case .perceptron: return "perceptron"
    }
  }

  /// The number of features a sample must have.
  public var inputSize: Int {
    switch self {
    case let .mlp(model): return model.network.inputSize
    case let .perceptron(model): return model.perceptron.weights.count
    }
  }

  /// One line: "mlp 784-128-64-10 relu, lr 0.01, 109386 parameters, 937 iterations".
  public var headline: String {
    switch self {
    case let .mlp(model):
      let network = model.network
      let sizes = network.layerSizes.map(String.init).joined(separator: "-")
      // The optimizer only when it is not the notebook's plain SGD.
      let optimizer = network.optimizer == Optimizer() ? "" : "\(network.optimizer), "
      return "mlp \(sizes) \(network.activation.rawValue), lr \(format(Double(network.learningRate))), "
        + optimizer + "init \(model.initializer.rawValue), seed \(model.seed), "
        + "\(network.parameterCount) parameters, \(plural(network.history.iterations, "iteration")) trained"
    case let .perceptron(model):
      return "perceptron \(model.perceptron.weights.count) inputs, \(model.perceptron.rule.rawValue) rule, "
        + "lr \(format(model.learningRate)), seed \(model.seed), "
        + "\(plural(model.epochAccuracies.count, "epoch")) trained"
    }
  }
}

/// A multilayer perceptron with how it was made.
public struct NetworkModel: Sendable {
  public var network: MultilayerPerceptron
  /// How its first weights were drawn.
  public var initializer: Initializer
  /// The seed of those draws.
  public var seed: UInt64

  public init(network: MultilayerPerceptron, initializer: Initializer, seed: UInt64) {
    self.network = network
    self.initializer = initializer
    self.seed = seed
  }
}

/// The binary perceptron with its learning rate and its per-epoch accuracies.
public struct PerceptronModel: Sendable {
  public var perceptron: Perceptron
  /// The step size of its updates (the notebook's 0.001).
  public var learningRate: Double
  /// The seed of its first weights.
  public var seed: UInt64
  /// The accuracy of each epoch trained, counted as the notebook counted it: the fraction
  /// of samples already right when met.
  public var epochAccuracies: [Double]

  public init(perceptron: Perceptron, learningRate: Double, seed: UInt64, epochAccuracies: [Double] = []) {
    self.perceptron = perceptron
    self.learningRate = learningRate
    self.seed = seed
    self.epochAccuracies = epochAccuracies
  }
}
