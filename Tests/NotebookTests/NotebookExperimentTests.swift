import MLPCore
import MLPData
import XCTest

/// The seed notebook's MLP experiments on full MNIST, at its defaults: raw 0–255 pixels, its
/// initialisation, no shuffling, one epoch. The expected test accuracies were measured with
/// the notebook's own code (`benchmarks/reference_numpy.py notebook-all`, and several seeds,
/// in the issue that asked for these tests); ours must land within ±0.03 of each, as a mean
/// over three of our seeds.
final class NotebookExperimentTests: XCTestCase {
  struct Experiment {
    var name: String
    var batchSize = 64
    var learningRate: Float = 0.01
    var expectedAccuracy: Double
  }

  static let experiments = [
    Experiment(name: "batch 64, lr 0.01", expectedAccuracy: 0.92),
    Experiment(name: "batch 16", batchSize: 16, expectedAccuracy: 0.94),
    Experiment(name: "batch 32", batchSize: 32, expectedAccuracy: 0.95),
    Experiment(name: "batch 128", batchSize: 128, expectedAccuracy: 0.945),
    Experiment(name: "lr 0.001", learningRate: 0.001, expectedAccuracy: 0.91),
    Experiment(name: "lr 0.0001", learningRate: 0.0001, expectedAccuracy: 0.80),
    // Dead ReLUs: the network collapses onto one class.
    Experiment(name: "lr 0.1", learningRate: 0.1, expectedAccuracy: 0.10),
  ]

  func testReLURunsLandWhereTheNotebooksDid() throws {
    let mnist = try MNISTFixture.load()
    let seeds: [UInt64] = [0, 1, 2]
    let jobs = Self.experiments.indices.flatMap { e in seeds.map { (e, $0) } }
    let accuracies = ParallelRuns.map(jobs.map { [$0.0, Int($0.1)] }) { job -> Double in
      let experiment = Self.experiments[job[0]]
      var model = MultilayerPerceptron(layerSizes: [784, 128, 64, 10], activation: .relu,
                                       learningRate: experiment.learningRate, seed: UInt64(job[1]))
      do {
        try model.train(inputs: mnist.train.features, labels: mnist.train.labels,
                        options: TrainingOptions(batchSize: experiment.batchSize))
        return try model.evaluate(inputs: mnist.test.features, labels: mnist.test.labels).accuracy
      } catch {
        return -1
      }
    }
    for (index, experiment) in Self.experiments.enumerated() {
      let runs = accuracies[index * seeds.count ..< (index + 1) * seeds.count]
      let mean = runs.reduce(0, +) / Double(seeds.count)
      print("notebook experiment \(experiment.name): test accuracy \(runs.map { String(format: "%.4f", $0) }) mean \(String(format: "%.4f", mean))")
      XCTAssertEqual(mean, experiment.expectedAccuracy, accuracy: 0.03, experiment.name)
    }
  }

  /// What the notebook missed: inputs scaled to [0, 1], He initialisation, shuffling and a
  /// larger learning rate reach 97% in five epochs.
  func testScaledHeShuffledReaches97PercentInFiveEpochs() throws {
    let mnist = try MNISTFixture.load()
    let train = mnist.train.scaledToUnitRange()
    let test = mnist.test.scaledToUnitRange()
    var model = MultilayerPerceptron(layerSizes: [784, 128, 64, 10], activation: .relu,
                                     learningRate: 0.1, initializer: .he, seed: 0)
    try model.train(inputs: train.features, labels: train.labels,
                    options: TrainingOptions(batchSize: 64, epochs: 5, shuffle: true, seed: 0))
    let evaluation = try model.evaluate(inputs: test.features, labels: test.labels)
    print("scaled, he, shuffled, lr 0.1, 5 epochs: test accuracy \(evaluation.accuracy)")
    XCTAssertGreaterThanOrEqual(evaluation.accuracy, 0.97)
  }

  /// The same seed gives a bit-identical run on real data.
  func testSameSeedIsBitIdenticalOnMNIST() throws {
    let mnist = try MNISTFixture.load()
    let subset = mnist.train.prefix(6400)
    func run() throws -> MultilayerPerceptron {
      var model = MultilayerPerceptron(layerSizes: [784, 128, 64, 10], seed: 5)
      try model.train(inputs: subset.features, labels: subset.labels,
                      options: TrainingOptions(shuffle: true, seed: 3))
      return model
    }
    XCTAssertEqual(try run(), try run())
  }
}
