import MLPCore
import MLPData

extension CommandSpec {
  /// `data xor n=400 noise=0.1 seed=3`
  static let data = CommandSpec(
    name: "data", topic: .data,
    summary: "make a toy two-dimensional data set (blobs, xor, circles, gaussians, spiral, moons)",
    details: """
      Generates n points in the plane in two classes, 0 and 1, for decision-boundary \
      pictures: blobs (the notebook's perceptron data: around (-5, 5) and (5, 5)), xor \
      (the four quadrants), circles (a disc inside a ring), gaussians (two clouds), spiral \
      (two interleaved arms) and moons (two interleaving half circles). noise= blurs the \
      classes (its meaning per set is in docs/data.md; 0 for clean xor, circles, gaussians and \
      spiral, 1 for blobs, 0.1 for moons); seed= fixes every point, the same on every machine. \
      test=X holds out that share of the points as a test set. The set becomes the current \
      data set, named after its kind unless given a name. Reports `train samples`, \
      `test samples`, `features` and `classes`.
      """,
    arguments: [ArgumentSpec("KIND", .choice(Synthetic.allCases.map(\.rawValue)), "the kind of set", optional: false)],
    options: [
      OptionSpec("n", .integer, default: "200", "the number of points", check: .integer(atLeast: 2)),
      OptionSpec("noise", .number, default: "the set's own", "how much the classes are blurred"),
      OptionSpec("seed", .integer, default: "the seed setting, 0", "seed of the points", setting: "seed", check: .integer(atLeast: 0)),
      OptionSpec("test", .number, default: "none", "share of the points held out for testing"),
    ],
    example: "data blobs\ndata xor n=400 noise=0.1\nspiral = data spiral n=600 test=0.25",
    binds: true
  ) { invocation throws(Diagnostic) in
    guard let value = invocation.positionals.first else {
      throw invocation.error(.missingArgument, "'data' needs the kind of set",
                             hint: "should be \(Suggestions.prose(Synthetic.allCases.map(\.rawValue)))")
    }
    let kind: Synthetic = try invocation.convert.choice(value, noun: "toy data set")
    let count = try invocation.integer("n", default: kind.defaultCount)
    // Refused before anything is allocated, as `mlp` refuses a network too large.
    try invocation.checkWorkingValues(Limits.product(count, Self.valuesPerToyPoint), for: "\(kind.rawValue) of \(count) points",
                                      at: invocation.option("n"), hint: "toy sets need a few hundred points")
    var noise: Double?
    if let given = invocation.option("noise") {
      noise = try invocation.convert.number(given, key: "noise")
      guard noise! >= 0 && noise! <= Self.largestNoise else {
        throw invocation.error(.badValue, "noise must be between 0 and \(Int(Self.largestNoise)), not \(invocation.convert.written(given))",
                               at: given, hint: "the points lie within about 10 of the origin; noise=1 already blurs blobs")
      }
    }
    let seed = try invocation.seed(default: invocation.session.settings.seed)
    var fraction: Double?
    if let share = invocation.option("test") {
      fraction = try invocation.convert.number(share, key: "test")
      guard fraction! > 0 && fraction! < 1 else {
        throw invocation.error(.badValue, "test should be a share between 0 and 1, not \(share.display)", at: share)
      }
    }
    var loaded: LoadedData
    do throws(DatasetError) {
      loaded = LoadedData(train: try kind.make(count: count, noise: noise, seed: seed), origin: .generated(seed: seed))
      if let fraction {
        let parts = try loaded.train.split(testFraction: fraction, seed: seed)
        loaded = LoadedData(train: parts.train, test: parts.test, origin: loaded.origin)
      }
    } catch {
      throw invocation.error(.dataError, error.description, at: value)
    }
    let name = invocation.bindingName == nil ? kind.rawValue : try invocation.claimName(kind: kind.rawValue, isModel: false)
    try store(loaded, as: name, origin: "\(kind.rawValue) \(loaded.origin)", at: value, &invocation)
  }

  /// The memory a toy point takes while its set is made, in Float32 values: two
  /// coordinates, a label, the generator's temporaries and the test split's copies.
  static let valuesPerToyPoint = 12

  /// The most noise a toy set takes: beyond it the points are noise alone, and near
  /// Float's range they would become infinite.
  static let largestNoise = 1000.0

  /// Makes `loaded` the data set called `name` and reports its size, as `load` and `data` do.
  /// An unnamed set goes by its own name ("mnist", "xor"), replacing an earlier one, but never a
  /// model of that name.
  static func store(
    _ loaded: LoadedData, as name: String, origin: String, at value: Value, _ invocation: inout Invocation
  ) throws(Diagnostic) {
    if invocation.bindingName == nil && invocation.session.models[name] != nil {
      throw invocation.error(.cannotBind, "'\(name)' already names a model", at: value,
                             hint: "name the data set, as in 'd = \(invocation.command.name.text) \(value.display)'")
    }
    let entry = DataEntry(train: loaded.train, test: loaded.test, origin: origin)
    invocation.session.datasets[name] = entry
    invocation.session.currentData = name
    invocation.print("\(name): \(entry.headline) (\(loaded.origin))")
    invocation.record("train samples", Double(loaded.train.count))
    invocation.record("test samples", Double(loaded.test?.count ?? 0))
    invocation.record("features", Double(loaded.train.featureCount))
    invocation.record("classes", Double(loaded.train.classCount))
  }
}
