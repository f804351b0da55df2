import MLPCore

extension CommandSpec {
  /// `mlp [784,128,64,10] relu lr=0.01 init=he seed=1`
  static let mlp = CommandSpec(
    name: "mlp", topic: .models,
    summary: "make a multilayer perceptron",
    details: """
      Makes a fully connected network with the given layer sizes, input first and classes \
      last. Hidden layers use the activation; the output layer is a softmax over the classes, \
      trained with cross-entropy. Weights are drawn from the seed, so the same command makes \
      the same network. optimizer= (sgd, momentum, nesterov, adam or adamw, with momentum=, \
      beta1=, beta2=, eps= and l2=) is the update rule train uses unless told otherwise; the \
      formulas are in docs/numerics.md. The new network becomes the current model; without a \
      name it is called mlp1, mlp2, … Reports `parameters`.
      """,
    arguments: [
      ArgumentSpec("SIZES", .integerList, "layer sizes, input first, such as [784,128,64,10]", optional: false),
      ArgumentSpec("ACTIVATION", .choice(Activation.allCases.map(\.rawValue)), "hidden activation"),
    ],
    options: [
      OptionSpec("lr", .number, default: "the lr setting, 0.01", "learning rate", setting: "lr", check: .learningRate),
      OptionSpec("activation", .choice(Activation.allCases.map(\.rawValue)),
                 default: "the activation setting, relu", "hidden activation", setting: "activation",
                 check: .choice(noun: "activation")),
      OptionSpec("init", .choice(Initializer.allCases.map(\.rawValue)),
                 default: "the init setting, seed", "how the first weights are drawn", setting: "init",
                 check: .choice(noun: "initializer")),
      OptionSpec("seed", .integer, default: "the seed setting, 0", "seed of the first weights", setting: "seed", check: .integer(atLeast: 0)),
    ] + optimizerOptions(defaultsFrom: "settings"),
    example: "mlp [784,128,64,10] relu\nm16 = mlp [784,128,64,10] relu lr=0.01 init=he\nmlp [64,32,10] optimizer=adam lr=0.001",
    binds: true
  ) { invocation throws(Diagnostic) in
    let settings = invocation.session.settings
    var sizes: [Int]? = nil
    var sizesValue: Value? = nil
    var activation: Activation? = nil
    for value in invocation.positionals {
      switch value {
      case let .list(elements, _):
        guard sizes == nil else {
          throw invocation.error(.extraArgument, "layer sizes are given twice", at: value)
        }
        sizes = try layerSizes(elements, in: value, invocation)
        sizesValue = value
      case .word:
        guard activation == nil, invocation.option("activation") == nil else {
          throw invocation.error(.extraArgument, "the activation is given twice", at: value)
        }
        activation = try invocation.convert.choice(value, noun: "activation") as Activation
      default:
        throw invocation.error(.badValue, "expected layer sizes or an activation, not \(value.display)",
                               at: value, hint: "such as 'mlp [784,128,64,10] relu'")
      }
    }
    guard let sizes else {
      throw invocation.error(.missingArgument, "'mlp' needs layer sizes",
                             hint: "such as 'mlp [784,128,64,10] relu'")
    }
    try invocation.checkParameters(Limits.parameterCount(layerSizes: sizes), of: "this network", at: sizesValue)
    var chosen = settings.activation
    if let activation {
      chosen = activation
    } else {
      chosen = try invocation.choice("activation", noun: "activation", default: settings.activation)
    }
    let learningRate = try invocation.learningRate(default: settings.learningRate)
    let initializer = try invocation.choice("init", noun: "initializer", default: settings.initializer)
    let seed = try invocation.seed(default: settings.seed)
    let name = try invocation.claimName(kind: "mlp", isModel: true)

    var network = MultilayerPerceptron(layerSizes: sizes, activation: chosen, learningRate: Float(learningRate),
                                       initializer: initializer, seed: seed)
    network.optimizer = try invocation.optimizer(from: settings.optimizer)
    let model = Model.mlp(NetworkModel(network: network, initializer: initializer, seed: seed))
    invocation.session.models[name] = model
    invocation.session.currentModel = name
    invocation.print("\(name): \(model.headline)")
    invocation.record("parameters", Double(network.parameterCount))
  }

  /// Layer sizes from a list: at least two whole numbers, each at least 1.
  private static func layerSizes(_ elements: [Value], in list: Value, _ invocation: Invocation) throws(Diagnostic) -> [Int] {
    guard elements.count >= 2 else {
      throw invocation.error(.badValue, "a network needs at least two layer sizes, got \(elements.count)",
                             at: list, hint: "the input size first and the number of classes last")
    }
    var sizes: [Int] = []
    for element in elements {
      sizes.append(try invocation.convert.integer(element, key: "a layer size", atLeast: 1))
    }
    return sizes
  }
}
