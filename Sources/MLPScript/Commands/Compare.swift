import MLPCore
import MLPPlot

extension CommandSpec {
  /// `compare m16 m128`, `compare m_lr0_1 m_lr0_01 y=accuracy x=epochs`
  static let compare = CommandSpec(
    name: "compare", topic: .inspection,
    summary: "set two or more networks side by side: settings, metrics and curves",
    details: """
      Prints one column per network: how it was made (layer sizes, activation, learning \
      rate, initialisation, seed), how it was trained (batch sizes, iterations, epochs), its \
      loss and batch accuracy averaged over its last 100 iterations, its best accuracy on \
      held-out data during training and the epoch it came at (when it was validated), and \
      its accuracy on the data set's test set (the current data set unless one is named; on=train for the \
      training set). Then their curves overlaid in one chart: y=loss or y=accuracy, each the \
      mean of smooth=N iterations, against x=iterations, examples or epochs (epochs or \
      examples line up runs with different batch sizes); where a later train call changed a \
      network's learning rate, batch size, optimizer or schedule, a dotted line marks it, \
      labelled with the network's name and the change. to=FILE.svg writes the chart as SVG. \
      Reports `test accuracy NAME` (or `train accuracy NAME`), `loss NAME`, `accuracy NAME` \
      and `best validation accuracy NAME` (when validated) for each network.
      """,
    arguments: [ArgumentSpec("NAME", .modelOrData, "two or more networks, and a data set", optional: false, repeated: true)],
    options: overlayChartOptions + [
      OptionSpec("on", .choice(["test", "train", "validation"]), default: "test", "which part of the data set"),
      OptionSpec("to", .path, default: "the terminal", "an SVG file for the chart"),
      OptionSpec("plot", .boolean, default: "true", "draw the chart"),
    ],
    example: "compare m16 m128\ncompare m16 m128 x=examples y=accuracy\ncompare m_lr0_1 m_lr0_01 to=\"lr.svg\""
  ) { invocation throws(Diagnostic) in
    var names: [String] = []
    var dataName: String?
    for value in invocation.positionals {
      guard case let .word(word, _) = value else {
        throw invocation.error(.extraArgument, "unexpected argument \(value.display)", at: value,
                               hint: "name two or more networks")
      }
      if let model = invocation.session.models[word] {
        guard case .mlp = model else {
          throw invocation.error(.badValue, "compare works on networks; '\(word)' is a \(model.kind)", at: value)
        }
        guard !names.contains(word) else {
          throw invocation.error(.badValue, "'\(word)' is named twice", at: value)
        }
        names.append(word)
      } else if invocation.session.datasets[word] != nil, dataName == nil {
        dataName = word
      } else {
        throw invocation.unknownName(word, at: value)
      }
    }
    guard names.count >= 2 else {
      throw invocation.error(.missingArgument, "'compare' needs two or more networks",
                             hint: "such as 'compare m16 m128'")
    }
    let networks = names.map { name -> NetworkModel in
      guard case let .mlp(model)? = invocation.session.models[name] else { preconditionFailure("checked above") }
      return model
    }
    try compareTable(names, networks, dataName: dataName, &invocation)

    guard try invocation.boolean("plot", default: true) else { return }
    let trained = zip(names, networks).filter { !$0.1.network.history.steps.isEmpty }
      .map { (name: $0.0, history: $0.1.network.history) }
    guard !trained.isEmpty else {
      invocation.print("no curves: none of them has been trained")
      return
    }
    try presentOverlay(of: trained, title: { "\(names.joined(separator: " vs ")): \($0)" }, &invocation)
  }

  /// The side-by-side table and the numbers it reports.
  private static func compareTable(
    _ names: [String], _ networks: [NetworkModel], dataName: String?, _ invocation: inout Invocation
  ) throws(Diagnostic) {
    var evaluated: (part: String, name: String, samples: any LabeledSamples)?
    if let dataName {
      let (_, data) = try invocation.data(dataName)
      let (part, samples) = try chooseSamples(data, name: dataName, invocation)
      evaluated = (part, dataName, samples)
    } else if let current = invocation.session.currentData, let data = invocation.session.datasets[current] {
      let (part, samples) = try chooseSamples(data, name: current, invocation)
      evaluated = (part, current, samples)
    }
    var rows: [[String]] = [
      ["layers"] + networks.map { $0.network.layerSizes.map(String.init).joined(separator: "-") },
      ["activation"] + networks.map { $0.network.activation.rawValue },
      ["lr"] + networks.map { format(Double($0.network.learningRate)) },
      ["init"] + networks.map { $0.initializer.rawValue },
      ["seed"] + networks.map { String($0.seed) },
      ["batch"] + networks.map { RunCurves.batchSizes($0.network.history) },
      ["iterations"] + networks.map { String($0.network.history.iterations) },
      ["epochs"] + networks.map { $0.network.history.steps.last.map { format(($0.epoch * 100).rounded() / 100) } ?? "0" },
    ]
    let means = networks.map { $0.network.history.recentMeans(window: RunCurves.window) }
    rows.append(["loss (last \(RunCurves.window))"] + means.map { $0.map { fixed($0.loss) } ?? "-" })
    rows.append(["accuracy (last \(RunCurves.window))"] + means.map { $0.map { fixed($0.accuracy) } ?? "-" })
    for (name, mean) in zip(names, means) {
      guard let mean else { continue }
      invocation.record("loss \(name)", mean.loss)
      invocation.record("accuracy \(name)", mean.accuracy)
    }
    let bests = networks.map { $0.network.history.mostAccurateValidation }
    if bests.contains(where: { $0 != nil }) {
      let parts = Set(bests.compactMap { $0?.part }).sorted()
      rows.append(["best \(parts.joined(separator: "/")) accuracy"] + bests.map { $0?.accuracyAndEpoch ?? "-" })
      for (name, best) in zip(names, bests) {
        guard let best else { continue }
        invocation.record("best \(best.part) accuracy \(name)", best.accuracy)
      }
    }
    if let evaluated {
      var cells: [String] = []
      for (name, model) in zip(names, networks) {
        // A model whose inputs or classes do not fit the data set is not comparable on it:
        // its cell shows "-" (evaluate refuses labels beyond its classes).
        guard evaluated.samples.features.columns == model.network.inputSize,
              let evaluation = try? model.network.evaluate(inputs: evaluated.samples.features,
                                                           labels: evaluated.samples.labels) else {
          cells.append("-")
          continue
        }
        cells.append(fixed(evaluation.accuracy))
        invocation.record("\(evaluated.part) accuracy \(name)", evaluation.accuracy)
      }
      rows.append(["\(evaluated.part) accuracy (\(evaluated.name))"] + cells)
    }
    invocation.print(RunCurves.table(header: [""] + names, rows: rows).joined(separator: "\n"))
  }
}
