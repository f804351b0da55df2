import MLPPlot

// `ylim=[lo,hi]`: one y range for several figures, so small multiples (the notebook's four
// figures, a sweep's runs) are drawn on the same scale and compared by eye; a run that
// diverged is clipped at the top edge instead of squashing the others. `ylim=log`: a
// logarithmic loss axis fitted to the curves, on which a diverged run and a converged one
// both keep their shape.
extension CommandSpec {
  static let yLimitsOption = OptionSpec(
    "ylim", .numberList, default: "fitted to the curves",
    "the y range of the (left) axis, [lo,hi], curves outside clipped at its edge; or log, a logarithmic axis",
    check: .byCommand)

  /// What `ylim=` asks of the (left) y axis: a fixed range, or a logarithmic axis fitted to
  /// the curves.
  struct YLimits: Equatable {
    /// The fixed range; `nil` fits the curves.
    var range: ClosedRange<Double>?
    var isLogarithmic = false
  }

  /// The `ylim=` limits, if given: two finite numbers, the first below the second, or `log`.
  static func yLimits(_ invocation: Invocation) throws(Diagnostic) -> YLimits? {
    guard let value = invocation.option("ylim") else { return nil }
    if case let .word(word, _) = value {
      guard word == "log" else {
        throw invocation.error(.badValue, "ylim should be two numbers, the lower first, or log, not \(value.display)",
                               at: value, hint: Suggestions.hint(for: word, among: ["log"]) ?? "such as ylim=[0,3] or ylim=log")
      }
      return YLimits(range: nil, isLogarithmic: true)
    }
    let numbers = try invocation.convert.numbers(value, key: "ylim")
    guard numbers.count == 2, numbers[0] < numbers[1] else {
      throw invocation.error(.badValue, "ylim should be two numbers, the lower first, not \(value.display)",
                             at: value, hint: "such as ylim=[0,3]")
    }
    return YLimits(range: numbers[0] ... numbers[1])
  }
}

extension LineChart {
  /// The chart with its left axis as `limits` asks: unchanged when there are none.
  func limited(by limits: CommandSpec.YLimits?) -> LineChart {
    guard let limits else { return self }
    var chart = self
    chart.leftRange = limits.range
    chart.leftIsLogarithmic = limits.isLogarithmic
    return chart
  }
}
