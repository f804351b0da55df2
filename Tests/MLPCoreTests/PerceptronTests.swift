import XCTest
import MLPCore

final class PerceptronTests: XCTestCase {
  func testFireIsAStepOfTheAffineFunction() {
    var perceptron = Perceptron(inputSize: 2)
    perceptron.weights = [1, -2]
    perceptron.bias = 0.5
    XCTAssertEqual(perceptron.fire([1, 0] as [Float]), 1)   // 1.5 > 0
    XCTAssertEqual(perceptron.fire([0, 1] as [Float]), 0)   // -1.5
    XCTAssertEqual(perceptron.fire([1.5, 1] as [Float]), 0) // exactly 0 is not > 0
  }

  func testNotebookRuleMovesOnlyThroughPositiveInputs() {
    var perceptron = Perceptron(inputSize: 2, rule: .notebook)
    perceptron.weights = [0, 0]
    // ŷ = 0, y = 1: w += η·max(0, x), b += η
    XCTAssertEqual(perceptron.train([-4, 2] as [Float], label: 1, learningRate: 0.5), 1)
    XCTAssertEqual(perceptron.weights, [0, 1])
    XCTAssertEqual(perceptron.bias, 0.5)
    // ŷ = 1, y = 0: w -= η·max(0, x), b -= η
    XCTAssertEqual(perceptron.train([3, 1] as [Float], label: 0, learningRate: 0.5), 1)
    XCTAssertEqual(perceptron.weights, [-1.5, 0.5])
    XCTAssertEqual(perceptron.bias, 0)
    // A correct answer changes nothing and costs nothing.
    XCTAssertEqual(perceptron.train([0, 5] as [Float], label: 1, learningRate: 0.5), 0)
    XCTAssertEqual(perceptron.weights, [-1.5, 0.5])
  }

  func testClassicRuleUsesTheWholeInput() {
    var perceptron = Perceptron(inputSize: 2, rule: .classic)
    perceptron.weights = [0, 0]
    perceptron.train([-4, 2] as [Float], label: 1, learningRate: 0.5)
    XCTAssertEqual(perceptron.weights, [-2, 1])
    XCTAssertEqual(perceptron.bias, 0.5)
  }

  func testEpochAccuracyCountsSamplesRightBeforeTheirUpdate() {
    var perceptron = Perceptron(inputSize: 1, rule: .classic)
    perceptron.weights = [1]
    // x = 1 → fires 1, label 0: wrong, w becomes 0, b -1; then x = -1 → 0, label 0: right.
    let accuracy = perceptron.trainEpoch(inputs: Matrix([[1], [-1]]), labels: [0, 0], learningRate: 1)
    XCTAssertEqual(accuracy, 0.5)
    XCTAssertEqual(perceptron.accuracy(inputs: Matrix([[1], [-1]]), labels: [0, 0]), 1)
  }
}
