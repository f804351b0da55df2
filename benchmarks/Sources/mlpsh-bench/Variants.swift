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
    return ["figure": "epoch-\(rawValue)", "seconds": seconds, "iterations": report.iterations,
            "accuracy": accuracy, "validation_seconds": validationSeconds,
            "validation_accuracy": validationAccuracy]
  }
}
