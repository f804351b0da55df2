import Foundation
import Testing
@testable import MLPCore

/// Each optimizer's first three full-batch steps on the tiny 5-4-3-3 ReLU network, against
/// `shared/data/reference/optimizer_fixture.json`: numbers computed independently in numpy
/// float64 from PyTorch's published update rules (and agreeing with `torch.optim` to 1e-16).
/// mlpsh computes in Float32, hence the tolerance.
@Suite struct OptimizerReferenceTests {
  struct Fixture: Decodable {
    struct Step: Decodable {
      var loss_before: Double
      var params_after: [TinyNetFixture.Layer]
    }
    struct Case: Decodable {
      var lr: Double
      var l2: Double?
      var momentum: Double?
      var beta1: Double?
      var beta2: Double?
      var eps: Double?
      var steps: [Step]
    }
    var cases: [String: Case]
    var schedules: [String: [Double]]

    enum CodingKeys: String, CodingKey { case cases, schedules }
    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      cases = try container.decode([String: Case].self, forKey: .cases)
      // The schedules object also holds a "rule" string.
      let raw = try container.decode([String: ScheduleEntry].self, forKey: .schedules)
      schedules = raw.compactMapValues(\.rates)
    }
  }

  struct ScheduleEntry: Decodable {
    var rates: [Double]?
    init(from decoder: any Decoder) throws {
      rates = try? decoder.singleValueContainer().decode([Double].self)
    }
  }

  static func fixture() throws -> Fixture {
    let url = try SharedData.url("data/reference/optimizer_fixture.json")
    return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
  }

  static let optimizers: [(name: String, kind: OptimizerKind)] = [
    ("sgd", .sgd), ("sgd_l2", .sgd), ("momentum", .momentum), ("nesterov", .nesterov),
    ("adam", .adam), ("adam_l2_coupled", .adam), ("adamw_decoupled", .adamw),
  ]

  @Test(arguments: optimizers.map(\.name))
  func threeStepsMatchTheReference(_ name: String) throws {
    let fixture = try Self.fixture()
    let tiny = try TinyNetFixture.load()
    let reference = try #require(fixture.cases[name])
    let kind = Self.optimizers.first { $0.name == name }!.kind
    var model = tiny.model(.relu)
    model.optimizer = Optimizer(kind, momentum: Float(reference.momentum ?? 0.9),
                                beta1: Float(reference.beta1 ?? 0.9), beta2: Float(reference.beta2 ?? 0.999),
                                epsilon: Float(reference.eps ?? 1e-8), l2: Float(reference.l2 ?? 0))
    var options = TrainingOptions(batchSize: 4, learningRate: Float(reference.lr))
    options.iterations = 1
    for (index, step) in reference.steps.enumerated() {
      try model.train(inputs: tiny.inputs, labels: tiny.labels, options: options)
      let loss = Double(model.history.steps.last!.loss)
      #expect(abs(loss - step.loss_before) <= 1e-5 * max(1, abs(step.loss_before)),
              "\(name) step \(index + 1): loss \(loss), reference \(step.loss_before)")
      let expected = TinyNetFixture.flatten(step.params_after)
      let worst = zip(model.parameters, expected).map { abs(Double($0) - Double($1)) }.max()!
      #expect(worst <= 2e-6, "\(name) step \(index + 1): parameters differ by up to \(worst)")
    }
    // The state went on across the three `train` calls: Adam's step count is 3.
    if kind != .sgd { #expect(model.optimizerState?.steps == 3) }
  }

  @Test func schedulesGiveTheReferenceRates() throws {
    let fixture = try Self.fixture()
    let cases: [(String, LearningRateSchedule)] = [
      ("constant", .constant),
      ("step_size2_gamma0.5", LearningRateSchedule(.step(every: 2, factor: 0.5))),
      ("exponential_gamma0.9", LearningRateSchedule(.exponential(factor: 0.9))),
      ("cosine_T10_min0", LearningRateSchedule(.cosine(minimum: 0))),
    ]
    for (name, schedule) in cases {
      let expected = try #require(fixture.schedules[name])
      // One iteration an epoch, ten of them: the schedule's t is the step of the reference.
      let rates = (0 ..< 10).map {
        Double(schedule.rate(base: 0.1, iteration: $0, iterationsPerEpoch: 1, totalIterations: 10))
      }
      for (t, (rate, reference)) in zip(rates, expected).enumerated() {
        #expect(abs(rate - reference) <= 1e-7, "\(name) at step \(t): \(rate), reference \(reference)")
      }
    }
  }

  @Test func warmUpRisesLinearlyToTheSchedule() {
    let schedule = LearningRateSchedule(.constant, warmupEpochs: 1)
    let rates = (0 ..< 6).map { schedule.rate(base: 0.4, iteration: $0, iterationsPerEpoch: 4, totalIterations: 40) }
    #expect(rates == [0.1, 0.2, 0.3, 0.4, 0.4, 0.4])
  }

  /// SGD keeps its fused step: the same numbers as before optimizers existed, bit for bit,
  /// and as the stored-gradient path up to rounding.
  @Test func sgdThroughTheOptimizerMatchesTheFusedStep() throws {
    let tiny = try TinyNetFixture.load()
    var fused = tiny.model(.relu)
    var stored = tiny.model(.relu)
    stored.optimizer = Optimizer(.sgd, l2: 0)
    let options = TrainingOptions(batchSize: 4, iterations: 5)
    try fused.train(inputs: tiny.inputs, labels: tiny.labels, options: options)
    // l2 = 1e-30 takes the stored path with a decay that rounds away.
    stored.optimizer.l2 = 1e-30
    try stored.train(inputs: tiny.inputs, labels: tiny.labels, options: options)
    let worst = zip(fused.parameters, stored.parameters).map { abs($0 - $1) }.max()!
    #expect(worst <= 1e-6)
    #expect(fused.optimizerState == nil)
  }

  /// A run split into two `train` calls equals one run of the same length, optimizer state
  /// and all. (In order: with `shuffle`, each call draws its own orders.)
  @Test(arguments: [OptimizerKind.momentum, .nesterov, .adam, .adamw])
  func aSplitRunEqualsOneRun(_ kind: OptimizerKind) throws {
    let tiny = try TinyNetFixture.load()
    var whole = tiny.model(.relu)
    whole.optimizer = Optimizer(kind, l2: 0.01)
    var split = whole
    // Two batches an epoch; each call a whole number of epochs.
    try whole.train(inputs: tiny.inputs, labels: tiny.labels, options: TrainingOptions(batchSize: 2, iterations: 8))
    for _ in 0 ..< 2 {
      try split.train(inputs: tiny.inputs, labels: tiny.labels, options: TrainingOptions(batchSize: 2, iterations: 4))
    }
    #expect(split.parameters == whole.parameters)
    #expect(split.optimizerState == whole.optimizerState)
    #expect(split.optimizerState?.steps == 8)
  }
}

