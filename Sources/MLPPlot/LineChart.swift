/// Curves against a shared x axis, with a left y axis and optionally a twin right one.
///
/// The notebook's training figure is one: the cross-entropy loss on the left axis and the
/// batch accuracy on the right, against iterations. A sweep overlays one curve per run.
public struct LineChart: Sendable, Equatable {
  /// The title above the chart.
  public var title: String
  /// The label under the x axis.
  public var xLabel: String
  /// The label of the left y axis.
  public var leftLabel: String
  /// The label of the right y axis, shown when a series is read on it.
  public var rightLabel: String
  /// The curves, drawn in order (a later one over an earlier one).
  public var series: [Series]
  /// A fixed range for the left axis; `nil` widens the data's range to round ticks.
  public var leftRange: ClosedRange<Double>?
  /// A fixed range for the right axis (accuracy: `0 ... 1`); `nil` fits the data.
  public var rightRange: ClosedRange<Double>?
  /// Whether the left axis is logarithmic (a loss falling over decades): ticks at 1, 2 and 5
  /// times powers of ten, values of 0 and below drawn along the bottom edge and marked
  /// "(clipped below)" in the legend.
  public var leftIsLogarithmic: Bool
  /// Labelled vertical lines where something about the run changed (`ChartMarker`).
  public var markers: [ChartMarker] = []

  /// A chart of `series`.
  public init(
    title: String, xLabel: String, leftLabel: String, rightLabel: String = "",
    series: [Series], leftRange: ClosedRange<Double>? = nil,
    rightRange: ClosedRange<Double>? = nil, leftIsLogarithmic: Bool = false
  ) {
    self.title = title
    self.xLabel = xLabel
    self.leftLabel = leftLabel
    self.rightLabel = rightLabel
    self.series = series
    self.leftRange = leftRange
    self.rightRange = rightRange
    self.leftIsLogarithmic = leftIsLogarithmic
  }

  /// A chart whose x axis is labelled for `xAxis` ("iterations", "examples seen", "epochs").
  public init(
    title: String, xAxis: XAxis, leftLabel: String, rightLabel: String = "",
    series: [Series], leftRange: ClosedRange<Double>? = nil,
    rightRange: ClosedRange<Double>? = nil, leftIsLogarithmic: Bool = false
  ) {
    self.init(
      title: title, xLabel: xAxis.label, leftLabel: leftLabel, rightLabel: rightLabel,
      series: series, leftRange: leftRange, rightRange: rightRange,
      leftIsLogarithmic: leftIsLogarithmic)
  }

  /// Whether a series is read on the right axis, so that the chart has twin y axes.
  public var hasRightAxis: Bool { series.contains { $0.axis == .right } }

  // MARK: - Domains

  /// The extents of every series, in order: computed once per drawing.
  var extents: [Series.Extents] { series.map(\.extents) }

  /// The x values at the left and right edges: the data's extent, from 0 when the data starts
  /// near 0 (iterations 1 … 937 get 0 … 937).
  func xDomain(_ extents: [Series.Extents]) -> ClosedRange<Double> {
    let bounds = extents.compactMap(\.x)
    guard let low = bounds.map(\.lowerBound).min(), let high = bounds.map(\.upperBound).max()
    else { return 0 ... 1 }
    guard high > low else { return low == 0 ? 0 ... 1 : min(0, low) ... max(0, high) }
    let start = (low >= 0 && low <= 0.05 * (high - low)) ? 0 : low
    return start ... high
  }

  /// The smallest x tick step: 1 when every x is a whole number (iterations, examples seen),
  /// so no tick falls between two of them.
  func xMinimumStep(_ extents: [Series.Extents]) -> Double {
    extents.allSatisfy(\.wholeX) ? 1 : 0
  }

  /// The y scale of one axis, with at most `maxTicks` ticks: the fixed range if there is one,
  /// else the data's range widened to round ticks. `nil` for an axis no series is read on.
  func yScale(_ axis: Series.Axis, maxTicks: Int, _ extents: [Series.Extents]) -> NiceScale? {
    let onAxis = series.indices.filter { series[$0].axis == axis }
    guard !onAxis.isEmpty else { return nil }
    if axis == .left, leftIsLogarithmic { return logScale(onAxis, maxTicks: maxTicks) }
    if let fixed = axis == .left ? leftRange : rightRange {
      return NiceScale(within: fixed.lowerBound, fixed.upperBound, maxTicks: maxTicks)
    }
    let bounds = onAxis.compactMap { extents[$0].y }
    guard let low = bounds.map(\.lowerBound).min(), let high = bounds.map(\.upperBound).max()
    else { return NiceScale(covering: 0, 1, maxTicks: maxTicks) }
    return NiceScale(covering: low, high, maxTicks: maxTicks)
  }

