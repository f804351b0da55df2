import Foundation
import MLPCore

/// A model as `save` writes it and `load` reads it: JSON with every weight, the settings it
/// was made with and its training history, so that a loaded model predicts, evaluates and
/// trains on exactly as the saved one would.
struct ModelFile: Codable, Equatable {
  /// Always "mlpsh-model".
  var format = "mlpsh-model"
  /// The layout version; 1 so far.
  var version = 1
  /// "mlp" or "perceptron".
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

  init(_ model: Model) {
    switch model {
    case let .mlp(network):
      kind = "mlp"
      seed = network.seed
      learningRate = Double(network.network.learningRate)
      layerSizes = network.network.layerSizes
      activation = network.network.activation
      initializer = network.initializer
      epsilon = network.network.epsilon
      parameters = network.network.parameters
      history = network.network.history
    case let .perceptron(perceptron):
      kind = "perceptron"
      seed = perceptron.seed
      learningRate = perceptron.learningRate
      weights = perceptron.perceptron.weights
      bias = perceptron.perceptron.bias
      rule = perceptron.perceptron.rule
      epochAccuracies = perceptron.epochAccuracies
    }
  }

  /// The model, or a reason why the file does not describe one.
  func model() throws(ModelFileError) -> Model {
    guard format == "mlpsh-model" else { throw .notAModel }
    guard version == 1 else { throw .unsupportedVersion(version) }
    switch kind {
    case "mlp":
      guard let layerSizes, let activation, let parameters, layerSizes.count >= 2,
            layerSizes.allSatisfy({ $0 > 0 }) else { throw .missing("layerSizes, activation or parameters") }
      let expected = zip(layerSizes, layerSizes.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 + $1.1 }
      guard parameters.count == expected else { throw .parameterCount(found: parameters.count, expected: expected) }
      let network = MultilayerPerceptron(
        layerSizes: layerSizes, activation: activation, learningRate: Float(learningRate),
        epsilon: epsilon ?? 1e-6, parameters: parameters, history: history ?? TrainingHistory())
      return .mlp(NetworkModel(network: network, initializer: initializer ?? .seed, seed: seed))
    case "perceptron":
      guard let weights, !weights.isEmpty, let bias else { throw .missing("weights or bias") }
      var perceptron = Perceptron(inputSize: weights.count, rule: rule ?? .notebook, seed: seed)
      perceptron.weights = weights
      perceptron.bias = bias
      return .perceptron(PerceptronModel(perceptron: perceptron, learningRate: learningRate, seed: seed,
                                         epochAccuracies: epochAccuracies ?? []))
    default:
      throw .unknownKind(kind)
    }
  }

  /// The JSON text of `model`.
  static func encode(_ model: Model) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try encoder.encode(ModelFile(model))
  }

  /// The model in the file at `path`.
  static func read(_ path: String) throws(ModelFileError) -> Model {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: (path as NSString).expandingTildeInPath))
    } catch {
      throw .unreadable(FileManager.default.fileExists(atPath: path) ? "it cannot be read" : "no such file")
    }
    let file: ModelFile
    do {
      file = try JSONDecoder().decode(ModelFile.self, from: data)
    } catch {
      throw .notAModel
    }
    return try file.model()
  }
}

/// Why a file is not a model mlpsh can load.
enum ModelFileError: Error, Equatable, CustomStringConvertible {
  case unreadable(String)
  case notAModel
  case unsupportedVersion(Int)
  case unknownKind(String)
  case missing(String)
  case parameterCount(found: Int, expected: Int)

  var description: String {
    switch self {
    case let .unreadable(reason): return reason
    case .notAModel: return "it is not a model saved by mlpsh"
    case let .unsupportedVersion(version): return "it is a version \(version) model file; this mlpsh reads version 1"
    case let .unknownKind(kind): return "it holds an unknown kind of model '\(kind)'"
    case let .missing(fields): return "it lacks \(fields)"
    case let .parameterCount(found, expected): return "it has \(found) parameters where its layers need \(expected)"
    }
  }
}
