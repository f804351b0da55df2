/// A legend laid out in centred rows under an SVG chart: each entry a swatch (drawn by the
/// caller) followed by its text.
struct SVGLegend {
  /// An entry's position: the left end of its swatch and the baseline of its row.
  struct Placement {
    var index: Int
    var x: Double
    var y: Double
  }

  static let swatchWidth = 22.0
  static let rowHeight = 22.0
  static let fontSize = 13.0
  private static let spacing = 20.0
  private static let textGap = 6.0

  /// The rows of entry indices, filled left to right up to `width`.
  let rows: [[Int]]
  private let widths: [Double]

  init(names: [String], width: Double) {
    widths = names.map {
      SVGLegend.swatchWidth + SVGLegend.textGap + SVGWriter.textWidth($0, size: SVGLegend.fontSize)
    }
    var rows: [[Int]] = []
    var row: [Int] = []
    var used = 0.0
    for (index, entry) in widths.enumerated() {
      if !row.isEmpty, used + SVGLegend.spacing + entry > width {
        rows.append(row)
        row = []
        used = 0
      }
      used += (row.isEmpty ? 0 : SVGLegend.spacing) + entry
      row.append(index)
    }
    if !row.isEmpty { rows.append(row) }
    self.rows = rows
  }

  /// The height the legend takes.
  var height: Double { Double(rows.count) * SVGLegend.rowHeight }

  /// Where each entry goes when the rows are centred on `centre` and the first baseline is
  /// at `top + 15`.
  func placements(centre: Double, top: Double) -> [Placement] {
    var placements: [Placement] = []
    for (rowIndex, row) in rows.enumerated() {
      let rowWidth = row.map { widths[$0] }.reduce(0, +) + SVGLegend.spacing * Double(row.count - 1)
      var x = centre - rowWidth / 2
      let y = top + 15 + Double(rowIndex) * SVGLegend.rowHeight
      for index in row {
        placements.append(Placement(index: index, x: x, y: y))
        x += widths[index] + SVGLegend.spacing
      }
    }
    return placements
  }

  /// Writes the text of an entry placed at `placement`.
  static func label(_ text: String, at placement: Placement, into svg: inout SVGWriter) {
    svg.text(
      text, x: placement.x + swatchWidth + textGap, y: placement.y, size: fontSize, anchor: "start")
  }
}
