import Testing
import TestSupport
@testable import MLPPlot

/// Golden terminal drawings at a fixed size, in the three forms: colour, Unicode without
/// colour (NO_COLOR), and plain ASCII (not a terminal, or TERM=dumb). Each colour snapshot
/// can be looked at with `cat`.
@Suite struct TerminalSnapshotTests {
  static let forms: [(name: String, style: TerminalStyle)] = [
    ("color", TerminalStyle(width: 72, height: 22, color: true, unicode: true)),
    ("mono", TerminalStyle(width: 72, height: 22, color: false, unicode: true)),
    ("ascii", TerminalStyle.ascii(width: 72, height: 22)),
  ]

  /// Checks `figure` drawn in every terminal form against its golden drawing: no escapes
  /// without colour, nothing but ASCII in the ASCII form.
  static func expectForms(_ figure: Figure, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    for form in TerminalSnapshotTests.forms {
      let drawing = figure.terminal(form.style)
      assertSnapshot(drawing, named: "\(name).\(form.name)", sourceLocation: sourceLocation)
      if !form.style.color {
        #expect(!drawing.contains("\u{1B}"), "\(name).\(form.name) has escapes", sourceLocation: sourceLocation)
      }
      if !form.style.unicode {
        let isASCII = drawing.unicodeScalars.allSatisfy(\.isASCII)
        #expect(isASCII, "\(name).\(form.name) is not ASCII", sourceLocation: sourceLocation)
      }
    }
  }

  @Test func twinAxisTrainingChart() {
    Self.expectForms(.lineChart(Fixtures.twinChart()), named: "line-twin")
  }

  @Test func sweepOfUnequalRuns() {
    Self.expectForms(.lineChart(Fixtures.sweepChart()), named: "line-sweep")
  }

  /// Runs told apart without colour (dashes in braille, marks in ASCII, shown in the
  /// legend), on one shared scale that clips a diverged run instead of squashing the rest.
  @Test func sweepOnASharedScaleClipsTheDivergedRun() {
    let chart = Fixtures.clippedSweepChart()
    Self.expectForms(.lineChart(chart), named: "line-clipped")
    for form in TerminalSnapshotTests.forms {
      #expect(chart.terminal(form.style).contains("lr 0.1 (clipped above)"), "\(form.name)")
    }
  }

  /// `ylim=log`: ticks at 1-2-5 times powers of ten, the diverged run and the one that fell
  /// two decades both readable, no run clipped.
  @Test func sweepOnALogarithmicAxis() {
    let chart = Fixtures.logSweepChart()
    Self.expectForms(.lineChart(chart), named: "line-log")
    let drawing = chart.terminal(TerminalSnapshotTests.forms[1].style)
    #expect(!drawing.contains("clipped"), Comment(rawValue: drawing))
    for label in ["0.01 ┤", " 0.1 ┤", "   1 ┤", "  10 ┤"] {
      #expect(drawing.contains(label), "\(label) in\n\(drawing)")
    }
  }

  /// The raw curves faint (SGR 2) under their bold (SGR 1) means in colour; without colour
  /// the means are two dots thick and the raw curves a stipple, the legend showing which.
  @Test func smoothedCurvesAreBoldOverFaintRawCurves() {
    let chart = Fixtures.smoothedChart()
    Self.expectForms(.lineChart(chart), named: "line-smoothed")
    let colour = chart.terminal(TerminalSnapshotTests.forms[0].style)
    #expect(colour.contains("\u{1B}[2;38;5;39m"), "the raw loss is faint")
    #expect(colour.contains("\u{1B}[1;38;5;39m"), "the loss mean is bold, in the loss's colour")
    let mono = chart.terminal(TerminalSnapshotTests.forms[1].style)
    #expect(mono.contains("┈┈┈┈┈ loss (left)"), Comment(rawValue: mono))
    #expect(mono.contains("━━━━● loss (mean of 20) (left)"), Comment(rawValue: mono))
    #expect(mono.contains("━━ ━▲ batch accuracy (mean of 20) (right)"), Comment(rawValue: mono))
  }

  /// Cells two runs share take the first run's colour, and each run ends in its own glyph,
  /// shown again in the legend, so they read apart under NO_COLOR too.
  @Test func sharedCellsTakeTheFirstRunsColourAndRunsEndInTheirGlyph() {
    let chart = Fixtures.sharedChart()
    Self.expectForms(.lineChart(chart), named: "line-shared")
    // Over the shared stretch (the first 60 of 150 iterations: the plot's first 26 of 66
    // columns) every braille cell is in the first run's colour (39), after it both appear.
    let colour = chart.terminal(TerminalSnapshotTests.forms[0].style)
    var early = Set<String>(), late = Set<String>()
    for row in colour.components(separatedBy: "\n") {
      for (column, cell) in styledCells(row).enumerated() where (0x2800 ... 0x28FF).contains(cell.character.unicodeScalars.first!.value) {
        if column < 6 + 24 { early.insert(cell.style) } else if column > 6 + 28 { late.insert(cell.style) }
      }
    }
    #expect(early == ["38;5;39"])
    #expect(late == ["38;5;39", "38;5;208"])
    let mono = chart.terminal(TerminalSnapshotTests.forms[1].style)
    #expect(mono.contains("━━━━● seed 11"), Comment(rawValue: mono))
    #expect(mono.contains("━━ ━▲ seed 12"), Comment(rawValue: mono))
    #expect(mono.filter { $0 == "●" }.count == 2, "the glyph ends the curve and starts the legend")
    #expect(mono.filter { $0 == "▲" }.count == 2)
  }

