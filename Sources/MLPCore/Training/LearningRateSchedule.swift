import Foundation

/// How the learning rate changes over one `train` call, as a function of the epochs `t` it
/// has run (fractional within an epoch), from the base rate `η₀`:
/// ```
/// constant      η(t) = η₀
/// step          η(t) = η₀ · γ^⌊t / every⌋
/// exponential   η(t) = η₀ · γ^⌊t⌋
/// cosine        η(t) = η_min + (η₀ − η_min) · (1 + cos(π t / T)) / 2      (T: the run's epochs)
/// ```
/// Step and exponential change at epoch boundaries, as PyTorch's `StepLR` and `ExponentialLR`
/// do when stepped once an epoch; cosine changes every iteration, as `CosineAnnealingLR`
/// stepped every iteration. An optional warm-up first multiplies the rate by `i / W` at
/// iteration `i = 1 … W` (`W`: the warm-up's iterations), rising linearly to the schedule.
public struct LearningRateSchedule: Sendable, Equatable, Codable {
  public enum Shape: Sendable, Equatable, Codable {
    case constant
    case step(every: Int, factor: Double)
    case exponential(factor: Double)
    case cosine(minimum: Double)
  }

  public var shape: Shape
  /// Epochs of linear warm-up (0: none).
  public var warmupEpochs: Double

  public init(_ shape: Shape = .constant, warmupEpochs: Double = 0) {
    self.shape = shape
    self.warmupEpochs = warmupEpochs
  }

  public static let constant = LearningRateSchedule()

  /// The names the language uses.
  public static let names = ["constant", "step", "cosine", "exponential"]

  /// The shape's name: "constant", "step", "exponential" or "cosine".
  public var name: String {
    switch shape {
    case .constant: return "constant"
    case .step: return "step"
    case .exponential: return "exponential"
    case .cosine: return "cosine"
    }
  }

  /// Whether the rate ever differs from the base rate.
  public var isConstant: Bool { shape == .constant && warmupEpochs == 0 }

  /// The rate of iteration `iteration` (0-based) of a run of `totalIterations`, with
  /// `iterationsPerEpoch` batches an epoch, from base rate `base`.
  public func rate(
    base: Float, iteration: Int, iterationsPerEpoch: Int, totalIterations: Int
  ) -> Float {
    let perEpoch = Double(max(iterationsPerEpoch, 1))
    let t = Double(iteration) / perEpoch
    var rate: Double
    switch shape {
    case .constant:
      rate = Double(base)
    case let .step(every, factor):
      rate = Double(base) * pow(factor, (t / Double(max(every, 1))).rounded(.down))
    case let .exponential(factor):
      rate = Double(base) * pow(factor, t.rounded(.down))
    case let .cosine(minimum):
      let total = Double(max(totalIterations, 1)) / perEpoch
      rate = minimum + (Double(base) - minimum) * (1 + cos(Double.pi * min(t / total, 1))) / 2
    }
    let warmupIterations = warmupEpochs * perEpoch
    if Double(iteration) < warmupIterations {
      rate *= Double(iteration + 1) / warmupIterations.rounded(.up)
    }
    return Float(rate)
  }
}

extension LearningRateSchedule: CustomStringConvertible {
  /// "cosine to 0", "step ×0.5 every 2 epochs, warm-up 1 epoch".
  public var description: String {
    var text: String
    switch shape {
    case .constant: text = "constant"
    case let .step(every, factor): text = "step ×\(factor) every \(every) epoch\(every == 1 ? "" : "s")"
    case let .exponential(factor): text = "exponential ×\(factor) an epoch"
    case let .cosine(minimum): text = "cosine to \(minimum)"
    }
    if warmupEpochs > 0 { text += ", warm-up \(warmupEpochs) epoch\(warmupEpochs == 1 ? "" : "s")" }
    return text
  }
}
