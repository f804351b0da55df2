import MLPCore

extension CommandSpec {
  /// `train m16 batch=16 epochs=2 shuffle=true`
  static let train = CommandSpec(
    name: "train", topic: .training,
    summary: "train a model on a data set",
    details: """
      An mlp learns by mini-batch stochastic gradient descent: each iteration takes the next \
      batch of samples, records its loss and accuracy, and moves every weight against its \
      gradient, θ ← θ - lr·∇L. One epoch is one pass over the training set; the last partial \
      batch is dropped. Training again continues where the model left off.
      A perceptron learns one sample at a time for the given epochs and prints its accuracy \
      after each, as the notebook did.
      On a terminal a progress bar shows loss, accuracy and the time left; Ctrl-C stops at the \
      end of the current batch and keeps what was learnt. The summary line gives the means \
      over the last 100 iterations, or over the last epoch when an epoch is shorter.
      When the loss becomes NaN or infinite, training stops and the model keeps its last \
      finite weights; when it ends far above what guessing scores (2·ln C + 1 for C classes), \
      the run blew up. Either way a warning names the iteration and the likely cause: inputs \
      that are not scaled, or a learning rate that is too high. A single run is limited to \
      10000000 iterations.
      Reports `iterations`, `updates`, `epochs` (whole batches over the batches in an epoch), \
      `samples`, `loss` and `accuracy` (the summary line's means), `last loss`, \
      `last accuracy`, `total iterations` and `seconds`, and `diverged at` when the run \
      diverged. health=true measures the units every 50th iteration (docs/numerics.md): each \
      hidden layer's share of dead ReLUs (zero on the whole batch) or saturated sigmoid and \
      tanh units (slope under a tenth of its peak on 90% of the batch) and each layer's \
      gradient norm ‖∇W‖, shows them on the progress line, prints their means over the run's \
      last 10 measurements, reports `dead layer N` (or `saturated layer N`) and \
      `gradient norm layer N`, and keeps them for plot health. A perceptron reports `epochs`, `accuracy` and `seconds`.
      """,
    arguments: [
      ArgumentSpec("MODEL", .model, "the model to train (default: the current one)"),
      ArgumentSpec("DATA", .data, "the data set (default: the current one)"),
    ],
    options: [
      OptionSpec("batch", .integer, default: "the batch setting, 64", "samples per mini-batch", setting: "batch"),
      OptionSpec("lr", .number, default: "the model's learning rate", "learning rate for this run"),
      OptionSpec("epochs", .integer, default: "the epochs setting, 1", "passes over the data", setting: "epochs"),
      OptionSpec("iterations", .integer, default: "none", "mini-batches to run instead of whole epochs"),
      OptionSpec("shuffle", .boolean, default: "the shuffle setting, false", "new sample order every epoch",
                 setting: "shuffle"),
      OptionSpec("seed", .integer, default: "the seed setting, 0", "seed of the shuffling", setting: "seed"),
      OptionSpec("progress", .boolean, default: "the progress setting, true", "report progress while training",
                 setting: "progress"),
      OptionSpec("health", .boolean, default: "false", "measure dead or saturated units and gradient norms"),
    ],
    example: "train\ntrain m16 batch=16\ntrain epochs=5 shuffle=true lr=0.05",
    run: { invocation throws(Diagnostic) in
      let targets = try invocation.targets()
      let (name, model) = try invocation.model(targets.model)
      let (dataName, data) = try invocation.data(targets.data)
      switch model {
      case let .mlp(network):
        try trainNetwork(network, name: name, on: data, named: dataName, &invocation)
      case let .perceptron(perceptron):
        try trainPerceptron(perceptron, name: name, on: data, named: dataName, &invocation)
      }
      invocation.session.currentModel = name
      invocation.session.currentData = dataName
    }
  )

