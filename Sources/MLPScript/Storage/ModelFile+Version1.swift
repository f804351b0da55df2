import MLPCore

/// The first layout of model files (plain JSON, weights as decimal numbers, no checksum),
/// which mlpsh wrote before format version 2. `load` still reads it; `save` writes version 2.
struct ModelFileVersion1: Decodable {
  var kind: String
  var seed: UInt64
  var learningRate: Double
  // An mlp's structure.
  var layerSizes: [Int]?
  var activation: Activation?
  var initializer: Initializer?
  var epsilon: Float?
  var parameters: [Float]?
  var history: TrainingHistory?
  // A perceptron's.
  var weights: [Double]?
  var bias: Double?
  var rule: Perceptron.UpdateRule?
  var epochAccuracies: [Double]?

  /// The model, or a reason why the file does not describe one.
  func model(limits: Limits) throws(ModelFileError) -> Model {
    switch kind {
    case "mlp":
      guard let layerSizes else { throw .missing("layerSizes") }
      guard let activation else { throw .missing("activation") }
      guard let parameters else { throw .missing("parameters") }
      try ModelFile.check(layerSizes: layerSizes, parameters: parameters.count, limits: limits)
      // The same bounds as version 2: a version-1 file is no more trusted.
      try ModelFile.check(learningRate: learningRate)
      if let epsilon, !(epsilon > 0 && epsilon < 1) { throw .invalid("its epsilon \(epsilon) is not between 0 and 1") }
      try ModelFile.check(history: history ?? TrainingHistory(), layers: layerSizes.count - 1)
      let network = MultilayerPerceptron(
        layerSizes: layerSizes, activation: activation, learningRate: Float(learningRate),
        epsilon: epsilon ?? 1e-6, parameters: parameters, history: history ?? TrainingHistory())
      return .mlp(NetworkModel(network: network, initializer: initializer ?? .seed, seed: seed))
    case "perceptron":
      guard let weights, !weights.isEmpty else { throw .missing("weights") }
      guard let bias else { throw .missing("bias") }
      try ModelFile.check(learningRate: learningRate)
      guard weights.count < limits.parameters else { throw .tooLarge(parameters: weights.count + 1, limit: limits.parameters) }
      let perceptron = Perceptron(weights: weights, bias: bias, rule: rule ?? .notebook)
      return .perceptron(PerceptronModel(perceptron: perceptron, learningRate: learningRate, seed: seed,
                                         epochAccuracies: epochAccuracies ?? []))
    default:
      throw .unknownKind(kind)
    }
  }
}
