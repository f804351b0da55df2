import Foundation

extension DecisionBoundary {
  /// The boundary as a standalone SVG document, `width × height` plus a row per legend line.
  ///
  /// Each class' region is a light tint of its colour (runs of equal cells merged into one
  /// `<rect>`), the lines between regions dark (traced by marching squares), and each point a
  /// marker of its class' colour and shape (circle, triangle, diamond, square …) with a white
  /// rim.
  ///
  /// `idPrefix` starts every id the document defines (give each figure of an HTML page its own).
  public func svg(width: Double = 620, height: Double = 560, idPrefix: String = "") -> String {
    let minus = "\u{2212}"
    let legend = SVGLegend(names: (0 ..< classCount).map { name(ofClass: $0) }, width: width - 40)
    let xScale = NiceScale(within: xRange.lowerBound, xRange.upperBound, maxTicks: 8)
    let yScale = NiceScale(within: yRange.lowerBound, yRange.upperBound, maxTicks: 8)
    let yLabels = yScale.ticks.map { yScale.label($0, minus: minus) }
    let top = title.isEmpty ? 20.0 : 48
    let left = 14 + (yLabel.isEmpty ? 0 : 22) + (yLabels.map { SVGWriter.textWidth($0, size: SVGWriter.tickFontSize) }.max() ?? 0) + 10
    let below = 28 + (xLabel.isEmpty ? 0 : 24) + 12.0
    let plotWidth = max(40, width - left - 28)
    let plotHeight = max(40, height - top - below)
    let cellWidth = plotWidth / Double(columns)
    let cellHeight = plotHeight / Double(rows)
    func px(_ x: Double) -> Double { left + xScale.fraction(x) * plotWidth }
    func py(_ y: Double) -> Double { top + (1 - yScale.fraction(y)) * plotHeight }

    var svg = SVGWriter(width: width, height: height + legend.height, title: title, description: summary, idPrefix: idPrefix)
    svg.open("defs")
    svg.open("clipPath", [("id", svg.id("plot-area"))])
    svg.rect(x: left, y: top, width: plotWidth, height: plotHeight, fill: "#ffffff")
    svg.close("clipPath")
    svg.close("defs")
    if !title.isEmpty { svg.text(title, x: width / 2, y: 30, size: 16, weight: "bold") }

    // Regions: one rect per run of equal classes in a grid row.
    svg.open("g", [("class", "regions"), ("clip-path", svg.url("plot-area")), ("shape-rendering", "crispEdges")])
    for row in 0 ..< rows {
      var start = 0
      while start < columns {
        let owner = classes[row * columns + start]
        var end = start + 1
        while end < columns, classes[row * columns + end] == owner { end += 1 }
        // Each run overlaps its neighbours by half a unit, so no hairline shows between rows.
        svg.rect(
          x: left + Double(start) * cellWidth, y: top + plotHeight - Double(row + 1) * cellHeight,
          width: Double(end - start) * cellWidth + 0.5, height: cellHeight + 0.5,
          fill: DecisionBoundary.regionColor(owner).hex)
        start = end
      }
    }
    svg.close("g")
    svg.element("path", [
      ("class", "boundary"), ("d", boundaryPath(left: left, top: top, cellWidth: cellWidth, cellHeight: cellHeight)),
      ("fill", "none"), ("stroke", "#3a3a3a"), ("stroke-width", "1.25"), ("stroke-linecap", "round"),
    ])

    svg.open("g", [("class", "points"), ("clip-path", svg.url("plot-area")), ("stroke", "#ffffff"), ("stroke-width", "0.8")])
    for point in points where point.x.isFinite && point.y.isFinite {
      DecisionBoundary.marker(point.label, x: px(point.x), y: py(point.y), size: 4.5, into: &svg)
    }
    svg.close("g")
    svg.rect(x: left, y: top, width: plotWidth, height: plotHeight, fill: "none",
             [("stroke", Palette.svgFrame), ("stroke-width", "1")])

    for tick in xScale.ticks {
      svg.line(x1: px(tick), y1: top + plotHeight, x2: px(tick), y2: top + plotHeight + 5, stroke: Palette.svgFrame)
      svg.text(xScale.label(tick, minus: minus), x: px(tick), y: top + plotHeight + 20, size: SVGWriter.tickFontSize, fill: Palette.svgMutedText)
    }
    for (tick, label) in zip(yScale.ticks, yLabels) {
      svg.line(x1: left - 5, y1: py(tick), x2: left, y2: py(tick), stroke: Palette.svgFrame)
      svg.text(label, x: left - 8, y: py(tick) + 4, size: SVGWriter.tickFontSize, anchor: "end", fill: Palette.svgMutedText)
    }
    if !xLabel.isEmpty { svg.text(xLabel, x: left + plotWidth / 2, y: top + plotHeight + 44, size: SVGWriter.axisLabelFontSize) }
    if !yLabel.isEmpty { svg.text(yLabel, x: 22, y: top + plotHeight / 2, size: SVGWriter.axisLabelFontSize, rotation: -90) }

    for placement in legend.placements(centre: left + plotWidth / 2, top: top + plotHeight + below - 4) {
      let swatch = placement.x + SVGLegend.swatchWidth / 2
      svg.rect(x: placement.x, y: placement.y - 11, width: SVGLegend.swatchWidth, height: 14,
               fill: DecisionBoundary.regionColor(placement.index).hex)
      svg.open("g", [("stroke", "#ffffff"), ("stroke-width", "0.8")])
      DecisionBoundary.marker(placement.index, x: swatch, y: placement.y - 4, size: 4.5, into: &svg)
      svg.close("g")
      SVGLegend.label(name(ofClass: placement.index), at: placement, into: &svg)
    }
    return svg.document()
  }

