import Foundation
import XCTest
@testable import MLPPlot
import TestSupport

/// Several figures inline in one HTML page need ids of their own: every id a document
/// defines starts with the prefix, and every reference points at an id of the same document.
final class SVGIDPrefixTests: XCTestCase {
  // Built afresh for each use rather than kept for the whole process (LeakSanitizer cannot
  // follow what a static holds through Swift's tagged enum pointers).
  static var figures: [(String, Figure)] { [
    ("line chart", .lineChart(Fixtures.twinChart(iterations: 50))),
    ("decision boundary", .decisionBoundary(Fixtures.blobs())),
    ("digits", .digits(DigitGallery(title: "two digits", images: [Fixtures.digit(0), Fixtures.digit(1)]))),
    ("confusion matrix", .confusionMatrix(Fixtures.confusion())),
  ] }

  func testEveryIDStartsWithThePrefixAndEveryReferenceResolves() throws {
    for (name, figure) in Self.figures {
      let root = try parseXML(figure.svg(idPrefix: "fig7-"))
      let ids = root.all.compactMap { $0.attributes["id"] }
      XCTAssertFalse(ids.isEmpty, name)
      XCTAssertEqual(ids.filter { !$0.hasPrefix("fig7-") }, [], name)
      XCTAssertEqual(Set(ids).count, ids.count, "\(name): an id defined twice")
      XCTAssertEqual(root.attributes["aria-labelledby"], "fig7-figure-title fig7-figure-desc", name)
      for node in root.all {
        for value in node.attributes.values {
          for reference in Self.references(in: value) {
            XCTAssertTrue(ids.contains(reference), "\(name): '\(reference)' is not defined")
          }
        }
      }
    }
  }

  func testTheDefaultPrefixLeavesTheDocumentAsItWas() throws {
    let chart = Fixtures.twinChart(iterations: 50)
    XCTAssertEqual(Figure.lineChart(chart).svg(), chart.svg())
    let root = try parseXML(chart.svg())
    XCTAssertEqual(root.elements("clipPath").first?.attributes["id"], "plot-area")
    XCTAssertEqual(root.elements("title").first?.attributes["id"], "figure-title")
  }

  func testTwoPrefixesGiveDocumentsThatDifferOnlyInTheirIDs() {
    let figure = Figure.decisionBoundary(Fixtures.quadrants())
    let first = figure.svg(idPrefix: "first7-"), second = figure.svg(idPrefix: "second7-")
    XCTAssertNotEqual(first, second)
    XCTAssertEqual(first.replacingOccurrences(of: "first7-", with: ""),
                   second.replacingOccurrences(of: "second7-", with: ""))
  }

  /// The ids named by `url(#…)` references in an attribute value.
  static func references(in value: String) -> [String] {
    var found: [String] = []
    var rest = Substring(value)
    while let start = rest.range(of: "url(#") {
      let tail = rest[start.upperBound...]
      guard let end = tail.firstIndex(of: ")") else { break }
      found.append(String(tail[..<end]))
      rest = tail[end...]
    }
    return found
  }
}
