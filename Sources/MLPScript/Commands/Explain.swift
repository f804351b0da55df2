import MLPCore

extension CommandSpec {
  /// `explain sample=3`
  static let explain = CommandSpec(
    name: "explain", topic: .inspection,
    summary: "walk one sample through the forward and backward pass, with the real numbers",
    details: """
      Shows what one step of training does with one sample (number N of the data set, from \
      0; the training set unless on=test): each layer's formula and shapes with its actual \
      values, one unit's sum written out term by term, the softmax and the loss; then the \
      backward pass, each layer's error δ and gradient norm; then the step SGD would take \
      (W ← W − η∇W) and the weights it would change most. The model is not changed. \
      Layers of more than 8 units are shown in part, and a sum over many inputs by its \
      largest terms. The symbols are those of docs/numerics.md. Reports `loss`, \
      `probability` (of the true class), `prediction`, `label`, and `gradient norm W0`, \
      `gradient norm W1`, … for each layer.
      """,
    arguments: [
      ArgumentSpec("MODEL", .model, "the model, an mlp (default: the current one)"),
      ArgumentSpec("DATA", .data, "the data set (default: the current one)"),
    ],
    options: [
      OptionSpec("sample", .integer, default: "0", "which sample of the data set, from 0",
                 check: .integer(atLeast: 0)),
      OptionSpec("on", .choice(["train", "test"]), default: "train", "which part of the data set",
                 check: .choice(noun: "part")),
      OptionSpec("lr", .number, default: "the model's", "the learning rate of the step shown",
                 check: .positiveNumber),
    ],
    example: "explain\nexplain net digits sample=7 on=test"
  ) { invocation throws(Diagnostic) in
    let targets = try invocation.targets()
    let (name, model) = try invocation.model(targets.model)
    guard case let .mlp(entry) = model else {
      throw invocation.error(.wrongKind, "'\(name)' is a perceptron; explain walks through an mlp's layers",
                             hint: "a perceptron's step is w ← w + η (y − ŷ) x: see 'help train'")
    }
    let network = entry.network
    let (dataName, data) = try invocation.data(targets.data)
    let part = try invocation.choice("on", noun: "part", default: SamplePart.train)
    let chosen: (any LabeledSamples)? = part == .train ? data.train : data.test
    guard let samples = chosen else {
      throw invocation.error(.noData, "'\(dataName)' has no test set", at: invocation.option("on")?.range,
                             hint: "explain on=train, or split it into training and test sets")
    }
    let index = try invocation.sampleIndex(in: samples, part: part.rawValue, data: dataName, model: name,
                                           inputs: network.inputSize)
    let learningRate = invocation.option("lr") == nil ? nil : Float(try invocation.positiveNumber("lr", default: 0))
    let label = samples.labels[index]
    guard label < network.classCount else {
      throw invocation.error(.dataMismatch, "sample \(index) is of class \(label), but '\(name)' has \(network.classCount) outputs")
    }
    let step = network.explainStep(input: Array(samples.features.row(index)), label: label, learningRate: learningRate)
    let title = "\(name): \(part.rawValue) sample \(index) of \(dataName) (class \(samples.className(label))), "
      + "\(network.activation.rawValue), lr \(step.learningRate)"
    for line in StepExplanationText(step: step, activation: network.activation, width: invocation.style.width).lines(title: title) {
      invocation.print(line)
    }
    invocation.record("loss", step.loss)
    invocation.record("probability", Double(step.probabilities[label]))
    invocation.record("prediction", Double(step.prediction))
    invocation.record("label", Double(label))
    for layer in step.layers { invocation.record("gradient norm W\(layer.index)", layer.weightGradientNorm) }
    invocation.session.currentModel = name
    invocation.session.currentData = dataName
  }
}

/// The part of a data set a command reads.
enum SamplePart: String, CaseIterable {
  case train, test
}
