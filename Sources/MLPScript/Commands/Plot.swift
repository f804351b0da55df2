import Foundation
import MLPCore
import MLPData
import MLPPlot

extension CommandSpec {
  /// `plot`, `plot confusion`, `plot boundary to="b.svg"`, `plot samples count=8`
  static let plot = CommandSpec(
    name: "plot", topic: .inspection,
    summary: "draw training curves, a confusion matrix, a decision boundary, samples or weights",
    details: """
      plot curves (the default) draws a model's loss (left axis) and batch accuracy (right \
      axis) for every iteration it was trained, as the notebook did, and, when it was \
      validated during training, its validation loss and accuracy on the same axes; x= \
      counts iterations, examples seen or epochs, which lines up runs with different batch \
      sizes; smooth=N adds the mean of the last N iterations, bold over the faint raw curves; \
      ylim=[lo,hi] fixes the loss axis (curves outside are clipped at its edge) and ylim=log \
      makes it logarithmic (ticks at 1, 2 and 5 times powers of ten; a loss of 0 is drawn \
      along the bottom edge, marked clipped below); where a later train call changed the \
      learning rate, batch size, optimizer or schedule, a dotted line marks it, labelled \
      "lr 0.1 → 0.01". plot health draws what train health=true measured: each hidden \
      layer's share of dead ReLUs or saturated sigmoid and tanh units (left axis), and each \
      layer's gradient norm ‖∇W‖ on a log₁₀ scale (right axis). plot confusion draws the \
      confusion matrix on the test set (on=train for the training set). plot boundary \
      colours the plane by the class the \
      model predicts, with the data points on top (two-feature data only). plot samples draws \
      count= images of the data set from sample from=; plot mistakes draws test images the \
      model gets wrong. plot weights draws the incoming weights of the first count= units \
      (16 by default) of layer layer= (0, the only one whose inputs are an image) as images \
      the shape of the input (28×28 for mnist, 8×8 for digits): white at 0, red positive, \
      blue negative, on one scale up to the largest |w| of the units drawn (blocks for \
      positive and dots for negative without colour). In a terminal the figures use braille \
      and colour; otherwise plain ASCII; every figure ends with a one-line summary. to=FILE.svg (or to FILE.svg) writes \
      the figure as SVG instead, for a report; set plots="folder" keeps every figure there too.
      plot boundary reports `correct` (points in the region of their own class) and \
      `correct class N` for each class N; plot mistakes reports `mistakes`.
      """,
    arguments: [
      ArgumentSpec("WHAT", .choice(["curves", "health", "confusion", "boundary", "samples", "mistakes", "weights"]), "the figure"),
      ArgumentSpec("MODEL", .model, "the model (default: the current one)"),
      ArgumentSpec("DATA", .data, "the data set (default: the current one)"),
    ],
    options: [
      OptionSpec("x", .choice(XAxis.allCases.map(\.rawValue)), default: "iterations", "what the curves' x axis counts",
                 check: .choice(noun: "x axis")),
      OptionSpec("smooth", .integer, default: "none", "add curves averaged over this many iterations",
                 check: .integer(atLeast: 1)),
      yLimitsOption,
      OptionSpec("on", .choice(["test", "train", "validation"]), default: "test", "which part of the data set"),
      OptionSpec("from", .integer, default: "0", "the first sample drawn", check: .integer(atLeast: 0)),
      OptionSpec("count", .integer, default: "8", "how many samples or mistakes (weights: units, 16)",
                 check: .integer(atLeast: 1)),
      OptionSpec("layer", .integer, default: "0", "whose incoming weights plot weights draws", check: .integer(atLeast: 0)),
      OptionSpec("to", .path, default: "the terminal", "an SVG file to write instead"),
    ],
    example: "plot\nplot m16 x=examples smooth=50\nplot confusion to \"confusion.svg\"\nplot samples count=12\nplot weights m count=8",
    run: { invocation throws(Diagnostic) in
      let targets = try invocation.targets(words: true)
      let kinds = ["curves", "health", "confusion", "boundary", "samples", "mistakes", "weights"]
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
      case "health": figure = try healthChart(targets, &invocation)
      case "confusion": figure = try confusion(targets, &invocation)
      case "boundary": figure = try boundary(targets, &invocation)
      case "weights": figure = try weights(targets, &invocation)
      default: figure = try gallery(targets, mistakes: what == "mistakes", &invocation)
      }
      try invocation.present(figure)
    }
  )

  static func curves(_ targets: Invocation.Targets, _ invocation: inout Invocation) throws(Diagnostic) -> Figure {
    let (name, model) = try invocation.model(targets.model)
    let axis = try invocation.choice("x", noun: "x axis", default: XAxis.iterations)
    switch model {
    case let .mlp(network):
      let steps = network.network.history.steps
      guard !steps.isEmpty else {
        throw invocation.error(.noModel, "'\(name)' has not been trained yet", hint: "train it first")
      }
      let x = RunCurves.xValues(network.network.history, axis)
      var series = [
        Series(name: "loss", x: x, y: steps.map { Double($0.loss) }, axis: .left),
        Series(name: "batch accuracy", x: x, y: steps.map { Double($0.accuracy) }, axis: .right),
      ]
      if invocation.option("smooth") != nil {
        let window = try invocation.integer("smooth", default: 1)
        series += series.map { $0.smoothed(window: window) }
      }
      series += validationSeries(network.network.history, axis)
      var chart = LineChart(title: "\(name): training loss and accuracy", xAxis: axis,
                            leftLabel: "cross-entropy loss", rightLabel: "batch accuracy",
                            series: series, rightRange: 0 ... 1)
      chart.markers = TrainingChanges.markers(network.network.history, axis: axis)
      return .lineChart(chart.limited(by: try yLimits(invocation)))
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
}
