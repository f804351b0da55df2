import Foundation
import XCTest
@testable import MLPPlot
import TestSupport

final class SVGTests: XCTestCase {
  func testTwinAxisChartIsValidSVGWithBothCurves() throws {
    let chart = Fixtures.twinChart()
    let root = try parseXML(chart.svg())
    XCTAssertEqual(root.name, "svg")
    XCTAssertEqual(root.attributes["xmlns"], "http://www.w3.org/2000/svg")
    XCTAssertEqual(root.attributes["width"], "760")
    XCTAssertEqual(root.attributes["height"], "462")  // 440 and one legend row
    XCTAssertEqual(root.attributes["viewBox"], "0 0 760 462")
    XCTAssertEqual(root.elements("title").first?.text, chart.title)
    XCTAssertEqual(root.elements("desc").first?.text, chart.summary)

    let curves = root.elements("path").filter { $0.attributes["class"] == "series" }
    XCTAssertEqual(curves.count, 2)
    XCTAssertEqual(curves.map { $0.elements("title").first?.text }, ["loss", "batch accuracy"])
    XCTAssertEqual(curves.map { $0.attributes["stroke"] }, ["#4c72b0", "#dd8452"])
    XCTAssertEqual(root.elements("path").count, 2)

    let texts = root.texts
    for expected in [chart.title, "cross-entropy loss", "batch accuracy", "iterations", "loss (left)",
                     "batch accuracy (right)", "0.0", "0.2", "0.4", "0.6", "0.8", "1.0", "0", "100", "200", "300"] {
      XCTAssertTrue(texts.contains(expected), "no text '\(expected)'")
    }
    // The left axis label takes the loss' colour, the right one the accuracy's.
    let leftLabel = root.elements("text").first { $0.text == "cross-entropy loss" }
    XCTAssertEqual(leftLabel?.attributes["fill"], "#4c72b0")
    XCTAssertEqual(leftLabel?.attributes["transform"]?.hasPrefix("rotate(-90 "), true)
    let rightLabel = root.elements("text").first { $0.text == "batch accuracy" }
    XCTAssertEqual(rightLabel?.attributes["fill"], "#dd8452")
  }

  func testSweepHasOneCurveAndOneLegendEntryPerRun() throws {
    let chart = Fixtures.sweepChart()
    let root = try parseXML(chart.svg())
    XCTAssertEqual(root.elements("path").filter { $0.attributes["class"] == "series" }.count, 3)
    let texts = root.texts
    XCTAssertEqual(texts.filter { $0.hasPrefix("batch ") }, ["batch 16", "batch 64", "batch 128"])
    // Legend swatches are lines of the series' colours.
    let swatches = root.elements("line").filter { $0.attributes["stroke-width"] == "2.5" }
    XCTAssertEqual(swatches.map { $0.attributes["stroke"] }, ["#4c72b0", "#dd8452", "#55a868"])
    // Told apart without colour too: the curves and their swatches share a dash pattern each.
    let curves = root.elements("path").filter { $0.attributes["class"] == "series" }
    XCTAssertEqual(curves.map { $0.attributes["stroke-dasharray"] }, [nil, "9 4", "2 3"])
    XCTAssertEqual(swatches.map { $0.attributes["stroke-dasharray"] }, [nil, "9 4", "2 3"])
  }

  /// TensorBoard's convention: the mean bold, the raw batches faint under it.
  func testSmoothedCurveIsBoldOverAFaintRawCurve() throws {
    let raw = Series(name: "loss", y: Fixtures.trainingRun(iterations: 200).loss)
    let chart = LineChart(title: "", xAxis: .iterations, leftLabel: "loss", series: [raw, raw.smoothed(window: 20)])
    let curves = try parseXML(chart.svg()).elements("path").filter { $0.attributes["class"] == "series" }
    XCTAssertEqual(curves.map { $0.attributes["stroke-opacity"] }, ["0.35", nil])
    XCTAssertEqual(curves.map { $0.attributes["stroke-width"] }, ["1", "2.75"])
    // One hue for a curve and its mean, as TensorBoard draws them.
    XCTAssertEqual(curves.map { $0.attributes["stroke"] }, ["#4c72b0", "#4c72b0"])
  }

  /// `ylim=log`: tick labels at 1-2-5 times powers of ten, every curve point finite.
  func testLogarithmicAxisTicksAndCurves() throws {
    let root = try parseXML(Fixtures.logSweepChart().svg())
    XCTAssertTrue(["0.01", "0.1", "1", "10"].allSatisfy(root.texts.contains), "\(root.texts)")
    let curves = root.elements("path").filter { $0.attributes["class"] == "series" }
    XCTAssertEqual(curves.count, 3)
    XCTAssertFalse(curves.contains { ($0.attributes["d"] ?? "").contains("n") }, "no nan or inf")
  }

