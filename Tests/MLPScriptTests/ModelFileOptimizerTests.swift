import Foundation
import MLPCore
import Testing
@testable import MLPScript

/// Format version 3: the optimizer's settings and state, the runs and the validation points
/// survive `save` and `load` bit for bit, and older files still load.
@Suite struct ModelFileOptimizerTests {
  /// Twelve points in four quadrants, three classes.
  static let inputs = Matrix(rows: 12, columns: 2, storage: [
    1, 1, -1, 1, -1, -1, 1, -1, 2, 0.5, -2, 0.5, -0.5, -2, 0.5, -2, 1.5, 1.5, -1.5, 1.5, -1, -1.5, 1, -1.5,
  ])
  static let labels = [0, 1, 2, 0, 0, 1, 2, 0, 0, 1, 2, 0]

  /// A network trained a few steps with `optimizer`, so that its state is not zero.
  static func trained(_ optimizer: Optimizer) throws -> MultilayerPerceptron {
    var network = MultilayerPerceptron(layerSizes: [2, 5, 3], activation: .tanh, learningRate: 0.05, seed: 3)
    network.optimizer = optimizer
    try network.train(inputs: inputs, labels: labels, options: TrainingOptions(batchSize: 4, epochs: 3, shuffle: true))
    return network
  }

  static func roundTrip(_ network: MultilayerPerceptron) throws -> MultilayerPerceptron {
    let model = Model.mlp(NetworkModel(network: network, initializer: .xavier, seed: 3))
    guard case let .mlp(back) = try ModelFile.decode(try ModelFile.encode(model)) else {
      throw CancellationError()
    }
    return back.network
  }

  @Test func theOptimizerStateRoundTripsBitForBit() throws {
    var network = try Self.trained(Optimizer(.adam, beta1: 0.85, beta2: 0.995, epsilon: 1e-7, l2: 1e-4))
    // Values decimal text could blur, in the moments.
    let awkward: [Float] = [.leastNonzeroMagnitude, -0.0, Float(bitPattern: 0x7FC0_1234), 0.1, 1 / 3]
    network.optimizerState!.buffers[0].replaceSubrange(0 ..< awkward.count, with: awkward)
    network.history.validation = [
      ValidationPoint(iteration: 3, epoch: 1, examplesSeen: 12, loss: 0.1 + 0.2, accuracy: 2.0 / 3, part: "validation"),
    ]
    let back = try Self.roundTrip(network)
    let (saved, loaded) = (try #require(network.optimizerState), try #require(back.optimizerState))
    #expect(loaded.kind == .adam && loaded.steps == 9 && saved.steps == 9)
    #expect(loaded.buffers.count == 2)
    for (a, b) in zip(saved.buffers, loaded.buffers) { #expect(a.map(\.bitPattern) == b.map(\.bitPattern)) }
    #expect(back.optimizer.kind == .adam)
    let settings = [\Optimizer.momentum, \.beta1, \.beta2, \.epsilon, \.l2]
    #expect(settings.map { back.optimizer[keyPath: $0].bitPattern } == settings.map { network.optimizer[keyPath: $0].bitPattern })
    #expect(back.history.segments == network.history.segments && back.history.segments.count == 1)
    #expect(back.history.segments[0].optimizer == "adam (β₁ 0.85, β₂ 0.995, ε 1e-07), l2 0.0001")
    #expect(back.history.validation.map(\.loss.bitPattern) == [(0.1 + 0.2).bitPattern])
    #expect(back.history.validation == network.history.validation)
  }

  @Test(arguments: [Optimizer(.momentum, momentum: 0.8), Optimizer(.nesterov), Optimizer(.adam), Optimizer(.adamw, l2: 0.01)])
  func aLoadedModelTrainsOnExactlyAsTheSavedOne(_ optimizer: Optimizer) throws {
    var saved = try Self.trained(optimizer)
    var loaded = try Self.roundTrip(saved)
    #expect(loaded == saved)
    let options = TrainingOptions(batchSize: 4, epochs: 2, shuffle: true, seed: 5)
    try saved.train(inputs: Self.inputs, labels: Self.labels, options: options)
    try loaded.train(inputs: Self.inputs, labels: Self.labels, options: options)
    #expect(loaded.parameters.map(\.bitPattern) == saved.parameters.map(\.bitPattern))
    #expect(loaded.optimizerState == saved.optimizerState)
    // And the state mattered: the same weights starting from fresh state end elsewhere.
    var fresh = try Self.roundTrip(try Self.trained(optimizer))
    fresh.optimizerState = nil
    try fresh.train(inputs: Self.inputs, labels: Self.labels, options: options)
    #expect(fresh.parameters != saved.parameters)
  }

  @Test func aVersionTwoFileStillLoads() throws {
    // Tests/Fixtures/models/version2-mlp.json: written in the layout before version 3,
    // without an optimizer.
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../Fixtures/models/version2-mlp.json").path
    guard case let .mlp(model) = try ModelFile.read(path) else {
      Issue.record("not an mlp")
      return
    }
    #expect(model.network.layerSizes == [2, 3, 2] && model.network.activation == .tanh)
    #expect(model.network.parameters.prefix(4) == [0.5, -0.25, 0.125, 1.0])
    #expect(model.network.parameters.count == 17)
    #expect(model.network.optimizer == Optimizer() && model.network.optimizerState == nil)
    #expect(model.network.history.steps.count == 2 && model.network.history.segments.isEmpty)
    #expect(model.initializer == .xavier && model.seed == 11)
  }

  @Test func aStateThatDoesNotFitIsNamed() throws {
    let network = try Self.trained(Optimizer(.momentum))
    var file = ModelFile(.mlp(NetworkModel(network: network, initializer: .seed, seed: 0)))
    let good = try #require(file.network?.optimizerState)
    file.network?.optimizerState?.buffers = []
    #expect(throws: ModelFileError.invalid("its momentum state has 0 buffers, not 1")) { try file.model(limits: .standard) }
    file.network?.optimizerState?.buffers = [ModelFile.base64([Float(1), 2])]
    #expect(throws: ModelFileError.invalid("its optimizer state buffer 1 has 2 values for 33 parameters")) {
      try file.model(limits: .standard)
    }
    file.network?.optimizerState = good
    file.network?.optimizerState?.kind = "adagrad"
    #expect(throws: ModelFileError.unknownChoice("optimizer", "adagrad")) { try file.model(limits: .standard) }
    file.network?.optimizerState = good
    file.network?.optimizer?.momentum = 1
    #expect(throws: ModelFileError.invalid("its optimizer's momentum 1.0 is not in [0, 1)")) { try file.model(limits: .standard) }
  }
}
