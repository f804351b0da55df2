/// The single binary perceptron of the seed notebook, with a step output:
/// ```
/// f(x) = 1 if w · x + b > 0, else 0
/// ```
/// It learns one sample at a time. Its bias is one number; the notebook's code meant that
/// too but turned `b` into a vector by subtracting `lr · ones_like(x)` from it.
public struct Perceptron: Sendable, Equatable {
  /// How the weights move after a sample.
  public enum UpdateRule: String, CaseIterable, Sendable, Codable {
    /// The notebook's rule, the default so its cell reproduces: driven by the sign of the
    /// error, through the ReLU it put in front of the step,
    /// ```
    /// w ← w + η · sign(y - ŷ) · max(0, x)      b ← b + η · sign(y - ŷ)
    /// ```
    case notebook
    /// Rosenblatt's rule: `w ← w + η (y - ŷ) x`, `b ← b + η (y - ŷ)`.
    case classic
  }

  /// One weight per input.
  public var weights: [Double]
  /// The bias, a single number.
  public var bias: Double
  /// The update rule `train` applies.
  public var rule: UpdateRule

  /// A perceptron with standard-normal weights (as the notebook's `np.random.randn`) and a
  /// zero bias.
  public init(inputSize: Int, rule: UpdateRule = .notebook, seed: UInt64 = 0) {
    precondition(inputSize > 0, "a perceptron needs at least one input")
    var generator = SeededGenerator(seed: seed)
    weights = (0 ..< inputSize).map { _ in generator.nextNormal() }
    bias = 0
    self.rule = rule
  }

  /// A perceptron with the given starting weights and bias (to start where another run
  /// started, such as the notebook's).
  public init(weights: [Double], bias: Double = 0, rule: UpdateRule = .notebook) {
    precondition(!weights.isEmpty, "a perceptron needs at least one input")
    self.weights = weights
    self.bias = bias
    self.rule = rule
  }

  /// The output for one sample, 0 or 1.
  public func fire(_ x: some Collection<Float>) -> Int {
    precondition(x.count == weights.count, "\(x.count) inputs for \(weights.count) weights")
    var sum = bias
    for (w, xi) in zip(weights, x) { sum += w * Double(xi) }
    return sum > 0 ? 1 : 0
  }

  /// Learns from one sample with label `y` (0 or 1); returns its L1 loss `|y - ŷ|`, taken
  /// before the update.
  @discardableResult
  public mutating func train(_ x: some Collection<Float>, label y: Int, learningRate: Double) -> Int {
    let error = y - fire(x)
    guard error != 0 else { return 0 }
    let signed = learningRate * Double(error.signum())
    for (i, xi) in zip(weights.indices, x) {
      let input = Double(xi)
      weights[i] += signed * (rule == .notebook ? max(0, input) : input)
    }
    bias += signed
    return abs(error)
  }

  /// One pass over `inputs` in order; returns the accuracy counted the notebook's way: the
  /// fraction of samples whose loss was zero when they were met, before their update.
  public mutating func trainEpoch(inputs: Matrix, labels: [Int], learningRate: Double) -> Double {
    precondition(inputs.rows == labels.count && inputs.rows > 0,
                 "\(inputs.rows) samples, \(labels.count) labels")
    var correct = 0
    for row in 0 ..< inputs.rows where train(inputs.row(row), label: labels[row],
                                               learningRate: learningRate) == 0 {
      correct += 1
    }
    return Double(correct) / Double(inputs.rows)
  }

  /// The fraction of `inputs` classified correctly, without learning.
  public func accuracy(inputs: Matrix, labels: [Int]) -> Double {
    guard inputs.rows > 0 else { return 0 }
    let correct = (0 ..< inputs.rows).filter { fire(inputs.row($0)) == labels[$0] }.count
    return Double(correct) / Double(inputs.rows)
  }
}

extension Perceptron: CustomStringConvertible {
  public var description: String {
    let w = weights.map { formatElement(Float($0)) }.joined(separator: ", ")
    return "Perceptron \(weights.count) inputs, \(rule.rawValue) rule\n  w = [\(w)], b = \(formatElement(Float(bias)))"
  }
}
