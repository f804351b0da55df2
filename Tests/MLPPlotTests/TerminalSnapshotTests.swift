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

  private func expectForms(_ figure: Figure, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
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
    expectForms(.lineChart(Fixtures.twinChart()), named: "line-twin")
  }

  @Test func sweepOfUnequalRuns() {
    expectForms(.lineChart(Fixtures.sweepChart()), named: "line-sweep")
  }

  /// Runs told apart without colour (dashes in braille, marks in ASCII, shown in the
  /// legend), on one shared scale that clips a diverged run instead of squashing the rest.
  @Test func sweepOnASharedScaleClipsTheDivergedRun() {
    let chart = Fixtures.clippedSweepChart()
    expectForms(.lineChart(chart), named: "line-clipped")
    for form in TerminalSnapshotTests.forms {
      #expect(chart.terminal(form.style).contains("lr 0.1 (clipped above)"), "\(form.name)")
    }
  }

  @Test func decisionBoundaryOfTwoBlobs() {
    expectForms(.decisionBoundary(Fixtures.blobs()), named: "boundary-blobs")
  }

  @Test func decisionBoundaryOfThreeClasses() {
    expectForms(.decisionBoundary(Fixtures.quadrants()), named: "boundary-three")
  }

  @Test func oneDigitAtFullSize() {
    let gallery = DigitGallery(title: "test digit 0", images: [Fixtures.digit(0, caption: "label 0, predicted 0")])
    expectForms(.digits(gallery), named: "digit-one")
  }

  @Test func misclassifiedDigitsInRows() {
    let images = (0 ..< 5).map { Fixtures.digit($0 % 2, caption: "label \($0 % 2), predicted \(7 - $0)") }
    expectForms(.digits(DigitGallery(title: "misclassified digits", images: images)), named: "digit-gallery")
  }

  @Test func confusionMatrixTable() {
    expectForms(.confusionMatrix(Fixtures.confusion()), named: "confusion")
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
}
