import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import MLPScript

/// The plot command draws through MLPPlot; these check what reaches the output and files.
@Suite struct PlotCommandTests {
  @Test func trainingCurvesInPlainASCII() throws {
    let (interpreter, sink) = Fixtures.interpreter()
    interpreter.run(line: "mlp [2,8,3] lr=0.5; train batch=20 progress=false")
    sink.clear()
    #expect(interpreter.run(line: "plot x=examples") == nil)
    #expect(sink.lines.first?.contains("mlp1: training loss and accuracy") == true)
    #expect(sink.lines.contains { $0.contains("examples seen") })
    // No escapes and no braille when the output is not a terminal.
    #expect(!sink.text.contains("\u{1B}["))
    #expect(!sink.text.unicodeScalars.contains { (0x2800 ... 0x28FF).contains($0.value) })
    #expect(sink.lines.last?.hasPrefix("loss ") == true)
  }

  @Test func decisionBoundaryAndConfusionMatrix() throws {
    let (interpreter, sink) = Fixtures.interpreter()
    interpreter.run(line: "p = perceptron 2; train p blobs epochs=3")
    sink.clear()
    #expect(interpreter.run(line: "plot boundary p blobs") == nil)
    #expect(sink.lines.first?.contains("p after epoch 3 on blobs (train)") == true)
    sink.clear()
    #expect(interpreter.run(line: "plot confusion") == nil)
    #expect(sink.lines.contains { $0.contains("most confused") || $0.contains("correct") })
  }

  @Test func svgFilesAreWrittenAndAreXML() throws {
    let path = NSTemporaryDirectory() + "mlpsh-plot-\(UUID().uuidString).svg"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (interpreter, sink) = Fixtures.interpreter()
    interpreter.run(line: "mlp [2,8,3]; train iterations=30 batch=10 progress=false")
    #expect(interpreter.run(line: "plot to=\"\(path)\"") == nil)
    #expect(sink.lines.last?.hasPrefix("wrote \(path): loss ") == true)
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let parser = XMLParser(data: data)
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
  }

  @Test func samplesOfTheDigitsAndMistakes() throws {
    let interpreter = Interpreter(environment: Environment(sink: CollectingSink()))
    let sink = interpreter.environment.sink as! CollectingSink
    #expect(interpreter.run(line: "load digits; plot samples count=3") == nil)
    #expect(sink.lines.last == "3 images of 8x8 pixels: #0: 6; #1: 0; #2: 3")
    #expect(interpreter.run(line: "show sample 3") == nil)
    #expect(interpreter.session.lastReport?.quantity("label") == 4)
    #expect(interpreter.run(line: "mlp [64,10]; train iterations=5 progress=false; plot mistakes count=2") == nil)
    #expect(interpreter.session.lastReport?.quantity("mistakes").map { $0 > 0 } == true)
  }

  @Test func plotErrorsSayWhy() {
    let (interpreter, _) = Fixtures.interpreter()
    interpreter.run(line: "mlp [2,3]")
    #expect(interpreter.run(line: "plot")?.message == "'mlp1' has not been trained yet")
    #expect(interpreter.run(line: "plot samples")?.message == "'quadrants' does not hold images")
    #expect(interpreter.run(line: "plot curvs")?.hint == "did you mean 'curves'?")
    interpreter.run(line: "train iterations=2 progress=false")
    #expect(interpreter.run(line: "plot to=\"x.png\"")?.message == "plots are written as SVG: 'x.png' should end in .svg")
  }

  /// `ylim=log` draws the loss on a logarithmic axis; any other word is refused with a hint.
  @Test func logarithmicLossAxis() {
    let (interpreter, sink) = Fixtures.interpreter()
    interpreter.run(line: "mlp [2,8,3] lr=0.5; train batch=20 progress=false")
    sink.clear()
    #expect(interpreter.run(line: "plot ylim=log") == nil)
    let labels = sink.lines.compactMap { line -> String? in
      guard let bar = line.firstIndex(of: "+"), line.hasPrefix(" ") || line.first?.isNumber == true else { return nil }
      let label = line[..<bar].trimmingCharacters(in: .whitespaces)
      return label.isEmpty ? nil : label
    }
    #expect(labels.contains("0.1") && labels.contains("1"), "\(sink.lines)")
    let error = interpreter.run(line: "plot ylim=lg")
    #expect(error?.message == "ylim should be two numbers, the lower first, or log, not lg")
    #expect(error?.hint == "did you mean 'log'?")
    #expect(interpreter.run(line: "plot ylim=linear")?.hint == "such as ylim=[0,3] or ylim=log")
    #expect(interpreter.run(line: "plot ylim=[3,1]")?.message == "ylim should be two numbers, the lower first, not [3, 1]")
  }
}
