import MLPCore

extension CommandSpec {
  /// `predict sample=7` or `predict [1.5,-2]`
  static let predict = CommandSpec(
    name: "predict", topic: .training,
    summary: "classify one sample and show the model's confidence",
    details: """
      Classifies sample number N of the data set (counted from 0; the test set unless \
      on=train), or a sample written out as a list of numbers. An mlp shows its three most \
      probable classes with their softmax probabilities; a perceptron shows its output, 0 or 1. \
      Reports `prediction`, and `label` and `correct` when the sample came from a data set.
      """,
    arguments: [
      ArgumentSpec("MODEL", .model, "the model (default: the current one)"),
      ArgumentSpec("DATA", .data, "the data set (default: the current one)"),
      ArgumentSpec("FEATURES", .numberList, "a sample written out, such as [1.5,-2]"),
    ],
    options: [
      OptionSpec("sample", .integer, default: "0", "which sample of the data set, from 0",
                 check: .integer(atLeast: 0)),
      OptionSpec("on", .choice(["test", "train", "validation"]), default: "test", "which part of the data set"),
    ],
    example: "predict sample=7\npredict p [4.5,5.2]"
  ) { invocation throws(Diagnostic) in
    let targets = try invocation.targets(values: true)
    let (name, model) = try invocation.model(targets.model)
    var features: [Float]
    var label: Int? = nil
    var origin: String
    if let list = targets.rest.first {
      guard case let .list(elements, _) = list else {
        throw invocation.error(.badValue, "expected a sample as a list of numbers, not \(list.display)", at: list)
      }
      features = []
      for element in elements {
        // Refused where it enters: 1e308 would be infinity in the model's 32-bit numbers.
        let value = try invocation.convert.number(element, key: "a feature")
        guard Float(value).isFinite else {
          throw invocation.error(.badValue, "a feature must be within the range of 32-bit floats (about ±3.4e38), not "
                                   + invocation.convert.written(element), at: element)
        }
        features.append(Float(value))
      }
      guard features.count == model.inputSize else {
        throw invocation.error(.dataMismatch, "'\(name)' takes \(model.inputSize) inputs, not \(features.count)", at: list)
      }
      origin = "the sample"
    } else {
      let (dataName, data) = try invocation.data(targets.data)
      let (part, samples) = try chooseSamples(data, name: dataName, invocation)
      let index = try invocation.sampleIndex(in: samples, part: part, data: dataName, model: name, inputs: model.inputSize)
      features = Array(samples.features.row(index))
      label = samples.labels[index]
      origin = "\(part) sample \(index) of \(dataName) (label \(samples.className(samples.labels[index])))"
      invocation.session.currentData = dataName
    }
    let prediction: Int
    switch model {
    case let .mlp(network):
      let probabilities = network.network(Matrix(rows: 1, columns: features.count, storage: features)).storage
      guard probabilities.allSatisfy(\.isFinite) else { throw Self.notANumber(name, invocation) }
      let ranked = probabilities.indices.sorted { probabilities[$0] > probabilities[$1] }
      prediction = ranked[0]
      let names = invocation.session.currentData.flatMap { invocation.session.datasets[$0]?.train }
      let className = { (label: Int) in names?.className(label) ?? String(label) }
      let others = ranked.dropFirst().prefix(2).map { "\(className($0)) (\(fixed(Double(probabilities[$0]), 3)))" }
      invocation.print("\(name) on \(origin): predicts \(className(prediction)) with probability "
        + "\(fixed(Double(probabilities[prediction]), 3)); then \(others.joined(separator: ", "))")
      invocation.record("probability", Double(probabilities[prediction]))
    case let .perceptron(perceptron):
      prediction = perceptron.perceptron.fire(features)
      invocation.print("\(name) on \(origin): fires \(prediction)")
    }
    invocation.record("prediction", Double(prediction))
    if let label {
      invocation.record("label", Double(label))
      invocation.record("correct", label == prediction ? 1 : 0)
    }
    invocation.session.currentModel = name
  }
}
