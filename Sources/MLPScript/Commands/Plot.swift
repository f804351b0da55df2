import Foundation
import MLPCore
import MLPData
import MLPPlot

extension CommandSpec {
  /// `plot`, `plot confusion`, `plot boundary to="b.svg"`, `plot samples count=8`
  static let plot = CommandSpec(
    name: "plot", topic: .inspection,
    summary: "draw training curves, a confusion matrix, a decision boundary or samples",
    details: """
      plot curves (the default) draws a model's loss (left axis) and batch accuracy (right \
      axis) for every iteration it was trained, as the notebook did; x= counts iterations, \
      examples seen or epochs, which lines up runs with different batch sizes; smooth=N adds \
      the mean of the last N iterations. plot confusion draws the confusion matrix on the test \
      set (on=train for the training set). plot boundary colours the plane by the class the \
      model predicts, with the data points on top (two-feature data only). plot samples draws \
      count= images of the data set from sample from=; plot mistakes draws test images the \
      model gets wrong. In a terminal the figures use braille and colour; otherwise plain \
      ASCII; every figure ends with a one-line summary. to=FILE.svg writes the figure as SVG \
      instead, for a report.
      """,
    arguments: [
      ArgumentSpec("WHAT", .choice(["curves", "confusion", "boundary", "samples", "mistakes"]), "the figure"),
      ArgumentSpec("MODEL", .model, "the model (default: the current one)"),
      ArgumentSpec("DATA", .data, "the data set (default: the current one)"),
    ],
    options: [
      OptionSpec("x", .choice(XAxis.allCases.map(\.rawValue)), default: "iterations", "what the curves' x axis counts"),
      OptionSpec("smooth", .integer, default: "none", "add curves averaged over this many iterations"),
      OptionSpec("on", .choice(["test", "train"]), default: "test", "which part of the data set"),
      OptionSpec("from", .integer, default: "0", "the first sample drawn"),
      OptionSpec("count", .integer, default: "8", "how many samples or mistakes"),
      OptionSpec("to", .path, default: "the terminal", "an SVG file to write instead"),
    ],
    example: "plot\nplot m16 x=examples smooth=50\nplot confusion to=\"confusion.svg\"\nplot samples count=12",
    run: { invocation throws(Diagnostic) in
      let targets = try invocation.targets(words: true)
      let kinds = ["curves", "confusion", "boundary", "samples", "mistakes"]
      var what = "curves"
      for value in targets.rest {
        guard case let .word(word, _) = value, kinds.contains(word) else {
          let text = value.display
          throw invocation.error(.unknownName, "nothing to plot called '\(text)'", at: value,
                                 hint: Suggestions.hint(for: text, among: kinds + invocation.session.modelNames)
                                   ?? "should be \(Suggestions.prose(kinds)) or a name")
        }
        what = word
      }
      let figure: Figure
      switch what {
      case "curves": figure = try curves(targets, &invocation)
      case "confusion": figure = try confusion(targets, &invocation)
      case "boundary": figure = try boundary(targets, &invocation)
      default: figure = try gallery(targets, mistakes: what == "mistakes", &invocation)
      }
      try show(figure, &invocation)
    }
  )

  /// Draws `figure` in the output's style, or writes it to the `to=` file.
  static func show(_ figure: Figure, _ invocation: inout Invocation) throws(Diagnostic) {
    if let target = invocation.option("to") {
      let path = try invocation.convert.text(target, key: "to")
      guard path.hasSuffix(".svg") else {
        throw invocation.error(.badValue, "plots are written as SVG: '\(path)' should end in .svg", at: target)
      }
      do throws(PlotError) {
        try figure.writeSVG(to: (path as NSString).expandingTildeInPath)
      } catch {
        throw invocation.error(.fileError, "\(error)", at: target)
      }
      invocation.print("wrote \(path): \(figure.summary)")
      return
    }
    let style = invocation.style
    let terminal = style.isTerminal
      ? TerminalStyle(width: style.width, height: 24, color: style.color, unicode: true)
      : TerminalStyle.ascii(width: min(style.width, 80), height: 24)
    invocation.show(figure, drawing: figure.terminal(terminal))
  }