  /// A 3750-point curve is written with at most four points per pixel column of the plot.
  func testLongCurveIsReducedPerPixelColumn() throws {
    let loss = Fixtures.trainingRun(iterations: 3750).loss
    let chart = LineChart(title: "batch 16", xAxis: .iterations, leftLabel: "loss", series: [Series(name: "loss", y: loss)])
    let root = try parseXML(chart.svg())
    let clip = root.elements("clipPath").first!.elements("rect").first!
    let plotWidth = Double(clip.attributes["width"]!)!
    let data = root.elements("path").first!.attributes["d"]!
    let points = data.split(whereSeparator: { $0 == " " || $0 == "L" || $0 == "M" }).count
    XCTAssertGreaterThan(points, Int(plotWidth))
    XCTAssertLessThanOrEqual(points, 4 * (Int(plotWidth) + 1))
  }

  func testNonFiniteValuesStartANewSubpath() throws {
    let chart = LineChart(
      title: "gap", xAxis: .iterations, leftLabel: "loss",
      series: [Series(name: "loss", y: [3, 2, .nan, 1.5, 1])])
    let data = try parseXML(chart.svg()).elements("path").first!.attributes["d"]!
    XCTAssertEqual(data.filter { $0 == "M" }.count, 2)
    XCTAssertFalse(data.contains("nan"))
  }

  func testTextIsEscaped() throws {
    let title = "loss < 1 & \"accuracy\" > 0.9 'always'"
    let chart = LineChart(
      title: title, xLabel: "x <i>", leftLabel: "y & z",
      series: [Series(name: "a<b>", y: [1, 2]), Series(name: "c&d", y: [2, 1])])
    let svg = chart.svg()
    let root = try parseXML(svg)
    XCTAssertEqual(root.elements("title").first?.text, title)
    XCTAssertTrue(root.texts.contains("x <i>"))
    XCTAssertTrue(root.texts.contains("a<b>"))
    XCTAssertTrue(root.texts.contains("c&d"))
    XCTAssertFalse(svg.contains("<i>"))
  }

  func testDecisionBoundaryHasRegionsBoundaryAndOneMarkerPerPoint() throws {
    let boundary = Fixtures.blobs()
    let root = try parseXML(boundary.svg())
    XCTAssertEqual(root.elements("desc").first?.text, boundary.summary)

    // One rect per run of equal classes in a grid row, counted here from the grid itself.
    var runs = 0
    for row in 0 ..< boundary.rows {
      for column in 0 ..< boundary.columns
      where column == 0 || boundary.classes[row * boundary.columns + column] != boundary.classes[row * boundary.columns + column - 1] {
        runs += 1
      }
    }
    let regions = root.all.first { $0.attributes["class"] == "regions" }!
    XCTAssertEqual(regions.elements("rect").count, runs)
    XCTAssertEqual(Set(regions.elements("rect").compactMap { $0.attributes["fill"] }).count, 2)

    let markers = root.all.filter { $0.attributes["class"]?.hasPrefix("point class-") == true }
    let inPoints = root.all.first { $0.attributes["class"] == "points" }!
    XCTAssertEqual(inPoints.children.count, boundary.points.count)
    XCTAssertEqual(markers.filter { $0.attributes["class"] == "point class-0" && $0.name == "circle" }.count, 40 + 1)  // + legend
    XCTAssertEqual(markers.filter { $0.attributes["class"] == "point class-1" && $0.name == "polygon" }.count, 41 + 1)
    XCTAssertTrue(root.texts.contains("class 0"))
    XCTAssertTrue(root.texts.contains("class 1"))
    XCTAssertTrue(root.texts.contains(boundary.title))
  }

  /// A vertical split x < 0 | x ≥ 0 is traced by marching squares as one vertical line half-way
  /// between the two columns of cell centres next to it, the middle of the plot.
  func testBoundaryLineOfAVerticalSplitIsStraight() throws {
    let boundary = DecisionBoundary(
      title: "split", xRange: -1 ... 1, yRange: -1 ... 1, columns: 8, rows: 6, points: []
    ) { x, _ in x < 0 ? 0 : 1 }
    let root = try parseXML(boundary.svg())
    let clip = root.elements("clipPath").first!.elements("rect").first!
    let middle = Double(clip.attributes["x"]!)! + Double(clip.attributes["width"]!)! / 2
    let data = root.all.first { $0.attributes["class"] == "boundary" }!.attributes["d"]!
    let pairs = data.split(whereSeparator: { $0 == " " || $0 == "M" || $0 == "L" })
    XCTAssertEqual(pairs.count, 2 * 5)  // one segment per block of four centres, 5 rows of blocks
    for pair in pairs {
      XCTAssertEqual(Double(pair.split(separator: ",")[0])!, middle, accuracy: 0.01)
    }
  }

