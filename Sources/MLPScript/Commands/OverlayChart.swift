import MLPCore
import MLPPlot

// The chart `compare` and `sweep` draw: several runs' curves overlaid on one x axis, with
// the same options and the same drawing in both.
extension CommandSpec {
  /// `x=`, `y=`, `smooth=` and `ylim=`, as both commands take them.
  static let overlayChartOptions: [OptionSpec] = [
    OptionSpec("x", .choice(XAxis.allCases.map(\.rawValue)), default: "iterations", "what the chart's x axis counts",
               check: .choice(noun: "x axis")),
    OptionSpec("y", .choice(RunCurves.Quantity.allCases.map(\.rawValue)), default: "loss", "which curve the chart overlays",
               check: .choice(noun: "curve")),
    OptionSpec("smooth", .integer, default: "\(RunCurves.defaultSmoothing)", "iterations each plotted point averages (1: raw)",
               check: .integer(atLeast: 1)),
    yLimitsOption,
  ]

  /// Draws the curves of `runs` overlaid, as the invocation's `overlayChartOptions` ask;
  /// `title` is given the curve's name (`loss` or `accuracy`).
  static func presentOverlay(
    of runs: [(name: String, history: TrainingHistory)], title: (String) -> String, _ invocation: inout Invocation
  ) throws(Diagnostic) {
    let axis = try invocation.choice("x", noun: "x axis", default: XAxis.iterations)
    let quantity = try invocation.choice("y", noun: "curve", default: RunCurves.Quantity.loss)
    let smoothing = try invocation.integer("smooth", default: RunCurves.defaultSmoothing)
    try invocation.present(.lineChart(RunCurves.overlay(
      title: title(quantity.rawValue), runs: runs, quantity: quantity,
      axis: axis, smoothing: smoothing, yRange: try yLimits(invocation))))
  }
}
