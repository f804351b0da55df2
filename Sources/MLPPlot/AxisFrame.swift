/// The frame around a terminal chart: title, y axes with tick labels, x axis with tick labels,
/// axis labels, legend and the summary line, laid out around a block of plot cells.
///
/// ```
///                       title
/// left label                            right label
///  2.5 ┤⠈⠢⡀                              ├ 1.0
///      │   ⠈⠑⠤⣀⣀                         │
///  0.0 ┤        ⠉⠉⠉⠑⠒⠒⠒⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤ ├ 0.0
///      └┬────────────┬────────────┬──────┘
///       0          400          800
///                   x label
///   ── first series   ── second series
/// summary
/// ```
struct AxisFrame {
  /// A tick: its row (y axes) or its column within the plot (x axis), and its label.
  struct Tick: Equatable {
    var position: Int
    var label: String
  }

  var style: TerminalStyle
  var title: String
  var leftLabel = ""
  var leftStyle = TextStyle.plain
  var leftTicks: [Tick] = []
  var rightLabel = ""
  var rightStyle = TextStyle.plain
  /// The right axis' ticks; `nil` when there is no right axis.
  var rightTicks: [Tick]?
  var xTicks: [Tick] = []
  var xLabel = ""
  /// The plot, row by row, all rows equally long.
  var plot: [[TextCell]] = []
  /// Legend lines, already wrapped (see `wrap`).
  var legend: [[TextCell]] = []
  var summary: String

  // MARK: - Sizes

  /// The lines the frame adds above and below a plot of `legendLines` legend lines.
  static func chromeHeight(title: String, axisLabels: Bool, xLabel: String, legendLines: Int) -> Int {
    (title.isEmpty ? 0 : 1) + (axisLabels ? 1 : 0) + 2 + (xLabel.isEmpty ? 0 : 1) + legendLines + 1
  }

  /// The width of the tick labels of an axis (at least 1).
  static func labelWidth(_ ticks: [Tick]) -> Int {
    max(1, ticks.map(\.label.count).max() ?? 1)
  }

  /// The columns left for the plot in `width` columns, given the tick label widths.
  static func plotWidth(total width: Int, leftLabels: Int, rightLabels: Int?) -> Int {
    max(8, width - leftLabels - 2 - (rightLabels.map { $0 + 2 } ?? 0))
  }

  // MARK: - Ticks

  /// The y scale with the most ticks (at most 11) whose labels fall on different rows with a
  /// free row between them, over `rows` rows of `dotsDown` pixels.
  static func yTicks(
    rows: Int, dotsDown: Int, scale makeScale: (Int) -> NiceScale
  ) -> (scale: NiceScale, ticks: [Tick]) {
    var maxTicks = min(11, rows / 2 + 1)
    while true {
      let scale = makeScale(maxTicks)
      let ticks = scale.ticks.reversed().map { value in
        Tick(position: row(of: value, scale: scale, rows: rows, dotsDown: dotsDown),
             label: scale.label(value))
      }
      let spaced = zip(ticks, ticks.dropFirst()).allSatisfy { $1.position - $0.position >= 2 }
      if spaced || maxTicks <= 2 { return (scale, ticks) }
      maxTicks -= 1
    }
  }

  /// The pixel row (from the top) of `value` on a y scale over `pixels` pixel rows.
  static func pixelRow(of value: Double, scale: NiceScale, pixels: Int) -> Int {
    Int(((1 - scale.fraction(value)) * Double(pixels - 1)).rounded())
  }

  /// The cell row of `value` on a y scale.
  static func row(of value: Double, scale: NiceScale, rows: Int, dotsDown: Int) -> Int {
    pixelRow(of: value, scale: scale, pixels: rows * dotsDown) / dotsDown
  }

  /// The x ticks with the most labels (at most 12) that fit under `columns` plot columns with
  /// two spaces between them; `column` gives the plot column of a value.
  static func xTicks(
    columns: Int, scale makeScale: (Int) -> NiceScale, column: (Double) -> Int
  ) -> [Tick] {
    var maxTicks = min(12, max(2, columns / 4))
    while true {
      let scale = makeScale(maxTicks)
      let ticks = scale.ticks.map { Tick(position: column($0), label: scale.label($0)) }
      var end = Int.min
      var fits = true
      for tick in ticks {
        let start = tick.position - tick.label.count / 2
        if start < end + 2 { fits = false }
        end = start + tick.label.count
      }
      if fits || maxTicks <= 2 { return ticks }
      maxTicks -= 1
    }
  }

