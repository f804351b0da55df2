extension ConfusionMatrixChart {
  /// The matrix as a standalone SVG document: a heat map of `cellSize`-unit squares with the
  /// counts written in them, actual classes down, predicted across, and a column of row totals
  /// and recalls, a row of column totals, and the accuracy in the corner.
  ///
  /// Diagonal cells are blue by the share of their row; confusions are red by their size
  /// relative to the largest confusion; zeros stay near white.
  ///
  /// `idPrefix` starts every id the document defines (give each figure of an HTML page its own).
  public func svg(cellSize: Double = 44, idPrefix: String = "") -> String {
    let names = (0 ..< classCount).map { name(ofClass: $0) }
    let nameWidth = names.map { SVGWriter.textWidth($0, size: 12) }.max() ?? 0
    let top = (title.isEmpty ? 20.0 : 48) + 40
    let left = 40 + nameWidth + 12
    let matrixWidth = Double(classCount) * cellSize
    let totalsWidth = 2 * cellSize + 16
    let width = left + matrixWidth + 12 + totalsWidth + 20
    let height = top + Double(classCount + 1) * cellSize + 24
    let confusion = largestConfusion
    let valueSize = min(14, cellSize * 0.3)

    var svg = SVGWriter(width: width, height: height, title: title, description: summary, idPrefix: idPrefix)
    if !title.isEmpty { svg.text(title, x: width / 2, y: 30, size: 16, weight: "bold") }
    svg.text("predicted", x: left + matrixWidth / 2, y: top - 26, size: 13)
    svg.text("actual", x: 18, y: top + Double(classCount) * cellSize / 2, size: 13, rotation: -90)
    for (index, name) in names.enumerated() {
      let centre = Double(index) * cellSize + cellSize / 2
      svg.text(name, x: left + centre, y: top - 8, size: 12, fill: Palette.svgMutedText)
      svg.text(name, x: left - 8, y: top + centre + 4, size: 12, anchor: "end", fill: Palette.svgMutedText)
    }
    let totalsLeft = left + matrixWidth + 12
    svg.text("total", x: totalsLeft + cellSize / 2, y: top - 8, size: 12, fill: Palette.svgMutedText)
    svg.text("recall", x: totalsLeft + 1.5 * cellSize + 8, y: top - 8, size: 12, fill: Palette.svgMutedText)

    svg.open("g", [("class", "cells")])
    for actual in 0 ..< classCount {
      for predicted in 0 ..< classCount {
        let count = counts[actual][predicted]
        let fill = cellColor(actual, predicted, confusion: confusion)
        let x = left + Double(predicted) * cellSize, y = top + Double(actual) * cellSize
        svg.rect(x: x, y: y, width: cellSize - 1, height: cellSize - 1, fill: fill.hex)
        svg.text(String(count), x: x + cellSize / 2, y: y + cellSize / 2 + valueSize * 0.35, size: valueSize,
                 fill: count == 0 ? "#b8b8b8" : (fill.luminance < 0.55 ? "#ffffff" : Palette.svgText),
                 weight: actual == predicted ? "bold" : nil)
      }
    }
    svg.close("g")

    // Totals: a column of row totals and recalls, a row of column totals, the accuracy.
    svg.open("g", [("class", "totals")])
    for actual in 0 ..< classCount {
      let y = top + Double(actual) * cellSize
      svg.rect(x: totalsLeft, y: y, width: totalsWidth, height: cellSize - 1, fill: Palette.svgPlotBackground)
      svg.text(String(rowTotals[actual]), x: totalsLeft + cellSize / 2, y: y + cellSize / 2 + 4, size: 12)
      let recall = recall(ofClass: actual).map { NumberFormat.percent($0) } ?? "–"
      svg.text(recall, x: totalsLeft + 1.5 * cellSize + 8, y: y + cellSize / 2 + 4, size: 12)
    }
    let totalsTop = top + Double(classCount) * cellSize + 4
    svg.text("total", x: left - 8, y: totalsTop + cellSize / 2, size: 12, anchor: "end", fill: Palette.svgMutedText)
    for (index, count) in columnTotals.enumerated() {
      let x = left + Double(index) * cellSize
      svg.rect(x: x, y: totalsTop, width: cellSize - 1, height: cellSize - 1, fill: Palette.svgPlotBackground)
      svg.text(String(count), x: x + cellSize / 2, y: totalsTop + cellSize / 2 + 4, size: 12)
    }
    svg.rect(x: totalsLeft, y: totalsTop, width: totalsWidth, height: cellSize - 1, fill: "#d5d5e0")
    svg.text(String(total), x: totalsLeft + cellSize / 2, y: totalsTop + cellSize / 2 + 4, size: 12, weight: "bold")
    svg.text(NumberFormat.percent(accuracy), x: totalsLeft + 1.5 * cellSize + 8, y: totalsTop + cellSize / 2 + 4,
             size: 12, weight: "bold")
    svg.close("g")
    return svg.document()
  }

  /// The fill of cell (`actual`, `predicted`).
  private func cellColor(_ actual: Int, _ predicted: Int, confusion: Int) -> PlotColor {
    let count = counts[actual][predicted]
    let paper = PlotColor(hex: 0xf7f7f7, ansi: 255)
    guard count > 0 else { return paper }
    if actual == predicted {
      let share = Double(count) / Double(max(1, rowTotals[actual]))
      return paper.mixed(with: Palette.series(0), 0.15 + 0.85 * share)
    }
    let strength = Double(count) / Double(max(1, confusion))
    return paper.mixed(with: Palette.series(3), 0.12 + 0.78 * strength)
  }
}
