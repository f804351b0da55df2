import MLPCore
import MLPPlot

extension CommandSpec {
  /// `sweep m batch=16,32,64,128`, `sweep lr=0.1,0.01 activation=relu,tanh`
  static let sweep = CommandSpec(
    name: "sweep", topic: .training,
    summary: "train a fresh copy of a model for every value (or combination of values) of options",
    details: """
      Makes a fresh copy of the model as it was made (its layer sizes, activation, learning \
      rate, initialisation and seed: the same first weights for every run) for every value \
      of a swept option, or every combination when several options have lists, trains each \
      on the data set and prints one table: the loss and batch accuracy averaged over the \
      last 100 iterations, the best accuracy on the validation set and its epoch (when the \
      data set has one: every run is measured on it at each epoch's end), the test accuracy \
      (when the data set has a test set), the number of updates and the seconds taken, then the runs' curves overlaid in one chart (y=loss \
      or y=accuracy, each the mean of smooth=N iterations; x= as for plot). Options with one \
      value apply to every run. activation= changes the function, not the first weights; \
      init= and seed= draw other first weights (seed= also seeds the shuffling); \
      optimizer=, momentum= and l2= change the update rule (sweep optimizer=sgd,momentum,adam \
      compares them from the same first weights) and dropout= the share of hidden units \
      dropped.
      The runs are independent, so they run side by side, one per core, each with one BLAS \
      thread; parallel=false runs them one after another (with the same results). Each run \
      is kept as a model named after the model and its values (m_batch16, m_lr0_001, \
      m_sigmoid), to plot, compare, evaluate or train further. Ctrl-C stops every run at the \
      end of its current batch.
      Reports `runs`, `best test accuracy` and, for each run NAME, `loss NAME`, \
      `accuracy NAME`, `test accuracy NAME`, `updates NAME` and `seconds NAME` (and \
      `best validation accuracy NAME` and `best epoch NAME` when validated); and `seconds`.
      """,
    arguments: [
      ArgumentSpec("MODEL", .model, "the model to copy (default: the current one)"),
      ArgumentSpec("DATA", .data, "the data set (default: the current one)"),
    ],
    options: SweepGrid.keys.map(\.option) + overlayChartOptions + [
      OptionSpec("to", .path, default: "the terminal", "an SVG file for the chart"),
      OptionSpec("plot", .boolean, default: "true", "draw the chart"),
      OptionSpec("parallel", .boolean, default: "true", "run side by side on every core"),
    ],
    example: """
      sweep batch=16,32,64,128
      sweep m lr=0.1,0.01,0.001,0.0001 x=epochs
      sweep activation=relu,sigmoid,tanh lr=0.01,0.1 to="grid.svg"
      sweep optimizer=sgd,momentum,adam epochs=5
      """
  ) { invocation throws(Diagnostic) in
    let targets = try invocation.targets()
    let (name, model) = try invocation.model(targets.model)
    let (dataName, data) = try invocation.data(targets.data)
    guard case let .mlp(template) = model else {
      throw invocation.error(.badValue, "sweep trains networks; '\(name)' is a \(model.kind)",
                             hint: "make one with 'mlp [2,16,2]'")
    }
    let grid = try SweepGrid(invocation)
    guard grid.isSweep else {
      throw invocation.error(.missingArgument, "'sweep' needs an option with two or more values",
                             hint: "such as 'sweep batch=16,32,64,128'; one run is 'train'")
    }
    let runs = grid.runs(of: template, named: name, settings: invocation.session.settings)
    for run in runs where invocation.session.datasets[run.name] != nil {
      throw invocation.error(.cannotBind, "the run '\(run.name)' would replace the data set of that name",
                             hint: "rename the data set, or copy the model under another name")
    }
    try checkRuns(runs, template: template, name: name, data: data, dataName: dataName, invocation)
    try runSweep(runs, grid: grid, of: name, on: data, named: dataName, &invocation)
  }

  /// Checks before anything runs that the data fits the model and every batch fits the data,
  /// as `train` checks them.
  private static func checkRuns(
    _ runs: [SweepRun], template: NetworkModel, name: String, data: DataEntry, dataName: String,
    _ invocation: Invocation
  ) throws(Diagnostic) {
    let samples = data.train
    do throws(TrainingError) {
      try template.network.validate(inputs: samples.features, labels: samples.labels)
    } catch {
      throw invocation.diagnostic(for: error, model: name, network: template.network, data: dataName)
    }
    for run in runs {
      try invocation.checkBatch(run.options.batchSize, fits: samples.count, data: dataName,
                                at: batchValue(run.options.batchSize, invocation))
    }
  }

  /// Where `batch=` gives `size`: the element of its list, or the option.
  private static func batchValue(_ size: Int, _ invocation: Invocation) -> Value? {
    guard let given = invocation.option("batch"), case let .list(elements, _) = given else {
      return invocation.option("batch")
    }
    let sizes = invocation.options.values(at: given)
    return zip(elements, sizes).first { $0.1 == .integer(size) }?.0 ?? given
  }
}

/// One run of a sweep: its name, the values it was given, and everything it trains with.
struct SweepRun: Sendable {
  var name: String
  /// The swept values, as the table shows them, one per swept key.
  var values: [String]
  /// The fresh network, before training.
  var network: MultilayerPerceptron
  var options: TrainingOptions
  /// How its first weights were drawn, and from which seed.
  var initializer: Initializer
  var seed: UInt64
}
