/// The classes a model predicts over a rectangle of the plane, with labelled data points on
/// top: the notebook's "Perceptron Decision Boundary after epoch n".
///
/// The prediction is a grid of `columns × rows` cells, sampled at their centres; row 0 is the
/// bottom row (`y = yRange.lowerBound`), as in the notebook's `np.meshgrid`.
public struct DecisionBoundary: Sendable, Equatable {
  /// A data point: where it lies, its true class, and (if known) the class the model gave it.
  public struct Point: Sendable, Equatable {
    public var x: Double
    public var y: Double
    /// The true class.
    public var label: Int
    /// The class the model predicts for it; `nil` reads the grid at the point.
    public var predicted: Int?

    public init(x: Double, y: Double, label: Int, predicted: Int? = nil) {
      self.x = x
      self.y = y
      self.label = label
      self.predicted = predicted
    }
  }

  public var title: String
  /// The x values at the left and right edges.
  public var xRange: ClosedRange<Double>
  /// The y values at the bottom and top edges.
  public var yRange: ClosedRange<Double>
  /// The grid's size.
  public var columns: Int
  public var rows: Int
  /// The predicted class of every grid cell, row by row from the bottom.
  public var classes: [Int]
  /// The data points drawn over the regions.
  public var points: [Point]
  /// A name per class for the legend; missing names read "class n".
  public var classNames: [String]
  public var xLabel: String
  public var yLabel: String

  /// A boundary from a grid of predicted classes (`columns × rows`, bottom row first).
  public init(
    title: String, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
    columns: Int, rows: Int, classes: [Int], points: [Point], classNames: [String] = [],
    xLabel: String = "x1", yLabel: String = "x2"
  ) {
    precondition(columns > 0 && rows > 0, "a \(columns) × \(rows) grid has no cells")
    precondition(classes.count == columns * rows,
                 "\(classes.count) classes for a \(columns) × \(rows) grid")
    self.title = title
    self.xRange = xRange
    self.yRange = yRange
    self.columns = columns
    self.rows = rows
    self.classes = classes
    self.points = points
    self.classNames = classNames
    self.xLabel = xLabel
    self.yLabel = yLabel
  }

  /// A boundary whose grid is filled by asking `classify` for the class at each cell centre.
  public init(
    title: String, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
    columns: Int = 200, rows: Int = 200, points: [Point], classNames: [String] = [],
    xLabel: String = "x1", yLabel: String = "x2",
    classify: (_ x: Double, _ y: Double) throws -> Int
  ) rethrows {
    let centres = DecisionBoundary.cellCentres(xRange: xRange, yRange: yRange, columns: columns, rows: rows)
    let classes = try centres.map { try classify($0.x, $0.y) }
    self.init(
      title: title, xRange: xRange, yRange: yRange, columns: columns, rows: rows,
      classes: classes, points: points, classNames: classNames, xLabel: xLabel, yLabel: yLabel)
  }

  /// The centre of every cell of a grid, bottom row first, left to right: the inputs to
  /// predict in one batch before calling the grid initializer.
  /// ```
  /// x = x₀ + (c + ½) · (x₁ - x₀) / columns      y = y₀ + (r + ½) · (y₁ - y₀) / rows
  /// ```
  public static func cellCentres(
    xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, columns: Int, rows: Int
  ) -> [(x: Double, y: Double)] {
    let width = (xRange.upperBound - xRange.lowerBound) / Double(columns)
    let height = (yRange.upperBound - yRange.lowerBound) / Double(rows)
    var centres: [(x: Double, y: Double)] = []
    centres.reserveCapacity(columns * rows)
    for row in 0 ..< rows {
      for column in 0 ..< columns {
        centres.append((xRange.lowerBound + (Double(column) + 0.5) * width,
                        yRange.lowerBound + (Double(row) + 0.5) * height))
      }
    }
    return centres
  }

  /// The ranges the notebook plotted: the points' extent widened by `margin` on every side.
  public static func ranges(
    around points: [Point], margin: Double = 1
  ) -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
    let xs = points.map(\.x).filter(\.isFinite)
    let ys = points.map(\.y).filter(\.isFinite)
    guard let xLow = xs.min(), let xHigh = xs.max(), let yLow = ys.min(), let yHigh = ys.max()
    else { return (-1 ... 1, -1 ... 1) }
    return ((xLow - margin) ... (xHigh + margin), (yLow - margin) ... (yHigh + margin))
  }

  // MARK: - Reading the grid

  /// The predicted class of the cell holding (`x`, `y`), the nearest cell when outside.
  public func predictedClass(x: Double, y: Double) -> Int {
    let column = cellIndex(x, xRange, columns)
    let row = cellIndex(y, yRange, rows)
    return classes[row * columns + column]
  }

  private func cellIndex(_ value: Double, _ range: ClosedRange<Double>, _ count: Int) -> Int {
    let span = range.upperBound - range.lowerBound
    guard span > 0, value.isFinite else { return 0 }
    let index = Int(((value - range.lowerBound) / span * Double(count)).rounded(.down))
    return min(max(index, 0), count - 1)
  }

  /// The number of classes the grid, the points and the names mention.
  public var classCount: Int {
    let largest = max(classes.max() ?? 0, points.map(\.label).max() ?? 0)
    return max(largest + 1, classNames.count)
  }

  /// The name of class `index`: its entry in `classNames`, else "class n".
  public func name(ofClass index: Int) -> String {
    index >= 0 && index < classNames.count ? classNames[index] : "class \(index)"
  }

  /// The class the model gives point `point`; `nil` for a point with no prediction and a
  /// coordinate that is not a number.
  func predictedClass(of point: Point) -> Int? {
    if let predicted = point.predicted { return predicted }
    guard point.x.isFinite, point.y.isFinite else { return nil }
    return predictedClass(x: point.x, y: point.y)
  }

  /// How many points of each class lie in the region of their own class, with how many
  /// points the class has: `[(correct: 92, of: 100), (correct: 0, of: 100)]` for a line that
  /// cuts the class-0 blob and leaves every class-1 point on the wrong side.
  public var correctByClass: [(correct: Int, of: Int)] {
    var counts = [(correct: Int, of: Int)](repeating: (0, 0), count: classCount)
    for point in points where point.label >= 0 && point.label < classCount {
      counts[point.label].of += 1
      if predictedClass(of: point) == point.label { counts[point.label].correct += 1 }
    }
    return counts
  }

  // MARK: - Summary

  /// One line for logs and screen readers: how many points lie in the region of their class,
  /// and how much of the area each class takes.
  /// ```
  /// 200 points in 2 classes, 198 classified correctly (99.0%); predicted area: class 0 48%, class 1 52%
  /// ```
  public var summary: String {
    let correct = points.filter { predictedClass(of: $0) == $0.label }.count
    let labels = Set(points.map(\.label)).count
    var counts = [Int](repeating: 0, count: classCount)
    for value in classes where value >= 0 && value < counts.count { counts[value] += 1 }
    let areas = counts.indices.filter { counts[$0] > 0 }.map { index in
      "\(name(ofClass: index)) \(NumberFormat.fixed(100 * Double(counts[index]) / Double(classes.count), decimals: 0))%"
    }
    var text = "\(points.count) point\(points.count == 1 ? "" : "s") in \(labels) class\(labels == 1 ? "" : "es")"
    if !points.isEmpty {
      text += ", \(correct) classified correctly (\(NumberFormat.percent(Double(correct) / Double(points.count))))"
    }
    return text + "; predicted area: " + areas.joined(separator: ", ")
  }
}
