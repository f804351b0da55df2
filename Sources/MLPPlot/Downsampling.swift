/// A point of a series in data coordinates.
struct PlotPoint: Equatable, Sendable {
  var x: Double
  var y: Double
}

/// Reduces a long series to what a given number of pixel columns can show.
///
/// Each column keeps at most four points, in their original order: the first, the lowest,
/// the highest and the last that fall in it. Drawing the reduced polyline lights exactly the
/// pixels the full one would: within a column the line only moves between its extremes, and
/// it enters at the first point and leaves at the last. A 3750-point loss curve on a
/// 160-dot-wide terminal chart shrinks to at most 640 points.
enum Downsampling {
  /// The finite runs of `x`, `y` reduced to at most four points per column.
  ///
  /// A point whose x or y is not finite (a loss that diverged to NaN) breaks the line: the
  /// result holds one polyline per unbroken run.
  ///
  /// - Parameters:
  ///   - column: the pixel column an x value is drawn in — the very function the drawing uses,
  ///     so that both agree on every point.
  static func minMax(x: [Double], y: [Double], column: (Double) -> Int) -> [[PlotPoint]] {
    precondition(x.count == y.count, "\(x.count) x values for \(y.count) y values")

    var runs: [[PlotPoint]] = []
    var run: [PlotPoint] = []
    var bucket = (column: Int.min, first: 0, lowest: 0, highest: 0, last: 0)

    func flushBucket() {
      guard bucket.column != Int.min else { return }
      var kept = [bucket.first, bucket.lowest, bucket.highest, bucket.last]
      kept.sort()
      var previous = -1
      for index in kept where index != previous {
        run.append(PlotPoint(x: x[index], y: y[index]))
        previous = index
      }
      bucket.column = Int.min
    }

    for index in x.indices {
      guard x[index].isFinite, y[index].isFinite else {
        flushBucket()
        if !run.isEmpty { runs.append(run) }
        run = []
        continue
      }
      let current = column(x[index])
      if current != bucket.column {
        flushBucket()
        bucket = (current, index, index, index, index)
      } else {
        if y[index] < y[bucket.lowest] { bucket.lowest = index }
        if y[index] > y[bucket.highest] { bucket.highest = index }
        bucket.last = index
      }
    }
    flushBucket()
    if !run.isEmpty { runs.append(run) }
    return runs
  }
}
