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
  /// Samples per forward pass when evaluating: large enough that the products run at full
  /// speed on every core, small enough that the buffers stay a few megabytes (2048 samples of
  /// 784-128-64-10 take 1.7 MB).
  static let evaluationChunk = 2048

  /// The class probabilities of each row of `inputs`.
  public func callAsFunction(_ inputs: Matrix) -> Matrix {
    inputs.checkShape()
    precondition(inputs.columns == inputSize,
                 "the model takes \(inputSize) inputs, the matrix has \(inputs.columns) columns")
    var result = Matrix(rows: inputs.rows, columns: classCount)
    forEachChunk(of: inputs) { start, count, probabilities in
      result.storage.withUnsafeMutableBufferPointer { out in
        (out.baseAddress! + start * classCount).update(from: probabilities, count: count * classCount)
      }
    }
    return result
  }

  /// The most probable class of each row of `inputs`.
  public func predict(_ inputs: Matrix) -> [Int] {
    inputs.checkShape()
    precondition(inputs.columns == inputSize,
                 "the model takes \(inputSize) inputs, the matrix has \(inputs.columns) columns")
    var predictions: [Int] = []
    predictions.reserveCapacity(inputs.rows)
    forEachChunk(of: inputs) { _, count, probabilities in
      for row in 0 ..< count {
        predictions.append(argmax(probabilities + row * classCount, count: classCount))
      }
    }
    return predictions
  }

  /// The loss, accuracy, confusion matrix and predictions on `inputs` and `labels`.
  public func evaluate(inputs: Matrix, labels: [Int]) throws(TrainingError) -> Evaluation {
    try validate(inputs: inputs, labels: labels)
    let loss = CrossEntropy(epsilon: epsilon)
    var lossSum = 0.0
    var confusion = Array(repeating: Array(repeating: 0, count: classCount), count: classCount)
    var predictions: [Int] = []
    predictions.reserveCapacity(inputs.rows)
    labels.withUnsafeBufferPointer { y in
      forEachChunk(of: inputs) { start, count, probabilities in
        for row in 0 ..< count {
          let p = probabilities + row * classCount
          let label = y[start + row]
          lossSum += loss.sampleLoss(probabilityOfLabel: p[label])
          let best = argmax(p, count: classCount)
          predictions.append(best)
          confusion[label][best] += 1
        }
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
    precondition((try? validate(inputs: inputs, labels: labels)) != nil,
                 "\(inputs.rows)x\(inputs.columns) inputs and \(labels.count) labels do not fit \(layerSizes)")
    let loss = CrossEntropy(epsilon: epsilon)
    var lossSum = 0.0
    labels.withUnsafeBufferPointer { y in
      forEachChunk(of: inputs) { start, count, probabilities in
        lossSum += crossEntropyPass(probabilities: probabilities, labels: y.baseAddress! + start,
                                    rows: count, columns: classCount, loss: loss,
                                    deltas: nil).lossSum
      }
    }
    return lossSum / Double(max(inputs.rows, 1))
  }

  /// Runs `inputs` forward in chunks, handing each chunk's probabilities to `body` with the
  /// index of its first row and its row count.
  private func forEachChunk(
    of inputs: Matrix, _ body: (Int, Int, UnsafePointer<Float>) -> Void
  ) {
    let chunk = min(Self.evaluationChunk, max(inputs.rows, 1))
    let workspace = Workspace(layerSizes: layerSizes, capacity: chunk)
    inputs.storage.withUnsafeBufferPointer { x in
      parameters.withUnsafeBufferPointer { theta in
        var start = 0
        while start < inputs.rows {
          let count = min(chunk, inputs.rows - start)
          forward(parameters: theta.baseAddress!, input: x.baseAddress! + start * inputSize,
                  count: count, workspace: workspace)
          body(start, count, workspace.activations[layers.count])
          start += count
        }
      }
    }
  }
}
