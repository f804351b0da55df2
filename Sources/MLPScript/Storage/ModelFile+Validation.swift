import MLPCore

/// The checks a model file's numbers pass before anything is built or computed from them.
///
/// A file with a valid checksum can still hold any number a hand edit puts there: a
/// learning rate of 10⁻⁴⁶, a history whose `examplesSeen` is near 2⁶³ (the next `train`
/// would overflow adding to it). Each number is bounded here, by the same rules that bound
/// what a session can make, so that what loads can be trained and saved again.
extension ModelFile {
  /// The largest `examplesSeen` a history may record: 2⁵³, where a Double still counts
  /// every sample. A `train` adds at most iterations × batch (10⁷ × 2²⁸) to it, far from
  /// overflowing an Int.
  static let mostExamplesSeen = 1 << 53

  /// A network's learning rate, as `lr=` would accept it (`LearningRate`).
  static func check(learningRate: Float) throws(ModelFileError) {
    guard LearningRate.accepts(learningRate) else {
      throw .invalid("its learning rate \(learningRate) is not between 1e-30 and 1e30")
    }
  }

  /// A perceptron's learning rate, as `lr=` would accept it.
  static func check(learningRate: Double) throws(ModelFileError) {
    guard LearningRate.accepts(learningRate) else {
      throw .invalid("its learning rate \(learningRate) is not between 1e-30 and 1e30")
    }
  }

  /// A history as training writes it: losses finite and not negative, accuracies between
  /// 0 and 1, samples seen growing from 1 up to `mostExamplesSeen`, epochs finite and
  /// growing from 0; runs and validation points within its iterations.
  static func check(history: TrainingHistory, layers: Int) throws(ModelFileError) {
    var seen = 0
    var epoch = 0.0
    for (index, step) in history.steps.enumerated() {
      let problem: String?
      if !step.loss.isFinite || step.loss < 0 {
        problem = "a loss of \(step.loss)"
      } else if !(0 ... 1).contains(step.accuracy) {
        problem = "an accuracy of \(step.accuracy)"
      } else if step.examplesSeen <= seen || step.examplesSeen > mostExamplesSeen {
        problem = "\(step.examplesSeen) samples seen after \(seen)"
      } else if !step.epoch.isFinite || step.epoch < epoch {
        problem = "epoch \(step.epoch) after \(epoch)"
      } else {
        problem = nil
      }
      if let problem { throw .invalid("its history has \(problem) at iteration \(index + 1)") }
      seen = step.examplesSeen
      epoch = step.epoch
    }
    for segment in history.segments
    where segment.firstIteration < 0 || segment.firstIteration > history.steps.count || segment.batchSize < 1 {
      throw .invalid("its history has a run starting at iteration \(segment.firstIteration) with batch \(segment.batchSize)")
    }
    for point in history.validation
    where !point.loss.isFinite || point.loss < 0 || !(0 ... 1).contains(point.accuracy) || point.iteration < 0
      || point.iteration > history.steps.count {
      throw .invalid("its history has a validation point of loss \(point.loss) and accuracy \(point.accuracy) "
        + "at iteration \(point.iteration)")
    }
    try check(health: history.health, iterations: history.steps.count, layers: layers)
  }

  /// Health measurements as training writes them: at growing iterations within the history,
  /// shares between 0 and 1, norms finite and not negative, one norm per layer and one share per hidden layer.
  static func check(health: [HealthPoint], iterations: Int, layers: Int) throws(ModelFileError) {
    var last = 0
    for point in health {
      let problem: String?
      if point.iteration <= last || point.iteration > iterations {
        problem = "a measurement at iteration \(point.iteration) after \(last) (of \(iterations))"
      } else if let share = point.inactive.first(where: { !(0 ... 1).contains($0) }) {
        problem = "an inactive share of \(share)"
      } else if let norm = point.gradientNorms.first(where: { !$0.isFinite || $0 < 0 }) {
        problem = "a gradient norm of \(norm)"
      } else if point.inactive.count != layers - 1 || point.gradientNorms.count != layers {
        problem = "\(point.gradientNorms.count) layers' measurements for \(layers) layers"
      } else {
        problem = nil
      }
      if let problem { throw .invalid("its health record has \(problem) at iteration \(point.iteration)") }
      last = point.iteration
    }
  }
}
