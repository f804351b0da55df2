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

    var canvas = DotCanvas(columns: columns, rows: rows, braille: braille)
    for (index, line) in series.enumerated() {
      guard let scale = line.axis == .left ? left.scale : right?.scale else { continue }
      let dash = braille ? LineChart.dashes[index % LineChart.dashes.count] : nil
      let runs = Downsampling.minMax(x: line.x, y: line.y, column: pixelColumn)
      for run in runs {
        let pixels = run.map { point in
          (x: pixelColumn(point.x),
           y: AxisFrame.pixelRow(of: clamp(point.y, scale), scale: scale, pixels: canvas.pixelHeight))
        }
        var previous = pixels[0]
        canvas.line(from: previous, to: previous, series: index, dash: dash)
        for pixel in pixels.dropFirst() {
          canvas.line(from: previous, to: pixel, series: index, dash: dash)
          previous = pixel
        }
      }
    }
    let colors: [UInt8?] = series.indices.map { style.color ? Palette.series(colorIndex(of: $0)).ansi : nil }
    let marks = series.indices.map { LineChart.asciiMarks[colorIndex(of: $0) % LineChart.asciiMarks.count] }

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
    frame.plot = drawMarkers(on: canvas.cells(marks: marks, colors: colors),
                             column: { pixelColumn($0) / dotsAcross }, style)
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

  /// One legend entry per series: a sample of its line, then its name.
  private func legendEntries(_ style: TerminalStyle) -> [[TextCell]] {
    series.indices.map { index in
      let slot = colorIndex(of: index)
      let color = TextStyle(foreground: style.color ? Palette.series(slot).ansi : nil)
      var sample: String
      if !style.unicode {
        let mark = LineChart.asciiMarks[slot % LineChart.asciiMarks.count]
        sample = String(repeating: mark, count: 3)
      } else if let dash = LineChart.dashes[index % LineChart.dashes.count] {
        sample = ""
        for cell in 0 ..< 5 { sample += cell % (dash.on + dash.off) < dash.on ? "━" : " " }
        while sample.hasSuffix(" ") { sample.removeLast() }
        sample += String(repeating: " ", count: 5 - sample.count)
      } else {
        sample = "━━━━━"
      }
      let name = legendName(of: index)
      return sample.map { TextCell($0, color) } + [TextCell.blank] + name.map { TextCell($0) }
    }
  }
}