  /// The light tint a class' region is filled with: its colour 60 % of the way to white.
  static func regionColor(_ index: Int) -> PlotColor {
    Palette.series(index).mixed(with: .white, 0.6)
  }

  /// The lines between regions, traced through the grid by marching squares: in every block
  /// of four neighbouring cell centres, each side whose two corners differ in class is crossed
  /// at its midpoint; two crossings are joined by a segment, three or four (where classes
  /// meet, or a saddle) are joined through the block's centre. The result runs diagonally
  /// where the cells only step, so a straight boundary reads as straight.
  private func boundaryPath(left: Double, top: Double, cellWidth: Double, cellHeight: Double) -> String {
    let bottom = top + Double(rows) * cellHeight
    // Grid coordinates (column, row) of cell centres to SVG units.
    func point(_ column: Double, _ row: Double) -> (x: Double, y: Double) {
      (left + (column + 0.5) * cellWidth, bottom - (row + 0.5) * cellHeight)
    }
    var segments: [[(x: Double, y: Double)]] = []
    guard rows > 1, columns > 1 else { return "" }
    for row in 0 ..< rows - 1 {
      for column in 0 ..< columns - 1 {
        let a = classes[row * columns + column], b = classes[row * columns + column + 1]
        let c = classes[(row + 1) * columns + column + 1], d = classes[(row + 1) * columns + column]
        guard a != b || b != c || c != d else { continue }
        let x = Double(column), y = Double(row)
        // The sides in order bottom (a–b), right (b–c), top (c–d), left (d–a).
        var crossings: [(x: Double, y: Double)] = []
        if a != b { crossings.append(point(x + 0.5, y)) }
        if b != c { crossings.append(point(x + 1, y + 0.5)) }
        if c != d { crossings.append(point(x + 0.5, y + 1)) }
        if d != a { crossings.append(point(x, y + 0.5)) }
        if crossings.count == 2 {
          segments.append(crossings)
        } else if crossings.count == 4, a == c, b == d {
          // A saddle of two classes: keep a's corners apart, joining each side of b's.
          segments.append([crossings[0], crossings[1]])
          segments.append([crossings[2], crossings[3]])
        } else {
          let centre = point(x + 0.5, y + 0.5)
          for crossing in crossings { segments.append([crossing, centre]) }
        }
      }
    }
    return SVGWriter.pathData(segments)
  }

  /// Draws the marker of class `label` centred on (`x`, `y`): a circle, a triangle, a diamond,
  /// a square, a downward triangle or a star (the terminal's `●▲◆■▼★`), filled with the
  /// class' colour.
  static func marker(_ label: Int, x: Double, y: Double, size r: Double, into svg: inout SVGWriter) {
    let fill = Palette.series(label).hex
    let attributes = [("class", "point class-\(label)")]
    func polygon(_ corners: [(Double, Double)]) {
      let points = corners.map { SVGWriter.number(x + $0.0 * r) + "," + SVGWriter.number(y + $0.1 * r) }
      svg.element("polygon", attributes + [("points", points.joined(separator: " ")), ("fill", fill)])
    }
    switch ((label % 6) + 6) % 6 {
    case 0: svg.circle(cx: x, cy: y, r: r, fill: fill, attributes)
    case 1: polygon([(0, -1.25), (1.1, 0.75), (-1.1, 0.75)])
    case 2: polygon([(0, -1.3), (1.1, 0), (0, 1.3), (-1.1, 0)])
    case 3: polygon([(-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)])
    case 4: polygon([(0, 1.25), (1.1, -0.75), (-1.1, -0.75)])
    default:
      let corners = (0 ..< 10).map { index -> (Double, Double) in
        let angle = Double(index) * Double.pi / 5 - Double.pi / 2
        let radius = index % 2 == 0 ? 1.3 : 0.55
        return (radius * cos(angle), radius * sin(angle))
      }
      polygon(corners)
    }
  }
}
