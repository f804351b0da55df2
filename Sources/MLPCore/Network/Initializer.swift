import Foundation

/// How a network's first weights are drawn. Biases always start at zero.
public enum Initializer: String, CaseIterable, Sendable, Codable {
  /// The seed notebook's scheme, the default so its experiments reproduce: every layer's
  /// weights uniform in
  /// ```
  /// ±1 / √(n₀)
  /// ```
  /// where `n₀` is the size of the *first* layer (784 for MNIST), whatever the layer.
  case seed
  /// Glorot and Bengio (2010), uniform in `±√(6 / (fan_in + fan_out))` per layer; keeps the
  /// variance of activations and gradients level for sigmoid and tanh.
  case xavier
  /// He et al. (2015), normal with mean 0 and standard deviation `√(2 / fan_in)` per layer;
  /// made for ReLU, which zeroes half its inputs.
  case he

  /// Draws the weights of a `fanIn` x `fanOut` layer of a network whose first layer has
  /// `firstLayerSize` units, writing them row-major into `weights`.
  func fill(
    _ weights: UnsafeMutableBufferPointer<Float>, fanIn: Int, fanOut: Int, firstLayerSize: Int,
    using generator: inout SeededGenerator
  ) {
    precondition(weights.count == fanIn * fanOut, "\(weights.count) weights for \(fanIn)x\(fanOut)")
    switch self {
    case .seed:
      let bound = 1 / Double(firstLayerSize).squareRoot()
      for i in weights.indices { weights[i] = Float(generator.nextUniform(from: -bound, to: bound)) }
    case .xavier:
      let bound = (6 / Double(fanIn + fanOut)).squareRoot()
      for i in weights.indices { weights[i] = Float(generator.nextUniform(from: -bound, to: bound)) }
    case .he:
      let deviation = (2 / Double(fanIn)).squareRoot()
      for i in weights.indices { weights[i] = Float(generator.nextNormal(standardDeviation: deviation)) }
    }
  }
}
