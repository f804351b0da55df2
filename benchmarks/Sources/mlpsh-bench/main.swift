import Foundation
import MLPCore
import MLPData
import MLPPlot

// mlpsh-bench FIGURE: measures one figure in this process and prints it as one JSON line.
// benchmarks/run calls it, interleaved with the numpy references, and builds the table.

// What OpenBLAS chose by itself, and what mlpsh would choose instead, before switching.
let defaultCore = BLAS.coreName
let recommendedCore = BLAS.recommendedCoreType()
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
  // The floors alone, for profiles: the products of an epoch on MNIST, cut as training cuts
  // them, then dense.
  emit(["figure": "floor"].merging(measureFloors(on: try loadMNIST().train.features)) { $1 })
case "load":
  let start = ContinuousClock.now
  let mnist = try loadMNIST()
  emit(["figure": "load", "seconds": (ContinuousClock.now - start).seconds,
        "samples": mnist.train.count + mnist.test.count])
case "epoch", "epoch-dense":
  // One epoch of the notebook's default run, timed with the data already in memory; the peak
  // memory covers loading and training together. An optional second argument sets the BLAS
  // threads for training (default 1); evaluation then runs as the shell runs it: one BLAS
  // thread, the rows split over every core. Then, in the same process, the floors: the same
  // products alone. `epoch-dense` trains with every product dense, for comparison.
  let mnist = try loadMNIST()
  BLAS.threadCount = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 1 : 1
  var model = MultilayerPerceptron(layerSizes: [784, 128, 64, 10], activation: .relu,
                                   learningRate: 0.01, seed: 0)
  let start = ContinuousClock.now
  try model.train(inputs: mnist.train.features, labels: mnist.train.labels,
                  options: TrainingOptions(batchSize: 64, skipsUnusedColumns: figure == "epoch"))
  let seconds = (ContinuousClock.now - start).seconds
  BLAS.threadCount = 1
  // Evaluation's figure is the median of five evaluations of the test set (the first
  // included), as steady a number as this shared machine gives. Each is followed by one with
  // the dense first-layer product, for comparison.
  let evaluations = try timeEvaluations(of: model, on: mnist.test, rounds: 5)
  let peak = peakMemoryMegabytes()  // before the floors' own buffers
  emit(["figure": figure, "seconds": seconds, "accuracy": evaluations.accuracy,
        "dense_evaluation_accuracy": evaluations.denseAccuracy,
        "evaluate_seconds": evaluations.seconds.sorted()[2], "first_evaluate_seconds": evaluations.seconds[0],
        "dense_evaluate_seconds": evaluations.denseSeconds.sorted()[2],
        "peak_mb": peak].merging(measureFloors(on: mnist.train.features)) { $1 })
case "epoch-health":
  // One epoch of the notebook's default run with health=true beside the same epoch without,
  // five of each alternating in this process (off first), with the data already in memory;
  // each figure is the median of its five, the ratio the median of the pairs' ratios.
  let mnist = try loadMNIST()
  var off: [Double] = [], on: [Double] = []
  for round in 0 ..< 10 {
    var model = MultilayerPerceptron(layerSizes: [784, 128, 64, 10], activation: .relu,
                                     learningRate: 0.01, seed: 0)
    let start = ContinuousClock.now
    try model.train(inputs: mnist.train.features, labels: mnist.train.labels,
                    options: TrainingOptions(batchSize: 64, recordsHealth: round % 2 == 1))
    let seconds = (ContinuousClock.now - start).seconds
    if round % 2 == 0 { off.append(seconds) } else { on.append(seconds) }
  }
  let ratios = zip(on, off).map { $0 / $1 }.sorted()
  emit(["figure": "epoch-health", "seconds": off.sorted()[2], "health_seconds": on.sorted()[2],
        "paired_ratio": ratios[2]])
case "plot":
  // The terminal figures a lesson draws, each at 100x30 in colour braille, timed as the mean
  // of 20 drawings; the figure reported is the slowest of them. The training chart is the
  // notebook's figure for one epoch at batch 16 (3750 iterations of loss and batch accuracy
  // on twin axes), the sweep overlays four runs' losses (batch 16 to 128).
  let slowest = PlotTimings.slowest()
  emit(["figure": "plot", "seconds": slowest.seconds, "slowest": slowest.name])
