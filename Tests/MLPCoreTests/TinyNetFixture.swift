import Foundation
@testable import MLPCore

/// The 5-4-3-3 network of `shared/data/reference/tiny_net_fixture.json`: every parameter and
/// input given in closed form, with the forward output, loss and gradients computed
/// independently in numpy (float64), for each activation.
struct TinyNetFixture: Decodable {
  struct Layer: Decodable {
    var w: [[Double]]
    var b: [[Double]]
  }
  struct Expected: Decodable {
    var y_hat: [[Double]]
    var loss: Double
    var grads_correct: [Layer]
    var grads_post_as_written: [Layer]
  }
  struct Formulas: Decodable {
    var labels: [Int]
  }

  var dims: [Int]
  var params: [Layer]
  var x: [[Double]]
  var formulas: Formulas
  var relu: Expected
  var sigmoid: Expected
  var tanh: Expected

  static func load() throws -> TinyNetFixture {
    let url = try SharedData.url("data/reference/tiny_net_fixture.json")
    return try JSONDecoder().decode(TinyNetFixture.self, from: Data(contentsOf: url))
  }

  var labels: [Int] { formulas.labels }
  var inputs: Matrix { Matrix(x.map { $0.map(Float.init) }) }

  func expected(for activation: Activation) -> Expected {
    switch activation {
    case .relu: return relu
    case .sigmoid: return sigmoid
    case .tanh: return tanh
    }
  }

  /// The fixture's parameters flattened in `MultilayerPerceptron.parameters` order.
  static func flatten(_ layers: [Layer]) -> [Float] {
    layers.flatMap { $0.w.joined().map(Float.init) + $0.b.joined().map(Float.init) }
  }

  func model(_ activation: Activation) -> MultilayerPerceptron {
    MultilayerPerceptron(layerSizes: dims, activation: activation, learningRate: 0.1,
                         epsilon: 1e-6, parameters: Self.flatten(params))
  }
}
