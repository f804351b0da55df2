import XCTest
@testable import MLPCore

final class ActivationAndLossTests: XCTestCase {
  func testValuesAgainstDefinitions() {
    XCTAssertEqual(Activation.relu(-2), 0)
    XCTAssertEqual(Activation.relu(3), 3)
    XCTAssertEqual(Activation.relu(-0.0).sign, .plus)
    XCTAssertTrue(Activation.relu(.nan).isNaN, "NaN must reach the loss")
    XCTAssertEqual(Activation.sigmoid(0), 0.5)
    XCTAssertEqual(Double(Activation.sigmoid(2)), 1 / (1 + exp(-2.0)), accuracy: 1e-7)
    XCTAssertEqual(Double(Activation.tanh(0.5)), tanh(0.5), accuracy: 1e-7)
  }

  /// The derivative from the output must equal the slope of the function itself, measured by
  /// central differences in double precision at points away from ReLU's kink.
  func testDerivativeFromOutputMatchesSlope() {
    for activation in Activation.allCases {
      for z in [-2.5, -0.7, 0.3, 1.9] as [Float] {
        let h: Float = 1e-2
        let slope = (activation(z + h) - activation(z - h)) / (2 * h)
        XCTAssertEqual(activation.derivative(fromOutput: activation(z)), slope, accuracy: 2e-3,
                       "\(activation) at \(z)")
      }
    }
  }

  func testChoicesHint() {
    XCTAssertEqual(Activation.choices, "relu, sigmoid or tanh")
    XCTAssertEqual(Initializer.choices, "seed, xavier or he")
  }

  func testSoftmaxRowsSumToOneAndSurviveHugeLogits() {
    let logits = Matrix([[1, 2, 3], [1000, 1000, -1000], [-50, 0, 50]])
    let p = softmax(logits)
    for row in 0 ..< p.rows {
      XCTAssertEqual(p.row(row).reduce(0, +), 1, accuracy: 1e-6)
      XCTAssertTrue(p.row(row).allSatisfy { $0.isFinite && $0 >= 0 })
    }
    XCTAssertEqual(p[1, 0], 0.5, accuracy: 1e-6)
    // softmax([1, 2, 3]) from the definition
    let e = [exp(1.0), exp(2.0), exp(3.0)]
    XCTAssertEqual(Double(p[0, 2]), e[2] / e.reduce(0, +), accuracy: 1e-6)
  }

  func testCrossEntropyIsNonNegativeAndClipsWithoutRewritingInput() {
    let probabilities = Matrix([[1, 0, 0], [0.2, 0.3, 0.5]])
    let loss = CrossEntropy()
    let labels = [1, 2]
    // Row 0 gives its label probability 0, clipped to 1e-6: -log(1e-6) = 13.8155.
    let expected = (-log(Double(Float(1e-6))) - log(0.5)) / 2
    XCTAssertEqual(loss(probabilities: probabilities, labels: labels), expected, accuracy: 1e-5)
    XCTAssertEqual(loss(probabilities: probabilities, targets: oneHot(labels, classCount: 3)),
                   expected, accuracy: 1e-5)
    XCTAssertEqual(probabilities[0, 1], 0, "the clip must not rewrite the forward output")
    XCTAssertEqual(CrossEntropy(reduction: .sum)(probabilities: probabilities, labels: labels),
                   2 * expected, accuracy: 1e-5)
    var generator = SeededGenerator(seed: 3)
    for _ in 0 ..< 50 {
      let p = softmax(Matrix(rows: 1, columns: 4,
                             storage: (0 ..< 4).map { _ in Float(generator.nextNormal(standardDeviation: 5)) }))
      XCTAssertGreaterThanOrEqual(loss(probabilities: p, labels: [generator.nextInt(below: 4)]), 0)
    }
  }

  func testOneHot() {
    XCTAssertEqual(oneHot([2, 0], classCount: 3), Matrix([[0, 0, 1], [1, 0, 0]]))
  }
}
