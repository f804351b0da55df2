extension DigitGallery {
  /// The images as a standalone SVG document: up to `perRow` to a row, each pixel a square of
  /// `pixelSize` units, its caption centred under it.
  ///
  /// An image is a black `<rect>` with one `<rect>` per run of equal non-black pixels in a
  /// row, so an MNIST digit takes about a hundred elements, not 784.
  ///
  /// `idPrefix` starts every id the document defines (give each figure of an HTML page its own).
  public func svg(pixelSize: Double = 4, perRow: Int = 6, idPrefix: String = "") -> String {
    let gap = 20.0
    // Captions read at print size and on a projector: a page column scales a gallery six
    // images wide by about two thirds, and 16 units stay above 10 pixels there.
    let captionSize = 16.0
    let columns = max(1, min(perRow, images.count))
    let cellWidth = Double(images.map(\.width).max() ?? 1) * pixelSize
    let imageHeight = Double(images.map(\.height).max() ?? 1) * pixelSize
    let captionLines = images.map { wrap($0.caption ?? "", width: cellWidth, size: captionSize).count }.max() ?? 0
    let rowHeight = imageHeight + 8 + Double(captionLines) * 19 + gap
    let rowCount = (images.count + columns - 1) / columns
    let top = title.isEmpty ? 20.0 : 48
    let width = max(Double(columns) * (cellWidth + gap) + gap, title.isEmpty ? 0 : SVGWriter.textWidth(title, size: 16) + 40)
    let height = top + Double(rowCount) * rowHeight

    var svg = SVGWriter(width: width, height: height, title: title, description: summary, idPrefix: idPrefix)
    if !title.isEmpty { svg.text(title, x: width / 2, y: 30, size: 16, weight: "bold") }
    let left = (width - (Double(columns) * (cellWidth + gap) - gap)) / 2
    for (index, image) in images.enumerated() {
      let (row, column) = index.quotientAndRemainder(dividingBy: columns)
      let x = left + Double(column) * (cellWidth + gap)
      let y = top + Double(row) * rowHeight
      svg.open("g", [("class", "image"), ("shape-rendering", "crispEdges")])
      svg.rect(x: x, y: y, width: Double(image.width) * pixelSize, height: Double(image.height) * pixelSize, fill: grey(0))
      for pixelRow in 0 ..< image.height {
        var start = 0
        while start < image.width {
          let level = quantized(image.level(x: start, y: pixelRow))
          var end = start + 1
          while end < image.width, quantized(image.level(x: end, y: pixelRow)) == level { end += 1 }
          if level > 0 {
            svg.rect(x: x + Double(start) * pixelSize, y: y + Double(pixelRow) * pixelSize,
                     width: Double(end - start) * pixelSize, height: pixelSize, fill: grey(level))
          }
          start = end
        }
      }
      svg.close("g")
      for (lineIndex, line) in wrap(image.caption ?? "", width: cellWidth, size: captionSize).enumerated() {
        svg.text(line, x: x + Double(image.width) * pixelSize / 2,
                 y: y + Double(image.height) * pixelSize + 21 + Double(lineIndex) * 19, size: captionSize)
      }
    }
    return svg.document()
  }

  /// A level from 0 to 1 as one of 256 greys.
  private func quantized(_ level: Double) -> Int { Int((level * 255).rounded()) }

  private func grey(_ value: Int) -> String {
    PlotColor(hex: UInt32(value) * 0x010101, ansi: 0).hex
  }

  /// `text` broken at spaces into lines that fit `width` units at `size`.
  private func wrap(_ text: String, width: Double, size: Double) -> [String] {
    MLPPlot.wrap(text, width: max(1, Int(width / SVGWriter.textWidth("x", size: size))))
  }
}
