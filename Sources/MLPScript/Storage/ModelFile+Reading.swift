import Foundation
import MLPCore
import MLPData

extension ModelFile {
  /// Files larger than this are refused before they are read: more than any model within
  /// `Limits.standard` and its history take.
  static let largestFile = 4 << 30

  /// The model in the file at `path`, checked whole before anything is built from it: the
  /// envelope, the version, the checksum, then every field and size.
  static func read(_ path: String, limits: Limits = .standard) throws(ModelFileError) -> Model {
    let expanded = Paths.expandingTilde(path)
    var status = stat()
    guard stat(expanded, &status) == 0 else {
      throw .unreadable(errno == ENOENT ? "no such file" : String(cString: strerror(errno)).lowercased())
    }
    guard status.st_mode & S_IFMT == S_IFREG else {
      throw .unreadable(status.st_mode & S_IFMT == S_IFDIR ? "it is a folder" : "it is not a regular file")
    }
    // Not read at all when empty (Foundation leaks its buffer reading an empty file).
    guard status.st_size > 0 else { throw .empty }
    guard Int(status.st_size) <= largestFile else {
      throw .unreadable("it is \(Limits.describe(bytes: Double(status.st_size))), larger than any model file")
    }
    // Refused from its first bytes, before gigabytes are read: a model file is a JSON object,
    // and a large one names its format at the top, as mlpsh writes it.
    guard startsLikeJSONObject(expanded, large: Int(status.st_size) > largeFile) else { throw .notAModel }
    guard let data = FileManager.default.contents(atPath: expanded) else {
      throw .unreadable("it cannot be read")
    }
    return try decode(data, limits: limits)
  }

  /// Files above this size are read only if their first 4 KiB name the format.
  static let largeFile = 64 << 20

