import Foundation
import MLPCore
import MLPData
import Testing
@testable import MLPScript

/// `save` and `load`: the round trip is bit for bit, and a file that is not whole is never
/// loaded half-way.
@Suite struct ModelFileTests {
  func temporaryPath(_ name: String) -> String {
    NSTemporaryDirectory() + "mlpsh-\(getpid())-\(UUID().uuidString)-\(name)"
  }

  @Test func aSavedNetworkLoadsBackIdentical() throws {
    let path = temporaryPath("m.json")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (interpreter, _) = Fixtures.interpreter()
    #expect(interpreter.run(line: "m = mlp [2,7,3] sigmoid init=he seed=5 lr=0.3; train m quadrants iterations=40") == nil)
    #expect(interpreter.run(line: "save m \"\(path)\"; k = load \"\(path)\"") == nil)
    guard case let .mlp(saved)? = interpreter.session.models["m"],
          case let .mlp(loaded)? = interpreter.session.models["k"] else {
      Issue.record("models missing")
      return
    }
    // Every weight, the history and the settings survive the round trip exactly.
    #expect(loaded.network == saved.network)
    #expect(loaded.initializer == .he && loaded.seed == 5)
    // Both go on training identically.
    #expect(interpreter.run(line: "train m iterations=5; train k iterations=5") == nil)
    guard case let .mlp(a)? = interpreter.session.models["m"], case let .mlp(b)? = interpreter.session.models["k"] else {
      Issue.record("models missing")
      return
    }
    #expect(a.network.parameters == b.network.parameters)
  }

  @Test func theRoundTripIsBitForBit() throws {
    // Values decimal text could blur: a subnormal, negative zero, a NaN with a payload,
    // infinities, the largest Float, and 0.1 (not a binary fraction).
    var parameters = MultilayerPerceptron(layerSizes: [3, 4, 2], seed: 9).parameters
    let awkward: [Float] = [.leastNonzeroMagnitude, -0.0, Float(bitPattern: 0x7FC0_1234), .infinity,
                            -.infinity, .greatestFiniteMagnitude, 0.1, 1 / 3]
    parameters.replaceSubrange(0 ..< awkward.count, with: awkward)
    var history = TrainingHistory()
    var network = MultilayerPerceptron(layerSizes: [3, 4, 2], activation: .tanh, learningRate: 0.1,
                                       epsilon: 1e-7, parameters: parameters)
    // A history made by training, for realistic values.
    var trained = MultilayerPerceptron(layerSizes: [2, 3], seed: 1)
    let inputs = Matrix(rows: 4, columns: 2, storage: [0.1, 0.2, 0.3, 0.4, -1, 2, 1e-3, 7])
    try trained.train(inputs: inputs, labels: [0, 1, 2, 0], options: TrainingOptions(batchSize: 1, epochs: 3))
    history = trained.history
    network.history = history
    let model = Model.mlp(NetworkModel(network: network, initializer: .xavier, seed: 77))

    guard case let .mlp(back) = try ModelFile.decode(try ModelFile.encode(model)) else {
      Issue.record("not an mlp")
      return
    }
    #expect(back.network.parameters.map(\.bitPattern) == parameters.map(\.bitPattern))
    #expect(back.network.learningRate.bitPattern == Float(0.1).bitPattern)
    #expect(back.network.epsilon.bitPattern == Float(1e-7).bitPattern)
    #expect(back.network.layerSizes == [3, 4, 2] && back.network.activation == .tanh)
    #expect(back.initializer == .xavier && back.seed == 77)
    #expect(back.network.history.steps.count == 12)
    #expect(back.network.history.losses.map(\.bitPattern) == history.losses.map(\.bitPattern))
    #expect(back.network.history.accuracies.map(\.bitPattern) == history.accuracies.map(\.bitPattern))
    #expect(back.network.history.steps.map(\.epoch.bitPattern) == history.steps.map(\.epoch.bitPattern))
    #expect(back.network.history.steps.map(\.examplesSeen) == history.steps.map(\.examplesSeen))

    var perceptron = Perceptron(weights: [0.1, -0.0, .leastNonzeroMagnitude, 1e308], bias: -2.5e-300, rule: .notebook)
    perceptron.weights[1] = -0.0
    let single = Model.perceptron(PerceptronModel(perceptron: perceptron, learningRate: 0.001, seed: 3,
                                                  epochAccuracies: [0.5, 2.0 / 3]))
    guard case let .perceptron(p) = try ModelFile.decode(try ModelFile.encode(single)) else {
      Issue.record("not a perceptron")
      return
    }
    #expect(p.perceptron.weights.map(\.bitPattern) == perceptron.weights.map(\.bitPattern))
    #expect(p.perceptron.bias.bitPattern == perceptron.bias.bitPattern)
    #expect(p.learningRate.bitPattern == 0.001.bitPattern && p.seed == 3)
    #expect(p.epochAccuracies.map(\.bitPattern) == [0.5, 2.0 / 3].map(\.bitPattern))
  }

