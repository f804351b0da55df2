import MLPData

extension CommandSpec {
  /// `split test=0.2 seed=1`
  static let split = CommandSpec(
    name: "split", topic: .data,
    summary: "hold out part of a training set as a test set",
    details: """
      Shuffles the training set with the seed and moves the given share of it into a test \
      set, so that evaluate measures the model on samples it never learnt from. A data set \
      that already has a test set keeps it unless replace=true. With a name (s = split digits) \
      the result is a new data set; otherwise it replaces the old one. Reports `train \
      samples` and `test samples`.
      """,
    arguments: [ArgumentSpec("DATA", .data, "the data set (default: the current one)")],
    options: [
      OptionSpec("test", .number, default: "0.2", "share of the samples held out"),
      OptionSpec("seed", .integer, default: "the seed setting, 0", "seed of the shuffle", setting: "seed", check: .integer(atLeast: 0)),
      OptionSpec("replace", .boolean, default: "false", "replace an existing test set"),
    ],
    example: "split test=0.25\nheld = split digits test=0.1 replace=true",
    binds: true
  ) { invocation throws(Diagnostic) in
    let targets = try invocation.targets()
    let (name, entry) = try invocation.data(targets.data)
    let fraction = try invocation.number("test", default: 0.2)
    let seed = try invocation.seed(default: invocation.session.settings.seed)
    if entry.test != nil, try !invocation.boolean("replace", default: false) {
      throw invocation.error(.badValue, "'\(name)' already has a test set",
                             hint: "split replace=true to split its training set anew")
    }
    let loaded = entry.asLoadedData(name: name)
    let parts: (train: Dataset, test: Dataset)
    do throws(DatasetError) {
      parts = try loaded.train.split(testFraction: fraction, seed: seed)
    } catch {
      throw invocation.error(.badValue, error.description, at: invocation.option("test")?.range)
    }
    let newName = invocation.bindingName == nil ? name : try invocation.claimName(kind: name, isModel: false)
    invocation.session.datasets[newName] = DataEntry(train: parts.train, test: parts.test,
                                                     origin: entry.origin + ", split \(format(fraction)) for testing")
    invocation.session.currentData = newName
    invocation.print("\(newName): \(parts.train.count) training and \(parts.test.count) test samples (seed \(seed))")
    invocation.record("train samples", Double(parts.train.count))
    invocation.record("test samples", Double(parts.test.count))
  }
}
