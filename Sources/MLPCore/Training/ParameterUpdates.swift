import CParameterUpdates

/// The optimizers' per-parameter loops, written in C (`Sources/CParameterUpdates`) so that
/// every one of them is vectorised, square roots and divisions included, for the CPU it runs
/// on. This file is the only door to them. `p` are parameters, `g` their gradient, `v`, `m`
/// and `s` an optimizer's buffers, each `count` floats; none may overlap another.
public enum ParameterUpdates {
  /// `g ← g + λ·p` (l2 added to the gradient).
  public static func addDecay(_ λ: Float, of p: UnsafePointer<Float>, to g: UnsafeMutablePointer<Float>, count: Int) {
    mlpsh_add_decay(λ, p, g, count)
  }

  /// `p ← p − η·g`.
  public static func descend(_ p: UnsafeMutablePointer<Float>, along g: UnsafePointer<Float>, η: Float, count: Int) {
    mlpsh_descend(p, g, η, count)
  }

  /// `p ← p · factor`.
  public static func scale(_ p: UnsafeMutablePointer<Float>, by factor: Float, count: Int) {
    mlpsh_scale(p, factor, count)
  }

  /// Nesterov's step: `v ← μ·v + g;  p ← p − η·(g + μ·v)`.
  public static func nesterov(
    _ p: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>, _ v: UnsafeMutablePointer<Float>,
    μ: Float, η: Float, count: Int
  ) {
    mlpsh_nesterov(p, g, v, μ, η, count)
  }

  /// Momentum's step once `v ← μ·v + g` is made: `v ← v + λ·p` (λ = 0: no decay), then
  /// `p ← p − η·v`.
  public static func momentum(
    _ p: UnsafeMutablePointer<Float>, velocity v: UnsafeMutablePointer<Float>, λ: Float, η: Float, count: Int
  ) {
    mlpsh_momentum_from_velocity(p, v, λ, η, count)
  }

  /// Adam's moments and step: `m ← β₁·m + (1−β₁)·g;  s ← β₂·s + (1−β₂)·g·g;
  /// p ← p − stepSize·m / (√s / rootCorrection + ε)`, the bias corrections folded into
  /// `stepSize` and `rootCorrection`.
  public static func adam(
    _ p: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>, _ m: UnsafeMutablePointer<Float>,
    _ s: UnsafeMutablePointer<Float>, β1: Float, β2: Float, ε: Float, stepSize: Float, rootCorrection: Float,
    count: Int
  ) {
    mlpsh_adam(p, g, m, s, β1, β2, ε, stepSize, rootCorrection, count)
  }
}