  /// The logarithmic scale of the left axis: the fixed range if there is one, else the range
  /// of the positive values of the series in `onAxis`, widened to 1-2-5 ticks.
  private func logScale(_ onAxis: [Int], maxTicks: Int) -> NiceScale {
    if let fixed = leftRange { return NiceScale(logCovering: fixed.lowerBound, fixed.upperBound, maxTicks: maxTicks) }
    var low = Double.infinity, high = -Double.infinity
    for index in onAxis {
      for (x, y) in zip(series[index].x, series[index].y) where x.isFinite && y.isFinite && y > 0 {
        low = min(low, y)
        high = max(high, y)
      }
    }
    return NiceScale(logCovering: low, high, maxTicks: maxTicks)
  }

  /// `value` as drawn on `scale`: held inside its bounds on a logarithmic scale, whose
  /// lower edge stands for 0 and below.
  func plotted(_ value: Double, on scale: NiceScale) -> Double {
    scale.isLogarithmic ? min(max(value, scale.lowerBound), scale.upperBound) : value
  }

  /// The palette slot of series number `index`: its own, else its raw series' for a mean
  /// drawn over one (the faint loss and its bold mean share a hue, as in TensorBoard), else
  /// its position.
  func colorIndex(of index: Int) -> Int {
    if let slot = series[index].colorIndex { return slot }
    return rawIndex(of: index).map { series[$0].colorIndex ?? $0 } ?? index
  }

  /// Whether series `index` is raw data drawn with a smoothed copy of itself ("loss" and
  /// "loss (mean of 50)"): then it is drawn faint and the mean bold.
  func isUnderItsMean(_ index: Int) -> Bool {
    let raw = series[index]
    return !raw.isSmoothed && series.contains { $0.isSmoothed && $0.name.hasPrefix(raw.name + " (mean of ") }
  }

  /// The legend text of series number `index`: its name, and its axis when there are two.
  func legendName(of index: Int) -> String {
    let bothAxesUsed = hasRightAxis && series.contains { $0.axis == .left }
    let name = series[index].name + clippedMark(of: index)
    guard bothAxesUsed else { return name }
    return name + (series[index].axis == .left ? " (left)" : " (right)")
  }

  /// " (clipped above)" for a series that leaves a fixed y range (a run that diverged under
  /// `ylim=`): it is drawn along the edge, and the legend says so rather than rescaling.
  func clippedMark(of index: Int) -> String {
    let line = series[index]
    if line.axis == .left, leftIsLogarithmic, leftRange == nil {
      return line.y.contains { $0.isFinite && $0 <= 0 } ? " (clipped below)" : ""
    }
    guard let range = line.axis == .left ? leftRange : rightRange else { return "" }
    let finite = line.y.filter(\.isFinite)
    if finite.contains(where: { $0 > range.upperBound }) || line.y.contains(where: { $0.isNaN }) { return " (clipped above)" }
    return finite.contains(where: { $0 < range.lowerBound }) ? " (clipped below)" : ""
  }

  // MARK: - Summary

  /// One line that says what the chart shows, for logs and screen readers: each series' first
  /// and last value and how far along x it went.
  /// ```
  /// loss 2.31 → 0.18 over 937 iterations; batch accuracy 0.09 → 0.95
  /// ```
  /// The extent is repeated for every series when the series end at different x values, as
  /// runs with different batch sizes do.
  public var summary: String {
    guard !series.isEmpty else { return "\(title.isEmpty ? "chart" : title): no data" }
    let ends = extents.map { $0.x?.upperBound }
    let sameEnds = Set(ends.compactMap { $0 }).count <= 1
    let onlyLeft = !hasRightAxis && series.count > 1 && !leftLabel.isEmpty
    let parts = series.indices.map { index -> String in
      let line = series[index]
      guard let first = line.y.first(where: \.isFinite), let end = ends[index] else {
        return "\(line.name): no data"
      }
      var part = "\(line.name) \(NumberFormat.short(first)) → \(NumberFormat.short(line.y.last!))"
      if index == 0 || !sameEnds { part += " over " + extent(end) }
      return part
    }
    let changes = markers.isEmpty ? [] : [markerSummary]
    return (onlyLeft ? leftLabel + ": " : "") + (parts + changes).joined(separator: "; ")
  }

  /// "937 iterations", "1 epoch", "60000 examples seen".
  private func extent(_ end: Double) -> String {
    let amount = NumberFormat.short(end)
    guard !xLabel.isEmpty else { return amount }
    if amount == "1", xLabel.hasSuffix("s"), !xLabel.contains(" ") {
      return amount + " " + xLabel.dropLast()
    }
    return amount + " " + xLabel
  }
}
