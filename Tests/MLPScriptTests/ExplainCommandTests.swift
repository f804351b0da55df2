import Foundation
import MLPCore
import Testing
@testable import MLPScript

@Suite struct ExplainCommandTests {
  @Test func walksASmallNetworkThroughAStepAndLeavesItAsItWas() throws {
    let (interpreter, sink) = Fixtures.interpreter()
    interpreter.run(line: "m = mlp [2,3,3] seed=2; train m quadrants epochs=2 progress=false")
    guard case let .mlp(before)? = interpreter.session.models["m"] else {
      Issue.record("no model")
      return
    }
    sink.clear()
    #expect(interpreter.run(line: "explain m quadrants sample=4") == nil)
    let text = sink.text
    let samples = interpreter.session.datasets["quadrants"]!.train
    let label = samples.labels[4]
    let step = before.network.explainStep(input: Array(samples.features.row(4)), label: label)
    #expect(sink.lines.first == "m: train sample 4 of quadrants (class \(samples.className(label))), relu, lr 0.01")
    for expected in ["forward: o_{l+1} = a_l · W_l + b_l, a_{l+1} = relu(o_{l+1}), ŷ = softmax(o_L)",
                     "  o₁ = a₀ · W₀ + b₀", "1×2 · 2×3 + 3", "one unit: o₁[", "  ŷ = softmax(o₂)",
                     "  L = -log ŷ[\(label)] = ", "  δ₂ = ŷ - onehot(\(label))", "  δ₁ = (δ₂ · W₁ᵀ) ⊙ relu′(a₁)",
                     "‖∇W₀‖ = \(fixed(step.layers[0].weightGradientNorm))", "step: W_l ← W_l - η ∇W_l"] {
      #expect(text.contains(expected), "missing: \(expected)")
    }
    let report = try #require(interpreter.session.lastReport)
    #expect(report.quantity("loss") == step.loss)
    #expect(report.quantity("label") == Double(label))
    #expect(report.quantity("gradient norm W1") == step.layers[1].weightGradientNorm)
    // Nothing trained.
    guard case let .mlp(after)? = interpreter.session.models["m"] else { return }
    #expect(after.network.parameters == before.network.parameters)
    #expect(after.network.history.iterations == before.network.history.iterations)
  }

  @Test func aWideNetworkFitsItsLinesToTheWidth() {
    let (interpreter, sink) = Fixtures.interpreter()
    var samples: [Float] = []
    for index in 0..<(20 * 100) { samples.append(index % 7 == 0 ? Float(index % 255) : 0) }
    interpreter.session.datasets["wide"] = DataEntry(
      train: Samples(features: Matrix(rows: 20, columns: 100, storage: samples), labels: (0..<20).map { $0 % 10 }),
      origin: "test")
    interpreter.run(line: "mlp [100,128,64,10]")
    sink.clear()
    #expect(interpreter.run(line: "explain wide sample=3") == nil)
    #expect(sink.lines.allSatisfy { $0.count <= 80 }, "\(sink.lines.filter { $0.count > 80 })")
    #expect(sink.lines.count <= 40)
    // Long vectors are cut with their range; the first layer's sum shows its largest terms.
    #expect(sink.text.contains(" more; min "))
    #expect(sink.text.contains("one unit: o₁["))
  }

  @Test func refusesWhatItCannotExplain() {
    let (interpreter, sink) = Fixtures.interpreter()
    interpreter.run(line: "p = perceptron")
    #expect(interpreter.run(line: "explain p blobs")?.id == .wrongKind)
    interpreter.run(line: "m = mlp [2,4,3]")
    #expect(interpreter.run(line: "explain m quadrants sample=100000")?.id == .badValue)
    interpreter.run(line: "m3 = mlp [3,4,2]")
    #expect(interpreter.run(line: "explain m3 blobs")?.id == .dataMismatch)
    #expect(sink.text.contains("sample 100000 is past the end"))
  }
}
