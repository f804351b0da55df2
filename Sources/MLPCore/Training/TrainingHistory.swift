/// One training iteration (one mini-batch and one SGD step), as the history keeps it.
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
}

/// Everything a model has been trained on, iteration by iteration.
public struct TrainingHistory: Sendable, Equatable, Codable {
  public var steps: [TrainingStep] = []

  public init(steps: [TrainingStep] = []) {
    self.steps = steps
  }

  /// The number of iterations so far.
  public var iterations: Int { steps.count }
  /// The per-iteration losses.
  public var losses: [Float] { steps.map(\.loss) }
  /// The per-iteration batch accuracies.
  public var accuracies: [Float] { steps.map(\.accuracy) }

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
