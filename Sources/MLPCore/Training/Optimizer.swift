import Foundation

/// The update rules that turn a gradient into a step.
public enum OptimizerKind: String, CaseIterable, Sendable, Codable {
  case sgd, momentum, nesterov, adam, adamw
}

/// How `train` turns each batch's gradient `g` into a change of the parameters `θ`, with
/// learning rate `η`. The conventions are PyTorch's `torch.optim` (docs/numerics.md checks
/// them against reference numbers):
/// ```
/// sgd       θ ← θ − η·g
/// momentum  v ← μ·v + g;   θ ← θ − η·v
/// nesterov  v ← μ·v + g;   θ ← θ − η·(g + μ·v)
/// adam      m ← β₁·m + (1−β₁)·g;   s ← β₂·s + (1−β₂)·g²
///           θ ← θ − η · (m / (1−β₁ᵗ)) / (√(s / (1−β₂ᵗ)) + ε)
/// adamw     θ ← θ − η·λ·θ (weights), then adam's step with g alone
/// ```
/// `v`, `m` and `s` start at zero (so momentum's first velocity is the first gradient).
/// With `l2 = λ > 0`, every rule but adamw adds `λ·W` to the weights' gradient (the
/// gradient of the penalty `λ/2·‖W‖²` added to the loss, as `weight_decay` does in PyTorch's
/// SGD and Adam); adamw decouples the decay from the gradient (Loshchilov and Hutter, 2019),
/// so Adam's scaling does not weaken it. Biases are never decayed.
public struct Optimizer: Sendable, Equatable, Codable {
  public var kind: OptimizerKind
  /// μ, for momentum and nesterov.
  public var momentum: Float
  /// β₁, β₂ and ε, for adam and adamw.
  public var beta1: Float
  public var beta2: Float
  public var epsilon: Float
  /// λ, the weight decay (0: none).
  public var l2: Float

  public init(
    _ kind: OptimizerKind = .sgd, momentum: Float = 0.9, beta1: Float = 0.9, beta2: Float = 0.999,
    epsilon: Float = 1e-8, l2: Float = 0
  ) {
    self.kind = kind
    self.momentum = momentum
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    self.l2 = l2
  }

  /// How the backward pass hands this rule the batch's gradient.
  enum GradientDelivery {
    /// Plain SGD without decay: the step is fused into the backward products
    /// (`GradientTarget.descend`), the gradient never stored.
    case fusedStep
    /// Momentum: the products add the gradient to the velocity, `v ← μ·v + g`
    /// (`GradientTarget.accumulate`), and `stepAlongVelocity` moves the parameters.
    case intoVelocity
    /// Every other rule reads the gradient stored in a buffer of its own (`step`).
    case stored
  }

  var gradientDelivery: GradientDelivery {
    switch kind {
    case .sgd where l2 == 0: return .fusedStep
    case .momentum: return .intoVelocity
    default: return .stored
    }
  }

  /// How many buffers of state, each the size of the parameters, the rule keeps.
  public var stateBufferCount: Int {
    switch kind {
    case .sgd: return 0
    case .momentum, .nesterov: return 1
    case .adam, .adamw: return 2
    }
  }

  /// The state this rule starts from: zeros, step 0.
  func freshState(parameterCount: Int) -> OptimizerState {
    OptimizerState(kind: kind, steps: 0,
                   buffers: Array(repeating: Array(repeating: 0, count: parameterCount), count: stateBufferCount))
  }

  /// Applies one step to the parameters at `theta` (laid out as `layers`), from the gradient
  /// at `gradient`, with `state` (the rule's buffers, laid out like the parameters; `steps`
  /// is the step count before this one). For the rules whose gradient is `.stored`.
  func step(
    _ theta: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>,
    state: [UnsafeMutablePointer<Float>], steps: Int, learningRate η: Float, layers: [DenseLayout]
  ) {
    let count = layers.last?.end ?? 0
    if l2 != 0 {
      for layer in layers {
        let weights = layer.weightRange
        if kind == .adamw {
          ParameterUpdates.scale(theta + weights.lowerBound, by: 1 - η * l2, count: weights.count)
        } else {
          ParameterUpdates.addDecay(l2, of: theta + weights.lowerBound, to: gradient + weights.lowerBound,
                                    count: weights.count)
        }
      }
    }
    switch kind {
    case .sgd:
      ParameterUpdates.descend(theta, along: gradient, η: η, count: count)
    case .momentum:
      preconditionFailure("momentum's gradient goes into its velocity: stepAlongVelocity")
    case .nesterov:
      ParameterUpdates.nesterov(theta, gradient, state[0], μ: momentum, η: η, count: count)
    case .adam, .adamw:
      let t = Double(steps + 1)
      let stepSize = Float(Double(η) / (1 - pow(Double(beta1), t)))
      let rootCorrection = Float((1 - pow(Double(beta2), t)).squareRoot())
      ParameterUpdates.adam(theta, gradient, state[0], state[1], β1: beta1, β2: beta2, ε: epsilon,
                            stepSize: stepSize, rootCorrection: rootCorrection, count: count)
    }
  }

  /// Momentum's step once the backward products have made `v ← μ·v + g`: the weights'
  /// decay joins the velocity, `v ← v + λ·W`, then `θ ← θ − η·v`.
  func stepAlongVelocity(
    _ theta: UnsafeMutablePointer<Float>, velocity: UnsafeMutablePointer<Float>, learningRate η: Float,
    layers: [DenseLayout]
  ) {
    for layer in layers {
      let (weights, biases) = (layer.weightRange, layer.biasRange)
      ParameterUpdates.momentum(theta + weights.lowerBound, velocity: velocity + weights.lowerBound, λ: l2, η: η,
                                count: weights.count)
      ParameterUpdates.momentum(theta + biases.lowerBound, velocity: velocity + biases.lowerBound, λ: 0, η: η,
                                count: biases.count)
    }
  }
}

/// What an optimizer remembers between steps: its step count and its buffers (momentum's
/// velocity `v`; Adam's moments `m` and `s`), each laid out like the parameters. It lives in
/// the model, goes on across `train` calls and is saved with it.
public struct OptimizerState: Sendable, Equatable, Codable {
  /// The rule the buffers belong to: another rule starts afresh.
  public var kind: OptimizerKind
  /// Steps taken so far (Adam's `t` before the next step).
  public var steps: Int
  public var buffers: [[Float]]

  public init(kind: OptimizerKind, steps: Int, buffers: [[Float]]) {
    self.kind = kind
    self.steps = steps
    self.buffers = buffers
  }
}

extension Optimizer: CustomStringConvertible {
  /// The rule and the settings it uses, as `show` and the reports print them:
  /// "momentum (μ 0.9)", "adam (β₁ 0.9, β₂ 0.999, ε 1e-08), l2 0.0001".
  public var description: String {
    var text: String
    switch kind {
    case .sgd: text = "sgd"
    case .momentum, .nesterov: text = "\(kind.rawValue) (μ \(momentum))"
    case .adam, .adamw: text = "\(kind.rawValue) (β₁ \(beta1), β₂ \(beta2), ε \(epsilon))"
    }
    if l2 != 0 { text += ", l2 \(l2)" }
    return text
  }
}
