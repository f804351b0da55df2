import MLPCore

extension CommandSpec {
  /// Trains the single perceptron epoch by epoch, printing the notebook's per-epoch accuracy.
  static func trainPerceptron(
    _ model: PerceptronModel, name: String, on data: DataEntry, named dataName: String,
    _ invocation: inout Invocation
  ) throws(Diagnostic) {
    for key in ["batch", "iterations", "shuffle"] {
      if case let .option(option, _)? = invocation.command.arguments.first(where: {
        if case let .option(k, _) = $0 { return k.text == key } else { return false }
      }) {
        throw invocation.error(.badValue, "a perceptron learns one sample at a time: '\(key)' does not apply",
                               at: option.range, hint: "its options are epochs= and lr=")
      }
    }
    let samples = data.train
    guard samples.features.columns == model.perceptron.weights.count else {
      throw invocation.error(.dataMismatch,
                             "'\(name)' takes \(model.perceptron.weights.count) inputs but '\(dataName)' has \(samples.features.columns) features",
                             hint: "make one for it with 'perceptron \(samples.features.columns)'")
    }
    if let bad = samples.labels.first(where: { $0 != 0 && $0 != 1 }) {
      throw invocation.error(.dataMismatch, "a perceptron learns two classes, 0 and 1, but '\(dataName)' has label \(bad)",
                             hint: "use an mlp for more classes")
    }
    let epochs = try invocation.integer("epochs", default: invocation.session.settings.epochs)
    try invocation.checkIterations(
      Limits.product(epochs, samples.count), "epochs=\(epochs) of \(samples.count) samples each",
      unit: "sample updates", at: invocation.option("epochs"))
    let learningRate = try invocation.learningRate(default: model.learningRate)
    invocation.print("training \(name) on \(dataName): \(plural(epochs, "epoch")) of \(samples.count) samples, lr \(format(learningRate))")
    let start = invocation.environment.clock()
    var trained = model
    var accuracy = Double.nan
    var done = 0
    for _ in 0 ..< epochs {
      if invocation.shouldStop { break }
      accuracy = trained.perceptron.trainEpoch(inputs: samples.features, labels: samples.labels,
                                               learningRate: learningRate)
      trained.epochAccuracies.append(accuracy)
      done += 1
      invocation.print("  epoch \(trained.epochAccuracies.count): accuracy \(fixed(accuracy))")
    }
    invocation.session.models[name] = .perceptron(trained)
    let seconds = invocation.environment.clock() - start
    if done < epochs {
      invocation.print("stopped \(name) after \(done) of \(plural(epochs, "epoch")) (\(invocation.environment.stopReason())); it keeps what it learnt")
    } else {
      invocation.print("trained \(name): \(plural(done, "epoch")) in \(duration(seconds)), accuracy \(fixed(accuracy))")
    }
    invocation.record("epochs", Double(done))
    invocation.record("accuracy", accuracy)
    invocation.record("seconds", seconds)
  }
}