@Suite struct WeightDecayGradientCheckTests {
  /// With l2 on, backpropagation's gradient (with `λ·W` added) agrees with central
  /// differences of the loss that includes `λ/2·‖W‖²`; and the penalty is really in both:
  /// the gradients differ from those without it by `λ·W`.
  @Test func theGradientCheckPassesWithTheL2Penalty() throws {
    let tiny = try TinyNetFixture.load()
    var model = tiny.model(.tanh)
    model.optimizer.l2 = 0.5
    let report = GradientCheck().run(on: model, inputs: tiny.inputs, labels: tiny.labels)
    #expect(report.passes(), "max relative error \(report.maxRelativeError)")
    let plain = tiny.model(.tanh).gradients(inputs: tiny.inputs, labels: tiny.labels)
    let decayed = model.gradients(inputs: tiny.inputs, labels: tiny.labels)
    let w0 = model.layers[0].weightRange.lowerBound
    #expect(abs(decayed[w0] - plain[w0] - 0.5 * model.parameters[w0]) <= 1e-6)
    let b0 = model.layers[0].biasRange.lowerBound
    #expect(decayed[b0] == plain[b0])
  }
}

@Suite struct OptimizerStateTests {
  /// A state whose buffers do not fit the parameters is not used (the loop's pointers rely
  /// on their sizes): training starts the rule afresh.
  @Test func aStateOfTheWrongSizeStartsAfresh() throws {
    let tiny = try TinyNetFixture.load()
    var model = tiny.model(.relu)
    model.optimizer = Optimizer(.adam)
    model.optimizerState = OptimizerState(kind: .adam, steps: 7, buffers: [[0, 0], [0]])
    var fresh = tiny.model(.relu)
    fresh.optimizer = Optimizer(.adam)
    let options = TrainingOptions(batchSize: 4, iterations: 2)
    try model.train(inputs: tiny.inputs, labels: tiny.labels, options: options)
    try fresh.train(inputs: tiny.inputs, labels: tiny.labels, options: options)
    #expect(model.parameters == fresh.parameters)
    #expect(model.optimizerState?.steps == 2)
  }

