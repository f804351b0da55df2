import MLPCore
import MLPData

extension CommandSpec {
  /// `scale`, `scale mnist to=standard`
  static let scale = CommandSpec(
    name: "scale", topic: .data,
    summary: "rescale a data set's features to [0, 1] or to mean 0 and spread 1",
    details: """
      to=unit maps every feature with the training set's range to [0, 1]: x' = (x - lo) / \
      (hi - lo), with lo and hi the known range of the data (0 and 255 for MNIST pixels) or \
      the smallest and largest training values. to=standard subtracts each feature's training \
      mean and divides by its standard deviation. The test and validation sets go through the \
      same map, so nothing is learnt from them. Raw pixels up to 255 make the notebook's network learn \
      slowly and unevenly; scaled inputs are one of the steps to 97% and beyond. With a name \
      (s = scale mnist) the result is a new data set; otherwise it replaces the old one, and \
      a warning names the models already trained, which would now see inputs unlike those \
      they learnt from.
      """,
    arguments: [ArgumentSpec("DATA", .data, "the data set (default: the current one)")],
    options: [OptionSpec("to", .choice(["unit", "standard"]), default: "unit", "the target range")],
    example: "scale\nscale mnist to=standard\nunit = scale mnist",
    binds: true
  ) { invocation throws(Diagnostic) in
    let targets = try invocation.targets()
    let (name, entry) = try invocation.data(targets.data)
    let target = invocation.option("to")
    let mode = try target.map { value throws(Diagnostic) in try invocation.convert.text(value, key: "to") } ?? "unit"
    let loaded = entry.asLoadedData(name: name)
    let scaled: LoadedData
    let description: String
    switch mode {
    case "unit":
      scaled = loaded.scaledToUnitRange()
      let range = loaded.train.valueRange ?? loaded.train.observedRange()
      description = "to [0, 1]" + (range.map { " (range \(format(Double($0.lowerBound)))…\(format(Double($0.upperBound))))" } ?? "")
    case "standard":
      scaled = loaded.standardized()
      description = "to mean 0 and standard deviation 1 per feature"
    default:
      throw invocation.error(.badValue, "unknown scaling '\(mode)'", at: target!, hint: "should be unit or standard")
    }
    let newName = invocation.bindingName == nil ? name : try invocation.claimName(kind: name, isModel: false)
    invocation.session.datasets[newName] = DataEntry(train: scaled.train, test: scaled.test, validation: scaled.validation,
                                                     origin: entry.origin + ", scaled \(description)")
    invocation.session.currentData = newName
    invocation.print("\(newName): scaled \(description)" + (newName == name ? "" : " from \(name)"))
    if newName == name { warnAboutTrainedModels(data: name, features: scaled.train.features.columns, &invocation) }
  }

  /// Scaling in place changes what every model already trained sees: a model trained on raw
  /// pixels then scores far less without any other sign. Says so, naming them.
  private static func warnAboutTrainedModels(data: String, features: Int, _ invocation: inout Invocation) {
    let trained = invocation.session.modelNames.filter { name in
      guard let model = invocation.session.models[name], model.inputSize == features else { return false }
      switch model {
      case let .mlp(network): return network.network.history.iterations > 0
      case let .perceptron(perceptron): return !perceptron.epochAccuracies.isEmpty
      }
    }
    guard !trained.isEmpty else { return }
    let names = Suggestions.prose(trained.map { "'\($0)'" }, conjunction: "and")
    let one = trained.count == 1
    var warning = invocation.error(
      .scaledUnderTrainedModel,
      "scaled '\(data)' in place after \(names) \(one ? "was" : "were") trained",
      hint: "if \(one ? "it" : "they") learnt from '\(data)', \(one ? "it" : "they") now \(one ? "sees" : "see") inputs unlike those: "
        + "train again, or scale into a new name: 'scaled = scale \(data)'")
    warning.severity = .warning
    invocation.print(DiagnosticRenderer(color: invocation.style.color).render(warning))
  }
}

extension DiagnosticID {
  /// `scale` replaced a data set that models were already trained on.
  public static let scaledUnderTrainedModel = DiagnosticID("scaled-under-trained-model", .runtime)
}

extension DataEntry {
  /// The entry as the data module's `LoadedData`, converting samples made elsewhere.
  func asLoadedData(name: String) -> LoadedData {
    func dataset(_ samples: any LabeledSamples) -> Dataset {
      if let dataset = samples as? Dataset { return dataset }
      let classes = samples.classNames.isEmpty ? (0 ..< samples.classCount).map(String.init) : samples.classNames
      return Dataset(name: name, features: samples.features, labels: samples.labels, classNames: classes)
    }
    return LoadedData(train: dataset(train), test: test.map(dataset), validation: validation.map(dataset),
                      origin: .file(name))
  }
}
