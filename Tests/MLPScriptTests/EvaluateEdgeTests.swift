import MLPCore
import MLPData
import Testing
@testable import MLPScript

/// Issue 17, cosmetic and M8: `evaluate` never reports "0.0000 (0 of 0)" or a NaN loss.
@Suite struct EvaluateEdgeTests {
  @Test func aTestSetOfNoSamplesIsSaidSo() throws {
    let interpreter = Interpreter(environment: Environment(sink: CollectingSink()))
    #expect(interpreter.run(line: "blobs = data blobs n=20; m = mlp [2,2]") == nil)
    let blobs = try #require(interpreter.session.datasets["blobs"])
    let empty = Samples(features: Matrix(rows: 0, columns: 2), labels: [], classNames: ["0", "1"])
    interpreter.session.datasets["blobs"] = DataEntry(train: blobs.train, test: empty, origin: "a test")
    let diagnostic = try #require(interpreter.run(line: "evaluate m blobs"))
    #expect(diagnostic.message == "'blobs' has no test samples to evaluate on")
  }

  @Test func aModelWhoseOutputsAreNotNumbersIsSaidSoNotPrinted() throws {
    let sink = CollectingSink()
    let interpreter = Interpreter(environment: Environment(sink: sink))
    #expect(interpreter.run(line: "blobs = data blobs n=20; m = mlp [2,2]") == nil)
    guard case var .mlp(model)? = interpreter.session.models["m"] else { throw Failure() }
    model.network.parameters[0] = .nan
    interpreter.session.models["m"] = .mlp(model)
    #expect(interpreter.run(line: "evaluate m blobs on=train")?.message == "'m' gives outputs that are not numbers")
    #expect(interpreter.run(line: "predict m [1,2]")?.message == "'m' gives outputs that are not numbers")
    #expect(!sink.lines.contains { $0.lowercased().contains("nan") })
  }

  struct Failure: Error {}
}
