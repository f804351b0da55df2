import MLPCore
import MLPPlot

/// What `sweep` and `compare` overlay and tabulate about trained networks: their curves on
/// one chart, and their figures over the last 100 iterations.
enum RunCurves {
  /// Which curve of each run the overlay draws.
  enum Quantity: String, CaseIterable, Sendable {
    case loss
    case accuracy

    /// The y axis label.
    var label: String { self == .loss ? "cross-entropy loss" : "batch accuracy" }
  }

  /// The iterations a run's "final" loss and accuracy are averaged over.
  static let window = 100

  /// The default smoothing of overlaid curves, in iterations: a batch's loss is too noisy to
  /// tell several runs apart.
  static let defaultSmoothing = 50

  /// The x value of every step of `history` on `axis`.
  static func xValues(_ history: TrainingHistory, _ axis: XAxis) -> [Double] {
    history.steps.indices.map { xValue(of: $0, in: history, axis) }
  }

  /// The x value of step `index` (0-based) of `history` on `axis`.
  static func xValue(of index: Int, in history: TrainingHistory, _ axis: XAxis) -> Double {
    switch axis {
    case .iterations: return Double(index + 1)
    case .examples: return Double(history.steps[index].examplesSeen)
    case .epochs: return history.steps[index].epoch
    }
  }

  /// One curve per run, each the mean of the last `smoothing` iterations (1: the raw curve),
  /// on one chart, its y axis as `ylim=` asks (`yRange`).
  static func overlay(
    title: String, runs: [(name: String, history: TrainingHistory)], quantity: Quantity, axis: XAxis,
    smoothing: Int, yRange: CommandSpec.YLimits? = nil
  ) -> LineChart {
    let series = runs.enumerated().map { index, run -> Series in
      let values = run.history.steps.map { Double(quantity == .loss ? $0.loss : $0.accuracy) }
      let raw = Series(name: run.name, x: xValues(run.history, axis), y: values, colorIndex: index)
      return smoothing > 1 ? raw.smoothed(window: smoothing, name: run.name) : raw
    }
    let smoothed = smoothing > 1 ? " (mean of \(smoothing) iterations)" : ""
    var chart = LineChart(title: title + smoothed, xAxis: axis, leftLabel: quantity.label, series: series,
                          leftRange: quantity == .accuracy ? 0 ... 1 : nil)
    chart.markers = runs.flatMap { TrainingChanges.markers($0.history, axis: axis, name: $0.name) }
    return chart.limited(by: yRange)
  }

  /// The batch sizes a history was trained with: "64", or "16/64" for a model trained at two
  /// sizes. Each `train` call records its size (`TrainingSegment`); a history saved before
  /// segments existed gives them by the samples each step saw.
  static func batchSizes(_ history: TrainingHistory) -> String {
    var sizes: [Int] = []
    if !history.segments.isEmpty {
      for segment in history.segments where segment.firstIteration < history.steps.count {
        if !sizes.contains(segment.batchSize) { sizes.append(segment.batchSize) }
      }
      return sizes.isEmpty ? "-" : sizes.map(String.init).joined(separator: "/")
    }
    var seen = 0
    for step in history.steps {
      let size = step.examplesSeen - seen
      seen = step.examplesSeen
      if size > 0 && !sizes.contains(size) { sizes.append(size) }
    }
    return sizes.isEmpty ? "-" : sizes.map(String.init).joined(separator: "/")
  }

  /// Right-aligned columns after the first, under a header row: a results table.
  static func table(header: [String], rows: [[String]], indent: String = "  ") -> [String] {
    let all = [header] + rows
    var widths = Array(repeating: 0, count: header.count)
    for row in all {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.count)
      }
    }
    return all.map { row in
      let cells = row.enumerated().map { index, cell -> String in
        let padding = String(repeating: " ", count: widths[index] - cell.count)
        return index == 0 ? cell + padding : padding + cell
      }
      var line = indent + cells.joined(separator: "  ")
      while line.last == " " { line.removeLast() }
      return line
    }
  }
}
