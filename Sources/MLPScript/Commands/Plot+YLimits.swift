// `ylim=[lo,hi]`: one y range for several figures, so small multiples (the notebook's four
// figures, a sweep's runs) are drawn on the same scale and compared by eye; a run that
// diverged is clipped at the top edge instead of squashing the others.
extension CommandSpec {
  static let yLimitsOption = OptionSpec(
    "ylim", .numberList, default: "fitted to the curves",
    "the y range of the (left) axis, [lo,hi]; curves outside are clipped at its edge")

  /// The `ylim=` range, if given: two finite numbers, the first below the second.
  static func yLimits(_ invocation: Invocation) throws(Diagnostic) -> ClosedRange<Double>? {
    guard let value = invocation.option("ylim"), case let .numbers(numbers)? = invocation.options["ylim"] else {
      return nil
    }
    guard numbers.count == 2, numbers[0] < numbers[1] else {
      throw invocation.error(.badValue, "ylim should be two numbers, the lower first, not \(value.display)",
                             at: value, hint: "such as ylim=[0,3]")
    }
    return numbers[0] ... numbers[1]
  }
}
