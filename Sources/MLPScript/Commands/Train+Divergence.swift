import Foundation
import MLPCore

/// What the shell says when a run goes wrong: the loss became NaN or infinite (the core
/// stopped and kept the last finite weights), or stayed far above what guessing scores.
///
/// Guessing uniformly among C classes scores a cross-entropy of ln C (2.303 for ten digits).
/// A run whose last iterations average more than 2·ln C + 1 has not learnt, it has blown
/// up: the logits grew so large that the softmax is confidently wrong, and the loss sits
/// near its clipping ceiling −ln ε (13.8 with ε = 10⁻⁶) instead of becoming NaN. The two
/// usual causes are named with numbers: inputs far from [−1, 1] (raw pixels, 0 to 255) and
/// a learning rate above 0.5.
struct Divergence {
  /// The iteration of the run (from 1) where it went wrong: the first non-finite loss, or
  /// the start of the final stretch above the ceiling.
  var iteration: Int
  /// The first line, after "warning: ".
  var headline: String
  /// The lines after it: what the model kept, then the likely causes.
  var details: [String]

  /// Inputs whose largest magnitude is above this are "not scaled".
  static let unscaledMagnitude: Float = 10
  /// Learning rates above this are "high" for plain SGD.
  static let highLearningRate = 0.5

  /// The threshold above which a run's recent mean loss counts as blown up.
  static func ceiling(classes: Int) -> Double { 2 * log(Double(max(classes, 2))) + 1 }

  /// The warning for a run that ended non-finite at `iteration` (1-based, of `total`).
  static func nonFinite(
    iteration: Int, of total: Int, loss: Double, rolledBackTo: Int?, model: String, causes: [String]
  ) -> Divergence {
    let kept = rolledBackTo.map { "the weights from before iteration \($0)" } ?? "its last finite weights"
    return Divergence(
      iteration: iteration,
      headline: "training diverged at iteration \(iteration) of \(total): the loss became \(format(loss))",
      details: ["\(model) keeps \(kept)"] + causes)
  }

  /// The warning for a run whose last iterations average above `ceiling`, or `nil`.
  ///
  /// - Parameter losses: the losses of this run's iterations, in order.
  static func blownUp(losses: [Float], classes: Int, causes: [String]) -> Divergence? {
    let recent = losses.suffix(100)
    guard !recent.isEmpty else { return nil }
    let mean = recent.reduce(0.0) { $0 + Double($1) } / Double(recent.count)
    let ceiling = ceiling(classes: classes)
    guard mean > ceiling, let last = losses.last, Double(last) > ceiling else { return nil }
    let from = (losses.lastIndex { Double($0) <= ceiling } ?? -1) + 2
    let chance = log(Double(max(classes, 2)))
    return Divergence(
      iteration: from,
      headline: "training diverged: from iteration \(from) of \(losses.count) the loss stayed above "
        + "\(fixed(ceiling, 3)) and ended at \(fixed(Double(last), 3)) (guessing among \(classes) classes scores "
        + "\(fixed(chance, 3)))",
      details: causes)
  }

  /// The likely causes, each "likely cause: …" with the fix: unscaled inputs (with their
  /// range) and a high learning rate; a smaller rate when neither stands out.
  static func causes(features: Matrix, data: String, learningRate: Double) -> [String] {
    var lowest = Float.infinity, highest = -Float.infinity
    for value in features.storage where value.isFinite {
      lowest = min(lowest, value)
      highest = max(highest, value)
    }
    var causes: [String] = []
    if max(abs(lowest), abs(highest)) > unscaledMagnitude {
      causes.append("likely cause: the inputs are not scaled ('\(data)' ranges from \(format(Double(lowest))) to "
        + "\(format(Double(highest)))); 'scale \(data)' maps them to [0, 1]")
    }
    // A tenth of the rate, but never above 0.1, a rate that trains these networks on scaled
    // inputs: lr=1000 gets "try lr=0.1", not "lr=100", which diverges as well.
    let smaller = format(min(learningRate / 10, 0.1))
    if learningRate > highLearningRate {
      causes.append("likely cause: the learning rate \(format(learningRate)) is high for gradient descent; "
        + "try lr=\(smaller) or smaller")
    } else if causes.isEmpty {
      causes.append("likely cause: the learning rate \(format(learningRate)) is too high for this network "
        + "and data; try lr=\(smaller)")
    }
    return causes
  }

  /// The lines as `train` prints them.
  var lines: [String] { ["warning: " + headline] + details.map { "  " + $0 } }
}
