/// Inverted dropout on the hidden layers, in training only (Srivastava et al., 2014): each
/// hidden unit's output is kept with probability `1 - p` and scaled by `1 / (1 - p)`, or set
/// to zero, afresh for every sample of every batch:
/// ```
/// m ~ Bernoulli(1 - p) / (1 - p)        ã = a ⊙ m
/// ```
/// The scale keeps each unit's expected output what it is without dropout, so evaluation,
/// `predict` and the gradient check use the whole network unchanged. Backward, a dropped unit
/// passes nothing back: `δ = (δ_next · Wᵀ) ⊙ m ⊙ f'(a)`.
final class Dropout {
  /// The probability of dropping a unit, in `[0, 1)`.
  let probability: Float
  /// `1 / (1 - p)`.
  let scale: Float
  /// Draws of 16 bits below this drop their unit: `p · 2¹⁶`, rounded.
  private let threshold: UInt32
  /// `masks[l]` holds layer `l`'s mask for the current batch (0 or `scale` per unit);
  /// only hidden layers have one.
  private var masks: [Int: UnsafeMutablePointer<Float>] = [:]
  private var generator: SeededGenerator

  init(probability: Float, layerSizes: [Int], capacity: Int, seed: UInt64) {
    precondition((0 ..< 1).contains(probability), "a dropout probability in [0, 1), not \(probability)")
    self.probability = probability
    scale = 1 / (1 - probability)
    threshold = UInt32((probability * 65536).rounded())
    generator = SeededGenerator(seed: seed)
    for layer in layerSizes.indices.dropFirst().dropLast() {
      masks[layer] = .allocate(capacity: capacity * layerSizes[layer])
    }
  }

  deinit { for mask in masks.values { mask.deallocate() } }

  /// Draws a fresh mask for hidden layer `layer` and applies it to its `count` outputs.
  func drop(_ outputs: UnsafeMutablePointer<Float>, layer: Int, count: Int) {
    let mask = masks[layer]!
    // Four 16-bit draws from each 64 random bits, lowest first; the last 64 bits may serve
    // fewer than four units. The four are written without a branch, so the loop stays short.
    var index = 0
    while index + 4 <= count {
      let bits = generator.next()
      mask[index] = keep(bits)
      mask[index + 1] = keep(bits >> 16)
      mask[index + 2] = keep(bits >> 32)
      mask[index + 3] = keep(bits >> 48)
      index += 4
    }
    if index < count {
      var bits = generator.next()
      while index < count {
        mask[index] = keep(bits)
        bits >>= 16
        index += 1
      }
    }
    for i in 0 ..< count { outputs[i] *= mask[i] }
  }

  /// A unit's mask from the low 16 bits of `bits`: 0 (dropped) below the threshold, else `scale`.
  @inline(__always)
  private func keep(_ bits: UInt64) -> Float {
    UInt32(truncatingIfNeeded: bits & 0xFFFF) < threshold ? 0 : scale
  }

  /// `δ ← δ ⊙ m ⊙ f'(a)` for hidden layer `layer`, where `outputs` holds the dropped
  /// outputs `a ⊙ m`: a kept unit's own output is `outputs / scale`.
  func multiplyByDerivative(
    _ deltas: UnsafeMutablePointer<Float>, outputs: UnsafePointer<Float>, layer: Int, count: Int,
    activation: Activation
  ) {
    let mask = masks[layer]!
    let inverse = 1 - probability
    // One loop per case with the case known, as `multiplyByDerivative` does, so each
    // compiles to vector code. A dropped unit's mask is 0, which zeroes its term.
    switch activation {
    case .relu:
      for i in 0 ..< count { deltas[i] *= mask[i] * Activation.relu.derivative(fromOutput: outputs[i] * inverse) }
    case .sigmoid:
      for i in 0 ..< count { deltas[i] *= mask[i] * Activation.sigmoid.derivative(fromOutput: outputs[i] * inverse) }
    case .tanh:
      for i in 0 ..< count { deltas[i] *= mask[i] * Activation.tanh.derivative(fromOutput: outputs[i] * inverse) }
    }
  }
}