  @Test func theFileIsJSONWithItsVersionAndChecksum() throws {
    let model = Model.mlp(NetworkModel(network: MultilayerPerceptron(layerSizes: [2, 2]), initializer: .seed, seed: 0))
    let data = try ModelFile.encode(model)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["format"] as? String == "mlpsh-model")
    #expect(object["version"] as? Int == 3)
    let text = String(decoding: data, as: UTF8.self)
    let covered = try #require(text.range(of: "  \"crc32\" : \"")).lowerBound
    let recorded = String(text[covered...].dropFirst(13).prefix(8))
    #expect(recorded == CRC32.hex(of: Data(text[..<covered].utf8)))
    #expect(CRC32.hex(of: Data("123456789".utf8)) == "cbf43926")  // the standard check value
  }

  @Test func aFileCutShortAnywhereIsRefused() throws {
    let (interpreter, _) = Fixtures.interpreter()
    interpreter.run(line: "m = mlp [2,5,3]; train m quadrants iterations=10")
    guard let model = interpreter.session.models["m"] else { throw CancellationError() }
    let data = try ModelFile.encode(model)
    // Every length short of the whole (the final newline aside) is an error, never a model.
    for length in 0 ..< data.count - 1 {
      #expect(throws: ModelFileError.self, "cut to \(length) bytes") { try ModelFile.decode(data.prefix(length)) }
    }
    #expect(throws: ModelFileError.empty) { try ModelFile.decode(Data()) }
    #expect(throws: ModelFileError.incomplete) { try ModelFile.decode(data.prefix(data.count / 2)) }
    // Without the final newline it is still whole.
    #expect((try? ModelFile.decode(data.prefix(data.count - 1))) != nil)
  }

  @Test func aDamagedFileIsRefusedByItsChecksum() throws {
    let model = Model.mlp(NetworkModel(network: MultilayerPerceptron(layerSizes: [4, 3]), initializer: .seed, seed: 0))
    let data = try ModelFile.encode(model)
    let text = String(decoding: data, as: UTF8.self)
    // One base64 digit of the weights changed: still valid JSON, different weights.
    let weights = try #require(text.range(of: "\"parameters\" : \"")).upperBound
    var damaged = text
    let digit = damaged[weights]
    damaged.replaceSubrange(weights ... weights, with: digit == "A" ? "B" : "A")
    let error = #expect(throws: ModelFileError.self) { try ModelFile.decode(Data(damaged.utf8)) }
    guard case .checksumMismatch? = error else {
      Issue.record("expected a checksum mismatch, got \(String(describing: error))")
      return
    }
    #expect(error?.description.hasPrefix("the file is damaged: its content has checksum ") == true)
    #expect(error?.description.hasSuffix("; nothing was loaded") == true)
    // Every single byte changed to another printable one: refused, or (inside the checksum
    // digits' own line or in layout whitespace that JSON ignores) still the same model.
    var bytes = [UInt8](data)
    for index in bytes.indices {
      let original = bytes[index]
      bytes[index] = original == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
      if let loaded = try? ModelFile.decode(Data(bytes)), case let .mlp(network) = loaded,
         case let .mlp(expected) = model {
        #expect(network.network == expected.network, "byte \(index) changed the model silently")
      }
      bytes[index] = original
    }
  }

  @Test func aNewerVersionIsRefusedByName() throws {
    // Checksum right: a newer mlpsh writes a whole file. A damaged version digit is damage.
    let newer = HostileInput.modelFile(resign: true) { $0.replacingOccurrences(of: "\"version\" : 3", with: "\"version\" : 4") }
    #expect(throws: ModelFileError.newerVersion(4)) { try ModelFile.decode(Data(newer)) }
    let damaged = HostileInput.modelFile { $0.replacingOccurrences(of: "\"version\" : 3", with: "\"version\" : 4") }
    #expect(throws: ModelFileError.checksumMismatch(recorded: "9a9da483", computed: "480fa159")) {
      try ModelFile.decode(Data(damaged))
    }
    #expect(ModelFileError.newerVersion(4).description
      == "it was saved by a newer mlpsh (model format version 4); this one reads versions 1 to 3")
  }

  @Test func aVersionOneFileStillLoads() throws {
    // As mlpsh wrote models before format version 2: plain JSON, decimal weights.
    let text = """
      {"activation":"relu","format":"mlpsh-model","history":{"steps":[]},"initializer":"he","kind":"mlp",\
      "layerSizes":[2,1],"learningRate":0.5,"parameters":[0.25,-1.5,0.125],"seed":4,"version":1}
      """
    guard case let .mlp(model) = try ModelFile.decode(Data(text.utf8)) else {
      Issue.record("not an mlp")
      return
    }
    #expect(model.network.parameters == [0.25, -1.5, 0.125])
    #expect(model.network.learningRate == 0.5 && model.initializer == .he && model.seed == 4)
  }

  @Test func fieldsThatDoNotMakeAModelAreNamed() throws {
    let model = Model.mlp(NetworkModel(network: MultilayerPerceptron(layerSizes: [2, 2]), initializer: .seed, seed: 0))
    var file = ModelFile(model)
    file.network?.parameters = ModelFile.base64([Float(1), 2])
    #expect(throws: ModelFileError.parameterCount(found: 2, expected: 6)) { try file.model(limits: .standard) }
    file.network?.parameters = "not base64!"
    #expect(throws: ModelFileError.badArray("network.parameters", type: "Float32")) { try file.model(limits: .standard) }
    file.network?.parameters = ModelFile.base64([Float(1), 2])
    file.network?.layerSizes = [100_000, 100_000, 10]
    #expect(throws: ModelFileError.tooLarge(parameters: 10_001_100_010, limit: 1 << 28)) {
      try file.model(limits: .standard)
    }
    file.network?.layerSizes = [Int.max / 2, 3]
    #expect(throws: ModelFileError.tooLarge(parameters: nil, limit: 1 << 28)) { try file.model(limits: .standard) }
    #expect(ModelFileError.tooLarge(parameters: 10_001_100_010, limit: 1 << 28).description
      == "its network would have 10001100010 parameters, more than the 268435456 mlpsh loads")
    file.network?.activation = "rleu"
    #expect(throws: ModelFileError.unknownChoice("activation", "rleu")) { try file.model(limits: .standard) }
    file.kind = "svm"
    #expect(throws: ModelFileError.unknownKind("svm")) { try file.model(limits: .standard) }
  }

  @Test func aSavedPerceptronLoadsBackUnderItsFileName() throws {
    let folder = temporaryPath("models")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let (interpreter, _) = Fixtures.interpreter()
    interpreter.run(line: "p = perceptron 2; train p blobs epochs=2; save p \"\(folder)/edge.json\"")
    #expect(interpreter.run(line: "load \"\(folder)/edge.json\"") == nil)
    guard case let .perceptron(saved)? = interpreter.session.models["p"],
          case let .perceptron(loaded)? = interpreter.session.models["edge"] else {
      Issue.record("models missing")
      return
    }
    #expect(loaded.perceptron == saved.perceptron)
    #expect(loaded.epochAccuracies == saved.epochAccuracies)
    #expect(interpreter.session.currentModel == "edge")
  }

  @Test func aFileThatIsNoModel() throws {
    let path = temporaryPath("notes.json")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try "{\"hello\": 1}".write(toFile: path, atomically: true, encoding: .utf8)
    let interpreter = Interpreter(environment: Environment(sink: CollectingSink()))
    let error = interpreter.run(script: Source(name: "l.mlp", text: "load \"\(path)\""))
    #expect(error?.message == "cannot load a model from '\(path)': it is not a model saved by mlpsh")
    #expect(error?.location == SourceLocation(line: 1, column: 6))
    let folder = interpreter.run(script: Source(name: "l.mlp", text: "load \"\(NSTemporaryDirectory())x.json\""))
    #expect(folder?.message == "cannot load a model from '\(NSTemporaryDirectory())x.json': no such file")
  }
}
