import MLPCore

/// Watches a training run on held-out samples: at every checkpoint of the run (each epoch's
/// end, or every `validate_every` iterations) it measures the model's loss and accuracy on
/// them, keeps the point, and, with a patience, keeps the weights of the least loss and says
/// stop once the loss has not improved for that many checkpoints (early stopping, as Keras's
/// `EarlyStopping(restore_best_weights=True)`).
final class ValidationMonitor {
  /// The part measured: "validation" or "test".
  let part: String
  let samples: any LabeledSamples
  /// Checkpoints without a lower loss before the run stops; `nil`: never stop.
  let patience: Int?
  /// Iterations in the model's history before this run.
  let iterationsBefore: Int
  /// Called with each point as it is measured (the progress line).
  var onPoint: ((ValidationPoint) -> Void)?

  /// Every point measured in this run, in order.
  private(set) var points: [ValidationPoint] = []
  /// The point of least loss so far, and the weights it was measured with (kept only with a
  /// patience).
  private(set) var best: ValidationPoint?
  private var bestParameters: [Float]?
  /// Checkpoints since the best one.
  private(set) var sinceBest = 0

  init(part: String, samples: any LabeledSamples, patience: Int?, iterationsBefore: Int) {
    self.part = part
    self.samples = samples
    self.patience = patience
    self.iterationsBefore = iterationsBefore
  }

  /// Measures `checkpoint`'s model; `false` when the patience has run out.
  func measure(_ checkpoint: TrainingCheckpoint) -> Bool {
    let evaluation: Evaluation
    do throws(TrainingError) {
      evaluation = try checkpoint.model.evaluate(inputs: samples.features, labels: samples.labels)
    } catch {
      // The samples were checked against the model before the run: nothing to measure.
      return true
    }
    let point = ValidationPoint(
      iteration: iterationsBefore + checkpoint.iteration, epoch: checkpoint.step.epoch,
      examplesSeen: checkpoint.step.examplesSeen, loss: evaluation.loss, accuracy: evaluation.accuracy, part: part)
    points.append(point)
    if let best, !(point.loss < best.loss) {
      sinceBest += 1
    } else {
      best = point
      sinceBest = 0
      if patience != nil { bestParameters = checkpoint.model.parameters }
    }
    onPoint?(point)
    guard let patience else { return true }
    return sinceBest < patience
  }

  /// The point of highest accuracy in this run (the first of equals).
  var mostAccurate: ValidationPoint? { TrainingHistory(validation: points).mostAccurateValidation }

  /// Records the points in `network`'s history and, with a patience, puts back the weights of
  /// the least loss when the run ended past them. Returns the point whose weights were kept
  /// that way, if any.
  func finish(_ network: inout MultilayerPerceptron) -> ValidationPoint? {
    network.history.validation.append(contentsOf: points)
    guard let best, let bestParameters, best != points.last else { return nil }
    network.parameters = bestParameters
    return best
  }
}
