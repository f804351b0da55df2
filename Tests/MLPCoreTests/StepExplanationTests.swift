import Foundation
import MLPCore
import Testing

/// `explainStep` writes the step out in plain loops; these tests hold it to what training
/// and gradient checking compute with BLAS.
@Suite struct StepExplanationTests {
  static func sample(_ size: Int, seed: UInt64) -> [Float] {
    var generator = SeededGenerator(seed: seed)
    return (0..<size).map { _ in Float(generator.nextNormal(standardDeviation: 1)) }
  }

  @Test(arguments: Activation.allCases)
  func gradientsAreThoseTheTrainingLoopComputes(_ activation: Activation) {
    for seed: UInt64 in 1...5 {
      let network = MultilayerPerceptron(layerSizes: [6, 9, 7, 4], activation: activation, initializer: .xavier, seed: seed)
      let x = Self.sample(6, seed: seed + 100)
      let label = Int(seed) % 4
      let step = network.explainStep(input: x, label: label)
      // The same ∇θ, laid out as the parameters are: ∇W_0, ∇b_0, ∇W_1, …
      let flat = step.layers.flatMap { $0.weightGradient + $0.biasGradient }
      let reference = network.gradients(inputs: Matrix(rows: 1, columns: 6, storage: x), labels: [label])
      #expect(flat.count == reference.count)
      let scale = reference.map { abs($0) }.max() ?? 1
      let worst = zip(flat, reference).map { abs($0 - $1) }.max() ?? 0
      #expect(worst <= 1e-5 * max(scale, 1), "\(activation) seed \(seed): worst difference \(worst)")
      // The loss is the model's own for that one sample.
      let loss = network.loss(inputs: Matrix(rows: 1, columns: 6, storage: x), labels: [label])
      #expect(abs(step.loss - loss) <= 1e-5 * max(loss, 1))
    }
  }

  @Test func theStepIsWhatOneIterationOfTrainingDoes() throws {
    let network = MultilayerPerceptron(layerSizes: [5, 8, 3], activation: .tanh, learningRate: 0.1, seed: 4)
    let x = Self.sample(5, seed: 9)
    let step = network.explainStep(input: x, label: 2)
    var trained = network
    var options = TrainingOptions()
    options.batchSize = 1
    options.iterations = 1
    _ = try trained.train(inputs: Matrix(rows: 1, columns: 5, storage: x), labels: [2], options: options)
    for layer in step.layers {
      let layout = network.layers[layer.index]
      let before = network.parameters[layout.weightRange], after = trained.parameters[layout.weightRange]
      for (index, gradient) in layer.weightGradient.enumerated() {
        let predicted = before[before.startIndex + index] - 0.1 * gradient
        #expect(abs(after[after.startIndex + index] - predicted) <= 1e-6, "W\(layer.index)[\(index)]")
      }
      let biasBefore = network.parameters[layout.biasRange], biasAfter = trained.parameters[layout.biasRange]
      for (index, gradient) in layer.biasGradient.enumerated() {
        let predicted = biasBefore[biasBefore.startIndex + index] - 0.1 * gradient
        #expect(abs(biasAfter[biasAfter.startIndex + index] - predicted) <= 1e-6, "b\(layer.index)[\(index)]")
      }
    }
  }

  @Test func forwardValuesFollowTheFormulas() {
    // A 2-2-2 network with weights chosen by hand; the numbers worked out on paper.
    var network = MultilayerPerceptron(layerSizes: [2, 2, 2], activation: .relu, seed: 0)
    // W_0 = [[1, -1], [2, 0.5]], b_0 = [0, 1], W_1 = [[1, 0], [0, 1]], b_1 = [0, 0]
    network.parameters = [1, -1, 2, 0.5, 0, 1, 1, 0, 0, 1, 0, 0]
    let step = network.explainStep(input: [1, 1], label: 0)
    // o_1 = [1 + 2 + 0, -1 + 0.5 + 1] = [3, 0.5]; a_1 = relu = [3, 0.5]
    #expect(step.layers[0].preactivation == [3, 0.5])
    #expect(step.layers[0].output == [3, 0.5])
    // o_2 = a_1 (W_1 = I) = [3, 0.5]; ŷ = softmax = [1/(1+e^-2.5), e^-2.5/(1+e^-2.5)]
    let p0 = 1 / (1 + exp(-2.5))
    #expect(abs(Double(step.probabilities[0]) - p0) < 1e-6)
    #expect(abs(step.loss - -log(p0)) < 1e-5)
    // δ_2 = ŷ - onehot(0) = [p0 - 1, 1 - p0]; δ_1 = (δ_2 · W_1ᵀ) ⊙ relu'(a_1) = δ_2 (both units on)
    #expect(abs(Double(step.layers[1].delta[0]) - (p0 - 1)) < 1e-6)
    #expect(step.layers[0].delta == step.layers[1].delta)
    // ∇W_0 = a_0ᵀ · δ_1 = [[δ0, δ1], [δ0, δ1]]
    let d = step.layers[0].delta
    #expect(step.layers[0].weightGradient == [d[0], d[1], d[0], d[1]])
    #expect(step.prediction == 0)
  }
}
