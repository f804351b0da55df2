import XCTest
@testable import MLPCore

/// Evaluation splits its rows over the cores; what it returns must not depend on the split.
final class EvaluationTests: XCTestCase {
  func testEvaluationOnEveryCoreEqualsEvaluationOnOne() throws {
    var generator = SeededGenerator(seed: 11)
    let rows = 5003  // ten chunks of 512 rows, the last one ragged
    let inputs = Matrix(rows: rows, columns: 20,
                        storage: (0 ..< rows * 20).map { _ in Float(generator.nextNormal()) })
    let labels = (0 ..< rows).map { _ in generator.nextInt(below: 5) }
    let model = MultilayerPerceptron(layerSizes: [20, 32, 5], activation: .tanh, seed: 4)

    XCTAssertFalse(ParallelRuns.isRunningAJob)
    let split = try model.evaluate(inputs: inputs, labels: labels)
    // Inside a sweep's run the same evaluation stays on its one thread.
    let single = ParallelRuns.map([0], concurrency: 1) { _ in
      precondition(ParallelRuns.isRunningAJob)
      return (try! model.evaluate(inputs: inputs, labels: labels), model(inputs), model.predict(inputs))
    }[0]
    XCTAssertEqual(split, single.0)
    XCTAssertEqual(model(inputs).storage, single.1.storage)
    XCTAssertEqual(model.predict(inputs), single.2)
    XCTAssertEqual(split.predictions, single.2)
    XCTAssertEqual(split.confusion.joined().reduce(0, +), rows)

    // Each row, run on its own, has the class probabilities the whole evaluation gave it.
    let all = model(inputs)
    for row in [0, 1, 511, 512, 2501, 4607, 4608, rows - 1] {
      let one = model(Matrix(rows: 1, columns: 20, storage: Array(inputs.storage[row * 20 ..< row * 20 + 20])))
      for column in 0 ..< 5 {
        XCTAssertEqual(one[0, column], all[row, column], accuracy: 1e-6, "row \(row)")
      }
    }
    XCTAssertEqual(model.loss(inputs: inputs, labels: labels), split.loss, accuracy: 1e-6)

    // The split itself, whatever this machine's cores: the same numbers on 1, 2, 3 or 7.
    let one = model.probabilities(of: inputs, cores: 1)
    for cores in [2, 3, 7] {
      XCTAssertEqual(model.probabilities(of: inputs, cores: cores), one, "\(cores) cores")
    }
  }
}
