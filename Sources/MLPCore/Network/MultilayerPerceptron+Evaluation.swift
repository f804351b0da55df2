import Dispatch

/// How a model does on a labelled data set.
public struct Evaluation: Sendable, Equatable {
  /// The mean clipped cross-entropy.
  public var loss: Double
  /// The fraction of samples whose most probable class is the true one.
  public var accuracy: Double
  /// `confusion[t][p]` counts samples of true class `t` predicted as `p`.
  public var confusion: [[Int]]
  /// The predicted class of every sample, in order.
  public var predictions: [Int]

  /// The number of samples evaluated.
  public var count: Int { predictions.count }
}

extension MultilayerPerceptron {
  /// Samples per forward pass when evaluating: enough that the products run at full speed,
  /// few enough that the buffers stay small (512 samples of 784-128-64-10 take 0.4 MB) and
  /// that 10 000 test images make 20 chunks to share among the cores.
  static let evaluationChunk = 512

  /// The class probabilities of each row of `inputs`.
  public func callAsFunction(_ inputs: Matrix) -> Matrix {
    inputs.checkShape()
    precondition(inputs.columns == inputSize,
                 "the model takes \(inputSize) inputs, the matrix has \(inputs.columns) columns")
    return Matrix(rows: inputs.rows, columns: classCount, storage: probabilities(of: inputs))
  }

  /// The most probable class of each row of `inputs`.
  public func predict(_ inputs: Matrix) -> [Int] {
    inputs.checkShape()
    precondition(inputs.columns == inputSize,
                 "the model takes \(inputSize) inputs, the matrix has \(inputs.columns) columns")
    let probabilities = probabilities(of: inputs)
    return probabilities.withUnsafeBufferPointer { p in
      (0 ..< inputs.rows).map { argmax(p.baseAddress! + $0 * classCount, count: classCount) }
    }
  }

  /// The loss, accuracy, confusion matrix and predictions on `inputs` and `labels`.
  ///
  /// With `leavingOutZeroInputs` (the default), inputs that are mostly zeros go through the
  /// first layer with their zeros left out where that pays (`SparseFirstLayer`); the numbers
  /// differ from the dense product's only in the order of the sums. (The benchmark turns it
  /// off for comparison.)
  public func evaluate(
    inputs: Matrix, labels: [Int], leavingOutZeroInputs: Bool = true
  ) throws(TrainingError) -> Evaluation {
    try validate(inputs: inputs, labels: labels)
    let loss = CrossEntropy(epsilon: epsilon)
    var lossSum = 0.0
    var confusion = Array(repeating: Array(repeating: 0, count: classCount), count: classCount)
    var predictions: [Int] = []
    predictions.reserveCapacity(inputs.rows)
    let probabilities = probabilities(of: inputs, leavesOutZeros: leavingOutZeroInputs)
    probabilities.withUnsafeBufferPointer { all in
      for (row, label) in labels.enumerated() {
        let p = all.baseAddress! + row * classCount
        lossSum += loss.sampleLoss(probabilityOfLabel: p[label])
        let best = argmax(p, count: classCount)
        predictions.append(best)
        confusion[label][best] += 1
      }
    }
    let correct = (0 ..< classCount).reduce(0) { $0 + confusion[$1][$1] }
    let count = max(inputs.rows, 1)
    return Evaluation(loss: lossSum / Double(count), accuracy: Double(correct) / Double(count),
                      confusion: confusion, predictions: predictions)
  }

  /// The mean clipped cross-entropy on `inputs` and `labels`, summed in double precision
  /// (the gradient checker differences it).
  public func loss(inputs: Matrix, labels: [Int]) -> Double {
    // A programmer error here: callers validate first, so only whether it throws matters.
    precondition((try? validate(inputs: inputs, labels: labels)) != nil,
                 "\(inputs.rows)x\(inputs.columns) inputs and \(labels.count) labels do not fit \(layerSizes)")
    let loss = CrossEntropy(epsilon: epsilon)
    let probabilities = probabilities(of: inputs)
    let lossSum = probabilities.withUnsafeBufferPointer { p in
      labels.withUnsafeBufferPointer { y in
        crossEntropyPass(probabilities: p.baseAddress!, labels: y.baseAddress!,
                         rows: inputs.rows, columns: classCount, loss: loss, deltas: nil).lossSum
      }
    }
    return lossSum / Double(max(inputs.rows, 1))
  }

  /// The class probabilities of every row of `inputs`, row-major (`rows x classCount`).
  ///
  /// The rows are cut into chunks of `evaluationChunk` at fixed places, and the cores take
  /// the next chunk as they finish one, each with its own buffers and one BLAS thread, as a
  /// sweep's runs do. A chunk's products do not depend on which core runs it, so neither
  /// does the result (BLAS may round a row differently in a product of another height, hence
  /// fixed chunks). It stays on the calling thread for one chunk, inside a sweep's run (the
  /// cores are taken), and when someone gave OpenBLAS threads of its own (two threads
  /// calling its pool at once can deadlock).
  /// Inputs that are mostly zeros (raw pixels) go through the first layer with their zeros
  /// left out (`SparseFirstLayer`), where this CPU runs that loop.
  /// `leavesOutZeros: false` keeps the dense product (`evaluate`'s switch, for the benchmark).
  /// (`cores` is for the tests: the split on any number of cores, on any machine.)
  func probabilities(of inputs: Matrix, cores: Int? = nil, leavesOutZeros: Bool = true) -> [Float] {
    let rows = inputs.rows
    let classes = classCount
    let chunkCount = (rows + Self.evaluationChunk - 1) / Self.evaluationChunk
    let cores = cores ?? (ParallelRuns.isRunningAJob || BLAS.threadCount != 1 ? 1 : ParallelRuns.coreCount)
    let workers = max(1, min(cores, chunkCount))
    let nextChunk = JobCounter()
    return [Float](unsafeUninitializedCapacity: rows * classes) { result, initialized in
      let output = SharedPointer(result.baseAddress)
      inputs.storage.withUnsafeBufferPointer { x in
        parameters.withUnsafeBufferPointer { theta in
          let sparse = leavesOutZeros
            ? SparseFirstLayer.make(for: self, parameters: theta.baseAddress!, inputs: inputs) : nil
          let input = SharedPointer(x.baseAddress)
          let weights = SharedPointer(theta.baseAddress)
          let runChunks: @Sendable (Int) -> Void = { _ in
            guard let x = input.pointer, let theta = weights.pointer, let out = output.pointer else { return }
            let capacity = min(Self.evaluationChunk, rows)
            let workspace = Workspace(layerSizes: layerSizes, capacity: capacity)
            while let chunk = nextChunk.take(below: chunkCount) {
              let start = chunk * Self.evaluationChunk
              let count = min(Self.evaluationChunk, rows - start)
              forward(parameters: theta, input: x + start * inputSize, count: count,
                      workspace: workspace, firstLayer: sparse.map(FirstLayerShortcut.sparseRows) ?? .dense)
              (out + start * classes).update(from: workspace.activations[layers.count], count: count * classes)
            }
          }
          if workers == 1 {
            runChunks(0)
          } else {
            DispatchQueue.concurrentPerform(iterations: workers, execute: runChunks)
          }
        }
      }
      initialized = rows * classes
    }
  }
}
