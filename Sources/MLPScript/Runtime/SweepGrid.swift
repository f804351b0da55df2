import MLPCore

/// The options of a `sweep` and their values: each key given with a list is an axis of the
/// grid, each key given once applies to every run.
///
/// The runs are every combination, the first key written varying slowest:
/// `sweep lr=0.1,0.01 batch=32,64` runs (0.1, 32), (0.1, 64), (0.01, 32), (0.01, 64).
struct SweepGrid {
  /// A key that can be swept, and how its values read.
  struct Key: Sendable {
    var option: OptionSpec
    var name: String { option.key }
  }

  /// One converted value of a key.
  enum Entry: Sendable, Equatable {
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case activation(Activation)
    case initializer(Initializer)
    case optimizer(OptimizerKind)

    /// The entry for a value of `key` its option's check converted.
    init(_ value: OptionValue, key: String) {
      switch (key, value) {
      case let ("activation", .text(name)): self = .activation(Activation(rawValue: name)!)
      case let ("init", .text(name)): self = .initializer(Initializer(rawValue: name)!)
      case let ("optimizer", .text(name)): self = .optimizer(OptimizerKind(rawValue: name)!)
      case let (_, .integer(integer)): self = .integer(integer)
      case let (_, .number(number)): self = .number(number)
      case let (_, .boolean(boolean)): self = .boolean(boolean)
      default: preconditionFailure("\(key)=\(value.display) is not a value sweep checks")
      }
    }

    /// The value as the table prints it.
    var display: String {
      switch self {
      case let .integer(value): return String(value)
      case let .number(value): return format(value)
      case let .boolean(value): return String(value)
      case let .activation(value): return value.rawValue
      case let .initializer(value): return value.rawValue
      case let .optimizer(value): return value.rawValue
      }
    }

