import Foundation
import MLPCore
import Testing
@testable import MLPScript

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
    let damaged = ModelFile(.mlp(NetworkModel(network: MultilayerPerceptron(layerSizes: [2, 2]), initializer: .seed, seed: 0)))
    var short = damaged
    short.parameters = [1, 2]
    #expect(throws: ModelFileError.parameterCount(found: 2, expected: 6)) { try short.model() }
  }
}
