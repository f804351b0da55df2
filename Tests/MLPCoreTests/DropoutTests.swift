import Testing
@testable import MLPCore

@Suite struct DropoutTests {
  /// Inverted dropout keeps each unit's expected output: over n = 200 000 units of output 1
  /// with p = 0.2, the mean of `a ⊙ m` is 1 with standard deviation √(p/(1−p)/n) ≈ 0.0011;
  /// the test allows five of them. The share dropped is p within five of its deviations.
  @Test(arguments: [Float(0.2), 0.5])
  func theExpectedActivationIsUnchanged(_ p: Float) {
    let count = 200_000
    let dropout = Dropout(probability: p, layerSizes: [1, count, 1], capacity: 1, seed: 7)
    let outputs = UnsafeMutablePointer<Float>.allocate(capacity: count)
    defer { outputs.deallocate() }
    outputs.initialize(repeating: 1, count: count)
    dropout.drop(outputs, layer: 1, count: count)
    let mean = (0 ..< count).reduce(0.0) { $0 + Double(outputs[$1]) } / Double(count)
    let dropped = Double((0 ..< count).filter { outputs[$0] == 0 }.count) / Double(count)
    let q = Double(p)
    #expect(abs(mean - 1) <= 5 * (q / (1 - q) / Double(count)).squareRoot())
    #expect(abs(dropped - q) <= 5 * (q * (1 - q) / Double(count)).squareRoot())
  }

  /// Dropout is for training only: evaluation after a run with dropout is deterministic, and
  /// the run itself changes with it.
  @Test func evaluationUsesTheWholeNetwork() throws {
    let tiny = try TinyNetFixture.load()
    var plain = tiny.model(.relu)
    var dropped = plain
    try plain.train(inputs: tiny.inputs, labels: tiny.labels, options: TrainingOptions(batchSize: 4, iterations: 5))
    try dropped.train(inputs: tiny.inputs, labels: tiny.labels,
                      options: TrainingOptions(batchSize: 4, iterations: 5, dropout: 0.5))
    #expect(plain.parameters != dropped.parameters)
    let first = try dropped.evaluate(inputs: tiny.inputs, labels: tiny.labels)
    let second = try dropped.evaluate(inputs: tiny.inputs, labels: tiny.labels)
    #expect(first == second)
  }

  /// Backward through a dropout mask: a dropped unit passes no gradient, a kept one passes
  /// `scale · f'(a)` (checked against the formula on a hand-made mask).
  @Test func aDroppedUnitPassesNothingBack() {
    let dropout = Dropout(probability: 0.5, layerSizes: [1, 64, 1], capacity: 1, seed: 1)
    let outputs = UnsafeMutablePointer<Float>.allocate(capacity: 64)
    let deltas = UnsafeMutablePointer<Float>.allocate(capacity: 64)
    defer { outputs.deallocate(); deltas.deallocate() }
    outputs.initialize(repeating: 0.5, count: 64)  // sigmoid outputs of 0.5
    dropout.drop(outputs, layer: 1, count: 64)
    deltas.initialize(repeating: 1, count: 64)
    dropout.multiplyByDerivative(deltas, outputs: outputs, layer: 1, count: 64, activation: .sigmoid)
    for i in 0 ..< 64 {
      // Kept: 2 · σ'(0.5 output) = 2 · 0.25; dropped: 0.
      #expect(deltas[i] == (outputs[i] == 0 ? 0 : 0.5))
    }
  }
}
