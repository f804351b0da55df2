import Foundation

/// An axis scale whose ticks fall on round numbers: multiples of 1, 2, 2.5 or 5 times a power
/// of ten (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990).
///
/// The step is the smallest of those that gives at most `maxTicks` ticks (at least three when
/// the range spans 0):
/// ```
/// step = m · 10^k,  m ∈ {1, 2, 2.5, 5},  k = ⌊log10(span / (maxTicks - 1))⌋ …
/// ```
struct NiceScale: Equatable, Sendable {
  /// The value at the bottom (or left) end of the axis.
  let lowerBound: Double
  /// The value at the top (or right) end of the axis.
  let upperBound: Double
  /// The distance between two ticks.
  let step: Double
  /// The tick values, ascending.
  let ticks: [Double]
  /// Whether values are placed by their logarithm (see `init(logCovering:_:maxTicks:)`).
  let isLogarithmic: Bool

  /// A scale that widens `lower ... upper` out to the nearest ticks around it, as for a
  /// y axis: a loss between 0.05 and 2.4 gets the axis 0 ... 2.5.
  init(covering lower: Double, _ upper: Double, maxTicks: Int) {
    let (lower, upper) = NiceScale.widened(lower, upper)
    func span(_ step: Double) -> (first: Double, last: Double) {
      ((lower / step + 1e-9).rounded(.down), (upper / step - 1e-9).rounded(.up))
    }
    let step = NiceScale.step(lower, upper, maxTicks: maxTicks) { step in
      let (first, last) = span(step)
      return Int(last - first) + 1
    }
    let (first, last) = span(step)
    self.init(
      lowerBound: first * step, upperBound: last * step, step: step,
      ticks: stride(from: first, through: last, by: 1).map { $0 * step })
  }

  /// A scale that keeps `lower ... upper` and puts the ticks inside it, as for an x axis or a
  /// fixed range such as accuracy's 0 ... 1. A `minimumStep` of 1 keeps the ticks of a count
  /// (iterations) on whole numbers.
  init(within lower: Double, _ upper: Double, maxTicks: Int, minimumStep: Double = 0) {
    guard lower.isFinite, upper.isFinite, upper > lower else {
      self.init(covering: lower, upper, maxTicks: maxTicks)
      return
    }
    func span(_ step: Double) -> (first: Double, last: Double) {
      ((lower / step - 1e-9).rounded(.up), (upper / step + 1e-9).rounded(.down))
    }
    let step = NiceScale.step(lower, upper, maxTicks: maxTicks, minimumStep: minimumStep) { step in
      let (first, last) = span(step)
      return Int(last - first) + 1
    }
    let (first, last) = span(step)
    self.init(
      lowerBound: lower, upperBound: upper, step: step,
      ticks: first <= last ? stride(from: first, through: last, by: 1).map { $0 * step } : [])
  }

  init(lowerBound: Double, upperBound: Double, step: Double, ticks: [Double], isLogarithmic: Bool = false) {
    self.lowerBound = lowerBound
    self.upperBound = upperBound
    self.step = step
    self.ticks = ticks
    self.isLogarithmic = isLogarithmic
  }

  /// The position of `value` on the axis, 0 at `lowerBound` and 1 at `upperBound`; on a
  /// logarithmic scale, `(log₁₀ v − log₁₀ low) / (log₁₀ high − log₁₀ low)`.
  func fraction(_ value: Double) -> Double {
    guard isLogarithmic else { return (value - lowerBound) / (upperBound - lowerBound) }
    return (log10(value) - log10(lowerBound)) / (log10(upperBound) - log10(lowerBound))
  }

  // MARK: - Labels

  /// The tick labels, written with as many decimals as the step needs and a k or M suffix for
  /// large round values: 0, 0.25, 0.5 … or 0, 10k, 20k …
  var labels: [String] { ticks.map { label($0) } }

  /// One value written as the tick labels are written.
  func label(_ value: Double, minus: String = "-") -> String {
    if isLogarithmic { return NiceScale.logLabel(value) }
    let largest = max(abs(lowerBound), abs(upperBound))
    var text: String
    if abs(value) < step * 1e-9, largest >= 1e4, step >= 1e3 {
      text = "0"
    } else if largest >= 1e7, step >= 1e6 {
      text = NumberFormat.fixed(value / 1e6, decimals: NumberFormat.decimals(for: step / 1e6)) + "M"
    } else if largest >= 1e4, step >= 1e3 {
      text = NumberFormat.fixed(value / 1e3, decimals: NumberFormat.decimals(for: step / 1e3)) + "k"
    } else {
      text = NumberFormat.fixed(value, decimals: NumberFormat.decimals(for: step))
    }
    if text.hasPrefix("-") { text = minus + text.dropFirst() }
    return text
  }

  // MARK: - Choosing the step

  /// A non-empty range around `lower ... upper`: a single value gets ±10 % (or 0 ... 1 for 0).
  private static func widened(_ lower: Double, _ upper: Double) -> (Double, Double) {
    guard lower.isFinite, upper.isFinite else { return (0, 1) }
    if upper > lower { return (lower, upper) }
    if lower == 0 { return (0, 1) }
    let pad = abs(lower) * 0.1
    return (lower - pad, upper + pad)
  }

  /// The smallest nice step whose tick count (as `count` measures it) is at most `maxTicks`,
  /// or, for a range around 0 (which needs three ticks however large the step), the first
  /// one twice the span.
  private static func step(
    _ lower: Double, _ upper: Double, maxTicks: Int, minimumStep: Double = 0,
    count: (Double) -> Int
  ) -> Double {
    let maxTicks = max(2, maxTicks)
    let span = upper - lower
    var power = pow(10, (log10(span / Double(maxTicks - 1))).rounded(.down) - 1)
    while true {
      for multiple in [1, 2, 2.5, 5] {
        let step = multiple * power
        let multiples = minimumStep > 0 ? step / minimumStep : 1
        guard step >= minimumStep, multiples == multiples.rounded() else { continue }
        if count(step) <= maxTicks || (lower < 0 && upper > 0 && step >= 2 * span) { return step }
      }
      power *= 10
    }
  }
}
