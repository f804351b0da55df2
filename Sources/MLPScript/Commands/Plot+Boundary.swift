import MLPCore
import MLPData
import MLPPlot

// The figures of `plot` drawn from a model's predictions: decision boundaries and images.
extension CommandSpec {
  /// The grid a decision boundary is predicted on: fine enough for an SVG, and for any
  /// terminal, which reads it at its own cell centres.
  static let boundaryColumns = 160
  static let boundaryRows = 120

  /// `plot boundary`: the class the model predicts over the plane around the data, with the
  /// data points on top; the grid is predicted in one batch.
  static func boundary(_ targets: Invocation.Targets, _ invocation: inout Invocation) throws(Diagnostic) -> Figure {
    let (name, model) = try invocation.model(targets.model)
    let (dataName, data) = try invocation.data(targets.data)
    let (part, samples) = invocation.option("on") == nil ? ("train", data.train) : try chooseSamples(data, name: dataName, invocation)
    guard samples.features.columns == 2, model.inputSize == 2 else {
      throw invocation.error(.dataMismatch, "a decision boundary needs two features; '\(dataName)' has \(samples.features.columns)",
                             hint: "plot boundary works on two-dimensional data")
    }
    let xs = (0 ..< samples.count).map { Double(samples.features[$0, 0]) }
    let ys = (0 ..< samples.count).map { Double(samples.features[$0, 1]) }
    // The notebook's frame: the points' extent and one unit more on every side.
    let points = zip(xs, ys).map { DecisionBoundary.Point(x: $0, y: $1, label: 0) }
    let (xRange, yRange) = DecisionBoundary.ranges(around: points, margin: 1)
    let (columns, rows) = (boundaryColumns, boundaryRows)
    let centres = DecisionBoundary.cellCentres(xRange: xRange, yRange: yRange, columns: columns, rows: rows)
    var storage = [Float]()
    storage.reserveCapacity(2 * centres.count)
    for centre in centres {
      storage.append(Float(centre.x))
      storage.append(Float(centre.y))
    }
    // The whole grid in one batch: one forward pass, not one per cell.
    let grid = Samples(features: Matrix(rows: centres.count, columns: 2, storage: storage),
                       labels: Array(repeating: 0, count: centres.count))
    let classes = try predictions(of: model, named: name, on: grid, dataName: dataName, invocation)
    let predicted = try predictions(of: model, named: name, on: samples, dataName: dataName, invocation)
    let labelled = (0 ..< samples.count).map {
      DecisionBoundary.Point(x: xs[$0], y: ys[$0], label: samples.labels[$0], predicted: predicted[$0])
    }
    var when = ""
    if case let .perceptron(perceptron) = model, !perceptron.epochAccuracies.isEmpty {
      when = " after epoch \(perceptron.epochAccuracies.count)"
    }
    let figure = DecisionBoundary(title: "\(name)\(when) on \(dataName) (\(part))", xRange: xRange, yRange: yRange,
                                  columns: columns, rows: rows, classes: classes, points: labelled,
                                  classNames: samples.classNames)
    // What a lesson says about the picture ("every class-1 point is on the wrong side"),
    // as numbers an expectation can hold it to.
    let byClass = figure.correctByClass
    invocation.record("correct", Double(byClass.reduce(0) { $0 + $1.correct }))
    for (index, count) in byClass.enumerated() {
      invocation.record("correct class \(index)", Double(count.correct))
    }
    return .decisionBoundary(figure)
  }

  /// `plot samples` and `plot mistakes`: images of the data set with their labels, or the
  /// ones the model gets wrong, captioned "true as predicted".
  static func gallery(_ targets: Invocation.Targets, mistakes: Bool, _ invocation: inout Invocation) throws(Diagnostic) -> Figure {
    let (dataName, data) = try invocation.data(targets.data)
    let (part, samples) = try chooseSamples(data, name: dataName, invocation)
    guard let dataset = samples as? Dataset, let shape = dataset.imageShape else {
      throw invocation.error(.dataMismatch, "'\(dataName)' does not hold images", hint: "samples can be drawn for mnist, fashion-mnist and digits")
    }
    let count = try invocation.integer("count", default: 8)
    let range = dataset.valueRange.map { Double($0.lowerBound) ... Double($0.upperBound) }
      ?? dataset.observedRange().map { Double($0.lowerBound) ... Double($0.upperBound) } ?? 0 ... 1
    var chosen: [(index: Int, caption: String)] = []
    var title: String
    if mistakes {
      let (name, model) = try invocation.model(targets.model)
      let predicted = try predictions(of: model, named: name, on: samples, dataName: dataName, invocation)
      for index in samples.labels.indices where predicted[index] != samples.labels[index] && chosen.count < count {
        chosen.append((index, "\(samples.className(samples.labels[index])) as \(samples.className(predicted[index]))"))
      }
      title = "\(name): \(part) samples it gets wrong (true as predicted)"
      invocation.record("mistakes", Double(zip(predicted, samples.labels).filter { $0 != $1 }.count))
    } else {
      let first = try invocation.integer("from", default: 0)
      guard first < samples.count else {
        throw invocation.error(.badValue, "'\(dataName)' has \(samples.count) \(part) samples", at: invocation.option("from")?.range)
      }
      for index in first ..< min(first + count, samples.count) {
        chosen.append((index, "#\(index): \(samples.className(samples.labels[index]))"))
      }
      title = "\(dataName) \(part) samples"
    }
    let images = chosen.map { item in
      DigitImage(width: shape.columns, height: shape.rows, pixels: Array(samples.features.row(item.index)),
                 range: range, caption: item.caption)
    }
    return .digits(DigitGallery(title: title, images: images))
  }

  /// The class `model` predicts for every sample, after checking the data fits it.
  static func predictions(
    of model: Model, named name: String, on samples: any LabeledSamples, dataName: String, _ invocation: Invocation
  ) throws(Diagnostic) -> [Int] {
    guard samples.features.columns == model.inputSize else {
      throw invocation.error(.dataMismatch,
                             "'\(name)' takes \(model.inputSize) inputs but '\(dataName)' has \(samples.features.columns) features")
    }
    switch model {
    case let .mlp(network): return network.network.predict(samples.features)
    case let .perceptron(perceptron):
      return (0 ..< samples.count).map { perceptron.perceptron.fire(samples.features.row($0)) }
    }
  }
}
