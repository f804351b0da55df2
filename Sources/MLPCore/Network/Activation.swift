import Foundation

/// The hidden-layer activation functions mlpsh offers.
///
/// The language parses an activation by its raw value, and `allCases` writes the
/// "should be relu, sigmoid or tanh" hint.
public enum Activation: String, CaseIterable, Sendable, Codable {
  case relu, sigmoid, tanh

  /// The activation of a pre-activation value `z`:
  /// ```
  /// relu(z)    = max(0, z)
  /// sigmoid(z) = 1 / (1 + exp(-z))
  /// tanh(z)    = (exp(z) - exp(-z)) / (exp(z) + exp(-z))
  /// ```
  @inline(__always)
  public func callAsFunction(_ z: Float) -> Float {
    switch self {
    // Written so that NaN passes through, as numpy's `maximum` lets it: a ReLU that turned
    // NaN into 0 would hide a broken weight from the loss that reports divergence.
    case .relu: return 0 >= z ? 0 : z
    case .sigmoid: return 1 / (1 + Foundation.exp(-z))
    case .tanh: return Foundation.tanh(z)
    }
  }

  /// The derivative `f'(z)`, written in terms of the output `a = f(z)` that the forward pass
  /// keeps, so that `z` need not be stored:
  /// ```
  /// relu'    = 1 if a > 0, else 0
  /// sigmoid' = a (1 - a)
  /// tanh'    = 1 - a²
  /// ```
  /// The argument is the *output* `a`. The seed notebook fed that output through the
  /// activation once more (computing `σ(σ(z))(1 - σ(σ(z)))`); see docs/numerics.md.
  @inline(__always)
  public func derivative(fromOutput a: Float) -> Float {
    switch self {
    case .relu: return a > 0 ? 1 : 0
    case .sigmoid: return a * (1 - a)
    case .tanh: return 1 - a * a
    }
  }
}
