/// How `MultilayerPerceptron.train` runs. The defaults are the seed notebook's.
public struct TrainingOptions: Sendable, Equatable {
  /// Samples per mini-batch (the notebook's 64). The last partial batch of an epoch is dropped.
  public var batchSize: Int = 64
  /// The SGD step size; `nil` uses the model's own `learningRate`.
  public var learningRate: Float? = nil
  /// Passes over the data (the notebook's 1). Ignored when `iterations` is set.
  public var epochs: Int = 1
  /// Mini-batches to run; `nil` means `epochs` whole epochs. More iterations than one epoch
  /// has batches carry on into the next epoch (the notebook ran off the end of its data).
  public var iterations: Int? = nil
  /// Visit the samples in a fresh random order each epoch (the notebook did not).
  public var shuffle: Bool = false
  /// The seed of the shuffling order.
  public var seed: UInt64 = 0
  /// Leave out of the first layer's products the input columns that are zero in a whole
  /// batch, when the first batch shows that it pays (`ActiveColumns`): the same numbers up
  /// to the order of the sums, and an MNIST epoch faster. Off, every product is dense (for
  /// comparisons).
  public var skipsUnusedColumns: Bool = true
  /// The update rule; `nil` uses the model's own `optimizer`.
  public var optimizer: Optimizer? = nil
  /// How the learning rate changes over the run.
  public var schedule: LearningRateSchedule = .constant
  /// The probability of dropping a hidden unit in training (`Dropout`); 0 for none.
  public var dropout: Float = 0
  /// Iterations between checkpoints (the `atCheckpoint` callback of `train`); `nil`: at the
  /// end of every epoch.
  public var checkpointEvery: Int? = nil
  /// Measure unit health (`HealthPoint`) during the run, into `TrainingHistory.health`.
  public var recordsHealth: Bool = false
  /// Iterations between two health measurements (the first iteration is always measured).
  /// Each measurement forms the weight gradients once more, close to an iteration's
  /// work; every 50th keeps the cost within the 3% of an epoch docs/performance.md holds it to.
  public var healthInterval: Int = 50

  public init(
    batchSize: Int = 64, learningRate: Float? = nil, epochs: Int = 1, iterations: Int? = nil,
    shuffle: Bool = false, seed: UInt64 = 0, skipsUnusedColumns: Bool = true,
    optimizer: Optimizer? = nil, schedule: LearningRateSchedule = .constant, dropout: Float = 0,
    checkpointEvery: Int? = nil, recordsHealth: Bool = false, healthInterval: Int = 50
  ) {
    self.batchSize = batchSize
    self.learningRate = learningRate
    self.epochs = epochs
    self.iterations = iterations
    self.shuffle = shuffle
    self.seed = seed
    self.skipsUnusedColumns = skipsUnusedColumns
    self.optimizer = optimizer
    self.schedule = schedule
    self.dropout = dropout
    self.checkpointEvery = checkpointEvery
    self.recordsHealth = recordsHealth
    self.healthInterval = healthInterval
  }
}

/// Where a training run is, passed to the progress callback after every iteration.
public struct TrainingProgress: Sendable {
  /// Iterations done in this run, 1-based.
  public var iteration: Int
  /// Iterations this run will do if not stopped.
  public var totalIterations: Int
  /// The last batch's loss and accuracy.
  public var step: TrainingStep
  /// The learning rate of the last step.
  public var learningRate: Float
  /// The run's latest health measurement, when it records health.
  public var health: HealthPoint? = nil
}

/// The model as it is at a checkpoint of a run (the end of an epoch, or every
/// `checkpointEvery` iterations), for measuring it on held-out data.
public struct TrainingCheckpoint {
  /// Iterations done in this run.
  public var iteration: Int
  /// The model's last recorded step (its epoch and examples seen).
  public var step: TrainingStep
  /// The model with the parameters reached so far.
  public var model: MultilayerPerceptron
}

/// How a training run ended.
public enum TrainingOutcome: Sendable, Equatable {
  /// Every requested iteration ran.
  case completed
  /// `shouldStop` said stop (Ctrl-C); the iterations before it were kept.
  case interrupted
  /// The loss of iteration `iteration` (1-based, in this run) was not finite. The model went
  /// back to the parameters it had before iteration `rolledBackTo` (saved every 32
  /// iterations after a finite loss), which give a finite loss.
  case diverged(iteration: Int, loss: Double, rolledBackTo: Int?)
  /// The checkpoint after iteration `iteration` (1-based, in this run) said stop (early
  /// stopping).
  case stoppedAtCheckpoint(iteration: Int)
}

/// What a training run did.
public struct TrainingReport: Sendable, Equatable {
  /// Iterations that updated the model.
  public var iterations: Int
  public var outcome: TrainingOutcome
  /// The last batch's figures, if any iteration ran.
  public var lastStep: TrainingStep?
  /// Whether the first layer's products left out the input columns the batches did not use.
  var leftOutUnusedColumns = false
}

/// Training inputs that do not fit the model, reported to the user.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
  case featureCountMismatch(model: Int, data: Int)
  case labelCountMismatch(samples: Int, labels: Int)
  case labelOutOfRange(label: Int, classCount: Int)
  case batchTooLarge(batchSize: Int, samples: Int)
  case notPositive(option: String, value: Int)
  case outOfRange(option: String, value: Double, expected: String)

  public var description: String {
    switch self {
    case let .featureCountMismatch(model, data):
      return "the model takes \(model) inputs but the data has \(data) features"
    case let .labelCountMismatch(samples, labels):
      return "\(samples) samples but \(labels) labels"
    case let .labelOutOfRange(label, classCount):
      return "label \(label) is outside the model's \(classCount) classes (0 to \(classCount - 1))"
    case let .batchTooLarge(batchSize, samples):
      return "batch size \(batchSize) is larger than the \(samples) samples"
    case let .notPositive(option, value):
      return "\(option) must be at least 1, not \(value)"
    case let .outOfRange(option, value, expected):
      return "\(option) must be \(expected), not \(value)"
    }
  }
}
