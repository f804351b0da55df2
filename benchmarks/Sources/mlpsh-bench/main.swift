import Foundation
import MLPCore
import MLPData

// mlpsh-bench FIGURE: measures one figure in this process and prints it as one JSON line.
// benchmarks/run calls it, interleaved with the numpy references, and builds the table.

BLAS.useRecommendedKernels()
BLAS.threadCount = 1
let figure = CommandLine.arguments.dropFirst().first ?? "help"

func emit(_ fields: [String: Any]) {
  let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
  print(String(decoding: data, as: UTF8.self))

}

/// The resident-set high-water mark of this process, in megabytes.
func peakMemoryMegabytes() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_maxrss) / 1024
}

switch figure {
case "floor":
  let floor = ProductFloor(layerSizes: [784, 128, 64, 10], batchSize: 64, batches: 60000 / 64)
  let seconds = floor.run()
  emit(["figure": "floor", "seconds": seconds, "gflop": floor.flops / 1e9, "core": BLAS.coreName])
case "load":
  let start = ContinuousClock.now
  let mnist = try loadMNIST()
  emit(["figure": "load", "seconds": (ContinuousClock.now - start).seconds,
        "samples": mnist.train.count + mnist.test.count])
case "epoch":
  // One epoch of the notebook's default run, timed with the data already in memory; the peak
  // memory covers loading and training together.
  let mnist = try loadMNIST()
  var model = MultilayerPerceptron(layerSizes: [784, 128, 64, 10], activation: .relu,
                                   learningRate: 0.01, seed: 0)
  let start = ContinuousClock.now
  try model.train(inputs: mnist.train.features, labels: mnist.train.labels,
                  options: TrainingOptions(batchSize: 64))
  let seconds = (ContinuousClock.now - start).seconds
  let evaluationStart = ContinuousClock.now
  let evaluation = try model.evaluate(inputs: mnist.test.features, labels: mnist.test.labels)
  emit(["figure": "epoch", "seconds": seconds, "accuracy": evaluation.accuracy,
        "evaluate_seconds": (ContinuousClock.now - evaluationStart).seconds,
        "peak_mb": peakMemoryMegabytes()])
case "verify-kernel":
  emit(["figure": "verify-kernel", "core": BLAS.coreName, "worst_relative_error": worstProductError()])
case "epoch-synthetic":
  var generator = SeededGenerator(seed: 1)
  let inputs = Matrix(rows: 60000, columns: 784,
                      storage: (0 ..< 60000 * 784).map { _ in Float(generator.nextInt(below: 256)) })
  let labels = (0 ..< 60000).map { _ in generator.nextInt(below: 10) }
  var model = MultilayerPerceptron(layerSizes: [784, 128, 64, 10], activation: .relu, seed: 0)
  let start = ContinuousClock.now
  try model.train(inputs: inputs, labels: labels, options: TrainingOptions(batchSize: 64))
  emit(["figure": "epoch-synthetic", "seconds": (ContinuousClock.now - start).seconds])
default:
  FileHandle.standardError.write(Data("usage: mlpsh-bench floor|epoch|epoch-synthetic|load|verify-kernel\n".utf8))
  exit(64)
}

/// MNIST as `load mnist` finds and reads it (here: from `$MLPSH_DATA`, never downloading).
func loadMNIST() throws -> (train: Dataset, test: Dataset) {
  let loaded = try DatasetCatalog(allowsDownload: false).load("mnist")
  guard let test = loaded.test else { fatalError("MNIST comes with a test set") }
  return (loaded.train, test)
}
