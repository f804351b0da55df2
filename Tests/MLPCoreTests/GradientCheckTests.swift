import XCTest
@testable import MLPCore

/// Backpropagation against central differences, for every activation, on a network with
/// non-zero biases: at exact zeros a ReLU unit sits on its kink, where the one-sided slopes
/// differ and central differences report a false error.
final class GradientCheckTests: XCTestCase {
  /// A 6-5-4-3 network with biases drawn away from zero and 8 random samples.
  private func problem(_ activation: Activation) -> (MultilayerPerceptron, Matrix, [Int]) {
    var generator = SeededGenerator(seed: 11)
    var model = MultilayerPerceptron(layerSizes: [6, 5, 4, 3], activation: activation,
                                     initializer: .xavier, generator: &generator)
    for layer in model.layers {
      for index in layer.biasRange {
        model.parameters[index] = Float(generator.nextUniform(from: 0.1, to: 0.5))
      }
    }
    let inputs = Matrix(rows: 8, columns: 6,
                        storage: (0 ..< 48).map { _ in Float(generator.nextNormal()) })
    let labels = (0 ..< 8).map { _ in generator.nextInt(below: 3) }
    return (model, inputs, labels)
  }

  /// Tolerance: with float32 forward passes and h = 1e-3 the numeric gradient is good to about
  /// 5e-5 (see `GradientCheck`); measured worst cases here: 6.5e-5 (relu), 5.9e-5 (sigmoid),
  /// 4.9e-5 (tanh). 1e-3 absolute is fifteen times that, and the notebook's mistake is off by
  /// more than 10% relative.
  func testBackpropagationMatchesCentralDifferences() {
    for activation in Activation.allCases {
      let (model, inputs, labels) = problem(activation)
      let report = GradientCheck().run(on: model, inputs: inputs, labels: labels)
      XCTAssertEqual(report.entries.map(\.name), ["W0", "b0", "W1", "b1", "W2", "b2"])
      XCTAssertEqual(report.entries.map(\.checked).reduce(0, +), model.parameterCount)
      XCTAssertTrue(report.passes(), "\(activation): \(report)")
      XCTAssertLessThan(report.maxAbsoluteError, 1e-3, "\(activation)")
    }
  }

  /// The mutation test: put back the notebook's backward pass (the derivative computed by
  /// feeding the post-activation output through the activation again, and applied twice),
  /// and the check must catch it for sigmoid and tanh. For ReLU the mistake is harmless
  /// (a 0/1 mask of a 0/1 mask), which the check must also confirm.
  func testCheckCatchesTheNotebooksBackwardPass() throws {
    for activation in Activation.allCases {
      let (model, inputs, labels) = problem(activation)
      let mutated = NotebookBackward.gradients(of: model, inputs: inputs, labels: labels)
      let report = GradientCheck().run(on: model, inputs: inputs, labels: labels, analytic: mutated)
      if activation == .relu {
        XCTAssertTrue(report.passes(), "relu: \(report)")
      } else {
        XCTAssertFalse(report.passes(), "\(activation): the mutation went unnoticed")
        XCTAssertGreaterThan(report.maxRelativeError, 0.1, "\(activation)")
      }
    }
  }

  /// The mutation reproduces the notebook faithfully: it gives the reference fixture's
  /// "as written" gradients.
  func testMutationMatchesTheNotebooksOwnNumbers() throws {
    let fixture = try TinyNetFixture.load()
    for activation in Activation.allCases {
      let mutated = NotebookBackward.gradients(of: fixture.model(activation),
                                               inputs: fixture.inputs, labels: fixture.labels)
      let reference = TinyNetFixture.flatten(fixture.expected(for: activation).grads_post_as_written)
      XCTAssertEqual(mutated.count, reference.count)
      for (index, (ours, theirs)) in zip(mutated, reference).enumerated() {
        XCTAssertEqual(ours, theirs, accuracy: 1e-5, "\(activation) parameter \(index)")
      }
    }
  }

  func testSampledCheckVisitsTheRequestedNumber() {
    let (model, inputs, labels) = problem(.tanh)
    let report = GradientCheck(samplesPerLayer: 3, seed: 1).run(on: model, inputs: inputs, labels: labels)
    XCTAssertEqual(report.entries.map(\.checked), [3, 3, 3, 3, 3, 3])
    XCTAssertTrue(report.passes())
  }
}

/// The seed notebook's `layer_backward`, rebuilt on our matrices for the mutation test only.
/// Its two mistakes: `gradient_activation_fn(a)` takes the *output* `a` and applies the
/// activation to it again, and the result multiplies the gradient twice (once into
/// `gradient_o`, once more on the way to `gradient_a_prev`), for every layer, the softmax
/// output included (its `layer_number == len(layer_dims)` test is never true).
enum NotebookBackward {
  static func gradients(of model: MultilayerPerceptron, inputs: Matrix, labels: [Int]) -> [Float] {
    let activation = model.activation
    func wrongDerivative(_ a: Matrix) -> Matrix {
      var result = a
      result.storage = a.storage.map { value in
        switch activation {
        case .relu: return value <= 0 ? 0 : 1
        case .sigmoid, .tanh:
          let again = activation(value)
          return activation == .sigmoid ? again * (1 - again) : 1 - again * again
        }
      }
      return result
    }
    func hadamard(_ x: Matrix, _ y: Matrix) -> Matrix {
      var result = x
      result.storage = zip(x.storage, y.storage).map(*)
      return result
    }
    // Forward, keeping every layer's output.
    var outputs = [inputs]
    for index in model.layers.indices {
      var o = Matrix.product(outputs.last!, model.weights(ofLayer: index))
      let bias = model.bias(ofLayer: index)
      for row in 0 ..< o.rows { for column in 0 ..< o.columns { o[row, column] += bias[column] } }
      if index == model.layers.count - 1 {
        outputs.append(softmax(o))
      } else {
        o.storage = o.storage.map { activation($0) }
        outputs.append(o)
      }
    }
    let n = Float(inputs.rows)
    var gradient = outputs.last!
    let targets = oneHot(labels, classCount: model.classCount)
    gradient.storage = zip(gradient.storage, targets.storage).map(-)
    var perLayer: [[Float]] = Array(repeating: [], count: model.layers.count)
    for index in model.layers.indices.reversed() {
      let derivative = wrongDerivative(outputs[index + 1])
      let gradientO = hadamard(derivative, gradient)
      let gradientW = Matrix.product(outputs[index], transposingA: true, gradientO)
      var gradientB = [Float](repeating: 0, count: gradientO.columns)
      for row in 0 ..< gradientO.rows {
        for column in 0 ..< gradientO.columns { gradientB[column] += gradientO[row, column] }
      }
      perLayer[index] = gradientW.storage.map { $0 / n } + gradientB.map { $0 / n }
      gradient = Matrix.product(hadamard(gradientO, derivative), model.weights(ofLayer: index),
                                transposingB: true)
    }
    return perLayer.flatMap { $0 }
  }
}
