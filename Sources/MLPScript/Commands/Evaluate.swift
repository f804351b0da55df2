import MLPCore

extension CommandSpec {
  /// `evaluate m16 on=test`
  static let evaluate = CommandSpec(
    name: "evaluate", topic: .training,
    summary: "measure a model's loss, accuracy and confusion matrix",
    details: """
      Runs every sample of the test set (or the training set, with on=train, or the \
      validation set split off by split validation=, with on=validation) through the model \
      without learning, and prints the mean cross-entropy loss, the accuracy and the \
      confusion matrix: row t, column p counts samples of class t predicted as p, so the \
      diagonal holds the right answers. Reports `test loss` and `test accuracy` (or `train \
      loss` and `train accuracy`, `validation loss` and `validation accuracy`) for \
      `# expect:` lines.
      """,
    arguments: [
      ArgumentSpec("MODEL", .model, "the model (default: the current one)"),
      ArgumentSpec("DATA", .data, "the data set (default: the current one)"),
    ],
    options: [
      OptionSpec("on", .choice(["test", "train", "validation"]), default: "test", "which part of the data set"),
      OptionSpec("confusion", .boolean, default: "true", "print the confusion matrix"),
    ],
    example: "evaluate\nevaluate m16 on=train confusion=false"
  ) { invocation throws(Diagnostic) in
    let targets = try invocation.targets()
    let (name, model) = try invocation.model(targets.model)
    let (dataName, data) = try invocation.data(targets.data)
    let (part, samples) = try chooseSamples(data, name: dataName, invocation)
    guard samples.count > 0 else {
      throw invocation.error(.dataMismatch, "'\(dataName)' has no \(part) samples to evaluate on",
                             hint: part == "test" ? "evaluate on=train, or load it with test=0.2" : nil)
    }
    guard samples.features.columns == model.inputSize else {
      throw invocation.error(.dataMismatch,
                             "'\(name)' takes \(model.inputSize) inputs but '\(dataName)' has \(samples.features.columns) features")
    }
    let showConfusion = try invocation.boolean("confusion", default: true)
    switch model {
    case let .mlp(network):
      let evaluation: Evaluation
      do throws(TrainingError) {
        evaluation = try network.network.evaluate(inputs: samples.features, labels: samples.labels)
      } catch {
        throw invocation.error(.dataMismatch, error.description)
      }
      // Never "loss -nan": a NaN comes from weights or data that are not finite numbers.
      guard evaluation.loss.isFinite else { throw notANumber(name, invocation) }
      let correct = Int((evaluation.accuracy * Double(evaluation.count)).rounded())
      invocation.print("\(name) on \(dataName) (\(part)): \(part) loss \(fixed(evaluation.loss)), "
        + "\(part) accuracy \(fixed(evaluation.accuracy)) (\(correct) of \(evaluation.count))")
      if showConfusion && evaluation.confusion.count <= 20 {
        invocation.print(confusionTable(evaluation.confusion, samples: samples).joined(separator: "\n"))
      }
      invocation.record("\(part) loss", evaluation.loss)
      invocation.record("\(part) accuracy", evaluation.accuracy)
      invocation.record("correct", Double(correct))
    case let .perceptron(perceptron):
      let accuracy = perceptron.perceptron.accuracy(inputs: samples.features, labels: samples.labels)
      let correct = Int((accuracy * Double(samples.count)).rounded())
      invocation.print("\(name) on \(dataName) (\(part)): \(part) accuracy \(fixed(accuracy)) (\(correct) of \(samples.count))")
      invocation.record("\(part) accuracy", accuracy)
      invocation.record("correct", Double(correct))
    }
    invocation.record("samples", Double(samples.count))
    invocation.session.currentModel = name
    invocation.session.currentData = dataName
  }

  /// The part of `data` that `on=` chooses: the test set by default.
  static func chooseSamples(
    _ data: DataEntry, name: String, _ invocation: Invocation
  ) throws(Diagnostic) -> (String, any LabeledSamples) {
    let part = invocation.option("on").map { value -> String in
      if case let .word(text, _) = value { return text } else { return value.display }
    } ?? "test"
    switch part {
    case "train":
      return ("train", data.train)
    case "test":
      guard let test = data.test else {
        throw invocation.error(.noData, "'\(name)' has no test set", at: invocation.option("on")?.range,
                               hint: "evaluate on=train, or split it into training and test sets")
      }
      return ("test", test)
    case "validation":
      guard let validation = data.validation else {
        throw invocation.error(.noData, "'\(name)' has no validation set", at: invocation.option("on")?.range,
                               hint: "split validation=0.1 holds one out of its training set")
      }
      return ("validation", validation)
    default:
      throw invocation.error(.badValue, "unknown part '\(part)'", at: invocation.option("on")!,
                             hint: "should be test, train or validation")
    }
  }

  /// The confusion matrix as a table: rows are true classes, columns predictions.
  static func confusionTable(_ confusion: [[Int]], samples: any LabeledSamples) -> [String] {
    let classes = confusion.indices.map { samples.className($0) }
    var rows = [["true\\predicted"] + classes]
    for (index, row) in confusion.enumerated() {
      rows.append([classes[index]] + row.map(String.init))
    }
    return table(rows)
  }
}

extension CommandSpec {
  /// A model whose output is not a number (NaN or infinite): said so rather than printed.
  static func notANumber(_ name: String, _ invocation: Invocation) -> Diagnostic {
    invocation.error(.dataMismatch, "'\(name)' gives outputs that are not numbers",
                     hint: "its weights or the inputs hold values that are not finite; 'show \(name)' shows its weights")
  }
}