  func testDigitsAreGreyRectsWithCaptions() throws {
    let images = [Fixtures.digit(0, caption: "label 0, predicted 6"), Fixtures.digit(1, caption: "label 1, predicted 7")]
    let gallery = DigitGallery(title: "misclassified digits", images: images)
    let root = try parseXML(gallery.svg())
    let groups = root.all.filter { $0.attributes["class"] == "image" }
    XCTAssertEqual(groups.count, 2)
    // Black background, then runs of non-black pixels, white among them (value 255).
    XCTAssertEqual(groups[0].elements("rect").first?.attributes["fill"], "#000000")
    XCTAssertTrue(groups[0].elements("rect").contains { $0.attributes["fill"] == "#ffffff" })
    let nonBlack = images[0].pixels.filter { $0 > 0.5 }.count
    XCTAssertLessThan(groups[0].elements("rect").count, nonBlack)  // runs merge pixels
    let texts = root.texts
    XCTAssertTrue(texts.contains("misclassified digits"))
    // "label 0, predicted 6" wraps to two lines under a 112-unit-wide image.
    XCTAssertTrue(texts.contains("label 0,"))
    XCTAssertTrue(texts.contains("predicted 6"))
    // Captions legible at print size: 16 units, not 12.
    XCTAssertTrue(root.all.filter { $0.name == "text" && $0.textContent == "predicted 6" }
      .allSatisfy { $0.attributes["font-size"] == "16" })
  }

  func testConfusionMatrixCellsCarryTheirCounts() throws {
    let chart = ConfusionMatrixChart(title: "pets", counts: [[5, 1], [2, 2]], classNames: ["cat", "dog"])
    let root = try parseXML(chart.svg())
    let cells = root.all.first { $0.attributes["class"] == "cells" }!
    XCTAssertEqual(cells.elements("rect").count, 4)
    XCTAssertEqual(cells.texts, ["5", "1", "2", "2"])
    // The diagonal is bold; the larger confusion is the deeper red.
    XCTAssertEqual(cells.elements("text").map { $0.attributes["font-weight"] }, ["bold", nil, nil, "bold"])
    let fills = cells.elements("rect").map { $0.attributes["fill"]! }
    XCTAssertLessThan(PlotColorTests.luminance(fills[2]), PlotColorTests.luminance(fills[1]))
    let totals = root.all.first { $0.attributes["class"] == "totals" }!.texts
    XCTAssertEqual(totals, ["6", "83.3%", "4", "50.0%", "total", "7", "3", "10", "70.0%"])
    XCTAssertTrue(root.texts.contains("predicted"))
    XCTAssertTrue(root.texts.contains("actual"))
  }

  func testEveryFigureWritesItsSVGToAFile() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mlpplot-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let figures: [Figure] = [
      .lineChart(Fixtures.twinChart()), .decisionBoundary(Fixtures.quadrants()),
      .digits(DigitGallery(title: "one", images: [Fixtures.digit(0)])), .confusionMatrix(Fixtures.confusion()),
    ]
    for (index, figure) in figures.enumerated() {
      let path = directory.appendingPathComponent("figure-\(index).svg").path
      try figure.writeSVG(to: path)
      let written = try String(contentsOfFile: path, encoding: .utf8)
      XCTAssertEqual(written, figure.svg())
      XCTAssertEqual(try parseXML(written).elements("desc").first?.text, figure.summary)
    }
  }

  func testWritingIntoAMissingFolderSaysWhere() {
    let path = "/nonexistent-mlpplot-folder/plot.svg"
    XCTAssertThrowsError(try Figure.lineChart(Fixtures.twinChart()).writeSVG(to: path)) { error in
      guard case PlotError.cannotWrite(let where_, _) = error else { return XCTFail("\(error)") }
      XCTAssertEqual(where_, path)
      let text = "\(error)"
      XCTAssertTrue(text.hasPrefix("cannot write '/nonexistent-mlpplot-folder/plot.svg': "), text)
      XCTAssertFalse(text.hasSuffix("."), text)
    }
  }
}

/// The colour helpers the figures share.
final class PlotColorTests: XCTestCase {
  static func luminance(_ hex: String) -> Double {
    let value = UInt32(hex.dropFirst(), radix: 16)!
    return PlotColor(hex: value, ansi: 0).luminance
  }

  func testHexMixingAndNearestTerminalColour() {
    XCTAssertEqual(PlotColor(hex: 0x4c72b0, ansi: 39).hex, "#4c72b0")
    XCTAssertEqual(PlotColor.black.mixed(with: .white, 0.5).hex, "#808080")
    // The cube's own entries map to themselves: (95, 135, 215) is 16 + 36·1 + 6·2 + 4 = 68.
    XCTAssertEqual(PlotColor.nearestANSI(red: 95, green: 135, blue: 215), 68)
    // A mid grey is nearer the grey ramp than the cube: 128 → 232 + 12 (value 128).
    XCTAssertEqual(PlotColor.nearestANSI(red: 128, green: 128, blue: 128), 244)
    XCTAssertEqual(Palette.greyANSI(0), 16)
    XCTAssertEqual(Palette.greyANSI(1), 231)
    XCTAssertEqual(Palette.greyANSI(0.5), 244)
  }
}
