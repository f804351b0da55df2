/// One training iteration (one mini-batch and one step), as the history keeps it.
public struct TrainingStep: Sendable, Equatable, Codable {
  /// The mean cross-entropy of the batch, before the step.
  public var loss: Float
  /// The fraction of the batch classified correctly, before the step.
  public var accuracy: Float
  /// Samples seen up to and including this batch, across every `train` call.
  public var examplesSeen: Int
  /// Epochs completed after this batch: batches of this `train` call over the whole batches
  /// an epoch holds (the partial one is dropped), plus the epochs of earlier calls.
  public var epoch: Double
  /// The learning rate of this step, when a schedule made it differ from the run's base
  /// rate (`nil`: the run's `TrainingSegment.learningRate`).
  public var learningRate: Float?

  public init(loss: Float, accuracy: Float, examplesSeen: Int, epoch: Double, learningRate: Float? = nil) {
    self.loss = loss
    self.accuracy = accuracy
    self.examplesSeen = examplesSeen
    self.epoch = epoch
    self.learningRate = learningRate
  }
}

/// The settings of one `train` call, from the iteration it started at: what `plot` and
/// `compare` mark when a later call changes them.
public struct TrainingSegment: Sendable, Equatable, Codable {
  /// The index in `TrainingHistory.steps` of the call's first iteration.
  public var firstIteration: Int
  public var batchSize: Int
  /// The base learning rate (before any schedule).
  public var learningRate: Float
  /// The optimizer, as `Optimizer.description` words it.
  public var optimizer: String
  /// The schedule, as `LearningRateSchedule.description` words it.
  public var schedule: String

  public init(firstIteration: Int, batchSize: Int, learningRate: Float, optimizer: String, schedule: String) {
    self.firstIteration = firstIteration
    self.batchSize = batchSize
    self.learningRate = learningRate
    self.optimizer = optimizer
    self.schedule = schedule
  }
}

/// Loss and accuracy on held-out data, measured during training.
public struct ValidationPoint: Sendable, Equatable, Codable {
  /// Iterations trained when it was measured (the x of `plot`).
  public var iteration: Int
  public var epoch: Double
  public var examplesSeen: Int
  public var loss: Double
  public var accuracy: Double
  /// The part measured: "validation" or "test".
  public var part: String

  public init(iteration: Int, epoch: Double, examplesSeen: Int, loss: Double, accuracy: Double, part: String) {
    self.iteration = iteration
    self.epoch = epoch
    self.examplesSeen = examplesSeen
    self.loss = loss
    self.accuracy = accuracy
    self.part = part
  }
}

/// Everything a model has been trained on, iteration by iteration.
public struct TrainingHistory: Sendable, Equatable, Codable {
  public var steps: [TrainingStep] = []
  /// One per `train` call, in order.
  public var segments: [TrainingSegment] = []
  /// Held-out measurements, in order.
  public var validation: [ValidationPoint] = []
  /// Unit health, measured in the runs that asked for it (`TrainingOptions.recordsHealth`), in order.
  public var health: [HealthPoint] = []

  public init(
    steps: [TrainingStep] = [], segments: [TrainingSegment] = [], validation: [ValidationPoint] = [],
    health: [HealthPoint] = []
  ) {
    self.steps = steps
    self.segments = segments
    self.validation = validation
    self.health = health
  }

  // Files written before segments, validation and health existed have none of them; empty
  // ones are not written, so a plain run's file stays as it was.
  private enum CodingKeys: String, CodingKey { case steps, segments, validation, health }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    steps = try container.decode([TrainingStep].self, forKey: .steps)
    segments = try container.decodeIfPresent([TrainingSegment].self, forKey: .segments) ?? []
    validation = try container.decodeIfPresent([ValidationPoint].self, forKey: .validation) ?? []
    health = try container.decodeIfPresent([HealthPoint].self, forKey: .health) ?? []
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(steps, forKey: .steps)
    if !segments.isEmpty { try container.encode(segments, forKey: .segments) }
    if !validation.isEmpty { try container.encode(validation, forKey: .validation) }
    if !health.isEmpty { try container.encode(health, forKey: .health) }
  }

  /// The number of iterations so far.
  public var iterations: Int { steps.count }
  /// The per-iteration losses.
  public var losses: [Float] { steps.map(\.loss) }
  /// The per-iteration batch accuracies.
  public var accuracies: [Float] { steps.map(\.accuracy) }

  /// The segment iteration `index` (0-based) belongs to, if the history recorded one.
  public func segment(containing index: Int) -> TrainingSegment? {
    segments.last { $0.firstIteration <= index }
  }

  /// The mean loss and accuracy over the last `window` iterations (fewer if there are fewer),
  /// the smoothed "final" figures a sweep reports.
  public func recentMeans(window: Int = 100) -> (loss: Double, accuracy: Double)? {
    guard !steps.isEmpty else { return nil }
    let recent = steps.suffix(window)
    let loss = recent.reduce(0.0) { $0 + Double($1.loss) } / Double(recent.count)
    let accuracy = recent.reduce(0.0) { $0 + Double($1.accuracy) } / Double(recent.count)
    return (loss, accuracy)
  }
}
