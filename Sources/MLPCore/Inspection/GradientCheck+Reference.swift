import Foundation

/// The network's loss in double precision, the oracle `GradientCheck` differentiates.
///
/// The network itself runs in Float32, whose rounding (about 1e-7 of the loss) divided by
/// `2h` swamps a central difference: at `h = 1e-3` that is 5e-5, as large as many true
/// gradients. Here every sum runs in Double from the model's Float32 weights, and a
/// perturbed weight stays a Double (`θᵢ ± h`, never rounded back to Float), so the
/// difference quotient is accurate to about 1e-10 and the only disagreement left is the
/// analytic gradient's own Float32 rounding, or a real mistake.
///
/// The loss is cross-entropy without its clipping `ε`: backpropagation computes `ŷ − y`, the
/// gradient of the unclipped loss, and that is what is checked. It also says when a
/// difference is not to be trusted: when the two sides `θ ± h` fall on different sides of a
/// kink, a ReLU unit that switches on or off for some sample.
///
/// With weight decay `λ` (the model's `optimizer.l2`, added to the gradient by every rule but
/// adamw), the loss includes its penalty, `λ/2 · Σ W²` over the weights (not the biases).
struct ReferenceLoss {
  let sizes: [Int]
  let l2: Double
  let activation: Activation
  let inputs: [[Double]]
  let labels: [Int]
  /// Every pre-activation of every layer, per sample, at the model's own weights.
  private(set) var base: [[[Double]]] = []

  init(model: MultilayerPerceptron, inputs: Matrix, labels: [Int]) {
    sizes = model.layerSizes
    l2 = model.optimizer.kind == .adamw ? 0 : Double(model.optimizer.l2)
    activation = model.activation
    self.inputs = (0 ..< inputs.rows).map { row in
      (0 ..< inputs.columns).map { Double(inputs.storage[row * inputs.columns + $0]) }
    }
    self.labels = labels
  }

  /// What one evaluation found: the mean loss, and whether any sample crossed a kink
  /// relative to `base`.
  struct Outcome {
    var loss: Double
    var crossedKink: Bool
  }

  /// The mean loss at `parameters`, and every pre-activation (kept as `base` when `keep`).
  mutating func evaluate(_ parameters: [Double], keep: Bool = false) -> Outcome {
    var total = 0.0
    var crossed = false
    var kept: [[[Double]]] = []
    for (sample, input) in inputs.enumerated() {
      var activations = input
      var layersOfSample: [[Double]] = []
      var offset = 0
      for layer in 0 ..< sizes.count - 1 {
        let (fanIn, fanOut) = (sizes[layer], sizes[layer + 1])
        var z = Array(parameters[offset + fanIn * fanOut ..< offset + fanIn * fanOut + fanOut])
        for k in 0 ..< fanIn where activations[k] != 0 {
          let row = offset + k * fanOut
          for j in 0 ..< fanOut { z[j] += activations[k] * parameters[row + j] }
        }
        offset += fanIn * fanOut + fanOut
        layersOfSample.append(z)
        if !keep && !crossed && activation == .relu && layer < sizes.count - 2 {
          let reference = base[sample][layer]
          crossed = zip(z, reference).contains { ($0 > 0) != ($1 > 0) }
        }
        if layer < sizes.count - 2 { activations = z.map(apply) }
      }
      // -log softmax(z)_y as z_y − max z − log Σ exp(zⱼ − max z): finite for any logits, so
      // no clipping, whose flat ends backpropagation's ŷ − y does not see.
      let logits = layersOfSample[layersOfSample.count - 1]
      let top = logits.max() ?? 0
      total -= logits[labels[sample]] - top - log(logits.reduce(0) { $0 + exp($1 - top) })
      if keep { kept.append(layersOfSample) }
    }
    if keep { base = kept }
    return Outcome(loss: total / Double(max(inputs.count, 1)) + penalty(parameters), crossedKink: crossed)
  }

  /// `λ/2 · Σ W²` over every layer's weights.
  private func penalty(_ parameters: [Double]) -> Double {
    guard l2 != 0 else { return 0 }
    var sum = 0.0
    var offset = 0
    for layer in 0 ..< sizes.count - 1 {
      let weights = sizes[layer] * sizes[layer + 1]
      for i in offset ..< offset + weights { sum += parameters[i] * parameters[i] }
      offset += weights + sizes[layer + 1]
    }
    return l2 / 2 * sum
  }

  private func apply(_ z: Double) -> Double {
    switch activation {
    case .relu: return max(0, z)
    case .sigmoid: return 1 / (1 + exp(-z))
    case .tanh: return Foundation.tanh(z)
    }
  }
}