  private static func trainNetwork(
    _ model: NetworkModel, name: String, on data: DataEntry, named dataName: String,
    _ invocation: inout Invocation
  ) throws(Diagnostic) {
    let settings = invocation.session.settings
    var options = TrainingOptions()
    options.batchSize = try invocation.integer("batch", default: settings.batch, atLeast: 1)
    if let lr = invocation.option("lr") { options.learningRate = Float(try invocation.convert.learningRate(lr)) }
    options.epochs = try invocation.integer("epochs", default: settings.epochs, atLeast: 1)
    if let iterations = invocation.option("iterations") {
      if let epochs = invocation.option("epochs") {
        throw invocation.error(.badValue, "give epochs= or iterations=, not both", at: epochs.range.union(iterations.range))
      }
      let limit = invocation.environment.limits.iterations
      if case let .number(value, _, _) = iterations, value > Double(limit) {
        throw invocation.error(.tooLarge, "train runs at most \(limit) iterations at a time, not \(invocation.convert.written(iterations))",
                               at: iterations, hint: "train again to go on: a model continues where it stopped")
      }
      options.iterations = try invocation.convert.integer(iterations, key: "iterations", atLeast: 1)
    }
    options.shuffle = try invocation.boolean("shuffle", default: settings.shuffle)
    options.seed = try invocation.seed(default: settings.seed)
    options.recordsHealth = try invocation.boolean("health", default: false)

    var network = model.network
    let samples = data.train
    do {
      try network.validate(inputs: samples.features, labels: samples.labels)
    } catch {
      throw mismatch(error, model: name, network: network, data: dataName, invocation)
    }
    guard options.batchSize <= samples.count else {
      throw invocation.error(.badValue, "batch size \(options.batchSize) is larger than the \(samples.count) samples of '\(dataName)'",
                             at: invocation.option("batch")?.range, hint: "use batch=\(samples.count) or less")
    }
    let perEpoch = samples.count / options.batchSize
    if options.iterations == nil {
      try invocation.checkIterations(
        Limits.product(options.epochs, perEpoch), "epochs=\(options.epochs) of \(plural(perEpoch, "iteration")) each",
        unit: "iterations", at: invocation.option("epochs"))
    }
    let total = options.iterations ?? options.epochs * perEpoch
    let width = network.layerSizes.reduce(0, +)
    try invocation.checkWorkingValues(
      Limits.product(2 * width, options.batchSize),
      for: "a batch of \(options.batchSize) samples through \(network.layerSizes.map(String.init).joined(separator: "-"))",
      at: invocation.option("batch"), hint: "use a smaller batch")
    let lr = options.learningRate.map(Double.init) ?? Double(network.learningRate)
    invocation.print("training \(name) on \(dataName): \(plural(total, "iteration")) of \(options.batchSize) samples, "
      + "lr \(format(lr))\(options.shuffle ? ", shuffled" : "")")

    let showProgress = try invocation.boolean("progress", default: settings.progress)
    let reporter = ProgressReporter(environment: invocation.environment, enabled: showProgress)
    reporter.healthWord = HealthPoint.word(for: network.activation)
    let environment = invocation.environment
    let before = network.history.iterations
    let report: TrainingReport
    do {
      report = try network.train(inputs: samples.features, labels: samples.labels, options: options,
                                 progress: { reporter.update($0) }, shouldStop: { environment.shouldStop() })
    } catch {
      reporter.finish()
      throw mismatch(error, model: name, network: network, data: dataName, invocation)
    }
    reporter.finish()
    invocation.report.lines.append(contentsOf: reporter.printed)
    var updated = model
    updated.network = network
    invocation.session.models[name] = .mlp(updated)

    let steps = network.history.steps[before...]
    let recent = steps.suffix(summaryWindow(iterationsPerEpoch: perEpoch))
    let loss = recent.isEmpty ? .nan : recent.reduce(0.0) { $0 + Double($1.loss) } / Double(recent.count)
    let accuracy = recent.isEmpty ? .nan : recent.reduce(0.0) { $0 + Double($1.accuracy) } / Double(recent.count)
    // Epochs as the history counts them: whole batches over the batches an epoch holds, so
    // epochs=20 reads 20 here as in `show` and `compare`, though the partial batch is dropped.
    let epochs = Double(report.iterations) / Double(perEpoch)
    let figures = recent.isEmpty ? "" : "; last \(recent.count): loss \(fixed(loss)), accuracy \(fixed(accuracy))"
    let counts = "\(plural(report.iterations, "iteration")) (\(format(epochs)) epoch\(epochs == 1 ? "" : "s"), "
      + "\(report.iterations * options.batchSize) samples) in \(duration(reporter.elapsed))"
    let causes = { Divergence.causes(features: samples.features, data: dataName, learningRate: lr) }
    switch report.outcome {
    case .completed:
      invocation.print("trained \(name): " + counts + figures)
    case .interrupted:
      invocation.print("stopped \(name) after \(report.iterations) of \(total) iterations "
        + "(\(invocation.environment.stopReason())); it keeps what it learnt" + figures)
    case let .diverged(iteration, lossValue, rolledBackTo):
      let warning = Divergence.nonFinite(iteration: iteration, of: total, loss: lossValue, rolledBackTo: rolledBackTo,
                                         model: name, causes: causes())
      invocation.print(warning.lines.joined(separator: "\n"))
      invocation.record("diverged at", Double(warning.iteration))
    case .stoppedAtCheckpoint:
      invocation.print("stopped \(name) early: " + counts + figures)
    }
    if report.outcome == .completed,
       let warning = Divergence.blownUp(losses: steps.map(\.loss), classes: network.classCount, causes: causes()) {
      invocation.print(warning.lines.joined(separator: "\n"))
      invocation.record("diverged at", Double(warning.iteration))
    }
    reportHealth(network, since: before, &invocation)
    invocation.record("iterations", Double(report.iterations))
    invocation.record("updates", Double(report.iterations))
    invocation.record("epochs", epochs)
    invocation.record("samples", Double(report.iterations * options.batchSize))
    invocation.record("loss", loss)
    invocation.record("accuracy", accuracy)
    if let last = report.lastStep {
      invocation.record("last loss", Double(last.loss))
      invocation.record("last accuracy", Double(last.accuracy))
    }
    invocation.record("total iterations", Double(network.history.iterations))
    invocation.record("seconds", reporter.elapsed)
  }

