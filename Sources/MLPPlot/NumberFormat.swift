import Foundation

/// Locale-free number formatting for tick labels, summaries and SVG coordinates.
///
/// Foundation's formatters depend on the locale and are slow on Linux; these are neither, so
/// golden snapshots read the same on every machine.
enum NumberFormat {
  /// `value` with exactly `decimals` digits after the point: `fixed(0.125, decimals: 2)` is
  /// "0.13" (half away from zero, on the binary value), and never "-0".
  static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return nonFinite(value) }
    let decimals = max(0, min(decimals, 12))
    let scale = pow(10, Double(decimals))
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9e15 else { return String(value) }
    let units = UInt64(scaled)
    let divisor = UInt64(scale)
    let whole = units / divisor
    var text = String(whole)
    if decimals > 0 {
      let fraction = String(units % divisor)
      text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
    return value < 0 && units != 0 ? "-" + text : text
  }

  /// `value` with at most `decimals` digits after the point, trailing zeros dropped:
  /// `trimmed(2.50, decimals: 2)` is "2.5", `trimmed(3.0, decimals: 2)` is "3".
  static func trimmed(_ value: Double, decimals: Int) -> String {
    var text = fixed(value, decimals: decimals)
    guard text.contains(".") else { return text }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }

  /// A short human form for summaries: three significant digits at most, two decimals at most
  /// for values of 0.01 and more, two significant digits below that.
  /// ```
  /// 2.3124 → "2.31"   0.18 → "0.18"   937 → "937"   23.14 → "23.1"   0.0034 → "0.0034"
  /// ```
  static func short(_ value: Double) -> String {
    guard value.isFinite else { return nonFinite(value) }
    let magnitude = abs(value)
    if magnitude == 0 { return "0" }
    if magnitude >= 100 { return trimmed(value, decimals: 0) }
    if magnitude >= 10 { return trimmed(value, decimals: 1) }
    if magnitude >= 0.01 { return trimmed(value, decimals: 2) }
    let decimals = Int(-floor(log10(magnitude))) + 1
    return trimmed(value, decimals: decimals)
  }

  /// A fraction as a percentage with one decimal: 0.9758 → "97.6%".
  static func percent(_ fraction: Double) -> String {
    fixed(fraction * 100, decimals: 1) + "%"
  }

  /// An SVG coordinate: two decimals at most, trailing zeros dropped.
  static func coordinate(_ value: Double) -> String {
    trimmed(value, decimals: 2)
  }

  /// The number of decimals that writes every multiple of `step` exactly (0.25 → 2, 200 → 0).
  static func decimals(for step: Double) -> Int {
    guard step.isFinite, step > 0 else { return 0 }
    for decimals in 0 ... 10 {
      let scaled = step * pow(10, Double(decimals))
      if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { return decimals }
    }
    return 10
  }

  private static func nonFinite(_ value: Double) -> String {
    value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf")
  }
}