case "evaluate":
  // Evaluation alone, for profiles: the 10 000 test images through an untrained network
  // (the work does not depend on the weights), ROUNDS times (default 50).
  let mnist = try loadMNIST()
  let model = MultilayerPerceptron(layerSizes: [784, 128, 64, 10], activation: .relu, seed: 0)
  // Rounds alternate with evaluations through the dense first-layer product.
  let rounds = max(1, CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 50 : 50)
  let evaluations = try timeEvaluations(of: model, on: mnist.test, rounds: rounds)
  emit(["figure": "evaluate", "first_seconds": evaluations.seconds[0],
        "seconds": evaluations.seconds.sorted()[rounds / 2],
        "dense_seconds": evaluations.denseSeconds.sorted()[rounds / 2]])
case "verify-kernel":
  emit(["figure": "verify-kernel", "core": BLAS.coreName, "default_core": defaultCore,
        "recommended_core": recommendedCore ?? "", "worst_relative_error": worstProductError()])
case "epoch-synthetic":
  var generator = SeededGenerator(seed: 1)
  let inputs = Matrix(rows: 60000, columns: 784,
                      storage: (0 ..< 60000 * 784).map { _ in Float(generator.nextInt(below: 256)) })
  let labels = (0 ..< 60000).map { _ in generator.nextInt(below: 10) }
  var model = MultilayerPerceptron(layerSizes: [784, 128, 64, 10], activation: .relu, seed: 0)
  let start = ContinuousClock.now
  try model.train(inputs: inputs, labels: labels, options: TrainingOptions(batchSize: 64))
  emit(["figure": "epoch-synthetic", "seconds": (ContinuousClock.now - start).seconds])
case let name where name.hasPrefix("epoch-") && TrainingVariant(rawValue: String(name.dropFirst(6))) != nil:
  emit(try TrainingVariant(rawValue: String(name.dropFirst(6)))!.measure())
default:
  let variants = TrainingVariant.allCases.map { "epoch-\($0.rawValue)" }.joined(separator: "|")
  FileHandle.standardError.write(Data(("usage: mlpsh-bench floor|epoch [threads]|epoch-dense [threads]|epoch-health|"
    + "epoch-synthetic|\(variants)|evaluate [rounds]|load|plot|verify-kernel\n").utf8))
  exit(64)
}

/// The products of one epoch of 784-128-64-10 at batch 64 alone, on `features` (MNIST's
/// training images): `floor_seconds` as training makes them (the first layer on each batch's
/// used columns), `dense_floor_seconds` with every product dense.
func measureFloors(on features: Matrix) -> [String: Any] {
  let layerSizes = [784, 128, 64, 10]
  let (columns, gathered) = gatherUsedColumns(of: features, batchSize: 64)
  let cut = ProductFloor(layerSizes: layerSizes, batchSize: 64, firstLayerColumns: columns)
  let dense = ProductFloor(layerSizes: layerSizes, batchSize: 64, batches: columns.count)
  let cutSeconds = gathered.withUnsafeBufferPointer { cut.run(inputs: $0.baseAddress!) }
  let denseSeconds = features.storage.withUnsafeBufferPointer { dense.run(inputs: $0.baseAddress!) }
  return ["floor_seconds": cutSeconds, "floor_gflop": cut.flops / 1e9,
          "dense_floor_seconds": denseSeconds, "dense_floor_gflop": dense.flops / 1e9,
          "core": BLAS.coreName]
}

/// MNIST as `load mnist` finds and reads it (here: from `$MLPSH_DATA`, never downloading).
/// `rounds` evaluations of `model` on `test`, each followed by one through the dense
/// first-layer product: the seconds of each, and the last accuracy of each kind.
func timeEvaluations(of model: MultilayerPerceptron, on test: Dataset, rounds: Int) throws
  -> (seconds: [Double], denseSeconds: [Double], accuracy: Double, denseAccuracy: Double)
{
  var result: (seconds: [Double], denseSeconds: [Double], accuracy: Double, denseAccuracy: Double)
    = ([], [], 0, 0)
  for _ in 0 ..< rounds {
    for leavingOutZeros in [true, false] {
      let start = ContinuousClock.now
      let accuracy = try model.evaluate(inputs: test.features, labels: test.labels,
                                        leavingOutZeroInputs: leavingOutZeros).accuracy
      let elapsed = (ContinuousClock.now - start).seconds
      if leavingOutZeros {
        result.seconds.append(elapsed)
        result.accuracy = accuracy
      } else {
        result.denseSeconds.append(elapsed)
        result.denseAccuracy = accuracy
      }
    }
  }
  return result
}

func loadMNIST() throws -> (train: Dataset, test: Dataset) {
  let loaded = try DatasetCatalog(allowsDownload: false).load("mnist")
  guard let test = loaded.test else { fatalError("MNIST comes with a test set") }
  return (loaded.train, test)
}
