import MLPCore

extension CommandSpec {
  /// `perceptron 2 lr=0.001`
  static let perceptron = CommandSpec(
    name: "perceptron", topic: .models,
    summary: "make a single binary perceptron",
    details: """
      Makes the notebook's single perceptron: f(x) = 1 if w·x + b > 0, else 0, with \
      standard-normal first weights and a zero bias. It learns two classes (labels 0 and 1), \
      one sample at a time. Without INPUTS it takes as many inputs as the current data set \
      has features. rule=notebook is the notebook's update (driven by the sign of the error, \
      through a ReLU of the input); rule=classic is Rosenblatt's. weights= and bias= give the \
      starting point instead, for example the notebook's own first draw, so a run starts where \
      another did. Reports `parameters`.
      """,
    arguments: [ArgumentSpec("INPUTS", .integer, "number of inputs (default: the current data's features)")],
    options: [
      OptionSpec("lr", .number, default: "0.001 (the notebook's)", "learning rate", check: .learningRate),
      OptionSpec("rule", .choice(Perceptron.UpdateRule.allCases.map(\.rawValue)), default: "notebook",
                 "update rule", check: .choice(noun: "rule")),
      OptionSpec("seed", .integer, default: "the seed setting, 0", "seed of the first weights", setting: "seed", check: .integer(atLeast: 0)),
      OptionSpec("weights", .numberList, default: "drawn from the seed", "the first weights, one per input"),
      OptionSpec("bias", .number, default: "0", "the first bias"),
    ],
    example: "p = perceptron 2 lr=0.001\np = perceptron weights=[-0.5747,-0.4215]",
    binds: true
  ) { invocation throws(Diagnostic) in
    let start = invocation.options["weights"].map { value -> [Double] in
      guard case let .numbers(weights) = value else { preconditionFailure("weights= is checked as numbers") }
      return weights
    }
    let inputs: Int
    if let given = invocation.positionals.first {
      inputs = try invocation.convert.integer(given, key: "the number of inputs", atLeast: 1)
      try invocation.checkParameters(inputs + 1, of: "this perceptron", at: given)
      if let start, start.count != inputs {
        throw invocation.error(.badValue, "\(plural(start.count, "weight")) for \(plural(inputs, "input"))",
                               at: invocation.option("weights")!, hint: "give one weight per input")
      }
    } else if let start {
      inputs = start.count
    } else if let current = invocation.session.currentData,
              let data = invocation.session.datasets[current] {
      inputs = data.train.features.columns
    } else {
      throw invocation.error(.missingArgument, "'perceptron' needs the number of inputs",
                             hint: "such as 'perceptron 2', or load a data set first")
    }
    let learningRate = try invocation.learningRate(default: 0.001)
    let rule = try invocation.choice("rule", noun: "rule", default: Perceptron.UpdateRule.notebook)
    let seed = try invocation.seed(default: invocation.session.settings.seed)
    let name = try invocation.claimName(kind: "perceptron", isModel: true)
    let bias = try invocation.number("bias", default: 0)
    var perceptron = Perceptron(inputSize: inputs, rule: rule, seed: seed)
    if let start { perceptron.weights = start }
    perceptron.bias = bias
    let model = Model.perceptron(PerceptronModel(perceptron: perceptron, learningRate: learningRate, seed: seed))
    invocation.session.models[name] = model
    invocation.session.currentModel = name
    invocation.print("\(name): \(model.headline)")
    invocation.record("parameters", Double(inputs + 1))
  }
}
