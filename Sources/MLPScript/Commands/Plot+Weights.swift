import MLPCore
import MLPPlot

// `plot weights`: what the hidden units learnt, as images of their incoming weights.
extension CommandSpec {
  /// The input sizes drawn as images, and their shapes (columns × rows).
  static let weightImageShapes: [(inputs: Int, columns: Int, rows: Int, data: String)] = [
    (784, 28, 28, "mnist, fashion-mnist"),
    (64, 8, 8, "digits"),
  ]

  /// Units drawn when `count=` is not given.
  static let defaultWeightUnits = 16

  /// `plot weights [MODEL] [layer=0] [count=N]`: the first `count` units of layer `layer`,
  /// each unit's column of the layer's `inputSize × outputSize` weights drawn as an image the
  /// shape of the input. Only layer 0 reads an image; a later layer's inputs are hidden
  /// units, which have no arrangement in the plane to draw.
  static func weights(_ targets: Invocation.Targets, _ invocation: inout Invocation) throws(Diagnostic) -> Figure {
    let (name, model) = try invocation.model(targets.model)
    guard case let .mlp(entry) = model else {
      throw invocation.error(.wrongKind, "'\(name)' is a perceptron; plot weights draws the hidden units of an mlp",
                             hint: "show weights prints a perceptron's weights")
    }
    let network = entry.network
    let layerCount = network.layerSizes.count - 1
    let layer = try invocation.integer("layer", default: 0)
    guard layer < layerCount else {
      let layers = layerCount == 1 ? "layer 0" : "layers 0 … \(layerCount - 1)"
      throw invocation.error(.badValue, "'\(name)' has no layer \(layer)", at: invocation.option("layer")?.range,
                             hint: "its weights are in \(layers)")
    }
    guard layer == 0 else {
      throw invocation.error(.badValue,
                             "layer \(layer) of '\(name)' reads the \(network.layerSizes[layer]) units of layer \(layer - 1), not an image",
                             at: invocation.option("layer")?.range,
                             hint: "weights are drawn as images for layer 0, whose inputs are the pixels")
    }
    let inputs = network.layerSizes[0]
    guard let shape = weightImageShapes.first(where: { $0.inputs == inputs }) else {
      let sizes = weightImageShapes.map { "\($0.inputs) (\($0.columns)×\($0.rows), \($0.data))" }
      throw invocation.error(.dataMismatch, "'\(name)' takes \(inputs) inputs, which are not an image",
                             hint: "an image has \(Suggestions.prose(sizes, conjunction: "or")) inputs")
    }
    let count = try invocation.integer("count", default: defaultWeightUnits)
    return weightFigure(of: network, named: name, layer: layer, count: count, columns: shape.columns, rows: shape.rows)
  }

  /// The first `count` units of `layer` (all of them when it has fewer), each its column of
  /// the layer's weights as a `columns × rows` image.
  static func weightFigure(
    of network: MultilayerPerceptron, named name: String, layer: Int, count: Int, columns: Int, rows: Int
  ) -> Figure {
    let units = network.layerSizes[layer + 1]
    let weights = network.weights(ofLayer: layer)
    let drawn = (0 ..< min(count, units)).map { unit in
      WeightImages.Unit(index: unit, weights: (0 ..< weights.rows).map { Double(weights[$0, unit]) })
    }
    let title = "\(name): incoming weights of layer \(layer)'s units"
    return .weights(WeightImages(title: title, width: columns, height: rows, units: drawn,
                                 layer: layer, layerUnits: units))
  }
}
