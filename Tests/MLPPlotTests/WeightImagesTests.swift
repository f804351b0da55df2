import Testing
import TestSupport
@testable import MLPPlot

/// A layer's weights drawn as images: golden drawings in the three terminal forms, and the
/// SVG's units and colours.
@Suite struct WeightImagesTests {
  /// Three 8 × 8 units: a ramp from -0.5 (left) to +0.5 (right), a positive ring around a
  /// negative centre, and weights a tenth as large (nearly white on the shared scale).
  static func digitUnits() -> WeightImages {
    let ramp = (0 ..< 64).map { Double($0 % 8) / 7 - 0.5 }
    let ring = (0 ..< 64).map { index -> Double in
      let (y, x) = index.quotientAndRemainder(dividingBy: 8)
      let radius = ((Double(x) - 3.5) * (Double(x) - 3.5) + (Double(y) - 3.5) * (Double(y) - 3.5)).squareRoot()
      return radius < 1.6 ? -0.4 : (radius < 3.2 ? 0.45 : 0)
    }
    let faint = ramp.map { $0 / 10 }
    let units = [ramp, ring, faint].enumerated().map { WeightImages.Unit(index: $0.offset, weights: $0.element) }
    return WeightImages(title: "m: incoming weights of layer 0's units", width: 8, height: 8, units: units,
                        layerUnits: 16)
  }

  /// Two 28 × 28 units: a slanted positive bar on a negative field, and its negation.
  static func mnistUnits() -> WeightImages {
    let bar = (0 ..< 784).map { index -> Double in
      let (y, x) = index.quotientAndRemainder(dividingBy: 28)
      return abs(x - 6 - y / 2) < 3 ? 0.2 : (x > 2 && x < 25 ? -0.1 : 0)
    }
    let units = [WeightImages.Unit(index: 0, weights: bar), WeightImages.Unit(index: 1, weights: bar.map { -$0 })]
    return WeightImages(title: "mnist model: layer 0", width: 28, height: 28, units: units, layerUnits: 128)
  }

  /// The golden drawings, and in every form lines within the width (without colour) and
  /// the summary as the last line.
  private func expectForms(_ figure: Figure, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    TerminalSnapshotTests.expectForms(figure, named: name, sourceLocation: sourceLocation)
    for form in TerminalSnapshotTests.forms {
      let drawing = figure.terminal(form.style)
      for line in drawing.components(separatedBy: "\n").dropLast() where !form.style.color {
        #expect(line.count <= form.style.width, "\(name).\(form.name): \(line)", sourceLocation: sourceLocation)
      }
      #expect(drawing.components(separatedBy: "\n").last == (form.style.unicode ? figure.summary : asciiOnly(figure.summary)))
    }
  }

  @Test func digitSizedUnits() {
    expectForms(.weights(Self.digitUnits()), named: "weights-8x8")
  }

  @Test func mnistSizedUnits() {
    expectForms(.weights(Self.mnistUnits()), named: "weights-28x28")
  }

  /// The scale is shared and symmetric: its limit is the largest |w| of all the units drawn.
  @Test func summaryNamesUnitsAndScale() {
    let images = Self.digitUnits()
    #expect(images.limit == 0.5)
    #expect(images.summary
      == "units 0 … 2 of 16 in layer 0 as 8×8 images, scale −0.5 (blue) … 0 … +0.5 (red)")
    let zero = WeightImages(title: "", width: 8, height: 8, units: [.init(index: 4, weights: Array(repeating: 0, count: 64))])
    #expect(zero.summary == "unit 4 of 1 in layer 0 as 8×8 images, scale 0 (blue) … 0 … 0 (red)")
  }

  /// In colour the most negative weight has the deepest blue background and the most
  /// positive the deepest red; 0 is white.
  @Test func colourExtremesInTheTerminal() {
    let drawing = Figure.weights(Self.digitUnits()).terminal(TerminalStyle(width: 72, height: 22))
    #expect(drawing.contains("\u{1B}[48;5;25m  "))
    #expect(drawing.contains("\u{1B}[48;5;124m  "))
    #expect(Palette.weightANSI(0) == 231)
    #expect(Palette.weightANSI(-1) == 25 && Palette.weightANSI(1) == 124)
  }

  @Test func svgHasOneImagePerUnitAndTheScaleColours() throws {
    let images = Self.digitUnits()
    let root = try parseXML(images.svg())
    let groups = root.all.filter { $0.attributes["class"] == "unit" }
    #expect(groups.count == 3)
    // The ramp's left column is the most negative weight, its right column the most positive.
    let fills = Set(groups[0].elements("rect").compactMap { $0.attributes["fill"] })
    #expect(fills.contains("#2166ac") && fills.contains("#b2182b"))
    // The faint unit stays within a tenth of the way from white.
    let faintFills = groups[2].elements("rect").compactMap { $0.attributes["fill"] }.filter { $0 != "none" }
    for fill in faintFills {
      let colour = UInt32(fill.dropFirst(), radix: 16)!
      #expect(min((colour >> 16) & 0xff, (colour >> 8) & 0xff, colour & 0xff) >= 230, "\(fill)")
    }
    #expect(root.texts.contains("unit 0") && root.texts.contains("unit 2"))
    #expect(root.texts.contains("−0.5") && root.texts.contains("+0.5"))
    #expect(root.elements("desc").first?.text == images.summary)
    // The scale bar runs from the deepest blue through white to the deepest red.
    let scale = root.all.first { $0.attributes["class"] == "scale" }!
    let steps = scale.elements("rect").compactMap { $0.attributes["fill"] }.filter { $0 != "none" }
    #expect(steps.count == 21)
    #expect(steps.first == "#2166ac" && steps[10] == "#ffffff" && steps.last == "#b2182b")
  }
}
