/// How the units of a network are doing at one iteration: per hidden layer the share of its
/// units that pass (almost) no gradient back, and per layer the norm of the weight gradient.
///
/// A hidden unit is *inactive* on a batch when
/// ```
/// relu      a = 0 on every sample of the batch                  (dead)
/// sigmoid   a(1 − a) < 0.025, i.e. a < 0.026 or a > 0.974,
///           on at least 90% of the batch                        (saturated)
/// tanh      1 − a² < 0.1, i.e. |a| > 0.949, on at least 90%     (saturated)
/// ```
/// A dead ReLU's slope is 0 and a saturated unit's under a tenth of its peak (0.25 for
/// sigmoid, 1 for tanh), so `δ = (δ_next · Wᵀ) ⊙ f′(a)` carries next to nothing back
/// through it and its incoming weights hardly move (Glorot and Bengio, 2010, saw sigmoid
/// layers stuck at 0 this way). The gradient norm is the loss's (without any `l2` term):
/// ```
/// ‖∇W_l‖ = ‖a_{l−1}ᵀ · δ_l / N‖       (Frobenius, over the batch of N)
/// ```
public struct HealthPoint: Sendable, Equatable, Codable {
  /// The iteration measured, 1-based across every `train` call: the x of its step in `plot`.
  public var iteration: Int
  /// Per hidden layer, the share of its units that were inactive on the batch (0 … 1).
  public var inactive: [Float]
  /// Per layer (the output layer last), `‖∇W_l‖` on the batch.
  public var gradientNorms: [Float]

  public init(iteration: Int, inactive: [Float], gradientNorms: [Float]) {
    self.iteration = iteration
    self.inactive = inactive
    self.gradientNorms = gradientNorms
  }

  /// The largest slope, as a share of the activation's peak slope, at which an output counts
  /// as saturated.
  public static let saturatedSlopeShare: Float = 0.1
  /// The share of a batch on which a sigmoid or tanh unit must be saturated to count.
  public static let saturatedBatchShare: Float = 0.9

  /// Whether output `a` of `activation` is saturated (never for ReLU: its inactivity is
  /// being dead).
  @inline(__always)
  public static func isSaturated(_ a: Float, _ activation: Activation) -> Bool {
    switch activation {
    case .relu: return false
    case .sigmoid: return a * (1 - a) < 0.25 * saturatedSlopeShare
    case .tanh: return 1 - a * a < saturatedSlopeShare
    }
  }

  /// The word for an inactive unit of `activation`: "dead" or "saturated".
  public static func word(for activation: Activation) -> String {
    activation == .relu ? "dead" : "saturated"
  }
}
