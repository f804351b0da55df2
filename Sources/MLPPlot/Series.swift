/// One line of a line chart: a name for the legend, its points, and the y axis it is read on.
public struct Series: Sendable, Equatable {
  /// The y axis a series is read on: the notebook drew the loss on the left and the batch
  /// accuracy on a twin axis on the right.
  public enum Axis: String, Sendable, CaseIterable {
    case left
    case right
  }

  /// The name shown in the legend and the summary.
  public var name: String
  /// The x value of each point, ascending.
  public var x: [Double]
  /// The y value of each point; a non-finite value breaks the line.
  public var y: [Double]
  /// The y axis the series is read on.
  public var axis: Axis
  /// The palette slot of its colour; `nil` takes the series' position in the chart.
  public var colorIndex: Int?
  /// Whether the series is a moving mean of another (`smoothed(window:)`): drawn bold over
  /// its raw series, which is then drawn faint, as TensorBoard draws smoothing.
  public var isSmoothed = false

  /// A series with explicit x values (as many as y values).
  public init(name: String, x: [Double], y: [Double], axis: Axis = .left, colorIndex: Int? = nil) {
    precondition(x.count == y.count, "series '\(name)' has \(x.count) x values for \(y.count) y values")
    self.name = name
    self.x = x
    self.y = y
    self.axis = axis
    self.colorIndex = colorIndex
  }

  /// A series over iterations 1, 2, 3 …, as the notebook plotted `np.arange(len(losses)) + 1`.
  public init<Value: BinaryFloatingPoint>(
    name: String, y: [Value], axis: Axis = .left, colorIndex: Int? = nil
  ) {
    self.init(
      name: name, x: y.indices.map { Double($0 + 1) }, y: y.map { Double($0) }, axis: axis,
      colorIndex: colorIndex)
  }

  /// The number of points.
  public var count: Int { y.count }

  /// What the axes need to know of a series, found in one pass over its points.
  struct Extents: Equatable {
    /// The smallest and largest finite x, wherever y is (a run that diverged still spans all
    /// its iterations); `nil` when there is none.
    var x: ClosedRange<Double>?
    /// The smallest and largest finite y at a finite x; `nil` when there is none.
    var y: ClosedRange<Double>?
    /// Whether every finite x is a whole number (iterations, examples seen).
    var wholeX: Bool
  }

  var extents: Extents {
    var xLow = Double.infinity, xHigh = -Double.infinity
    var yLow = Double.infinity, yHigh = -Double.infinity
    var whole = true
    for index in x.indices {
      let xValue = x[index], yValue = y[index]
      guard xValue.isFinite else { continue }
      if xValue < xLow { xLow = xValue }
      if xValue > xHigh { xHigh = xValue }
      if whole, xValue != xValue.rounded() { whole = false }
      guard yValue.isFinite else { continue }
      if yValue < yLow { yLow = yValue }
      if yValue > yHigh { yHigh = yValue }
    }
    return Extents(
      x: xLow <= xHigh ? xLow ... xHigh : nil, y: yLow <= yHigh ? yLow ... yHigh : nil,
      wholeX: whole)
  }
}

extension Series {
  /// The series averaged over a trailing window, to see the trend of a noisy batch loss:
  /// ```
  /// ȳᵢ = (yᵢ₋ₖ₊₁ + … + yᵢ) / k,   k = min(window, i + 1)
  /// ```
  /// The first points average what there is so far, so the curve keeps its start. Non-finite
  /// values are skipped by the average and stay as they are in place (they still break the
  /// line). The name gets " (mean of n)" unless `name` is given.
  public func smoothed(window: Int, name: String? = nil) -> Series {
    let window = max(1, window)
    var averaged: [Double] = []
    averaged.reserveCapacity(y.count)
    var sum = 0.0
    var count = 0
    for index in y.indices {
      if y[index].isFinite {
        sum += y[index]
        count += 1
      }
      if index >= window, y[index - window].isFinite {
        sum -= y[index - window]
        count -= 1
      }
      averaged.append(y[index].isFinite && count > 0 ? sum / Double(count) : y[index])
    }
    var mean = Series(
      name: name ?? "\(self.name) (mean of \(window))", x: x, y: averaged, axis: axis,
      colorIndex: colorIndex)
    mean.isSmoothed = true
    return mean
  }
}
