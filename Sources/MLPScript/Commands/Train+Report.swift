import MLPCore

/// What `train` says after a network's run: the summary line (or why the run stopped), a
/// divergence warning, and the quantities `# expect:` lines read.
struct NetworkTrainingReport {
  /// The lines to print, in order.
  var lines: [String] = []
  /// The quantities to record, in order.
  var quantities: [(name: String, value: Double)] = []

  /// - Parameters:
  ///   - report: what the core's `train` returned.
  ///   - network: the network after the run; its history from `before` is this run's.
  ///   - stopReason: why a stopped run stopped ("Ctrl-C").
  init(_ report: TrainingReport, of plan: NetworkTraining, network: MultilayerPerceptron, from before: Int,
       seconds: Double, stopReason: () -> String) {
    let steps = network.history.steps[before...]
    let recent = steps.suffix(CommandSpec.summaryWindow(iterationsPerEpoch: plan.iterationsPerEpoch))
    let loss = Self.mean(recent.map(\.loss))
    let accuracy = Self.mean(recent.map(\.accuracy))
    // Epochs as the history counts them: whole batches over the batches an epoch holds, so
    // epochs=20 reads 20 here as in `show` and `compare`, though the partial batch is dropped.
    let epochs = Double(report.iterations) / Double(plan.iterationsPerEpoch)
    let samples = report.iterations * plan.options.batchSize
    let figures = recent.isEmpty ? "" : "; last \(recent.count): loss \(fixed(loss)), accuracy \(fixed(accuracy))"
    let causes = { Divergence.causes(features: plan.samples.features, data: plan.data, learningRate: plan.learningRate) }
    switch report.outcome {
    case .completed:
      lines.append("trained \(plan.model): \(plural(report.iterations, "iteration")) (\(format(epochs)) "
        + "epoch\(epochs == 1 ? "" : "s"), \(samples) samples) in \(duration(seconds))" + figures)
      if let warning = Divergence.blownUp(losses: steps.map(\.loss), classes: network.classCount, causes: causes()) {
        warn(warning)
      }
    case .interrupted:
      lines.append("stopped \(plan.model) after \(report.iterations) of \(plan.total) iterations "
        + "(\(stopReason())); it keeps what it learnt" + figures)
    case let .diverged(iteration, lossValue, rolledBackTo):
      warn(Divergence.nonFinite(iteration: iteration, of: plan.total, loss: lossValue, rolledBackTo: rolledBackTo,
                                model: plan.model, causes: causes()))
    case .stoppedAtCheckpoint:
      lines.append("stopped \(plan.model) early after \(plural(report.iterations, "iteration")) (\(format(epochs)) "
        + "epoch\(epochs == 1 ? "" : "s"), \(samples) samples) in \(duration(seconds))" + figures)
    }
    quantities += [
      ("iterations", Double(report.iterations)), ("updates", Double(report.iterations)), ("epochs", epochs),
      ("samples", Double(samples)), ("loss", loss), ("accuracy", accuracy),
    ]
    if let last = report.lastStep {
      quantities += [("last loss", Double(last.loss)), ("last accuracy", Double(last.accuracy))]
    }
    quantities += [("total iterations", Double(network.history.iterations)), ("seconds", seconds)]
  }

  private mutating func warn(_ warning: Divergence) {
    lines += warning.lines
    quantities.append(("diverged at", Double(warning.iteration)))
  }

  /// The mean of `values`, NaN for none.
  private static func mean(_ values: [Float]) -> Double {
    values.isEmpty ? .nan : values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
  }
}
