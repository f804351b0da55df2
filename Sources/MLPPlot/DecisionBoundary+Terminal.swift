extension DecisionBoundary {
  /// The glyph of each class' points with Unicode, and without.
  static let pointGlyphs: [Character] = ["●", "▲", "◆", "■", "▼", "★"]
  static let asciiPointGlyphs: [Character] = ["o", "x", "+", "*", "#", "@", "%", "&", "$", "?"]
  /// The fill of each class' region without colour, with Unicode and without.
  static let shadeFills: [Character] = [" ", "░", "▒", "▓"]
  static let asciiFills: [Character] = [" ", ".", ":", "=", "-", "~", "^", "'", ",", "`"]

  /// The boundary drawn for a terminal, with its summary on the last line.
  ///
  /// In colour each region takes a dark shade of its class' hue, two grid samples per cell
  /// (the upper half block `▀` in one colour over the other), and each point a light glyph of
  /// its class over it, so a point in the wrong region stands out. Without colour the regions
  /// are shaded (`░▒▓`, or `.:=` in ASCII) and the points are `●▲◆` (or `ox+`).
  public func terminal(_ style: TerminalStyle) -> String {
    let halfBlocks = style.color && style.unicode
    let legend = AxisFrame.wrap(legendEntries(style), width: style.width)
    let chrome = AxisFrame.chromeHeight(
      title: title, axisLabels: !yLabel.isEmpty, xLabel: xLabel, legendLines: legend.count)
    let rows = max(3, style.height - chrome)
    let samplesDown = halfBlocks ? 2 : 1

    let y = AxisFrame.yTicks(rows: rows, dotsDown: samplesDown) {
      NiceScale(within: yRange.lowerBound, yRange.upperBound, maxTicks: $0)
    }
    let columns = AxisFrame.plotWidth(
      total: style.width, leftLabels: AxisFrame.labelWidth(y.ticks), rightLabels: nil)
    let xScale = NiceScale(within: xRange.lowerBound, xRange.upperBound, maxTicks: 2)
    func column(_ x: Double) -> Int {
      Int((xScale.fraction(x) * Double(columns - 1)).rounded())
    }
    let xTicks = AxisFrame.xTicks(
      columns: columns,
      scale: { NiceScale(within: xRange.lowerBound, xRange.upperBound, maxTicks: $0) },
      column: column)

    // The class at a pixel: pixel p of n spans the range with p = 0 and p = n - 1 at its ends.
    func value(_ pixel: Int, of count: Int, _ range: ClosedRange<Double>, reversed: Bool) -> Double {
      let fraction = count > 1 ? Double(pixel) / Double(count - 1) : 0.5
      let span = range.upperBound - range.lowerBound
      return reversed ? range.upperBound - fraction * span : range.lowerBound + fraction * span
    }
    func region(_ column: Int, _ pixelRow: Int, of pixelRows: Int) -> Int {
      predictedClass(
        x: value(column, of: columns, xRange, reversed: false),
        y: value(pixelRow, of: pixelRows, yRange, reversed: true))
    }

    var plot: [[TextCell]] = []
    for row in 0 ..< rows {
      var line: [TextCell] = []
      for column in 0 ..< columns {
        if halfBlocks {
          let top = region(column, 2 * row, of: 2 * rows)
          let bottom = region(column, 2 * row + 1, of: 2 * rows)
          let upper = Palette.regionBackground(top), lower = Palette.regionBackground(bottom)
          line.append(
            upper == lower
              ? TextCell(" ", TextStyle(background: lower))
              : TextCell("▀", TextStyle(foreground: upper, background: lower)))
        } else {
          let owner = region(column, row, of: rows)
          let fills = style.unicode ? DecisionBoundary.shadeFills : DecisionBoundary.asciiFills
          line.append(
            style.color
              ? TextCell(" ", TextStyle(background: Palette.regionBackground(owner)))
              : TextCell(fills[owner % fills.count]))
        }
      }
      plot.append(line)
    }

    // Points over the regions: each cell shows the class most of its points have, the one
    // that disagrees with the region on a tie.
    var tallies: [Int: [Int: Int]] = [:]
    for point in points where point.x.isFinite && point.y.isFinite {
      guard xRange.contains(point.x), yRange.contains(point.y) else { continue }
      let cell = AxisFrame.pixelRow(of: point.y, scale: y.scale, pixels: rows) * columns + column(point.x)
      tallies[cell, default: [:]][point.label, default: 0] += 1
    }
    for (cell, counts) in tallies {
      let (row, column) = cell.quotientAndRemainder(dividingBy: columns)
      let owner = region(column, row, of: rows)
      let label = counts.max { a, b in
        a.value != b.value ? a.value < b.value : (a.key == owner) && (b.key != owner)
      }!.key
      plot[row][column] = pointCell(label, over: owner, style)
    }

    var frame = AxisFrame(style: style, title: title, summary: summary)
    frame.leftLabel = yLabel
    frame.leftTicks = y.ticks
    frame.xTicks = xTicks
    frame.xLabel = xLabel
    frame.plot = plot
    frame.legend = legend
    return frame.render()
  }

  /// The glyph of a point of class `label` over the region of class `region`.
  private func pointCell(_ label: Int, over region: Int, _ style: TerminalStyle) -> TextCell {
    let glyphs = style.unicode ? DecisionBoundary.pointGlyphs : DecisionBoundary.asciiPointGlyphs
    let glyph = glyphs[label % glyphs.count]
    guard style.color else { return TextCell(glyph) }
    return TextCell(glyph, TextStyle(
      foreground: Palette.pointForeground(label), background: Palette.regionBackground(region),
      bold: true))
  }

  /// One legend entry per class: its point glyph on a patch of its region, then its name.
  private func legendEntries(_ style: TerminalStyle) -> [[TextCell]] {
    (0 ..< classCount).map { index in
      let fills = style.unicode ? DecisionBoundary.shadeFills : DecisionBoundary.asciiFills
      let pad = style.color
        ? TextCell(" ", TextStyle(background: Palette.regionBackground(index)))
        : TextCell(fills[index % fills.count])
      let cells = [pad, pointCell(index, over: index, style), pad]
      return cells + [TextCell.blank] + name(ofClass: index).map { TextCell($0) }
    }
  }
}