  /// How many of the last iterations the summary line averages: 100, but never more than
  /// one epoch, so that on a small data set (22 batches an epoch on digits) the figures
  /// describe where the run ended, not where it was four epochs earlier.
  static func summaryWindow(iterationsPerEpoch: Int) -> Int {
    max(1, min(100, iterationsPerEpoch))
  }

  /// A `TrainingError` as a diagnostic under the command, with a hint at the fix.
  private static func mismatch(
    _ error: TrainingError, model: String, network: MultilayerPerceptron, data: String, _ invocation: Invocation
  ) -> Diagnostic {
    switch error {
    case let .featureCountMismatch(inputs, features):
      var sizes = network.layerSizes
      sizes[0] = features
      return invocation.error(.dataMismatch, "'\(model)' takes \(inputs) inputs but '\(data)' has \(features) features",
                              hint: "make a model for it, such as 'mlp [\(sizes.map(String.init).joined(separator: ","))]'")
    case let .labelOutOfRange(label, classes):
      return invocation.error(.dataMismatch, "'\(data)' has label \(label) but '\(model)' has only \(classes) outputs",
                              hint: "the last layer needs one unit per class")
    case let .batchTooLarge(batch, samples):
      return invocation.error(.badValue, "batch size \(batch) is larger than the \(samples) samples of '\(data)'",
                              at: invocation.option("batch")?.range)
    default:
      return invocation.error(.badValue, error.description)
    }
  }
}
