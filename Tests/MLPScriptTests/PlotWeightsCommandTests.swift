import Foundation
import Testing
import TestSupport
@testable import MLPScript

/// `plot weights`: a layer's incoming weights as images, and what it says when it cannot.
@Suite struct PlotWeightsCommandTests {
  static let cases: [(script: String, rendering: String)] = [
    ("m = mlp [64,16,10]\nplot weights m layer=1", """
      error: layer 1 of 'm' reads the 16 units of layer 0, not an image
       --> lesson.mlp:2:22
      2 | plot weights m layer=1
        |                      ^ weights are drawn as images for layer 0, whose inputs are the pixels
      """),
    ("m = mlp [64,16,10]\nplot weights m layer=2", """
      error: 'm' has no layer 2
       --> lesson.mlp:2:22
      2 | plot weights m layer=2
        |                      ^ its weights are in layers 0 … 1
      """),
    ("m = mlp [64,16,10]\nplot weights m count=0", """
      error: count must be at least 1, not 0
       --> lesson.mlp:2:22
      2 | plot weights m count=0
        |                      ^
      """),
    ("m = mlp [2,8,3]\nplot weights m", """
      error: 'm' takes 2 inputs, which are not an image
       --> lesson.mlp:2:1
      2 | plot weights m
        | ^~~~ an image has 784 (28×28, mnist, fashion-mnist) or 64 (8×8, digits) inputs
      """),
    ("m = mlp [64,16,10]\nplot weights n", """
      error: nothing to plot called 'n'
       --> lesson.mlp:2:14
      2 | plot weights n
        |              ^ did you mean 'm'?
      """),
    ("plot weights", """
      error: no model yet
       --> lesson.mlp:1:1
      1 | plot weights
        | ^~~~ make one with 'mlp [784,128,64,10] relu' or 'perceptron'
      """),
    ("p = perceptron 64\nplot weights p", """
      error: 'p' is a perceptron; plot weights draws the hidden units of an mlp
       --> lesson.mlp:2:1
      2 | plot weights p
        | ^~~~ show weights prints a perceptron's weights
      """),
  ]

  @Test(arguments: cases.indices)
  func rendering(_ index: Int) {
    let (script, rendering) = Self.cases[index]
    let interpreter = Interpreter(environment: Environment(sink: CollectingSink()))
    let error = interpreter.run(script: Source(name: "lesson.mlp", text: script))
    #expect(error.map { DiagnosticRenderer(color: false).render($0) } == rendering, "script: \(script)")
  }

  /// The first 16 units by default, at most the layer's; each unit is a column of W.
  @Test func drawsTheFirstUnitsOfLayerZero() {
    let interpreter = Interpreter(environment: Environment(sink: CollectingSink()))
    let sink = interpreter.environment.sink as! CollectingSink
    #expect(interpreter.run(line: "m = mlp [64,16,10] init=he; plot weights m") == nil)
    #expect(sink.lines.contains { $0.contains("m: incoming weights of layer 0's units") })
    #expect(sink.lines.last?.hasPrefix("units 0 ... 15 of 16 in layer 0 as 8x8 images, scale -") == true)
    #expect(sink.lines.contains { $0.contains("unit 15") })
    sink.clear()
    #expect(interpreter.run(line: "small = mlp [64,3,10]; plot weights small count=8") == nil)
    #expect(sink.lines.last?.hasPrefix("units 0 ... 2 of 3 in layer 0") == true)

    guard case let .mlp(entry) = interpreter.session.models["small"]! else { Issue.record("not an mlp"); return }
    let weights = entry.network.weights(ofLayer: 0)
    let figure = CommandSpec.weightFigure(of: entry.network, named: "small", layer: 0, count: 5, columns: 8, rows: 8)
    guard case let .weights(images) = figure else { Issue.record("\(figure)"); return }
    #expect(images.units.map(\.index) == [0, 1, 2])
    #expect(images.units[2].weights == (0 ..< 64).map { Double(weights[$0, 2]) })
  }

  @Test func writesSVG() throws {
    let path = NSTemporaryDirectory() + "mlpsh-weights-\(UUID().uuidString).svg"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let interpreter = Interpreter(environment: Environment(sink: CollectingSink()))
    let sink = interpreter.environment.sink as! CollectingSink
    #expect(interpreter.run(line: "mlp [64,16,10]; plot weights count=4 to=\"\(path)\"") == nil)
    #expect(sink.lines.last?.hasPrefix("wrote \(path): units 0 … 3 of 16 in layer 0") == true)
    let root = try parseXML(String(contentsOfFile: path, encoding: .utf8))
    #expect(root.all.filter { $0.attributes["class"] == "unit" }.count == 4)
  }
}
