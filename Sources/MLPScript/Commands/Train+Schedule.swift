import MLPCore

extension CommandSpec {
  /// `dropout=`, `schedule=` and its settings, as `train` takes them.
  static let scheduleOptions = [
    OptionSpec("dropout", .number, default: "0", "probability of dropping each hidden unit in training",
               check: .fraction),
    OptionSpec("schedule", .choice(LearningRateSchedule.names), default: "constant",
               "how the learning rate changes over the run", check: .choice(noun: "schedule")),
    OptionSpec("every", .integer, default: "10", "epochs between the steps of schedule=step",
               check: .integer(atLeast: 1)),
    OptionSpec("gamma", .number, default: "0.1 for step, 0.9 for exponential",
               "factor of each step of schedule=step or exponential", check: .positiveNumber),
    OptionSpec("min_lr", .number, default: "0", "the rate schedule=cosine comes down to", check: .nonNegativeNumber),
    OptionSpec("warmup", .number, default: "0", "epochs over which the rate rises from 0 to the schedule",
               check: .nonNegativeNumber),
  ]
}

extension Invocation {
  /// The schedule `schedule=`, `every=`, `gamma=`, `min_lr=` and `warmup=` describe; an
  /// option that its schedule does not use is an error rather than ignored.
  func schedule() throws(Diagnostic) -> LearningRateSchedule {
    let name = try choice("schedule", noun: "schedule", default: ScheduleName.constant)
    let uses: [ScheduleName: [String]] = [.step: ["every", "gamma"], .exponential: ["gamma"], .cosine: ["min_lr"]]
    for key in ["every", "gamma", "min_lr"] where !(uses[name] ?? []).contains(key) {
      guard let value = option(key) else { continue }
      let owners = ScheduleName.allCases.filter { uses[$0]?.contains(key) == true }.map { "schedule=\($0.rawValue)" }
      throw error(.badValue, "\(key)= goes with \(Suggestions.prose(owners)), not schedule=\(name.rawValue)",
                  at: value, hint: "such as 'schedule=\(owners[0].dropFirst(9)) \(key)=\(convert.written(value))'")
    }
    let shape: LearningRateSchedule.Shape
    switch name {
    case .constant: shape = .constant
    case .step: shape = .step(every: try integer("every", default: 10), factor: try positiveNumber("gamma", default: 0.1))
    case .exponential: shape = .exponential(factor: try positiveNumber("gamma", default: 0.9))
    case .cosine: shape = .cosine(minimum: try number("min_lr", default: 0))
    }
    return LearningRateSchedule(shape, warmupEpochs: try number("warmup", default: 0))
  }
}

/// The schedules by the names the language uses.
enum ScheduleName: String, CaseIterable {
  case constant, step, cosine, exponential
}
