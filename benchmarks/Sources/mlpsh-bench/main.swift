import Foundation
import MLPCore

// mlpsh-bench FIGURE: measures one figure in this process and prints it as one JSON line.
// benchmarks/run calls it, interleaved with the numpy references, and builds the table.

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
  emit(["figure": "floor", "seconds": seconds, "gflop": floor.flops / 1e9])
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
  FileHandle.standardError.write(Data("usage: mlpsh-bench floor|epoch|epoch-synthetic|load\n".utf8))
  exit(64)
}