  /// A run stopped before its first step leaves the optimizer's state as it was.
  @Test func aRunThatStepsNothingKeepsTheState() throws {
    let tiny = try TinyNetFixture.load()
    var model = tiny.model(.relu)
    model.optimizer = Optimizer(.adam)
    try model.train(inputs: tiny.inputs, labels: tiny.labels, options: TrainingOptions(batchSize: 4, iterations: 3))
    let before = model.optimizerState
    var options = TrainingOptions(batchSize: 4, iterations: 3)
    options.optimizer = Optimizer(.momentum)
    let report = try model.train(inputs: tiny.inputs, labels: tiny.labels, options: options, shouldStop: { true })
    #expect(report.iterations == 0)
    #expect(model.optimizerState == before)
    #expect(model.history.segments.count == 1)
  }

  /// A checkpoint's model carries the optimizer's state reached so far, rows in natural
  /// order, as the model has it after the run.
  @Test func aCheckpointCarriesTheOptimizersState() throws {
    let tiny = try TinyNetFixture.load()
    var model = tiny.model(.relu)
    model.optimizer = Optimizer(.momentum)
    var seen: OptimizerState?
    try model.train(inputs: tiny.inputs, labels: tiny.labels, options: TrainingOptions(batchSize: 2, iterations: 4),
                    atCheckpoint: { checkpoint in
                      seen = checkpoint.model.optimizerState
                      return true
                    })
    #expect(seen != nil)
    #expect(seen == model.optimizerState)
  }

  /// A checkpoint that asks to stop ends the run early, unless it comes after the last
  /// iteration: that run is complete, and says so.
  @Test func aStopAskedForAtTheLastCheckpointIsACompletedRun() throws {
    let tiny = try TinyNetFixture.load()
    for (stopAt, outcome) in [(2, TrainingOutcome.stoppedAtCheckpoint(iteration: 2)), (4, .completed)] {
      var model = tiny.model(.relu)
      var options = TrainingOptions(batchSize: 2, iterations: 4)
      options.checkpointEvery = 1
      let report = try model.train(inputs: tiny.inputs, labels: tiny.labels, options: options,
                                   atCheckpoint: { $0.iteration < stopAt })
      #expect(report.outcome == outcome)
      #expect(report.iterations == stopAt)
    }
  }

  /// Health and dropout are not recorded together: the health would count dropped units.
  @Test func healthWithDropoutIsRefused() throws {
    let tiny = try TinyNetFixture.load()
    var model = tiny.model(.relu)
    var options = TrainingOptions(batchSize: 4, iterations: 1, dropout: 0.2)
    options.recordsHealth = true
    #expect(throws: TrainingError.outOfRange(option: "dropout", value: Double(Float(0.2)),
                                             expected: "0 when health=true records unit health")) {
      try model.train(inputs: tiny.inputs, labels: tiny.labels, options: options)
    }
  }
}
