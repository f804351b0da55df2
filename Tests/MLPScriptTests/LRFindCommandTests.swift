import Foundation
import Testing
@testable import MLPScript

@Suite struct LRFindCommandTests {
  @Test func suggestsARateAndLeavesTheModelAsItWas() throws {
    let (interpreter, sink) = Fixtures.interpreter()
    interpreter.run(line: "m = mlp [2,16,3] init=he seed=1")
    sink.clear()
    #expect(interpreter.run(line: "lrfind m quadrants batch=16 end=100") == nil)
    #expect(sink.lines[0].hasPrefix("lrfind m on quadrants: "))
    #expect(sink.lines[1].hasPrefix("lowest smoothed loss "))
    #expect(sink.text.contains("m: loss against learning rate"))
    #expect(sink.text.contains("log₁₀ learning rate"))
    let report = try #require(interpreter.session.lastReport)
    let suggested = try #require(report.quantity("suggested lr"))
    let lowest = try #require(report.quantity("lowest loss lr"))
    #expect(abs(suggested - lowest / 10) <= 1e-12 * lowest)
    #expect(sink.lines[1].contains("suggested lr \(String(format: "%.2g", suggested))"))
    guard case let .mlp(model)? = interpreter.session.models["m"] else { return }
    #expect(model.network.history.iterations == 0)
  }

  @Test func refusesWhatItCannotRun() {
    let (interpreter, sink) = Fixtures.interpreter()
    interpreter.run(line: "p = perceptron")
    #expect(interpreter.run(line: "lrfind p blobs")?.id == .wrongKind)
    interpreter.run(line: "m = mlp [2,4,3]")
    #expect(interpreter.run(line: "lrfind m quadrants start=1 end=0.1")?.id == .badValue)
    #expect(interpreter.run(line: "lrfind m quadrants batch=1000")?.id == .badValue)
    #expect(sink.text.contains("end=0.1 should be larger than start=1"))
    #expect(sink.text.contains("too few for two batches of 1000"))
  }
}
