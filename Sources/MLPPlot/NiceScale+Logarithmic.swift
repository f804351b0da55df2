import Foundation

/// A logarithmic axis for a loss that falls over decades: ticks at 1, 2 and 5 times a power
/// of ten, or at powers of ten alone (every second, third … one when the range is wide).
///
/// The scale widens the data's range out to the nearest 1-2-5 values around it, as the linear
/// `init(covering:_:maxTicks:)` widens to its ticks: a loss between 0.03 and 2.4 gets
/// 0.02 … 5, ticked 0.02 0.05 0.1 0.2 0.5 1 2 5, or 0.1 1 with fewer ticks.
extension NiceScale {
  /// The tick sets tried, densest first: mantissas within a decade, and the stride in decades.
  private static let logTiers: [(mantissas: [Double], stride: Int)] = [
    ([1, 2, 3, 4, 5, 6, 7, 8, 9], 1), ([1, 2, 5], 1), ([1], 1), ([1], 2), ([1], 3), ([1], 5), ([1], 10),
  ]

  /// A logarithmic scale over the positive range `lower ... upper` with at most `maxTicks`
  /// ticks: the densest tier of ticks that fits, the range widened to its ticks around it.
  /// A single value gets a factor of 2 either side; a range that is not positive gets 0.1 … 1.
  init(logCovering lower: Double, _ upper: Double, maxTicks: Int) {
    var (lower, upper) = (lower, upper)
    if !(lower.isFinite && upper.isFinite && lower > 0 && upper >= lower) { (lower, upper) = (0.1, 1) }
    if upper == lower { (lower, upper) = (lower / 2, upper * 2) }
    let maxTicks = max(2, maxTicks)
    var chosen: (low: Double, high: Double, ticks: [Double]) = (lower, upper, [])
    for tier in NiceScale.logTiers {
      // The ends stay at the nearest 1-2-5 values (or the tier's own, when it is denser), so
      // ticks at every power of ten do not widen 0.003 … 12 to 0.001 … 100.
      let ends: (mantissas: [Double], stride: Int) = tier.mantissas.count > 3 ? tier : ([1, 2, 5], 1)
      let low = NiceScale.tierValue(below: lower, ends.mantissas, stride: ends.stride)
      let high = NiceScale.tierValue(above: upper, ends.mantissas, stride: ends.stride)
      let ticks = NiceScale.tierValues(from: low, to: high, tier.mantissas, stride: tier.stride)
      chosen = (low, high, ticks)
      if ticks.count <= maxTicks { break }
    }
    self.init(lowerBound: chosen.low, upperBound: chosen.high, step: 0, ticks: chosen.ticks, isLogarithmic: true)
  }

  /// A tick label on a logarithmic axis: as many decimals as its power of ten needs (0.05,
  /// 0.2, 1, 20), a k or M suffix from 10 000 up.
  static func logLabel(_ value: Double) -> String {
    guard value.isFinite, value > 0 else { return NumberFormat.short(value) }
    let exponent = Int((log10(value) + 1e-9).rounded(.down))
    if exponent >= 6 { return NumberFormat.trimmed(value / 1e6, decimals: max(0, 6 - exponent)) + "M" }
    if exponent >= 4 { return NumberFormat.trimmed(value / 1e3, decimals: 0) + "k" }
    return NumberFormat.trimmed(value, decimals: max(0, -exponent))
  }

  // MARK: - Tick values

  /// `mantissa · 10^exponent`, as exactly as a Double holds it (dividing by an exact power of
  /// ten rather than multiplying by an inexact one).
  private static func decimalValue(_ mantissa: Double, _ exponent: Int) -> Double {
    exponent >= 0 ? mantissa * pow(10, Double(exponent)) : mantissa / pow(10, Double(-exponent))
  }

  /// The tier's values in the decades around `exponent`, ascending.
  private static func candidates(near exponent: Int, _ mantissas: [Double], stride: Int) -> [Double] {
    (exponent - stride - 1 ... exponent + stride + 1).flatMap { power -> [Double] in
      guard power % stride == 0 else { return [] }
      return mantissas.map { decimalValue($0, power) }
    }
  }

  private static func decade(_ value: Double) -> Int { Int(log10(value).rounded(.down)) }

  /// The largest value of the tier at or below `value`.
  private static func tierValue(below value: Double, _ mantissas: [Double], stride: Int) -> Double {
    candidates(near: decade(value), mantissas, stride: stride).last { $0 <= value * (1 + 1e-9) } ?? value
  }

  /// The smallest value of the tier at or above `value`.
  private static func tierValue(above value: Double, _ mantissas: [Double], stride: Int) -> Double {
    candidates(near: decade(value), mantissas, stride: stride).first { $0 >= value * (1 - 1e-9) } ?? value
  }

  /// Every value of the tier from `low` to `high`.
  private static func tierValues(from low: Double, to high: Double, _ mantissas: [Double], stride: Int) -> [Double] {
    (decade(low) - 1 ... decade(high) + 1).flatMap { power -> [Double] in
      guard power % stride == 0 else { return [] }
      return mantissas.map { decimalValue($0, power) }
    }.filter { $0 >= low * (1 - 1e-9) && $0 <= high * (1 + 1e-9) }
  }
}
