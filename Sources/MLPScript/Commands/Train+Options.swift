import MLPCore

extension CommandSpec {
  /// `batch=`, as `train` and `sweep` take it: its default is the `batch` setting.
  static let batchOption = OptionSpec(
    "batch", .integer, default: "the batch setting, \(Settings().batch)", "samples per mini-batch",
    setting: "batch", check: .integer(atLeast: 1))
}

extension Settings {
  /// The core's training options these settings give when a command names none.
  var trainingOptions: TrainingOptions {
    TrainingOptions(batchSize: batch, epochs: epochs, shuffle: shuffle, seed: seed)
  }
}

/// One `train` of a network, planned: the core's options from the command's options and the
/// session's settings, checked against the network and the data before anything runs.
struct NetworkTraining {
  var model: String
  var data: String
  var samples: any LabeledSamples
  var options: TrainingOptions
  /// Whole batches in one epoch (the last partial batch is dropped).
  var iterationsPerEpoch: Int
  /// The iterations this run makes unless stopped.
  var total: Int
  /// The rate this run trains with: `lr=`, or the network's own.
  var learningRate: Double
  /// What measures the held-out part at each checkpoint (`validate=`), if anything does.
  var monitor: ValidationMonitor?

  init(_ network: MultilayerPerceptron, model: String, on entry: DataEntry, named data: String,
       _ invocation: Invocation) throws(Diagnostic) {
    self.model = model
    self.data = data
    samples = entry.train
    options = try Self.options(invocation)
    do {
      try network.validate(inputs: samples.features, labels: samples.labels)
    } catch {
      throw invocation.diagnostic(for: error, model: model, network: network, data: data)
    }
    try invocation.checkBatch(options.batchSize, fits: samples.count, data: data)
    iterationsPerEpoch = samples.count / options.batchSize
    if options.iterations == nil {
      try invocation.checkIterations(
        Limits.product(options.epochs, iterationsPerEpoch),
        "epochs=\(options.epochs) of \(plural(iterationsPerEpoch, "iteration")) each",
        unit: "iterations", at: invocation.option("epochs"))
    }
    total = options.iterations ?? options.epochs * iterationsPerEpoch
    try invocation.checkWorkingValues(
      Limits.product(2 * network.layerSizes.reduce(0, +), options.batchSize),
      for: "a batch of \(options.batchSize) samples through \(network.layerSizes.map(String.init).joined(separator: "-"))",
      at: invocation.option("batch"), hint: "use a smaller batch")
    learningRate = options.learningRate.map(Double.init) ?? Double(network.learningRate)
    if invocation.givesOptimizer { options.optimizer = try invocation.optimizer(from: network.optimizer) }
    options.dropout = Float(try invocation.number("dropout", default: 0))
    options.schedule = try invocation.schedule()
    monitor = try CommandSpec.validationMonitor(for: network, on: entry, named: data, options: &options, invocation)
  }

  /// The options given, the settings for the rest.
  private static func options(_ invocation: Invocation) throws(Diagnostic) -> TrainingOptions {
    let settings = invocation.session.settings
    var options = settings.trainingOptions
    options.batchSize = try invocation.integer("batch", default: settings.batch)
    if invocation.option("lr") != nil {
      options.learningRate = Float(try invocation.learningRate(default: settings.learningRate))
    }
    options.epochs = try invocation.integer("epochs", default: settings.epochs)
    if let iterations = invocation.option("iterations") {
      if let epochs = invocation.option("epochs") {
        throw invocation.error(.badValue, "give epochs= or iterations=, not both", at: epochs.range.union(iterations.range))
      }
      options.iterations = try invocation.integer("iterations", default: 1)
    }
    options.shuffle = try invocation.boolean("shuffle", default: settings.shuffle)
    options.seed = try invocation.seed(default: settings.seed)
    options.recordsHealth = try invocation.boolean("health", default: false)
    return options
  }

  /// "training m on digits: 22 iterations of 64 samples, lr 0.01, shuffled", then what is
  /// not plain: "adam (β₁ 0.9, β₂ 0.999, ε 1e-08), cosine to 0, dropout 0.2, validated on
  /// 288 validation samples".
  var headline: String {
    var extras: [String] = []
    if let optimizer = options.optimizer, optimizer != Optimizer() { extras.append(optimizer.description) }
    if !options.schedule.isConstant { extras.append(options.schedule.description) }
    if options.dropout > 0 { extras.append("dropout \(format(Double(options.dropout)))") }
    if let monitor { extras.append("validated on \(plural(monitor.samples.count, "\(monitor.part) sample"))") }
    return plainHeadline + extras.map { ", " + $0 }.joined()
  }

  private var plainHeadline: String {
    "training \(model) on \(data): \(plural(total, "iteration")) of \(options.batchSize) samples, "
      + "lr \(format(learningRate))\(options.shuffle ? ", shuffled" : "")"
  }
}
