import MLPData

extension CommandSpec {
  /// `split test=0.2 seed=1`, `split validation=0.1`
  static let split = CommandSpec(
    name: "split", topic: .data,
    summary: "hold out part of a training set as a test set or a validation set",
    details: """
      Shuffles the training set with the seed and moves the given share of it into a test \
      set, so that evaluate measures the model on samples it never learnt from. A data set \
      that already has a test set keeps it unless replace=true. With validation=X it also \
      (or, without test=, only) holds out a validation set from what stays for training: a \
      share below 1, or a count of samples from 1 up. train measures the model on the \
      validation set at the end of every epoch, to watch for overfitting and to stop early; \
      the test set stays untouched until the end. With a name (s = split digits) the result \
      is a new data set; otherwise it replaces the old one. Reports `train samples`, \
      `test samples` and `validation samples`.
      """,
    arguments: [ArgumentSpec("DATA", .data, "the data set (default: the current one)")],
    options: [
      OptionSpec("test", .number, default: "0.2, or none with validation=", "share of the samples held out"),
      OptionSpec("validation", .number, default: "none",
                 "share (below 1) or count of the training samples held out for validation"),
      OptionSpec("seed", .integer, default: "the seed setting, 0", "seed of the shuffle", setting: "seed",
                 check: .integer(atLeast: 0)),
      OptionSpec("replace", .boolean, default: "false", "replace an existing test or validation set"),
    ],
    example: "split test=0.25\nheld = split digits test=0.1 replace=true\nsplit validation=0.1",
    binds: true
  ) { invocation throws(Diagnostic) in
    let targets = try invocation.targets()
    let (name, entry) = try invocation.data(targets.data)
    let seed = try invocation.seed(default: invocation.session.settings.seed)
    let replace = try invocation.boolean("replace", default: false)
    let heldForValidation = invocation.option("validation")
    let splitsTest = invocation.option("test") != nil || heldForValidation == nil
    if splitsTest, entry.test != nil, !replace {
      throw invocation.error(.badValue, "'\(name)' already has a test set",
                             hint: "split replace=true to split its training set anew")
    }
    if heldForValidation != nil, entry.validation != nil, !replace {
      throw invocation.error(.badValue, "'\(name)' already has a validation set",
                             hint: "split replace=true to hold out a new one")
    }
    let loaded = entry.asLoadedData(name: name)
    var (train, test, validation) = (loaded.train, loaded.test, loaded.validation)
    let fraction = splitsTest ? try invocation.number("test", default: 0.2) : nil
    if let fraction {
      do throws(DatasetError) {
        (train, test) = try train.split(testFraction: fraction, seed: seed)
      } catch {
        throw invocation.error(.badValue, error.description, at: invocation.option("test")?.range)
      }
    }
    if let heldForValidation {
      let count = try validationCount(heldForValidation, of: train.count, invocation)
      do throws(DatasetError) {
        (train, validation) = try train.split(holdingOut: count, seed: seed)
      } catch {
        throw invocation.error(.badValue, error.description, at: heldForValidation)
      }
    }
    let newName = invocation.bindingName == nil ? name : try invocation.claimName(kind: name, isModel: false)
    var origin = entry.origin
    if let fraction { origin += ", split \(format(fraction)) for testing" }
    if let validation, heldForValidation != nil { origin += ", \(validation.count) held out for validation" }
    invocation.session.datasets[newName] = DataEntry(train: train, test: test, validation: validation, origin: origin)
    invocation.session.currentData = newName
    if let validation {
      let counts = "\(train.count) training, \(validation.count) validation"
        + (test.map { " and \($0.count) test" } ?? "")
      invocation.print("\(newName): \(counts) samples (seed \(seed))")
    } else {
      invocation.print("\(newName): \(train.count) training and \(test?.count ?? 0) test samples (seed \(seed))")
    }
    invocation.record("train samples", Double(train.count))
    invocation.record("test samples", Double(test?.count ?? 0))
    invocation.record("validation samples", Double(validation?.count ?? 0))
  }

  /// The samples `validation=` holds out of `available`: a share below 1 of them, or a whole
  /// count, leaving at least one to train on.
  private static func validationCount(
    _ value: Value, of available: Int, _ invocation: Invocation
  ) throws(Diagnostic) -> Int {
    let given = try invocation.convert.number(value, key: "validation")
    let written = invocation.convert.written(value)
    guard given > 0 else {
      throw invocation.error(.badValue, "validation must be a share between 0 and 1 or a count of samples, not \(written)",
                             at: value)
    }
    let count: Int
    if given < 1 {
      count = Int((Double(available) * given).rounded())
    } else {
      guard given == given.rounded(), given < Double(Int.max) else {
        throw invocation.error(.badValue, "validation must be a share below 1 or a whole count of samples, not \(written)",
                               at: value)
      }
      count = Int(given)
    }
    guard count >= 1 && count < available else {
      throw invocation.error(.badValue, "validation=\(written) leaves no samples on one side of the \(available) training samples",
                             at: value, hint: "hold out between 1 and \(available - 1) samples")
    }
    return count
  }
}
