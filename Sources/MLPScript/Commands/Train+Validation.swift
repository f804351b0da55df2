import MLPCore

extension CommandSpec {
  /// `validate=`, `validate_every=` and `patience=`, as `train` takes them.
  static let validationOptions = [
    OptionSpec("validate", .choice(["validation", "test", "none"]), default: "validation when the data set has one, else none",
               "the held-out part measured during training", check: .choice(noun: "part")),
    OptionSpec("validate_every", .integer, default: "each epoch's end", "iterations between validations",
               check: .integer(atLeast: 1)),
    OptionSpec("patience", .integer, default: "none",
               "stop after this many validations without a lower loss, keeping the best weights",
               check: .integer(atLeast: 1)),
  ]

  /// The monitor `validate=`, `validate_every=` and `patience=` ask for (`nil`: no held-out
  /// part to measure), its checkpoints set in `options`.
  static func validationMonitor(
    for network: MultilayerPerceptron, on data: DataEntry, named dataName: String, options: inout TrainingOptions,
    _ invocation: Invocation
  ) throws(Diagnostic) -> ValidationMonitor? {
    let chosen = invocation.option("validate")
    let part = try chosen.map { value throws(Diagnostic) in
      try invocation.convert.choice(value, noun: "part", among: ["validation", "test", "none"])
    } ?? (data.validation == nil ? "none" : "validation")
    let patienceValue = invocation.option("patience")
    let samples: (any LabeledSamples)?
    switch part {
    case "validation":
      guard let validation = data.validation else {
        throw invocation.error(.noData, "'\(dataName)' has no validation set", at: chosen?.range,
                               hint: "split validation=0.1 holds one out of its training set, or validate=test")
      }
      samples = validation
    case "test":
      guard let test = data.test else {
        throw invocation.error(.noData, "'\(dataName)' has no test set", at: chosen?.range,
                               hint: "split it into training and test sets first")
      }
      samples = test
    default:
      samples = nil
    }
    guard let samples else {
      if let patienceValue {
        throw invocation.error(.badValue, "patience=\(invocation.convert.written(patienceValue)) needs held-out data to watch",
                               at: patienceValue,
                               hint: "split validation=0.1 holds out a validation set; or validate=test")
      }
      if let every = invocation.option("validate_every") {
        throw invocation.error(.badValue, "validate_every= needs held-out data to measure", at: every,
                               hint: "split validation=0.1 holds out a validation set; or validate=test")
      }
      return nil
    }
    do {
      try network.validate(inputs: samples.features, labels: samples.labels)
    } catch {
      throw invocation.error(.dataMismatch, "the \(part) set of '\(dataName)' does not fit the model: \(error.description)",
                             at: chosen?.range)
    }
    if invocation.option("validate_every") != nil {
      options.checkpointEvery = try invocation.integer("validate_every", default: 1)
    }
    let patience = patienceValue == nil ? nil : try invocation.integer("patience", default: 1)
    return ValidationMonitor(part: part, samples: samples, patience: patience,
                             iterationsBefore: network.history.iterations)
  }

  /// The run's validation in the report: the best accuracy and its epoch, the last point, and
  /// what early stopping kept.
  static func reportValidation(
    _ monitor: ValidationMonitor, kept: ValidationPoint?, stopped: Bool, _ invocation: inout Invocation
  ) {
    guard let last = monitor.points.last, let accurate = monitor.mostAccurate else { return }
    let part = monitor.part
    invocation.print("best \(part) accuracy \(fixed(accurate.accuracy)) at epoch \(format(accurate.epoch)); "
      + "last: \(part) loss \(fixed(last.loss)), accuracy \(fixed(last.accuracy))")
    let unit = invocation.option("validate_every") == nil ? "epoch" : "validation"
    if stopped, let patience = monitor.patience, let best = monitor.best {
      invocation.print("early stop: the \(part) loss has not gone below \(fixed(best.loss)) (epoch \(format(best.epoch))) "
        + "for \(plural(patience, unit))")
    }
    if let kept {
      invocation.print("kept the weights of epoch \(format(kept.epoch)), where the \(part) loss was least: "
        + "\(part) loss \(fixed(kept.loss)), accuracy \(fixed(kept.accuracy))")
      invocation.record("kept epoch", kept.epoch)
    }
    invocation.record("\(part) loss", last.loss)
    invocation.record("\(part) accuracy", last.accuracy)
    invocation.record("best \(part) accuracy", accurate.accuracy)
    invocation.record("best epoch", accurate.epoch)
    if let least = monitor.points.min(by: { $0.loss < $1.loss }) {
      // Overfitting in two numbers: where the held-out loss was least, and how far the last
      // one has risen above it.
      invocation.record("least \(part) loss", least.loss)
      invocation.record("least-loss epoch", least.epoch)
      invocation.record("\(part) loss rise", last.loss / least.loss - 1)
    }
  }
}
