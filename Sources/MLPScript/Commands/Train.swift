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
      batchOption,
      OptionSpec("lr", .number, default: "the model's learning rate", "learning rate for this run", check: .learningRate),
      OptionSpec("epochs", .integer, default: "the epochs setting, 1", "passes over the data", setting: "epochs",
                 check: .integer(atLeast: 1)),
      OptionSpec("iterations", .integer, default: "none", "mini-batches to run instead of whole epochs",
                 check: .iterations),
      OptionSpec("shuffle", .boolean, default: "the shuffle setting, false", "new sample order every epoch",
                 setting: "shuffle"),
      OptionSpec("seed", .integer, default: "the seed setting, 0", "seed of the shuffling", setting: "seed", check: .integer(atLeast: 0)),
      OptionSpec("progress", .boolean, default: "the progress setting, true", "report progress while training",
                 setting: "progress"),
      OptionSpec("health", .boolean, default: "false", "measure dead or saturated units and gradient norms"),
    ] + optimizerOptions(defaultsFrom: "model") + scheduleOptions + validationOptions,
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

  /// Trains an mlp: the options planned and checked, the run, its report, and the trained
  /// model kept.
  private static func trainNetwork(
    _ model: NetworkModel, name: String, on data: DataEntry, named dataName: String,
    _ invocation: inout Invocation
  ) throws(Diagnostic) {
    let plan = try NetworkTraining(model.network, model: name, on: data, named: dataName, invocation)
    invocation.print(plan.headline)
    var network = model.network
    let before = network.history.iterations
    let (report, seconds) = try runTraining(plan, &network, &invocation)
    let kept = plan.monitor?.finish(&network)
    var updated = model
    updated.network = network
    invocation.session.models[name] = .mlp(updated)
    let summary = NetworkTrainingReport(report, of: plan, network: network, from: before, seconds: seconds,
                                        stopReason: invocation.environment.stopReason)
    for line in summary.lines { invocation.print(line) }
    for (quantity, value) in summary.quantities { invocation.record(quantity, value) }
    if let monitor = plan.monitor {
      reportValidation(monitor, kept: kept, stopped: report.outcome == .stoppedAtCheckpoint(iteration: report.iterations),
                       &invocation)
    }
    reportHealth(network, since: before, &invocation)
  }

  /// Runs the core's training loop as `plan` says, with the progress bar (whose lines join
  /// the command's output), until it ends or is stopped.
  private static func runTraining(
    _ plan: NetworkTraining, _ network: inout MultilayerPerceptron, _ invocation: inout Invocation
  ) throws(Diagnostic) -> (TrainingReport, seconds: Double) {
    let showProgress = try invocation.boolean("progress", default: invocation.session.settings.progress)
    let reporter = ProgressReporter(environment: invocation.environment, enabled: showProgress)
    reporter.showsRate = !plan.options.schedule.isConstant
    reporter.healthWord = HealthPoint.word(for: network.activation)
    let environment = invocation.environment
    let monitor = plan.monitor
    monitor?.onPoint = { [unowned monitor] point in reporter.validated(point, isBest: monitor?.best == point) }
    do {
      let report = try network.train(inputs: plan.samples.features, labels: plan.samples.labels, options: plan.options,
                                     progress: { reporter.update($0) }, shouldStop: { environment.shouldStop() },
                                     atCheckpoint: monitor.map { monitor in { monitor.measure($0) } })
      reporter.finish()
      invocation.report.lines.append(contentsOf: reporter.printed)
      return (report, reporter.elapsed)
    } catch {
      reporter.finish()
      throw invocation.diagnostic(for: error, model: plan.model, network: network, data: plan.data)
    }
  }

  /// How many of the last iterations the summary line averages: 100, but never more than
  /// one epoch, so that on a small data set (22 batches an epoch on digits) the figures
  /// describe where the run ended, not where it was four epochs earlier.
  static func summaryWindow(iterationsPerEpoch: Int) -> Int {
    max(1, min(100, iterationsPerEpoch))
  }
}
