import Foundation
import MLPCore
import MLPData

/// A model as `save` writes it and `load` reads it (format version 3, docs/model-files.md).
///
/// The file is JSON that a person can read, with a checksum at its end:
/// ```
/// {
///   "format": "mlpsh-model",
///   "version": 3,
///   "model": { "kind": "mlp", "seed": 0, "network": {…} },
///   "history": {"steps":[{"accuracy":0.125,"epoch":0.0011,"examplesSeen":64,"loss":2.302}, …]},
///   "crc32": "1c291ca3"
/// }
/// ```
/// Weights are the base64 of their IEEE 754 bits, little-endian (Float32 for a network,
/// Float64 for a perceptron), so they come back bit for bit; the CRC-32 covers every byte
/// before the line that holds it, so a damaged or cut file is refused rather than loaded
/// half-way. `version` says which layout follows; a newer one is refused by name.
struct ModelFile: Codable, Equatable {
  /// The layout this mlpsh writes.
  static let version = 3
  static let format = "mlpsh-model"

  /// "mlp" or "perceptron".
  var kind: String
  /// The seed of the first weights.
  var seed: UInt64
  var network: NetworkPart?
  /// Every iteration a network was trained for, as `TrainingHistory` encodes it. Written
  /// beside `model` in the envelope rather than inside it.
  var history: TrainingHistory?
  var perceptron: PerceptronPart?

  /// A network's structure and weights.
  struct NetworkPart: Codable, Equatable {
    var layerSizes: [Int]
    var activation: String
    var initializer: String
    /// Float32 numbers, written in their shortest form that reads back to the same bits.
    var learningRate: Float
    var epsilon: Float
    /// Every weight and bias, layer after layer (`MultilayerPerceptron.parameters`):
    /// base64 of little-endian Float32.
    var parameters: String
    /// The update rule `train` uses by default, and what it remembers between steps
    /// (version 3; absent before: plain SGD, no state).
    var optimizer: Optimizer?
    var optimizerState: OptimizerStatePart?
  }

  /// A perceptron's weights and its per-epoch accuracies.
  struct PerceptronPart: Codable, Equatable {
    var rule: String
    var learningRate: Double
    /// Base64 of little-endian Float64.
    var weights: String
    /// Base64 of one little-endian Float64.
    var bias: String
    /// Base64 of little-endian Float64, one an epoch trained.
    var epochAccuracies: String
  }

  init(_ model: Model) {
    switch model {
    case let .mlp(model):
      let network = model.network
      kind = "mlp"
      seed = model.seed
      self.network = NetworkPart(
        layerSizes: network.layerSizes, activation: network.activation.rawValue,
        initializer: model.initializer.rawValue, learningRate: network.learningRate, epsilon: network.epsilon,
        parameters: Self.base64(network.parameters), optimizer: network.optimizer,
        optimizerState: network.optimizerState.map(OptimizerStatePart.init))
      history = network.history
    case let .perceptron(model):
      kind = "perceptron"
      seed = model.seed
      perceptron = PerceptronPart(
        rule: model.perceptron.rule.rawValue, learningRate: model.learningRate, weights: Self.base64(model.perceptron.weights),
        bias: Self.base64([model.perceptron.bias]), epochAccuracies: Self.base64(model.epochAccuracies))
    }
  }

  // MARK: - Writing

  /// The whole file for `model`: the envelope, the model (pretty-printed), a network's
  /// history (compact, one line: it can run to thousands of iterations) and the checksum line.
  static func encode(_ model: Model) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    var file = ModelFile(model)
    let history = file.history
    file.history = nil
    let body = String(decoding: try encoder.encode(file), as: UTF8.self)
      .split(separator: "\n", omittingEmptySubsequences: false)
      .joined(separator: "\n  ")
    var covered = "{\n  \"format\" : \"\(format)\",\n  \"version\" : \(version),\n  \"model\" : \(body),\n"
    if let history {
      encoder.outputFormatting = [.sortedKeys]
      covered += "  \"history\" : \(String(decoding: try encoder.encode(history), as: UTF8.self)),\n"
    }
    var data = Data(covered.utf8)
    let checksum = CRC32.hex(of: data)
    data.append(contentsOf: "  \(checksumKey) : \"\(checksum)\"\n}\n".utf8)
    return data
  }

  /// The key of the checksum line, quoted as it is written.
  static let checksumKey = "\"crc32\""

  // MARK: - Binary arrays

  /// Base64 of the little-endian bytes of `values`.
  static func base64<Element: FixedWidthFloatingPoint>(_ values: [Element]) -> String {
    if isLittleEndian { return values.withUnsafeBytes { Data($0) }.base64EncodedString() }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(values.count * MemoryLayout<Element>.size)
    for value in values {
      var bits = value.bitPattern.littleEndian
      withUnsafeBytes(of: &bits) { bytes.append(contentsOf: $0) }
    }
    return Data(bytes).base64EncodedString()
  }

  /// The values whose little-endian bytes `text` holds in base64, or `nil` when it is not
  /// base64 of a whole number of them.
  static func values<Element: FixedWidthFloatingPoint>(_ text: String, as _: Element.Type) -> [Element]? {
    let size = MemoryLayout<Element>.size
    guard let data = Data(base64Encoded: text), data.count % size == 0 else { return nil }
    let count = data.count / size
    return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
      data.withUnsafeBytes { raw in
        for index in 0 ..< count {
          let bits = raw.loadUnaligned(fromByteOffset: index * size, as: Element.BitPattern.self)
          buffer[index] = Element(bitPattern: Element.BitPattern(littleEndian: bits))
        }
      }
      initialized = count
    }
  }

  /// Whether this machine stores numbers little-endian, as the file does (x86, ARM).
  private static let isLittleEndian = 1.littleEndian == 1
}

/// Float32 and Float64, by their bits.
protocol FixedWidthFloatingPoint: BinaryFloatingPoint {
  associatedtype BitPattern: FixedWidthInteger
  var bitPattern: BitPattern { get }
  init(bitPattern: BitPattern)
}

extension Float: FixedWidthFloatingPoint {}
extension Double: FixedWidthFloatingPoint {}
