import XCTest
@testable import MLPCore

/// Issue 17, M7: the check separates a wrong derivative from Float32 noise on every net,
/// activation, input scale and seed tried, not on one hand-picked problem. Correct
/// backpropagation must pass everywhere; the notebook's sigmoid and tanh derivatives
/// (`NotebookBackward`) must fail everywhere, and by a wide margin on both sides of
/// `GradientCheck.tolerance`.
final class GradientCheckSeedsTests: XCTestCase {
  static let shapes = [[4, 5, 3], [6, 8, 8, 4], [12, 16, 10], [20, 3, 2]]
  static let seeds: [UInt64] = Array(0 ..< 25)
  /// Inputs as they come: standard normal, and unscaled (raw-pixel-like magnitudes, which
  /// saturate sigmoid and tanh units and drive many ReLU units across zero).
  static let scales: [Float] = [1, 30]

  /// A network with the library's default initialisation (zero biases: ReLU kinks are
  /// common), and `count` random samples.
  func problem(_ sizes: [Int], _ activation: Activation, scale: Float, seed: UInt64, count: Int = 8)
    -> (MultilayerPerceptron, Matrix, [Int]) {
    var generator = SeededGenerator(seed: seed &* 7919 &+ 17)
    let model = MultilayerPerceptron(layerSizes: sizes, activation: activation, initializer: .xavier, generator: &generator)
    let inputs = Matrix(rows: count, columns: sizes[0],
                        storage: (0 ..< count * sizes[0]).map { _ in scale * Float(generator.nextNormal()) })
    let labels = (0 ..< count).map { _ in generator.nextInt(below: sizes.last!) }
    return (model, inputs, labels)
  }

  func testCorrectGradientsAgreeOnEveryNetAndSeed() {
    var worst = 0.0
    var kinks = 0
    for sizes in Self.shapes {
      for activation in Activation.allCases {
        for scale in Self.scales {
          for seed in Self.seeds {
            let (model, inputs, labels) = problem(sizes, activation, scale: scale, seed: seed)
            let report = GradientCheck(samplesPerLayer: 12, seed: seed).run(on: model, inputs: inputs, labels: labels)
            XCTAssertTrue(report.passes(), "\(sizes) \(activation) ×\(scale) seed \(seed): \(report)")
            worst = max(worst, report.maxRelativeError)
            kinks += report.atKinks
          }
        }
      }
    }
    // Float32 noise stays well under the tolerance (measured worst 1.7e-3: a sigmoid net on
    // unscaled inputs, whose saturated units' slopes Float32 rounds; docs/numerics.md), and
    // ReLU kinks do occur here: the test exercises their detection.
    print("gradient check, correct gradients: worst relative error \(worst), \(kinks) parameters at kinks")
    XCTAssertLessThan(worst, GradientCheck.tolerance / 5)
    XCTAssertGreaterThan(kinks, 0)
  }

  func testTheNotebooksDerivativesDisagreeOnEveryNetAndSeed() {
    var mildest = Double.infinity
    for sizes in Self.shapes {
      for activation in [Activation.sigmoid, .tanh] {
        for scale in Self.scales {
          for seed in Self.seeds {
            let (model, inputs, labels) = problem(sizes, activation, scale: scale, seed: seed)
            let mutated = NotebookBackward.gradients(of: model, inputs: inputs, labels: labels)
            let report = GradientCheck(samplesPerLayer: 12, seed: seed)
              .run(on: model, inputs: inputs, labels: labels, analytic: mutated)
            XCTAssertFalse(report.passes(), "\(sizes) \(activation) ×\(scale) seed \(seed): the mutation went unnoticed")
            mildest = min(mildest, report.maxRelativeError)
          }
        }
      }
    }
    // The mildest disagreement is still ten times the tolerance (measured: 0.51).
    print("gradient check, the notebook's derivatives: mildest relative error \(mildest)")
    XCTAssertGreaterThan(mildest, GradientCheck.tolerance * 10)
  }

  /// A parameter whose step crosses a ReLU kink is counted, not compared: a unit with a
  /// pre-activation of exactly 0 for a sample has one.
  func testAKinkIsCountedNotComparedAsAnError() {
    // One input of 1, one ReLU hidden unit with weight 1 and bias -1: its pre-activation is
    // exactly 0, so W0 and b0 cannot be compared; the output layer can.
    var model = MultilayerPerceptron(layerSizes: [1, 1, 2], activation: .relu, initializer: .xavier, seed: 1)
    model.parameters = [1, -1, 0.5, -0.5, 0.1, -0.1]
    let report = GradientCheck().run(on: model, inputs: Matrix(rows: 1, columns: 1, storage: [1]), labels: [1])
    XCTAssertEqual(report.entries.map(\.atKinks), [1, 1, 0, 0])
    XCTAssertEqual(report.entries.map(\.checked), [0, 0, 2, 2])
    XCTAssertTrue(report.passes(), "\(report)")
  }
}
