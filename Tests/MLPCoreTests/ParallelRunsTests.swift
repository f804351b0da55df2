import XCTest
import MLPCore

final class ParallelRunsTests: XCTestCase {
  func testResultsComeBackInJobOrder() {
    let squares = ParallelRuns.map(Array(0 ..< 50), concurrency: 3) { $0 * $0 }
    XCTAssertEqual(squares, (0 ..< 50).map { $0 * $0 })
  }

  /// Runs trained side by side give exactly what they give one after another.
  func testParallelTrainingMatchesSequentialTraining() throws {
    var generator = SeededGenerator(seed: 2)
    let inputs = Matrix(rows: 256, columns: 8,
                        storage: (0 ..< 2048).map { _ in Float(generator.nextNormal()) })
    let labels = (0 ..< 256).map { inputs[$0, 0] + inputs[$0, 1] > 0 ? 1 : 0 }
    let start = MultilayerPerceptron(layerSizes: [8, 16, 2], seed: 3)
    let batchSizes = [8, 16, 32, 64]
    @Sendable func run(_ batchSize: Int) -> [Float] {
      var model = start
      // A run that threw would return its first weights on both sides and prove nothing.
      _ = try! model.train(inputs: inputs, labels: labels,
                           options: TrainingOptions(batchSize: batchSize, learningRate: 0.1, epochs: 3))
      precondition(model.parameters != start.parameters, "batch \(batchSize) did not train")
      return model.parameters
    }
    XCTAssertEqual(ParallelRuns.map(batchSizes, concurrency: 2, run), batchSizes.map(run))
  }
}
