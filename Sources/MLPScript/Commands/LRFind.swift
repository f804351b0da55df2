import Foundation
import MLPCore
import MLPPlot

extension CommandSpec {
  /// `lrfind`
  static let lrfind = CommandSpec(
    name: "lrfind", topic: .training,
    summary: "find a learning rate: train a copy while the rate grows, and watch the loss",
    details: """
      The learning-rate range test (Smith, 2015; fastai's lr_find). A copy of the model \
      trains one batch at a time, at most one epoch, while the rate grows exponentially \
      from start= to end=; it stops once the smoothed loss passes 4 times its lowest. The \
      figure draws the smoothed loss against the rate (log scale); the suggested rate is a \
      tenth of the rate where that loss was lowest, where the rate starts to hurt. The model \
      itself, its weights and its history, are left as they were. Reports `suggested lr`, \
      `lowest loss lr`, `lowest loss` and `iterations`.
      """,
    arguments: [
      ArgumentSpec("MODEL", .model, "the model, an mlp (default: the current one)"),
      ArgumentSpec("DATA", .data, "the data set (default: the current one)"),
    ],
    options: [
      OptionSpec("batch", .integer, default: String(Settings().batch), "samples per batch", check: .integer(atLeast: 1)),
      OptionSpec("start", .number, default: "1e-6", "the first learning rate", check: .positiveNumber),
      OptionSpec("end", .number, default: "10", "the last learning rate", check: .positiveNumber),
      OptionSpec("iterations", .integer, default: "100", "batches at most (and at most one epoch)",
                 check: .integer(atLeast: 2)),
      OptionSpec("seed", .integer, default: "0", "the order of the batches", check: .integer(atLeast: 0)),
      OptionSpec("to", .path, default: "none", "write the figure to this SVG file instead"),
    ],
    example: "lrfind\nlrfind net mnist batch=128 end=1"
  ) { invocation throws(Diagnostic) in
    let targets = try invocation.targets()
    let (name, model) = try invocation.model(targets.model)
    guard case let .mlp(entry) = model else {
      throw invocation.error(.wrongKind, "'\(name)' is a perceptron; lrfind trains an mlp's copy",
                             hint: "make one with 'mlp [2,8,2]'")
    }
    let (dataName, data) = try invocation.data(targets.data)
    let samples = data.train
    guard samples.features.columns == entry.network.inputSize else {
      throw invocation.error(.dataMismatch,
                             "'\(name)' takes \(entry.network.inputSize) inputs but '\(dataName)' has \(samples.features.columns) features")
    }
    let batch = try invocation.integer("batch", default: Settings().batch)
    let iterations = try invocation.integer("iterations", default: 100)
    let start = try invocation.positiveNumber("start", default: 1e-6)
    let end = try invocation.positiveNumber("end", default: 10)
    guard end > start else {
      throw invocation.error(.badValue, "end=\(end) should be larger than start=\(start)",
                             at: invocation.option("end")?.range, hint: "the rate grows from start to end")
    }
    guard samples.count >= 2 * batch else {
      throw invocation.error(.badValue, "'\(dataName)' has \(samples.count) training samples: too few for two batches of \(batch)",
                             at: invocation.option("batch")?.range, hint: "a smaller batch=")
    }
    let seed = try invocation.seed(default: 0)
    let finder = LearningRateFinder(start: start, end: end, iterations: iterations, batchSize: batch, seed: seed)
    let points: [LearningRateFinder.Point]
    do {
      points = try finder.run(on: entry.network, inputs: samples.features, labels: samples.labels)
    } catch {
      throw invocation.error(.dataMismatch, "\(error)")
    }
    guard let (lowest, suggested) = LearningRateFinder.suggestion(points) else {
      throw invocation.error(.badValue, "the loss was never a number: the data or the model holds NaN or infinity")
    }
    invocation.print("lrfind \(name) on \(dataName): \(points.count) batches of \(batch), lr from \(short(start)) to \(short(points.last!.learningRate))"
      + (points.count < min(iterations, samples.count / batch) ? " (stopped: the loss passed 4× its lowest)" : ""))
    invocation.print("lowest smoothed loss \(fixed(lowest.smoothedLoss)) at lr \(short(lowest.learningRate));"
      + " suggested lr \(short(suggested)): a tenth of that, before the loss turns")
    try invocation.present(.lineChart(LineChart(
      title: "\(name): loss against learning rate",
      xLabel: "log₁₀ learning rate", leftLabel: "smoothed loss",
      series: [Series(name: "smoothed loss", x: points.map { log10($0.learningRate) }, y: points.map(\.smoothedLoss))])))
    invocation.record("suggested lr", suggested)
    invocation.record("lowest loss lr", lowest.learningRate)
    invocation.record("lowest loss", lowest.smoothedLoss)
    invocation.record("iterations", Double(points.count))
    invocation.session.currentModel = name
    invocation.session.currentData = dataName
  }
}

/// A rate as people write one: `0.03`, `1e-06`, `3.2`.
private func short(_ value: Double) -> String {
  String(format: "%.2g", value)
}
