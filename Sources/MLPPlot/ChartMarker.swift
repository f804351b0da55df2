/// A labelled vertical line across a line chart at one x: where something about the run
/// changed ("lr 0.1 → 0.01" where a later `train` call used another rate).
public struct ChartMarker: Sendable, Equatable {
  /// Where the line stands, in the chart's x units.
  public var x: Double
  /// What changed there.
  public var label: String

  public init(x: Double, label: String) {
    self.x = x
    self.label = label
  }
}

extension LineChart {
  /// "changes: lr 0.1 → 0.01 at 937", for the summary line; empty without markers.
  var markerSummary: String {
    guard !markers.isEmpty else { return "" }
    return "changes: " + markers.map { "\($0.label) at \(NumberFormat.short($0.x))" }.joined(separator: ", ")
  }

  /// The plot's cells with each marker drawn over them: a dotted column where no curve passes,
  /// and its label on the top row, right of the line (left of it when it would not fit).
  /// Later markers' labels go one row lower, so that two near each other both read.
  func drawMarkers(
    on plot: [[TextCell]], column: (Double) -> Int, _ style: TerminalStyle
  ) -> [[TextCell]] {
    guard !markers.isEmpty, let width = plot.first?.count, width > 0 else { return plot }
    var cells = plot
    let muted = TextStyle(foreground: style.color ? Palette.axisANSI : nil)
    let rule = TextCell(style.unicode ? "┊" : ":", muted)
    for (index, marker) in markers.enumerated() {
      let at = min(max(column(marker.x), 0), width - 1)
      for row in cells.indices where cells[row][at] == .blank { cells[row][at] = rule }
      var text = Array(style.unicode ? marker.label : marker.label.map { $0 == "→" ? "->" : String($0) }.joined())
      if text.count > width - 1 { text = Array(text.prefix(max(width - 1, 0))) }
      let start = at + 1 + text.count <= width ? at + 1 : max(at - text.count, 0)
      let row = index % cells.count
      for (offset, character) in text.enumerated() where start + offset < width {
        cells[row][start + offset] = TextCell(character, muted)
      }
    }
    return cells
  }

  /// Each marker as a dashed grey line across the plot area with its label at the top,
  /// right of the line (left of it past the middle), a line lower for each later marker.
  func drawMarkers(
    into svg: inout SVGWriter, x: (Double) -> Double, top: Double, left: Double, width: Double, height: Double
  ) {
    for (index, marker) in markers.enumerated() {
      let at = min(max(x(marker.x), left), left + width)
      svg.line(x1: at, y1: top, x2: at, y2: top + height, stroke: Palette.svgMutedText, width: 1,
               [("stroke-dasharray", "4 3"), ("class", "marker")])
      let rightSide = at < left + width / 2
      let baseline = top + 14 + 16 * Double(index % 4)
      // On a light box, so that the label reads over a dense curve.
      let textWidth = SVGWriter.textWidth(marker.label, size: 11)
      svg.rect(x: rightSide ? at + 1 : at - textWidth - 7, y: baseline - 11, width: textWidth + 6, height: 15,
               fill: "#ffffff", [("fill-opacity", "0.85")])
      svg.text(marker.label, x: at + (rightSide ? 4 : -4), y: baseline, size: 11,
               anchor: rightSide ? "start" : "end", fill: Palette.svgText)
    }
  }
}
