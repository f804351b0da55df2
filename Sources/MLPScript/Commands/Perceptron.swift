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
      through a ReLU of the input); rule=classic is Rosenblatt's. Reports `parameters`.
      """,
    arguments: [ArgumentSpec("INPUTS", .integer, "number of inputs (default: the current data's features)")],
    options: [
      OptionSpec("lr", .number, default: "0.001 (the notebook's)", "learning rate"),
      OptionSpec("rule", .choice(Perceptron.UpdateRule.allCases.map(\.rawValue)), default: "notebook",
                 "update rule"),
      OptionSpec("seed", .integer, default: "the seed setting, 0", "seed of the first weights", setting: "seed"),
    ],
    example: "p = perceptron 2 lr=0.001",
    binds: true
  ) { invocation throws(Diagnostic) in
    let inputs: Int
    if let given = invocation.positionals.first {
      inputs = try invocation.convert.integer(given, key: "the number of inputs", atLeast: 1)
      try invocation.checkParameters(inputs + 1, of: "this perceptron", at: given)
    } else if let current = invocation.session.currentData,
              let data = invocation.session.datasets[current] {
      inputs = data.train.features.columns
    } else {
      throw invocation.error(.missingArgument, "'perceptron' needs the number of inputs",
                             hint: "such as 'perceptron 2', or load a data set first")
    }
    let learningRate = try invocation.positiveNumber("lr", default: 0.001)
    let rule = try invocation.choice("rule", noun: "rule", default: Perceptron.UpdateRule.notebook)
    let seed = try invocation.seed(default: invocation.session.settings.seed)
    let name = try invocation.claimName(kind: "perceptron", isModel: true)
    let model = Model.perceptron(PerceptronModel(
      perceptron: Perceptron(inputSize: inputs, rule: rule, seed: seed), learningRate: learningRate, seed: seed))
    invocation.session.models[name] = model
    invocation.session.currentModel = name
    invocation.print("\(name): \(model.headline)")
    invocation.record("parameters", Double(inputs + 1))
  }
}