  // MARK: - Legend

  /// Legend entries wrapped into lines of at most `width` columns, three spaces apart.
  static func wrap(_ entries: [[TextCell]], width: Int) -> [[TextCell]] {
    var lines: [[TextCell]] = []
    var line: [TextCell] = []
    for entry in entries {
      if !line.isEmpty, line.count + 3 + entry.count > width {
        lines.append(line)
        line = []
      }
      if !line.isEmpty { line += Array(repeating: TextCell.blank, count: 3) }
      line += entry
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }

  // MARK: - Composing

  /// The whole figure as text.
  func render() -> String {
    let unicode = style.unicode
    let axis = TextStyle(foreground: Palette.axisANSI)
    let leftWidth = AxisFrame.labelWidth(leftTicks)
    let plotWidth = plot.first?.count ?? 0
    let plotStart = leftWidth + 2
    let rightAxisColumn = plotStart + plotWidth
    let totalWidth = rightTicks.map { rightAxisColumn + 2 + AxisFrame.labelWidth($0) } ?? rightAxisColumn
    var grid = TextGrid()

    if !title.isEmpty {
      let text = truncated(title, to: totalWidth, unicode: unicode)
      grid.appendLine(text, column: centredColumn(of: text, over: totalWidth), style: TextStyle(bold: true))
    }
    if !leftLabel.isEmpty || (rightTicks != nil && !rightLabel.isEmpty) {
      let row = grid.appendLine()
      let rightText = rightTicks == nil ? "" : truncated(rightLabel, to: totalWidth / 2, unicode: unicode)
      let leftText = truncated(leftLabel, to: totalWidth - rightText.count - 1, unicode: unicode)
      grid.put(leftText, row: row, column: 0, style: leftStyle)
      grid.put(rightText, row: row, column: totalWidth - rightText.count, style: rightStyle)
    }

    let leftByRow = Dictionary(leftTicks.map { ($0.position, $0.label) }, uniquingKeysWith: { a, _ in a })
    let rightByRow = Dictionary((rightTicks ?? []).map { ($0.position, $0.label) }, uniquingKeysWith: { a, _ in a })
    for (index, cells) in plot.enumerated() {
      let row = grid.appendLine()
      if let label = leftByRow[index] {
        grid.put(label, row: row, column: leftWidth - label.count, style: leftStyle)
        grid.put(unicode ? "┤" : "+", row: row, column: leftWidth + 1, style: axis)
      } else {
        grid.put(unicode ? "│" : "|", row: row, column: leftWidth + 1, style: axis)
      }
      grid.put(cells, row: row, column: plotStart)
      guard rightTicks != nil else { continue }
      if let label = rightByRow[index] {
        grid.put(unicode ? "├" : "+", row: row, column: rightAxisColumn, style: axis)
        grid.put(label, row: row, column: rightAxisColumn + 2, style: rightStyle)
      } else {
        grid.put(unicode ? "│" : "|", row: row, column: rightAxisColumn, style: axis)
      }
    }

    let axisRow = grid.appendLine()
    let tickColumns = Set(xTicks.map(\.position))
    grid.put(unicode ? "└" : "+", row: axisRow, column: leftWidth + 1, style: axis)
    for column in 0 ..< plotWidth {
      let mark: String = tickColumns.contains(column) ? (unicode ? "┬" : "+") : (unicode ? "─" : "-")
      grid.put(mark, row: axisRow, column: plotStart + column, style: axis)
    }
    if rightTicks != nil {
      grid.put(unicode ? "┘" : "+", row: axisRow, column: rightAxisColumn, style: axis)
    }

    let labelRow = grid.appendLine()
    var end = Int.min
    for tick in xTicks {
      var start = plotStart + tick.position - tick.label.count / 2
      start = min(max(0, start), max(0, totalWidth - tick.label.count))
      guard start >= end + 1 else { continue }
      grid.put(tick.label, row: labelRow, column: start)
      end = start + tick.label.count
    }
    if !xLabel.isEmpty {
      let text = truncated(xLabel, to: totalWidth, unicode: unicode)
      grid.appendLine(text, column: centredColumn(of: text, over: plotWidth, from: plotStart))
    }
    for line in legend {
      grid.appendLine(line, column: min(plotStart, max(0, totalWidth - line.count)))
    }
    grid.appendLine(unicode ? summary : asciiOnly(summary))
    return grid.rendered(color: style.color)
  }
}
