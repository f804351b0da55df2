import MLPCore

// What `train … health=true` prints and reports at the end of a run.
extension CommandSpec {
  /// How many of a run's last measurements the health report averages: one batch's figures
  /// are noisy.
  static let healthWindow = 10

  /// One line per layer: its share of inactive units and its gradient norm, each the mean of
  /// the run's last `healthWindow` measurements; reports `dead layer N` (or `saturated
  /// layer N`) and `gradient norm layer N`.
  static func reportHealth(_ network: MultilayerPerceptron, since firstIteration: Int, _ invocation: inout Invocation) {
    let points = network.history.health.filter { $0.iteration > firstIteration }.suffix(healthWindow)
    guard let first = points.first, let last = points.last else { return }
    let word = HealthPoint.word(for: network.activation)
    let span = first.iteration == last.iteration
      ? "iteration \(last.iteration)" : "mean of \(points.count) measurements, iterations \(first.iteration)–\(last.iteration)"
    var lines = ["unit health (\(span)):"]
    let sizes = network.layerSizes
    for layer in 0 ..< sizes.count - 1 {
      let norm = points.reduce(0.0) { $0 + Double($1.gradientNorms[layer]) } / Double(points.count)
      let kind = layer == sizes.count - 2 ? "softmax" : network.activation.rawValue
      var line = "  layer \(layer + 1) (\(sizes[layer + 1]) \(kind)):"
      if layer < sizes.count - 2 {
        let share = points.reduce(0.0) { $0 + Double($1.inactive[layer]) } / Double(points.count)
        line += " \(percent(share)) \(word),"
        invocation.record("\(word) layer \(layer + 1)", share)
      }
      // W₀ is layer 1's weights, as explain and docs/numerics.md number them.
      let digits = Array("₀₁₂₃₄₅₆₇₈₉")
      let index = String(String(layer).map { digits[$0.wholeNumberValue!] })
      lines.append(line + " ‖∇W\(index)‖ \(format(norm))")
      invocation.record("gradient norm layer \(layer + 1)", norm)
    }
    invocation.print(lines.joined(separator: "\n"))
  }

  /// "12.5%".
  static func percent(_ share: Double) -> String {
    format((share * 1000).rounded() / 10) + "%"
  }
}