  @Test func decisionBoundaryOfTwoBlobs() {
    Self.expectForms(.decisionBoundary(Fixtures.blobs()), named: "boundary-blobs")
  }

  @Test func decisionBoundaryOfThreeClasses() {
    Self.expectForms(.decisionBoundary(Fixtures.quadrants()), named: "boundary-three")
  }

  @Test func oneDigitAtFullSize() {
    let gallery = DigitGallery(title: "test digit 0", images: [Fixtures.digit(0, caption: "label 0, predicted 0")])
    Self.expectForms(.digits(gallery), named: "digit-one")
  }

  @Test func misclassifiedDigitsInRows() {
    let images = (0 ..< 5).map { Fixtures.digit($0 % 2, caption: "label \($0 % 2), predicted \(7 - $0)") }
    Self.expectForms(.digits(DigitGallery(title: "misclassified digits", images: images)), named: "digit-gallery")
  }

  @Test func confusionMatrixTable() {
    Self.expectForms(.confusionMatrix(Fixtures.confusion()), named: "confusion")
  }

  /// A loss that diverges to NaN halfway breaks the curve there instead of drawing garbage.
  @Test func divergedLossBreaksTheLine() {
    var loss = Fixtures.trainingRun(iterations: 120).loss
    for index in 60 ..< 120 { loss[index] = index < 80 ? loss[index] * Double(index - 58) : .nan }
    let chart = LineChart(title: "lr 10", xAxis: .iterations, leftLabel: "loss", series: [Series(name: "loss", y: loss)])
    assertSnapshot(chart.terminal(.ascii(width: 60, height: 16)), named: "line-diverged.ascii")
  }

  /// Every line of every drawing fits the width asked for, and the height too except for
  /// digit galleries, which grow downwards.
  @Test func drawingsFitTheirSize() {
    let figures: [Figure] = [
      .lineChart(Fixtures.twinChart()), .lineChart(Fixtures.sweepChart()),
      .decisionBoundary(Fixtures.blobs()), .decisionBoundary(Fixtures.quadrants()),
    ]
    for figure in figures {
      for (width, height) in [(40, 12), (72, 22), (132, 40)] {
        let style = TerminalStyle(width: width, height: height, color: false, unicode: true)
        let lines = figure.terminal(style).components(separatedBy: "\n")
        #expect(lines.count == height, "\(figure.title) at \(width) × \(height)")
        for line in lines.dropLast() {
          #expect(line.count <= width, "\(figure.title) at \(width) × \(height): \(line)")
        }
        #expect(lines.last == figure.summary)
      }
    }
  }

  /// In colour the largest confusion gets the brightest red background, one a tenth its size
  /// red digits on the terminal's background, the diagonal white on teal.
  @Test func confusionShadingFollowsSize() {
    let chart = ConfusionMatrixChart(counts: [[50, 1, 10], [0, 50, 0], [0, 0, 50]])
    let drawing = chart.terminal(TerminalStyle(width: 72, height: 22))
    #expect(drawing.contains("\u{1B}[38;5;231;48;5;160m10 "), "\(drawing)")
    #expect(drawing.contains("\u{1B}[38;5;167m 1 "), "\(drawing)")
    #expect(drawing.contains("\u{1B}[1;38;5;231;48;5;37m50 "), "\(drawing)")
    // Row 0 holds 50 of its 61 examples on the diagonal: 82 %, the fifth of six teals.
    #expect(drawing.contains("\u{1B}[1;38;5;231;48;5;31m50 "), "\(drawing)")
  }

  /// The characters of a line with the SGR parameters in force at each ("" for none).
  private func styledCells(_ line: String) -> [(character: Character, style: String)] {
    var cells: [(character: Character, style: String)] = []
    var style = ""
    var rest = Substring(line)
    while let character = rest.first {
      if character == "\u{1B}", let end = rest.firstIndex(of: "m") {
        let parameters = rest[rest.index(rest.startIndex, offsetBy: 2) ..< end]
        style = parameters == "0" ? "" : String(parameters)
        rest = rest[rest.index(after: end)...]
      } else {
        cells.append((character, style))
        rest = rest.dropFirst()
      }
    }
    return cells
  }
}
