extension LineChart {
  /// The ASCII marks of the series, in palette order.
  static let asciiMarks: [Character] = ["*", "+", "o", "x", "#", "@", "%", "&", "=", "$"]

  /// Dash patterns (cells on, cells off) that tell series apart in braille, with colour or
  /// without (a projector washes colours out); the first series is solid.
  static let dashes: [(on: Int, off: Int)?] = [nil, (2, 1), (1, 1), (1, 2), (3, 1), (2, 2)]

  /// The chart drawn for a terminal, with its summary on the last line.
  ///
  /// The series are drawn in braille (or ASCII marks) after reducing each to the first,
  /// lowest, highest and last point of every pixel column (`Downsampling.minMax`), so a
  /// 3750-point curve costs about as much as a 300-point one.
  public func terminal(_ style: TerminalStyle) -> String {
    let braille = style.unicode
    let dotsAcross = braille ? 2 : 1
    let dotsDown = braille ? 4 : 1
    let twin = hasRightAxis
    let legendEntries = series.count > 1 ? legendEntries(style) : []

    // Height first: the legend's lines depend only on the full width.
    let legend = AxisFrame.wrap(legendEntries, width: style.width)
    let chrome = AxisFrame.chromeHeight(
      title: title, axisLabels: !leftLabel.isEmpty || (twin && !rightLabel.isEmpty),
      xLabel: xLabel, legendLines: legend.count)
    let rows = max(3, style.height - chrome)

    // Then the y scales, whose labels set the plot's width.
    let extents = self.extents
    let left = AxisFrame.yTicks(rows: rows, dotsDown: dotsDown) { maxTicks in
      yScale(.left, maxTicks: maxTicks, extents) ?? NiceScale(covering: 0, 1, maxTicks: maxTicks)
    }
    let right = twin
      ? AxisFrame.yTicks(rows: rows, dotsDown: dotsDown) { yScale(.right, maxTicks: $0, extents)! }
      : nil
    let leftTicks = series.contains { $0.axis == .left } ? left.ticks : []
    let columns = AxisFrame.plotWidth(
      total: style.width, leftLabels: AxisFrame.labelWidth(leftTicks),
      rightLabels: right.map { AxisFrame.labelWidth($0.ticks) })

    // The x axis, then the curves.
    let domain = xDomain(extents)
    let minimumStep = xMinimumStep(extents)
    let pixelWidth = columns * dotsAcross
    func pixelColumn(_ x: Double) -> Int {
      let span = domain.upperBound - domain.lowerBound
      return span > 0 ? Int(((x - domain.lowerBound) / span * Double(pixelWidth - 1)).rounded()) : 0
    }
    let xTicks = AxisFrame.xTicks(
      columns: columns,
      scale: { NiceScale(within: domain.lowerBound, domain.upperBound, maxTicks: $0, minimumStep: minimumStep) },
      column: { pixelColumn($0) / dotsAcross })

    let strokes = series.indices.map(stroke(of:))
    var canvas = DotCanvas(columns: columns, rows: rows, braille: braille, ranks: strokes.map(\.rawValue))
    for (index, line) in series.enumerated() {
      guard let scale = line.axis == .left ? left.scale : right?.scale else { continue }
      let pen = DotCanvas.Pen(
        dash: braille ? dash(of: index) : nil, thick: braille && strokes[index] == .bold,
        stipple: braille && !style.color && strokes[index] == .faint)
      let runs = Downsampling.minMax(x: line.x, y: line.y, column: pixelColumn)
      for run in runs {
        let pixels = run.map { point in
          (x: pixelColumn(point.x),
           y: AxisFrame.pixelRow(of: clamp(point.y, scale), scale: scale, pixels: canvas.pixelHeight))
        }
        var previous = pixels[0]
        canvas.line(from: previous, to: previous, series: index, pen: pen)
        for pixel in pixels.dropFirst() {
          canvas.line(from: previous, to: pixel, series: index, pen: pen)
          previous = pixel
        }
      }
    }
    let marks = series.indices.map { index -> Character in
      strokes[index] == .faint ? "." : LineChart.asciiMarks[colorIndex(of: index) % LineChart.asciiMarks.count]
    }
    var plot = canvas.cells(marks: marks, styles: series.indices.map { cellStyle(of: $0, style) })
    if braille {
      placeEndGlyphs(on: &plot, style) { index, point in
        guard let scale = series[index].axis == .left ? left.scale : right?.scale else { return nil }
        return (pixelColumn(point.x) / dotsAcross,
                AxisFrame.pixelRow(of: clamp(point.y, scale), scale: scale, pixels: canvas.pixelHeight) / dotsDown)
      }
    }

    var frame = AxisFrame(style: style, title: title, summary: summary)
    frame.leftLabel = leftLabel
    frame.leftStyle = axisStyle(.left, style)
    frame.leftTicks = leftTicks
    if let right {
      frame.rightLabel = rightLabel
      frame.rightStyle = axisStyle(.right, style)
      frame.rightTicks = right.ticks
    }
    frame.xTicks = xTicks
    frame.xLabel = xLabel
    frame.plot = drawMarkers(on: plot, column: { pixelColumn($0) / dotsAcross }, style)
    frame.legend = legend
    return frame.render()
  }

  /// `value` held inside a scale's bounds, so a fixed range clips instead of wrapping.
  private func clamp(_ value: Double, _ scale: NiceScale) -> Double {
    min(max(value, scale.lowerBound), scale.upperBound)
  }

  /// The colour of an axis' labels: its series' colour when it carries exactly one, as the
  /// notebook coloured its twin axes.
  private func axisStyle(_ axis: Series.Axis, _ style: TerminalStyle) -> TextStyle {
    let onAxis = series.indices.filter { series[$0].axis == axis }
    guard style.color, onAxis.count == 1, hasRightAxis else { return .plain }
    return TextStyle(foreground: Palette.series(colorIndex(of: onAxis[0])).ansi)
  }

  /// One legend entry per series: a sample of its line and end glyph, then its name.
  private func legendEntries(_ style: TerminalStyle) -> [[TextCell]] {
    series.indices.map { index in
      legendSample(of: index, style) + [TextCell.blank] + legendName(of: index).map { TextCell($0) }
    }
  }

  /// Puts each curve's end glyph in the cell of its last finite point (`cell` gives a point's
  /// column and row), or in the nearest row above or below when another curve's glyph is
  /// there already.
  private func placeEndGlyphs(
    on plot: inout [[TextCell]], _ style: TerminalStyle,
    cell: (Int, PlotPoint) -> (column: Int, row: Int)?
  ) {
    var taken = Set<[Int]>()
    for index in series.indices {
      guard let glyph = endGlyph(of: index),
        let last = series[index].y.indices.last(where: { series[index].x[$0].isFinite && series[index].y[$0].isFinite }),
        let (column, row) = cell(index, PlotPoint(x: series[index].x[last], y: series[index].y[last])),
        column >= 0, column < (plot.first?.count ?? 0)
      else { continue }
      let candidates = [0, -1, 1, -2, 2].map { row + $0 }.filter { $0 >= 0 && $0 < plot.count }
      guard let free = candidates.first(where: { !taken.contains([$0, column]) }) else { continue }
      taken.insert([free, column])
      var glyphStyle = cellStyle(of: index, style)
      glyphStyle.bold = style.color
      plot[free][column] = TextCell(glyph, glyphStyle)
    }
  }
}
