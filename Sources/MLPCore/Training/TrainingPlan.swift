/// How many iterations a `train` call runs, from its options, checked before anything runs.
struct TrainingPlan {
  let batchSize: Int
  /// Whole batches in an epoch of the data.
  let batchesPerEpoch: Int
  /// Iterations the call will run if nothing stops it.
  let totalIterations: Int

  init(options: TrainingOptions, samples: Int) throws(TrainingError) {
    batchSize = options.batchSize
    guard batchSize >= 1 else { throw .notPositive(option: "batch", value: batchSize) }
    guard batchSize <= samples else { throw .batchTooLarge(batchSize: batchSize, samples: samples) }
    if let iterations = options.iterations {
      guard iterations >= 1 else { throw .notPositive(option: "iterations", value: iterations) }
    } else {
      guard options.epochs >= 1 else { throw .notPositive(option: "epochs", value: options.epochs) }
    }
    if let every = options.checkpointEvery, every < 1 {
      throw .notPositive(option: "checkpoint interval", value: every)
    }
    guard (0 ..< 1).contains(options.dropout) else {
      throw .outOfRange(option: "dropout", value: Double(options.dropout), expected: "at least 0 and below 1")
    }
    // Health reads the hidden outputs after the forward pass, where dropout has zeroed and
    // scaled them: its saturated shares would count dropped units.
    guard !(options.recordsHealth && options.dropout > 0) else {
      throw .outOfRange(option: "dropout", value: Double(options.dropout), expected: "0 when health=true records unit health")
    }
    batchesPerEpoch = samples / batchSize
    let (product, overflow) = options.epochs.multipliedReportingOverflow(by: batchesPerEpoch)
    totalIterations = options.iterations ?? (overflow ? .max : product)
  }

  /// Whether iteration `iteration` (0-based) ends at a checkpoint: every `every` iterations,
  /// or at each epoch's end.
  func isCheckpoint(after iteration: Int, every: Int?) -> Bool {
    (iteration + 1) % (every ?? batchesPerEpoch) == 0
  }
}
