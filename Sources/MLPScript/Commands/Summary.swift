import MLPCore

extension CommandSpec {
  /// `summary m16`
  static let summary = CommandSpec(
    name: "summary", topic: .inspection,
    summary: "list a model's layers, shapes and parameter counts",
    details: """
      One row a layer: the shape of its weight matrix (inputs × outputs), its activation and \
      its parameters, weights plus biases: inputs · outputs + outputs. Reports `parameters`.
      """,
    arguments: [ArgumentSpec("MODEL", .model, "the model (default: the current one)")],
    example: "summary\nsummary m16"
  ) { invocation throws(Diagnostic) in
    let targets = try invocation.targets()
    let (name, model) = try invocation.model(targets.model)
    var rows = [["layer", "shape", "activation", "parameters"]]
    let total: Int
    switch model {
    case let .mlp(network):
      let net = network.network
      for (index, layer) in net.layers.enumerated() {
        let activation = index == net.layers.count - 1 ? "softmax" : net.activation.rawValue
        rows.append([String(index), "\(layer.inputSize) × \(layer.outputSize)", activation,
                     String(layer.inputSize * layer.outputSize + layer.outputSize)])
      }
      total = net.parameterCount
    case let .perceptron(perceptron):
      let inputs = perceptron.perceptron.weights.count
      rows.append(["0", "\(inputs) × 1", "step", String(inputs + 1)])
      total = inputs + 1
    }
    rows.append(["total", "", "", String(total)])
    invocation.print("\(name) (\(model.kind)):")
    invocation.print(table(rows).joined(separator: "\n"))
    invocation.record("parameters", Double(total))
    invocation.record("layers", Double(rows.count - 2))
  }
}
