import XCTest
@testable import MLPCore

/// Our forward pass, loss and backpropagation against the numpy float64 reference.
/// Tolerances: the network runs in float32 (relative precision 6e-8) through three layers of
/// at most 5 terms, so 1e-5 absolute leaves two orders of magnitude of margin.
final class ReferenceTests: XCTestCase {
  func testForwardLossAndGradientsMatchReferenceForEveryActivation() throws {
    let fixture = try TinyNetFixture.load()
    for activation in Activation.allCases {
      let model = fixture.model(activation)
      let expected = fixture.expected(for: activation)
      let probabilities = model(fixture.inputs)
      for (row, expectedRow) in expected.y_hat.enumerated() {
        for (column, value) in expectedRow.enumerated() {
          XCTAssertEqual(Double(probabilities[row, column]), value, accuracy: 1e-6, "\(activation)")
        }
      }
      XCTAssertEqual(model.loss(inputs: fixture.inputs, labels: fixture.labels), expected.loss,
                     accuracy: 1e-5, "\(activation)")
      let gradients = model.gradients(inputs: fixture.inputs, labels: fixture.labels)
      let reference = TinyNetFixture.flatten(expected.grads_correct)
      XCTAssertEqual(gradients.count, reference.count)
      for (index, (ours, theirs)) in zip(gradients, reference).enumerated() {
        XCTAssertEqual(ours, theirs, accuracy: 1e-5, "\(activation) parameter \(index)")
      }
    }
  }

  /// One SGD step by `train` equals θ − η∇θ with the reference gradient.
  func testOneTrainingStepAppliesTheReferenceGradient() throws {
    let fixture = try TinyNetFixture.load()
    for activation in Activation.allCases {
      var model = fixture.model(activation)
      let before = model.parameters
      let report = try model.train(inputs: fixture.inputs, labels: fixture.labels,
                                   options: TrainingOptions(batchSize: 4, learningRate: 0.1))
      XCTAssertEqual(report.iterations, 1)
      XCTAssertEqual(Double(report.lastStep!.loss), fixture.expected(for: activation).loss, accuracy: 1e-5)
      let gradient = TinyNetFixture.flatten(fixture.expected(for: activation).grads_correct)
      for index in before.indices {
        XCTAssertEqual(model.parameters[index], before[index] - 0.1 * gradient[index], accuracy: 1e-6)
      }
    }
  }
}
