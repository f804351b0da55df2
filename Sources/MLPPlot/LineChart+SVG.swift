extension LineChart {
  /// The chart as a standalone SVG document, `width × height` plus a row per legend line.
  ///
  /// It looks like the notebook's seaborn figures: a grey plot area with white grid lines,
  /// twin y axes whose labels take their series' colour, a legend under the x axis label. Each
  /// curve is one `<path>` (with a `<title>` naming it), reduced per pixel column first.
  ///
  /// `idPrefix` starts every id the document defines (give each figure of an HTML page its own).
  public func svg(width: Double = 760, height: Double = 440, idPrefix: String = "") -> String {
    let twin = hasRightAxis
    let hasLeft = series.contains { $0.axis == .left }
    let extents = self.extents
    // A log axis' 1-2-5 ticks are one more per decade than fit in seven over three decades.
    let leftTicks = leftIsLogarithmic ? 9 : 7
    let leftScale = yScale(.left, maxTicks: leftTicks, extents) ?? NiceScale(covering: 0, 1, maxTicks: 7)
    let rightScale = twin ? yScale(.right, maxTicks: 7, extents) : nil
    let minus = "\u{2212}"
    func labels(_ scale: NiceScale) -> [String] { scale.ticks.map { scale.label($0, minus: minus) } }
    func labelWidth(_ scale: NiceScale?) -> Double {
      (scale.map(labels) ?? []).map { SVGWriter.textWidth($0, size: SVGWriter.tickFontSize) }.max() ?? 0
    }
    let legend = SVGLegend(
      names: series.count > 1 ? series.indices.map(legendName(of:)) : [], width: width - 40)

    let top = title.isEmpty ? 20.0 : 48
    let left = 14 + (leftLabel.isEmpty ? 0 : 22) + (hasLeft ? labelWidth(leftScale) : 0) + 10
    let right = twin ? 14 + (rightLabel.isEmpty ? 0 : 22) + labelWidth(rightScale) + 10 : 28
    let below = 28 + (xLabel.isEmpty ? 0 : 24) + 12.0
    let plotWidth = max(40, width - left - right)
    let plotHeight = max(40, height - top - below)
    let totalHeight = height + legend.height

    var svg = SVGWriter(width: width, height: totalHeight, title: title, description: summary, idPrefix: idPrefix)
    svg.open("defs")
    svg.open("clipPath", [("id", svg.id("plot-area"))])
    svg.rect(x: left, y: top, width: plotWidth, height: plotHeight, fill: "#ffffff")
    svg.close("clipPath")
    svg.close("defs")
    if !title.isEmpty {
      svg.text(title, x: width / 2, y: 30, size: 16, weight: "bold")
    }
    svg.rect(x: left, y: top, width: plotWidth, height: plotHeight, fill: Palette.svgPlotBackground)

    // Grid and ticks: x, then the left (or only) y axis; the right axis gets labels only.
    let domain = xDomain(extents)
    let xScale = NiceScale(
      within: domain.lowerBound, domain.upperBound, maxTicks: max(2, Int(plotWidth / 80)),
      minimumStep: xMinimumStep(extents))
    func px(_ x: Double) -> Double {
      let span = domain.upperBound - domain.lowerBound
      return left + (span > 0 ? (x - domain.lowerBound) / span : 0.5) * plotWidth
    }
    func py(_ y: Double, _ scale: NiceScale) -> Double {
      top + (1 - scale.fraction(y)) * plotHeight
    }
    let gridScale = hasLeft ? leftScale : (rightScale ?? leftScale)
    svg.open("g", [("stroke", Palette.svgGrid), ("stroke-width", "1")])
    for tick in xScale.ticks {
      svg.element("line", [("x1", n(px(tick))), ("y1", n(top)), ("x2", n(px(tick))), ("y2", n(top + plotHeight))])
    }
    for tick in gridScale.ticks {
      let y = py(tick, gridScale)
      svg.element("line", [("x1", n(left)), ("y1", n(y)), ("x2", n(left + plotWidth)), ("y2", n(y))])
    }
    svg.close("g")
    for (tick, label) in zip(xScale.ticks, labels(xScale)) {
      svg.text(label, x: px(tick), y: top + plotHeight + 20, size: SVGWriter.tickFontSize, fill: Palette.svgMutedText)
    }
    if hasLeft {
      let color = axisColor(.left)
      for (tick, label) in zip(leftScale.ticks, labels(leftScale)) {
        svg.text(label, x: left - 8, y: py(tick, leftScale) + 4, size: SVGWriter.tickFontSize, anchor: "end", fill: color ?? Palette.svgMutedText)
      }
      if !leftLabel.isEmpty {
        svg.text(leftLabel, x: 22, y: top + plotHeight / 2, size: SVGWriter.axisLabelFontSize, fill: color ?? Palette.svgText, rotation: -90)
      }
    }
    if let rightScale {
      let color = axisColor(.right)
      for (tick, label) in zip(rightScale.ticks, labels(rightScale)) {
        svg.text(label, x: left + plotWidth + 8, y: py(tick, rightScale) + 4, size: SVGWriter.tickFontSize, anchor: "start", fill: color ?? Palette.svgMutedText)
      }
      if !rightLabel.isEmpty {
        svg.text(rightLabel, x: width - 22, y: top + plotHeight / 2, size: SVGWriter.axisLabelFontSize, fill: color ?? Palette.svgText, rotation: 90)
      }
    }
    if !xLabel.isEmpty {
      svg.text(xLabel, x: left + plotWidth / 2, y: top + plotHeight + 44, size: SVGWriter.axisLabelFontSize)
    }

    // The curves, each reduced to its extremes per pixel column.
    svg.open("g", [("clip-path", svg.url("plot-area")), ("fill", "none"), ("stroke-linejoin", "round"), ("stroke-linecap", "round")])
    for (index, line) in series.enumerated() {
      let scale = line.axis == .left ? leftScale : rightScale!
      let runs = Downsampling.minMax(x: line.x, y: line.y) { Int(px($0).rounded()) }
      let polylines = runs.map { run in run.map { (x: px($0.x), y: py(plotted($0.y, on: scale), scale)) } }
      let dense = line.count > Int(plotWidth / 2)
      let faint = isUnderItsMean(index)
      var attributes = [
        ("class", "series"), ("d", SVGWriter.pathData(polylines)),
        ("stroke", Palette.series(colorIndex(of: index)).hex),
        ("stroke-width", faint || dense && !line.isSmoothed ? "1" : line.isSmoothed ? "2.75" : "1.75"),
      ]
      if faint { attributes.append(("stroke-opacity", "0.35")) }
      if let dash = Palette.svgDash(colorIndex(of: index)), !faint { attributes.append(("stroke-dasharray", dash)) }
      svg.open("path", attributes)
      svg.element("title", [], text: line.name)
      svg.close("path")
    }
    svg.close("g")
    drawMarkers(into: &svg, x: px, top: top, left: left, width: plotWidth, height: plotHeight)

    for placement in legend.placements(centre: left + plotWidth / 2, top: top + plotHeight + below - 4) {
      let color = Palette.series(colorIndex(of: placement.index)).hex
      let dash = Palette.svgDash(colorIndex(of: placement.index)).map { [("stroke-dasharray", $0)] } ?? []
      let faint = isUnderItsMean(placement.index)
      svg.line(x1: placement.x, y1: placement.y - 4, x2: placement.x + SVGLegend.swatchWidth, y2: placement.y - 4,
               stroke: color, width: faint ? 1.5 : 2.5, faint ? [("stroke-opacity", "0.35")] : dash)
      SVGLegend.label(legendName(of: placement.index), at: placement, into: &svg)
    }
    return svg.document()
  }

  /// The colour of an axis' labels in the SVG: its series' when it is one of twin axes and
  /// carries exactly one series.
  private func axisColor(_ axis: Series.Axis) -> String? {
    let onAxis = series.indices.filter { series[$0].axis == axis }
    guard hasRightAxis, series.contains(where: { $0.axis == .left }), onAxis.count == 1 else { return nil }
    return Palette.series(colorIndex(of: onAxis[0])).hex
  }

  private func n(_ value: Double) -> String { SVGWriter.number(value) }
}
