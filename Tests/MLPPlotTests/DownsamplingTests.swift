import XCTest
@testable import MLPPlot

final class DownsamplingTests: XCTestCase {
  func testKeepsFirstExtremesAndLastOfEachColumnInOrder() {
    // Columns of width 1 over x = 0 … 9: points 0–4 fall in columns 0 … 1 after rounding.
    let x: [Double] = [0, 0.1, 0.2, 0.3, 0.4, 1.0, 1.2]
    let y: [Double] = [5, 9, 1, 7, 6, 3, 4]
    let runs = Downsampling.minMax(x: x, y: y) { Int($0.rounded()) }
    XCTAssertEqual(runs.count, 1)
    // Column 0 keeps first (5), highest (9), lowest (1), last (6) in index order; column 1
    // keeps 3 and 4.
    XCTAssertEqual(runs[0].map(\.y), [5, 9, 1, 6, 3, 4])
  }

  func testNonFiniteValuesBreakTheLine() {
    let x: [Double] = [1, 2, 3, 4, 5, 6]
    let y: [Double] = [1, 2, .nan, 4, .infinity, 6]
    let runs = Downsampling.minMax(x: x, y: y) { Int($0) }
    XCTAssertEqual(runs.map { $0.map(\.y) }, [[1, 2], [4], [6]])
  }

  func testLongSeriesShrinksToFourPointsPerColumn() {
    let run = Fixtures.trainingRun(iterations: 3750).loss
    let x = run.indices.map { Double($0 + 1) }
    let runs = Downsampling.minMax(x: x, y: run) { Int(($0 - 1) / 3749 * 159) }
    XCTAssertEqual(runs.count, 1)
    XCTAssertLessThanOrEqual(runs[0].count, 4 * 160)
    XCTAssertEqual(runs[0].first?.y, run.first)
    XCTAssertEqual(runs[0].last?.y, run.last)
    XCTAssertEqual(runs[0].map(\.y).max(), run.max())
    XCTAssertEqual(runs[0].map(\.y).min(), run.min())
  }

  /// The reduced polyline lights exactly the pixels the full one does.
  func testReducedLineDrawsTheSamePixels() {
    let run = Fixtures.trainingRun(iterations: 3750, seed: 5).loss
    let x = run.indices.map { Double($0) }
    for braille in [true, false] {
      var full = DotCanvas(columns: 50, rows: 12, braille: braille)
      var reduced = DotCanvas(columns: 50, rows: 12, braille: braille)
      let width = full.pixelWidth, height = full.pixelHeight
      func column(_ value: Double) -> Int { Int((value / 3749 * Double(width - 1)).rounded()) }
      func row(_ value: Double) -> Int { Int(((3 - value) / 3 * Double(height - 1)).rounded()) }
      func draw(_ points: [PlotPoint], on canvas: inout DotCanvas) {
        var previous = (x: column(points[0].x), y: row(points[0].y))
        for point in points {
          let pixel = (x: column(point.x), y: row(point.y))
          canvas.line(from: previous, to: pixel, series: 0)
          previous = pixel
        }
      }
      draw(zip(x, run).map { PlotPoint(x: $0, y: $1) }, on: &full)
      draw(Downsampling.minMax(x: x, y: run, column: column)[0], on: &reduced)
      XCTAssertEqual(full.cells(marks: ["*"], styles: [.plain]), reduced.cells(marks: ["*"], styles: [.plain]))
    }
  }

  func testBrailleDotsMapToTheirBits() {
    var canvas = DotCanvas(columns: 1, rows: 1, braille: true)
    canvas.set(0, 0, series: 0)
    XCTAssertEqual(canvas.cells(marks: ["*"], styles: [.plain])[0][0].character, "⠁")
    canvas.set(1, 3, series: 0)
    XCTAssertEqual(canvas.cells(marks: ["*"], styles: [.plain])[0][0].character, "⢁")
    for x in 0 ..< 2 { for y in 0 ..< 4 { canvas.set(x, y, series: 1) } }
    let cell = canvas.cells(marks: ["*", "+"], styles: [TextStyle(foreground: 1), TextStyle(foreground: 2)])[0][0]
    XCTAssertEqual(cell.character, "⣿")
    // Between equals the earlier series keeps the cell (it was the last-drawn one before).
    XCTAssertEqual(cell.style.foreground, 1)
  }

  /// A stronger series takes shared pixels and cells whatever the drawing order, and the dots
  /// of a rank-0 (faint) series leave the cells a stronger one passes through.
  func testSharedCellsGoToTheStrongerThenTheEarlierSeries() {
    let styles = [TextStyle(foreground: 1), TextStyle(foreground: 2), TextStyle(foreground: 3)]
    var canvas = DotCanvas(columns: 2, rows: 1, braille: true, ranks: [0, 2, 1])
    canvas.line(from: (x: 0, y: 3), to: (x: 3, y: 3), series: 0)  // faint, along the bottom
    canvas.line(from: (x: 0, y: 0), to: (x: 1, y: 0), series: 2)  // normal, top of cell 0
    canvas.line(from: (x: 1, y: 0), to: (x: 1, y: 1), series: 1)  // bold, over pixel (1, 0)
    let cells = canvas.cells(marks: ["*", "+", "o"], styles: styles)[0]
    // Cell 0: dots 1, 4 and 5 (the normal and bold lines); the faint bottom row gives way.
    XCTAssertEqual(cells[0].character, "⠙")
    XCTAssertEqual(cells[0].style.foreground, 2)
    // Cell 1 holds the faint line alone: its dots 7 and 8, in its style.
    XCTAssertEqual(cells[1].character, "⣀")
    XCTAssertEqual(cells[1].style.foreground, 1)

    var ascii = DotCanvas(columns: 2, rows: 1, braille: false, ranks: [1, 1])
    ascii.set(0, 0, series: 0)
    ascii.set(0, 0, series: 1)
    ascii.set(1, 0, series: 1)
    XCTAssertEqual(ascii.cells(marks: ["*", "+"], styles: [.plain, .plain])[0].map(\.character), ["*", "+"])
  }

  /// A thick pen takes the pixel below each one; a stipple only pixels at even x and y.
  func testThickAndStippledPens() {
    var thick = DotCanvas(columns: 2, rows: 1, braille: true)
    thick.line(from: (x: 0, y: 1), to: (x: 3, y: 1), series: 0, pen: DotCanvas.Pen(thick: true))
    XCTAssertEqual(thick.cells(marks: ["*"], styles: [.plain])[0].map(\.character), ["⠶", "⠶"])
    var stipple = DotCanvas(columns: 2, rows: 1, braille: true)
    stipple.line(from: (x: 0, y: 0), to: (x: 3, y: 0), series: 0, pen: DotCanvas.Pen(stipple: true))
    stipple.line(from: (x: 0, y: 1), to: (x: 3, y: 1), series: 0, pen: DotCanvas.Pen(stipple: true))
    XCTAssertEqual(stipple.cells(marks: ["*"], styles: [.plain])[0].map(\.character), ["⠁", "⠁"])
  }
}