    /// The value in a run's name: `16`, `0_001`, `sigmoid`.
    var slug: String {
      display.replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "-", with: "m")
        .replacingOccurrences(of: "+", with: "")
    }
  }

  /// The keys `sweep` varies, in the order its help lists them: `train`'s options (and
  /// `mlp`'s activation and init), each taking a list.
  static let keys: [Key] = [
    CommandSpec.batchOption,
    OptionSpec("lr", .number, default: "the model's learning rate", "learning rate", check: .learningRate),
    OptionSpec("activation", .choice(Activation.allCases.map(\.rawValue)), default: "the model's",
               "hidden activation", check: .choice(noun: "activation")),
    OptionSpec("init", .choice(Initializer.allCases.map(\.rawValue)), default: "the model's",
               "how the first weights are drawn", check: .choice(noun: "initializer")),
    OptionSpec("epochs", .integer, default: "the epochs setting, 1", "passes over the data", setting: "epochs",
               check: .integer(atLeast: 1)),
    OptionSpec("iterations", .integer, default: "none", "mini-batches instead of whole epochs",
               check: .integer(atLeast: 1)),
    OptionSpec("shuffle", .boolean, default: "the shuffle setting, false", "new sample order every epoch",
               setting: "shuffle"),
    OptionSpec("seed", .integer, default: "the model's seed", "seed of the first weights and of the shuffling",
               check: .integer(atLeast: 0)),
    OptionSpec("optimizer", .choice(OptimizerKind.allCases.map(\.rawValue)), default: "the model's", "update rule",
               check: .choice(noun: "optimizer")),
    OptionSpec("momentum", .number, default: "the model's", "momentum μ", check: .fraction),
    OptionSpec("l2", .number, default: "the model's", "weight decay λ", check: .nonNegativeNumber),
    OptionSpec("dropout", .number, default: "0", "probability of dropping each hidden unit", check: .fraction),
  ].map { Key(option: $0.listed()) }

  /// The keys given, in the order written, each with its values.
  private(set) var axes: [(key: String, values: [Entry])] = []

  /// Reads every sweep key the command was given, from the values checked before it ran.
  init(_ invocation: Invocation) throws(Diagnostic) {
    for case let .option(name, value) in invocation.command.arguments {
      guard Self.keys.contains(where: { $0.name == name.text }) else { continue }
      var elements = [value]
      if case let .list(items, _) = value { elements = items }
      guard !elements.isEmpty else {
        throw invocation.error(.badValue, "\(name.text) has no values", at: value, hint: "such as \(name.text)=1,2")
      }
      var entries: [Entry] = []
      for (element, converted) in zip(elements, invocation.options.values(at: value)) {
        let entry = Entry(converted, key: name.text)
        if entries.contains(entry) {
          throw invocation.error(.badValue, "\(name.text)=\(entry.display) is given twice", at: element)
        }
        entries.append(entry)
      }
      axes.append((name.text, entries))
    }
    if let epochs = invocation.option("epochs"), let iterations = invocation.option("iterations") {
      throw invocation.error(.badValue, "give epochs= or iterations=, not both", at: epochs.range.union(iterations.range))
    }
  }

  /// Whether some key has two or more values.
  var isSweep: Bool { axes.contains { $0.values.count > 1 } }

  /// The keys with two or more values, which name the runs and head the table's columns.
  var sweptKeys: [String] { axes.filter { $0.values.count > 1 }.map(\.key) }

  /// Every combination of values, the first key varying slowest.
  var combinations: [[(key: String, value: Entry)]] {
    var result: [[(key: String, value: Entry)]] = [[]]
    for axis in axes {
      result = result.flatMap { prefix in axis.values.map { prefix + [(axis.key, $0)] } }
    }
    return result
  }

  /// The runs: a fresh copy of `template` as it was made for each combination, with the
  /// training options the settings and the values give.
  func runs(of template: NetworkModel, named name: String, settings: Settings) -> [SweepRun] {
    let made = template.network
    var firstWeights: [String: [Float]] = [:]
    let swept = Set(sweptKeys)
    return combinations.map { combination in
      var activation = made.activation
      var initializer = template.initializer
      var seed = template.seed
      var learningRate = made.learningRate
      var optimizer = made.optimizer
      var options = settings.trainingOptions
      var runName = name
      var values: [String] = []
      for (key, value) in combination {
        switch (key, value) {
        case let ("batch", .integer(size)): options.batchSize = size
        case let ("epochs", .integer(count)): options.epochs = count
        case let ("iterations", .integer(count)): options.iterations = count
        case let ("lr", .number(rate)): learningRate = Float(rate)
        case let ("shuffle", .boolean(on)): options.shuffle = on
        case let (_, .activation(function)): activation = function
        case let (_, .initializer(scheme)): initializer = scheme
        case let (_, .optimizer(kind)): optimizer.kind = kind
        case let ("momentum", .number(value)): optimizer.momentum = Float(value)
        case let ("l2", .number(value)): optimizer.l2 = Float(value)
        case let ("dropout", .number(value)): options.dropout = Float(value)
        case let ("seed", .integer(value)):
          seed = UInt64(value)
          options.seed = UInt64(value)
        default: break
        }
        guard swept.contains(key) else { continue }
        values.append(value.display)
        switch value {
        case .activation, .initializer, .optimizer: runName += "_" + value.slug
        case let .boolean(on): runName += on ? "_\(key)" : "_no\(key)"
        default: runName += "_\(key)\(value.slug)"
        }
      }
      let cacheKey = "\(initializer.rawValue) \(seed)"
      let parameters = firstWeights[cacheKey] ?? MultilayerPerceptron(
        layerSizes: made.layerSizes, activation: made.activation, learningRate: made.learningRate,
        epsilon: made.epsilon, initializer: initializer, seed: seed).parameters
      firstWeights[cacheKey] = parameters
      let network = MultilayerPerceptron(layerSizes: made.layerSizes, activation: activation,
                                         learningRate: learningRate, epsilon: made.epsilon, parameters: parameters,
                                         optimizer: optimizer)
      return SweepRun(name: runName, values: values, network: network, options: options,
                      initializer: initializer, seed: seed)
    }
  }
}