  static func curves(_ targets: Invocation.Targets, _ invocation: inout Invocation) throws(Diagnostic) -> Figure {
    let (name, model) = try invocation.model(targets.model)
    let axis = try invocation.choice("x", noun: "x axis", default: XAxis.iterations)
    switch model {
    case let .mlp(network):
      let steps = network.network.history.steps
      guard !steps.isEmpty else {
        throw invocation.error(.noModel, "'\(name)' has not been trained yet", hint: "train it first")
      }
      let x: [Double] = steps.indices.map { index in
        switch axis {
        case .iterations: return Double(index + 1)
        case .examples: return Double(steps[index].examplesSeen)
        case .epochs: return steps[index].epoch
        }
      }
      var series = [
        Series(name: "loss", x: x, y: steps.map { Double($0.loss) }, axis: .left),
        Series(name: "batch accuracy", x: x, y: steps.map { Double($0.accuracy) }, axis: .right),
      ]
      if let value = invocation.option("smooth") {
        let window = try invocation.convert.integer(value, key: "smooth", atLeast: 1)
        series += series.map { $0.smoothed(window: window) }
      }
      return .lineChart(LineChart(title: "\(name): training loss and accuracy", xAxis: axis,
                                  leftLabel: "cross-entropy loss", rightLabel: "batch accuracy",
                                  series: series, rightRange: 0 ... 1))
    case let .perceptron(perceptron):
      guard !perceptron.epochAccuracies.isEmpty else {
        throw invocation.error(.noModel, "'\(name)' has not been trained yet", hint: "train it first")
      }
      let x = perceptron.epochAccuracies.indices.map { Double($0 + 1) }
      return .lineChart(LineChart(title: "\(name): accuracy after each epoch", xAxis: .epochs,
                                  leftLabel: "accuracy",
                                  series: [Series(name: "accuracy", x: x, y: perceptron.epochAccuracies)],
                                  leftRange: 0 ... 1))
    }
  }

  static func confusion(_ targets: Invocation.Targets, _ invocation: inout Invocation) throws(Diagnostic) -> Figure {
    let (name, model) = try invocation.model(targets.model)
    let (dataName, data) = try invocation.data(targets.data)
    let (part, samples) = try chooseSamples(data, name: dataName, invocation)
    let predictions = try predictions(of: model, named: name, on: samples, dataName: dataName, invocation)
    var counts = Array(repeating: Array(repeating: 0, count: samples.classCount), count: samples.classCount)
    for (label, predicted) in zip(samples.labels, predictions) where predicted < samples.classCount {
      counts[label][predicted] += 1
    }
    return .confusionMatrix(ConfusionMatrixChart(title: "\(name) on \(dataName) (\(part))", counts: counts,
                                                 classNames: samples.classNames))
  }

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
    func padded(_ values: [Double]) -> ClosedRange<Double> {
      let low = values.min() ?? 0, high = values.max() ?? 1
      let margin = max((high - low) * 0.05, 0.5)
      return (low - margin) ... (high + margin)
    }
    let (xRange, yRange) = (padded(xs), padded(ys))
    let (columns, rows) = (120, 60)
    var grid = Matrix(rows: columns * rows, columns: 2)
    for row in 0 ..< rows {
      for column in 0 ..< columns {
        let index = row * columns + column
        grid[index, 0] = Float(xRange.lowerBound + (Double(column) + 0.5) / Double(columns) * (xRange.upperBound - xRange.lowerBound))
        grid[index, 1] = Float(yRange.lowerBound + (Double(row) + 0.5) / Double(rows) * (yRange.upperBound - yRange.lowerBound))
      }
    }
    let classes = try predictions(of: model, named: name, on: Samples(features: grid, labels: Array(repeating: 0, count: grid.rows)),
                                  dataName: dataName, invocation)
    let predicted = try predictions(of: model, named: name, on: samples, dataName: dataName, invocation)
    let points = (0 ..< samples.count).map {
      DecisionBoundary.Point(x: xs[$0], y: ys[$0], label: samples.labels[$0], predicted: predicted[$0])
    }
    return .decisionBoundary(DecisionBoundary(title: "\(name) on \(dataName) (\(part))", xRange: xRange, yRange: yRange,
                                              columns: columns, rows: rows, classes: classes, points: points,
                                              classNames: samples.classNames))
  }

  static func gallery(_ targets: Invocation.Targets, mistakes: Bool, _ invocation: inout Invocation) throws(Diagnostic) -> Figure {
    let (dataName, data) = try invocation.data(targets.data)
    let (part, samples) = try chooseSamples(data, name: dataName, invocation)
    guard let dataset = samples as? Dataset, let shape = dataset.imageShape else {
      throw invocation.error(.dataMismatch, "'\(dataName)' does not hold images", hint: "samples can be drawn for mnist, fashion-mnist and digits")
    }
    let count = try invocation.integer("count", default: 8, atLeast: 1)
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
      let first = try invocation.integer("from", default: 0, atLeast: 0)
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
