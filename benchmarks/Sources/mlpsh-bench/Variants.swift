import Foundation
import MLPCore
import MLPData

/// The training variants of issue 14, each one MNIST epoch of 784-128-64-10 at batch 64,
/// shuffled, on inputs scaled to [0, 1] (raw pixels make Adam diverge), timed with the data
/// in memory: `sgd` (the pair of every other), `momentum` (μ 0.9), `adam` (lr 0.001),
/// `dropout` (p 0.2, sgd) and `validated` (sgd, then the 10 000 test images measured at the
/// epoch's end as `train validate=` does: `validation_seconds`, apart from `seconds`).
enum TrainingVariant: String, CaseIterable {
  case sgd, momentum, adam, dropout, validated

  func measure() throws -> [String: Any] {
    let loaded = try DatasetCatalog(allowsDownload: false).load("mnist").scaledToUnitRange()
    guard let test = loaded.test else { fatalError("MNIST comes with a test set") }
    var model = MultilayerPerceptron(layerSizes: [784, 128, 64, 10], activation: .relu,
                                     learningRate: 0.01, seed: 0)
    var options = TrainingOptions(batchSize: 64, shuffle: true, seed: 1)
    switch self {
    case .sgd, .validated: break
    case .momentum: options.optimizer = Optimizer(.momentum, momentum: 0.9)
    case .adam:
      options.optimizer = Optimizer(.adam)
      options.learningRate = 0.001
    case .dropout: options.dropout = 0.2
    }
    var validationSeconds = 0.0
    var validationAccuracy = 0.0
    let checkpoint: ((TrainingCheckpoint) -> Bool)? = self != .validated ? nil : { checkpoint in
      let start = ContinuousClock.now
      validationAccuracy = (try? checkpoint.model.evaluate(inputs: test.features, labels: test.labels).accuracy) ?? 0
      validationSeconds += (ContinuousClock.now - start).seconds
      return true
    }
    let start = ContinuousClock.now
    let report = try model.train(inputs: loaded.train.features, labels: loaded.train.labels, options: options,
                                 atCheckpoint: checkpoint)
    let seconds = (ContinuousClock.now - start).seconds - validationSeconds
    let accuracy = try model.evaluate(inputs: test.features, labels: test.labels).accuracy
    var figures: [String: Any] = [
      "figure": "epoch-\(rawValue)", "seconds": seconds, "iterations": report.iterations,
      "accuracy": accuracy, "validation_seconds": validationSeconds, "validation_accuracy": validationAccuracy,
    ]
    if self == .momentum || self == .adam {
      figures["pass_seconds"] = passes(parameters: model.parameterCount, steps: report.iterations)
    }
    return figures
  }

  /// The floor of the rule's extra cost over plain SGD: its per-parameter pass alone (the
  /// loop the training step calls), once per iteration of the epoch over as many parameters,
  /// on buffers of their own. Momentum's (`θ ← θ − η·v`, after the products made `v`) reads
  /// two arrays and writes one: 12 bytes a parameter; Adam's reads the parameters, the
  /// gradient and both moments and writes three back: 28 bytes. At 109 386 parameters they
  /// come from beyond the L2 cache.
  func passes(parameters count: Int, steps: Int) -> Double {
    let buffers = (0 ..< 4).map { index in
      let buffer = UnsafeMutablePointer<Float>.allocate(capacity: count)
      buffer.initialize(repeating: 0.001 * Float(index + 1), count: count)
      return buffer
    }
    defer { buffers.forEach { $0.deallocate() } }
    let start = ContinuousClock.now
    for _ in 0 ..< steps {
      if self == .adam {
        ParameterUpdates.adam(buffers[0], buffers[1], buffers[2], buffers[3], β1: 0.9, β2: 0.999, ε: 1e-8,
                              stepSize: 0.001, rootCorrection: 1, count: count)
      } else {
        ParameterUpdates.momentum(buffers[0], velocity: buffers[1], λ: 0, η: 0.01, count: count)
      }
    }
    return (ContinuousClock.now - start).seconds
  }
}
