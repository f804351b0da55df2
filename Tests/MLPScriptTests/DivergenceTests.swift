import Foundation
import MLPCore
import Testing
@testable import MLPScript

/// A run that blows up says where and why, and the model stays usable.
@Suite struct DivergenceTests {
  /// An interpreter holding `big`: the quadrants fixture with every feature times `scale`.
  func interpreter(scale: Float) -> (Interpreter, CollectingSink) {
    let (interpreter, sink) = Fixtures.interpreter()
    let quadrants = Fixtures.quadrants(count: 640)
    let train = quadrants.train
    let samples = Samples(features: Matrix(rows: train.count, columns: 2, storage: train.features.storage.map { $0 * scale }),
                          labels: train.labels)
    interpreter.session.datasets["big"] = DataEntry(train: samples, test: nil, origin: "quadrants × \(scale)")
    return (interpreter, sink)
  }

  @Test func aHugeLearningRateOnRawDigitsNamesTheIterationAndBothCauses() throws {
    let (interpreter, sink) = Fixtures.interpreter()
    #expect(interpreter.run(line: "load digits; m = mlp [64,32,10]; train m digits lr=1e6 progress=false") == nil)
    let lines = sink.lines.drop { !$0.hasPrefix("warning:") }
    // The run stays finite (the softmax is computed stably and the loss clipped at -ln ε),
    // but ends far above the 2.303 of guessing among ten digits.
    #expect(lines.first?.hasPrefix("warning: training diverged: from iteration ") == true)
    #expect(lines.first?.contains(" of 22 the loss stayed above 5.605 and ended at ") == true)
    #expect(lines.first?.hasSuffix(" (guessing among 10 classes scores 2.303)") == true)
    #expect(Array(lines.dropFirst()) == [
      "  likely cause: the inputs are not scaled ('digits' ranges from 0 to 16); 'scale digits' maps them to [0, 1]",
      "  likely cause: the learning rate 1000000 is high for gradient descent; try lr=0.1 or smaller",
    ])
    let at = try #require(interpreter.session.lastReport?.quantity("diverged at"))
    #expect(at >= 1 && at <= 22)
    // The session is intact: the model evaluates, and scaled data with a sane rate learns.
    #expect(interpreter.run(line: "evaluate m digits") == nil)
    #expect(interpreter.run(line: "scale digits; k = mlp [64,32,10]; train k digits lr=0.5 epochs=5 progress=false") == nil)
    #expect(try #require(interpreter.session.lastReport?.quantity("accuracy")) > 0.8)
    #expect(interpreter.session.lastReport?.quantity("diverged at") == nil)
  }

  @Test func aNonFiniteLossStopsWithTheLastFiniteWeights() throws {
    let (interpreter, sink) = interpreter(scale: 1e4)
    #expect(interpreter.run(line: "m = mlp [2,16,16,3]; train m big lr=1 progress=false") == nil)
    let warning = sink.lines.drop { !$0.hasPrefix("warning:") }
    let headline = try #require(warning.first)
    #expect(headline.hasPrefix("warning: training diverged at iteration "))
    #expect(headline.hasSuffix(" of 10: the loss became nan") || headline.hasSuffix(" of 10: the loss became inf"))
    #expect(Array(warning.dropFirst()).count == 3)
    #expect(warning.dropFirst().first?.hasPrefix("  m keeps ") == true)
    #expect(Array(warning.dropFirst(2)) == [
      "  likely cause: the inputs are not scaled ('big' ranges from -9989 to 9990); 'scale big' maps them to [0, 1]",
      "  likely cause: the learning rate 1 is high for gradient descent; try lr=0.1 or smaller",
    ])
    guard case let .mlp(model)? = interpreter.session.models["m"] else {
      Issue.record("the model is gone")
      return
    }
    #expect(model.network.parameters.allSatisfy { $0.isFinite })
    let at = try #require(interpreter.session.lastReport?.quantity("diverged at"))
    #expect(Double(model.network.history.iterations) == at - 1)
    // It predicts and evaluates afterwards.
    #expect(interpreter.run(line: "predict m [1,2]; evaluate m big on=train") == nil)
  }

  @Test func causesFollowTheDataAndTheRate() {
    let unit = Matrix(rows: 2, columns: 2, storage: [0, 0.5, 1, -1])
    #expect(Divergence.causes(features: unit, data: "d", learningRate: 0.1) == [
      "likely cause: the learning rate 0.1 is too high for this network and data; try lr=0.01",
    ])
    #expect(Divergence.causes(features: unit, data: "d", learningRate: 3) == [
      "likely cause: the learning rate 3 is high for gradient descent; try lr=0.1 or smaller",
    ])
    let pixels = Matrix(rows: 1, columns: 3, storage: [0, 128, 255])
    #expect(Divergence.causes(features: pixels, data: "mnist", learningRate: 0.01) == [
      "likely cause: the inputs are not scaled ('mnist' ranges from 0 to 255); 'scale mnist' maps them to [0, 1]",
    ])
    #expect(Divergence.ceiling(classes: 10) == 2 * log(10) + 1)
    // A run that learns says nothing; one that ends above the ceiling does.
    #expect(Divergence.blownUp(losses: [2.3, 1.2, 0.4], classes: 10, causes: []) == nil)
    let blown = Divergence.blownUp(losses: [2.3, 1.2, 9, 12, 13], classes: 10, causes: ["c"])
    #expect(blown?.iteration == 3)
    #expect(blown?.lines == [
      "warning: training diverged: from iteration 3 of 5 the loss stayed above 5.605 and ended at 13.000 "
        + "(guessing among 10 classes scores 2.303)",
      "  c",
    ])
  }
}
