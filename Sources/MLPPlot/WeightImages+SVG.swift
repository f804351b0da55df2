extension WeightImages {
  /// The units as a standalone SVG document: up to `perRow` to a row, each image
  /// `imageSize` units square at most (its pixels square), framed in grey so that white
  /// (zero) weights stay visible, captioned under it; the scale as a bar of colour steps
  /// with its limits at the bottom.
  ///
  /// An image is one `<rect>` per run of equal colour in a row of pixels.
  ///
  /// `idPrefix` starts every id the document defines (give each figure of an HTML page its own).
  public func svg(imageSize: Double = 112, perRow: Int = 8, idPrefix: String = "") -> String {
    let gap = 20.0
    let captionSize = 16.0
    let pixelSize = imageSize / Double(max(width, height))
    let (imageWidth, imageHeight) = (Double(width) * pixelSize, Double(height) * pixelSize)
    let columns = max(1, min(perRow, units.count))
    let rowHeight = imageHeight + 8 + 19 + gap
    let rowCount = (units.count + columns - 1) / columns
    let top = title.isEmpty ? 20.0 : 48
    let legendHeight = 70.0
    let width = max(Double(columns) * (imageWidth + gap) + gap, SVGWriter.textWidth(title, size: 16) + 40, 360)
    let height = top + Double(rowCount) * rowHeight + legendHeight

    var svg = SVGWriter(width: width, height: height, title: title, description: summary, idPrefix: idPrefix)
    if !title.isEmpty { svg.text(title, x: width / 2, y: 30, size: 16, weight: "bold") }
    let left = (width - (Double(columns) * (imageWidth + gap) - gap)) / 2
    for (index, unit) in units.enumerated() {
      let (row, column) = index.quotientAndRemainder(dividingBy: columns)
      let x = left + Double(column) * (imageWidth + gap)
      let y = top + Double(row) * rowHeight
      image(of: unit, x: x, y: y, pixelSize: pixelSize, into: &svg)
      svg.text(unit.caption, x: x + imageWidth / 2, y: y + imageHeight + 21, size: captionSize)
    }
    legend(centre: width / 2, y: top + Double(rowCount) * rowHeight, into: &svg)
    return svg.document()
  }

  /// One unit's pixels as runs of equal colour, and its frame.
  private func image(of unit: Unit, x: Double, y: Double, pixelSize: Double, into svg: inout SVGWriter) {
    svg.open("g", [("class", "unit"), ("shape-rendering", "crispEdges")])
    svg.rect(x: x, y: y, width: Double(width) * pixelSize, height: Double(height) * pixelSize,
             fill: Palette.weightZero.hex)
    for row in 0 ..< height {
      var start = 0
      while start < width {
        let colour = Palette.weightColor(position(unit.weights[row * width + start]))
        var end = start + 1
        while end < width, Palette.weightColor(position(unit.weights[row * width + end])) == colour { end += 1 }
        if colour != Palette.weightZero {
          svg.rect(x: x + Double(start) * pixelSize, y: y + Double(row) * pixelSize,
                   width: Double(end - start) * pixelSize, height: pixelSize, fill: colour.hex)
        }
        start = end
      }
    }
    svg.rect(x: x, y: y, width: Double(width) * pixelSize, height: Double(height) * pixelSize,
             fill: "none", [("stroke", Palette.svgFrame), ("stroke-width", "1")])
    svg.close("g")
  }

  /// The scale: 21 steps from the most negative weight through 0 to the most positive,
  /// labelled at both ends and in the middle.
  private func legend(centre: Double, y: Double, into svg: inout SVGWriter) {
    let steps = 21
    let stepWidth = 14.0
    let left = centre - Double(steps) * stepWidth / 2
    svg.open("g", [("class", "scale"), ("shape-rendering", "crispEdges")])
    for step in 0 ..< steps {
      let t = Double(step - steps / 2) / Double(steps / 2)
      svg.rect(x: left + Double(step) * stepWidth, y: y, width: stepWidth, height: 14, fill: Palette.weightColor(t).hex)
    }
    svg.rect(x: left, y: y, width: Double(steps) * stepWidth, height: 14, fill: "none",
             [("stroke", Palette.svgFrame), ("stroke-width", "1")])
    svg.close("g")
    let (negative, positive) = limitLabels
    let baseline = y + 32
    svg.text(negative, x: left, y: baseline, size: 14, anchor: "middle")
    svg.text("0", x: centre, y: baseline, size: 14)
    svg.text(positive, x: left + Double(steps) * stepWidth, y: baseline, size: 14)
    svg.text("blue negative, white 0, red positive", x: centre, y: baseline + 20, size: 13, fill: Palette.svgMutedText)
  }
}