  /// Whether the first byte of the file at `path` that is not white space is `{` and, for a
  /// `large` file, its first 4 KiB hold `"mlpsh-model"` (mlpsh writes `format` first, so a
  /// model of any size names it in its first line); a file that cannot be opened passes
  /// (reading it then says why).
  static func startsLikeJSONObject(_ path: String, large: Bool = false) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return true }
    // A guess before reading, not the read: a file that cannot be read here passes, and
    // reading it in full then says why.
    defer { try? handle.close() }
    let start = (try? handle.read(upToCount: 4096)) ?? Data()
    guard let first = start.first(where: { !$0.isWhitespace }) else { return start.count < 4096 }
    guard first == UInt8(ascii: "{") else { return false }
    return !large || start.range(of: Data("\"mlpsh-model\"".utf8)) != nil
  }

  /// The model in `data`, the bytes of a model file.
  static func decode(_ data: Data, limits: Limits = .standard) throws(ModelFileError) -> Model {
    guard data.contains(where: { !$0.isWhitespace }) else { throw .empty }
    struct Envelope: Decodable {
      var format: String?
      // A Double, so that a version of 2.5 is named rather than taken for broken JSON.
      var version: Double?
    }
    let decoder = JSONDecoder()
    // The decoder's reason is replaced by a better one: cut short, or not a model at all.
    guard let envelope = try? decoder.decode(Envelope.self, from: data) else {
      // Whole JSON it is not. A model file cut short or damaged still starts like one.
      let start = String(decoding: data.prefix(200), as: UTF8.self)
      throw start.contains("\"\(format)\"") ? .incomplete : .notAModel
    }
    guard envelope.format == format, let written = envelope.version else { throw .notAModel }
    guard let version = Int(exactly: written) else { throw .invalid("its version \(written) is not a whole number") }
    // The checksum before the version: a damaged version digit is damage, not a newer mlpsh.
    if version >= 2 { try verifyChecksum(data) }
    switch version {
    case 1:
      do {
        return try decoder.decode(ModelFileVersion1.self, from: data).model(limits: limits)
      } catch let error as ModelFileError {
        throw error
      } catch {
        throw .invalid(reason(error))
      }
    case 2, 3:
      // Version 3 adds the optimizer's settings and state beside the parameters.
      struct Whole: Decodable {
        var model: ModelFile
        var history: TrainingHistory?
      }
      var file: ModelFile
      do {
        let whole = try decoder.decode(Whole.self, from: data)
        file = whole.model
        file.history = whole.history
      } catch {
        throw .invalid(outOfRangeField(in: data) ?? reason(error))
      }
      return try file.model(limits: limits)
    case ...0:
      throw .notAModel
    default:
      throw .newerVersion(version)
    }
  }

  /// Checks the CRC-32 on the last line but one against every byte before that line.
  static func verifyChecksum(_ data: Data) throws(ModelFileError) {
    let marker = Data("\n  \(checksumKey) : \"".utf8)
    guard let found = data.range(of: marker, options: .backwards) else { throw .noChecksum }
    let digits = found.upperBound ..< found.upperBound + 8
    guard digits.upperBound <= data.endIndex else { throw .noChecksum }
    let recorded = String(decoding: data[digits], as: UTF8.self)
    let computed = CRC32.hex(of: data[data.startIndex ... found.lowerBound])
    guard recorded == computed else { throw .checksumMismatch(recorded: recorded, computed: computed) }
  }

  /// What a decoding error says, in a few words: "'network.epsilon' is missing".
  private static func reason(_ error: any Error) -> String {
    func path(_ context: DecodingError.Context) -> String {
      context.codingPath.map(\.stringValue).filter { $0 != "model" }.joined(separator: ".")
    }
    switch error as? DecodingError {
    case let .keyNotFound(key, context)?:
      let parent = path(context)
      return "'\(parent.isEmpty ? key.stringValue : parent + "." + key.stringValue)' is missing"
    case let .typeMismatch(_, context)?, let .valueNotFound(_, context)?, let .dataCorrupted(context)?:
      // At no path: the envelope decoded, so the JSON is whole; a number is out of range.
      guard !path(context).isEmpty else { return "one of its numbers does not fit its field" }
      return "'\(path(context))' has the wrong type"
    default:
      return "it cannot be decoded"
    }
  }

  // MARK: - Building the model

  /// The model this file describes, once every field checks out.
  func model(limits: Limits) throws(ModelFileError) -> Model {
    switch kind {
    case "mlp":
      guard let network else { throw .missing("network") }
      guard let activation = Activation(rawValue: network.activation) else {
        throw .unknownChoice("activation", network.activation)
      }
      guard let initializer = Initializer(rawValue: network.initializer) else {
        throw .unknownChoice("initializer", network.initializer)
      }
      guard let parameters = Self.values(network.parameters, as: Float.self) else {
        throw .badArray("network.parameters", type: "Float32")
      }
      try Self.check(layerSizes: network.layerSizes, parameters: parameters.count, limits: limits)
      try Self.check(learningRate: network.learningRate)
      guard network.epsilon > 0, network.epsilon < 1 else {
        throw .invalid("its epsilon \(network.epsilon) is not between 0 and 1")
      }
      let history = history ?? TrainingHistory()
      try Self.check(history: history, layers: network.layerSizes.count - 1)
      let optimizer = try Self.checked(optimizer: network.optimizer)
      let state = try Self.checked(state: network.optimizerState, parameters: parameters.count)
      let built = MultilayerPerceptron(
        layerSizes: network.layerSizes, activation: activation, learningRate: network.learningRate,
        epsilon: network.epsilon, parameters: parameters, history: history, optimizer: optimizer,
        optimizerState: state)
      return .mlp(NetworkModel(network: built, initializer: initializer, seed: seed))
    case "perceptron":
      guard let perceptron else { throw .missing("perceptron") }
      guard let rule = Perceptron.UpdateRule(rawValue: perceptron.rule) else {
        throw .unknownChoice("rule", perceptron.rule)
      }
      guard let weights = Self.values(perceptron.weights, as: Double.self), !weights.isEmpty else {
        throw .badArray("perceptron.weights", type: "Float64")
      }
      guard weights.count < limits.parameters else { throw .tooLarge(parameters: weights.count + 1, limit: limits.parameters) }
      guard let bias = Self.values(perceptron.bias, as: Double.self), bias.count == 1 else {
        throw .badArray("perceptron.bias", type: "Float64")
      }
      guard let accuracies = Self.values(perceptron.epochAccuracies, as: Double.self) else {
        throw .badArray("perceptron.epochAccuracies", type: "Float64")
      }
      try Self.check(learningRate: perceptron.learningRate)
      if let index = weights.firstIndex(where: { !$0.isFinite }) {
        throw .invalid("its weight \(index + 1) is \(weights[index])")
      }
      guard bias[0].isFinite, accuracies.allSatisfy({ (0 ... 1).contains($0) }) else {
        throw .invalid("its bias or an epoch's accuracy is not a finite number in range")
      }
      return .perceptron(PerceptronModel(
        perceptron: Perceptron(weights: weights, bias: bias[0], rule: rule), learningRate: perceptron.learningRate,
        seed: seed, epochAccuracies: accuracies))
    default:
      throw .unknownKind(kind)
    }
  }

  /// Layer sizes that make a network within `limits`, and exactly the parameters they need.
  static func check(layerSizes: [Int], parameters: Int, limits: Limits) throws(ModelFileError) {
    guard layerSizes.count >= 2, layerSizes.allSatisfy({ $0 > 0 }) else {
      throw .invalid("its layer sizes \(layerSizes) do not make a network")
    }
    guard let expected = Limits.parameterCount(layerSizes: layerSizes), expected <= limits.parameters else {
      throw .tooLarge(parameters: Limits.parameterCount(layerSizes: layerSizes), limit: limits.parameters)
    }
    guard parameters == expected else { throw .parameterCount(found: parameters, expected: expected) }
  }
}

extension UInt8 {
  fileprivate var isWhitespace: Bool { self == 0x20 || self == 0x0A || self == 0x0D || self == 0x09 }
}
