import Foundation
import XCTest
@testable import MLPPlot

final class TerminalStyleTests: XCTestCase {
  func testTerminalGetsColourAndUnicode() {
    let style = TerminalStyle.detect(environment: ["TERM": "xterm-256color"], isTerminal: true)
    XCTAssertEqual(style, TerminalStyle(width: 80, height: 24, color: true, unicode: true))
  }

  func testNoColorKeepsUnicode() {
    let style = TerminalStyle.detect(environment: ["TERM": "xterm", "NO_COLOR": "1"], isTerminal: true)
    XCTAssertTrue(style.unicode)
    XCTAssertFalse(style.color)
    // An empty NO_COLOR does not count (no-color.org).
    XCTAssertTrue(TerminalStyle.detect(environment: ["TERM": "xterm", "NO_COLOR": ""], isTerminal: true).color)
  }

  func testDumbTerminalAndPipesGetPlainASCII() {
    for (environment, isTerminal) in [(["TERM": "dumb"], true), (["TERM": "xterm"], false), ([:], true)] {
      let style = TerminalStyle.detect(environment: environment, isTerminal: isTerminal)
      XCTAssertFalse(style.unicode, "\(environment) \(isTerminal)")
      XCTAssertFalse(style.color, "\(environment) \(isTerminal)")
    }
  }

  func testSizeFromCallerThenEnvironment() {
    let environment = ["TERM": "xterm", "COLUMNS": "132", "LINES": "50"]
    let fromEnvironment = TerminalStyle.detect(environment: environment, isTerminal: true)
    XCTAssertEqual(fromEnvironment.width, 132)
    XCTAssertEqual(fromEnvironment.height, 50)
    let fromCaller = TerminalStyle.detect(environment: environment, isTerminal: true, width: 100, height: 30)
    XCTAssertEqual(fromCaller.width, 100)
    XCTAssertEqual(fromCaller.height, 30)
    // Too small a size is raised to the smallest that draws.
    XCTAssertEqual(TerminalStyle(width: 3, height: 2).width, 24)
    XCTAssertEqual(TerminalStyle(width: 3, height: 2).height, 8)
  }

  func testStandardOutputUnderTestsIsNotATerminal() {
    // `swift test` pipes its output, so this reads the environment's size but draws ASCII.
    let style = TerminalStyle.standardOutput()
    if isatty(STDOUT_FILENO) == 0 {
      XCTAssertFalse(style.unicode)
      XCTAssertFalse(style.color)
    }
  }

  /// Escapes only ever set xterm 256-colour attributes and reset them on the same line.
  func testColourEscapesAreBalancedPerLine() {
    let drawing = Figure.lineChart(Fixtures.twinChart()).terminal(TerminalStyle(width: 72, height: 22))
    for line in drawing.components(separatedBy: "\n") where line.contains("\u{1B}") {
      let last = line.range(of: "\u{1B}[", options: .backwards)!
      XCTAssertTrue(line[last.lowerBound...].hasPrefix("\u{1B}[0m"), line)
    }
    let pattern = try! NSRegularExpression(pattern: "\u{1B}\\[([0-9;]*)m")
    let range = NSRange(drawing.startIndex..., in: drawing)
    for match in pattern.matches(in: drawing, range: range) {
      let codes = (drawing as NSString).substring(with: match.range(at: 1))
      XCTAssertTrue(
        codes == "0" || codes.range(of: "^(1;)?(38;5;[0-9]+)?;?(48;5;[0-9]+)?$|^1$", options: .regularExpression) != nil,
        codes)
    }
  }
}
