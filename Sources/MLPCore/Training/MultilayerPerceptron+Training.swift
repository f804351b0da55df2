extension MultilayerPerceptron {
  /// Checks that `inputs` and `labels` fit this model, as `train` and `evaluate` need.
  public func validate(inputs: Matrix, labels: [Int]) throws(TrainingError) {
    inputs.checkShape()
    precondition(parameters.count == layers.last!.end,
                 "\(parameters.count) parameters for layers \(layerSizes), expected \(layers.last!.end)")
    guard inputs.columns == inputSize else {
      throw .featureCountMismatch(model: inputSize, data: inputs.columns)
    }
    guard inputs.rows == labels.count else {
      throw .labelCountMismatch(samples: inputs.rows, labels: labels.count)
    }
    if let bad = labels.first(where: { $0 < 0 || $0 >= classCount }) {
      throw .labelOutOfRange(label: bad, classCount: classCount)
    }
  }

  /// Trains by mini-batch stochastic gradient descent.
  ///
  /// Each iteration takes the next `batchSize` samples (in order, or in a per-epoch shuffled
  /// order), runs them forward, records the batch's loss and accuracy, and takes one step
  /// ```
  /// θ ← θ - η ∇θ L
  /// ```
  /// The loop allocates nothing: its buffers are sized once, for the batch size.
  ///
  /// - Parameters:
  ///   - progress: called after every iteration.
  ///   - shouldStop: asked before every iteration; `true` ends the run, keeping what was
  ///     learnt (Ctrl-C in the shell).
  /// - Throws: `TrainingError` when the data does not fit the model or an option is out of range.
  @discardableResult
  public mutating func train(
    inputs: Matrix, labels: [Int], options: TrainingOptions = TrainingOptions(),
    progress: ((TrainingProgress) -> Void)? = nil, shouldStop: (() -> Bool)? = nil
  ) throws(TrainingError) -> TrainingReport {
    try validate(inputs: inputs, labels: labels)
    let batchSize = options.batchSize
    guard batchSize >= 1 else { throw .notPositive(option: "batch", value: batchSize) }
    guard batchSize <= inputs.rows else {
      throw .batchTooLarge(batchSize: batchSize, samples: inputs.rows)
    }
    if let iterations = options.iterations {
      guard iterations >= 1 else { throw .notPositive(option: "iterations", value: iterations) }
    } else {
      guard options.epochs >= 1 else { throw .notPositive(option: "epochs", value: options.epochs) }
    }
    let batchesPerEpoch = inputs.rows / batchSize
    let (product, overflow) = options.epochs.multipliedReportingOverflow(by: batchesPerEpoch)
    let total = options.iterations ?? (overflow ? .max : product)

    // Work on moved-out copies, so the loop's pointers do not overlap access to `self`.
    var theta: [Float] = []
    swap(&theta, &parameters)
    var steps: [TrainingStep] = []
    swap(&steps, &history.steps)
    defer {
      swap(&theta, &parameters)
      swap(&steps, &history.steps)
    }
    // Room for the run, up to a bound: a huge run that Ctrl-C will stop must not reserve
    // memory for iterations it never makes.
    steps.reserveCapacity(steps.count + min(total, 1 << 16))
    let examplesBefore = steps.last?.examplesSeen ?? 0
    let epochsBefore = steps.last?.epoch ?? 0

    let workspace = Workspace(layerSizes: layerSizes, capacity: batchSize)
    let activeColumns = ActiveColumns(features: inputSize, outputs: layers[0].outputSize,
                                      capacity: batchSize)
    var skipsUnusedColumns = options.skipsUnusedColumns
    let rollback = RollbackPoint(copying: theta)
    // Mixing in the iterations already trained gives a later `train` call its own orders,
    // as if one longer run went on; the first call keeps the seed's own order.
    var generator = SeededGenerator(seed: options.seed &+ UInt64(steps.count) &* 0x9E37_79B9_7F4A_7C15)
    var order = options.shuffle ? generator.permutation(of: inputs.rows) : []
    let loss = CrossEntropy(epsilon: epsilon)
    let learningRate = options.learningRate ?? self.learningRate
    let last = layers.count
    let features = inputs.columns
    var report = TrainingReport(iterations: 0, outcome: .completed, lastStep: nil)

    inputs.storage.withUnsafeBufferPointer { x in
      labels.withUnsafeBufferPointer { y in
        theta.withUnsafeMutableBufferPointer { thetaBuffer in
          let parameters = thetaBuffer.baseAddress!
          let firstLayerWeights = parameters + layers[0].weightOffset
          // However the run ends, the weights leave in their natural order.
          defer { if skipsUnusedColumns { activeColumns.restoreNaturalOrder(firstLayerWeights) } }
          for iteration in 0 ..< total {
            if shouldStop?() == true {
              report.outcome = .interrupted
              break
            }
            let batchIndex = iteration % batchesPerEpoch
            if options.shuffle && batchIndex == 0 && iteration > 0 { generator.shuffle(&order) }
            let start = batchIndex * batchSize
            let input: UnsafePointer<Float>
            let batchLabels: UnsafePointer<Int>
            if options.shuffle {
              for row in 0 ..< batchSize {
                let sample = order[start + row]
                (workspace.activations[0] + row * features)
                  .update(from: x.baseAddress! + sample * features, count: features)
                workspace.labels[row] = y[sample]
              }
              input = UnsafePointer(workspace.activations[0])
              batchLabels = UnsafePointer(workspace.labels)
            } else {
              input = x.baseAddress! + start * features
              batchLabels = y.baseAddress! + start
            }

            // The first batch decides whether the run leaves out the columns a batch does
            // not use; the rows of the first layer's weights are then kept permuted.
            if iteration == 0 {
              skipsUnusedColumns = skipsUnusedColumns && activeColumns.pays(for: input, rows: batchSize)
            }
            let active = skipsUnusedColumns ? activeColumns : nil
            report.leftOutUnusedColumns = active != nil
            let leftOutRowsAreFinite = active?.arrange(for: input, rows: batchSize,
                                                       weights: firstLayerWeights) ?? true
            forward(parameters: parameters, input: input, count: batchSize, workspace: workspace,
                    active: active)
            let pass = crossEntropyPass(
              probabilities: workspace.activations[last], labels: batchLabels, rows: batchSize,
              columns: classCount, loss: loss, deltas: workspace.deltas[last])
            // A weight that is not finite makes the dense products' loss NaN, used or not.
            let batchLoss = leftOutRowsAreFinite ? pass.lossSum / Double(batchSize) : .nan
            guard batchLoss.isFinite else {
              let restored = rollback.restore(thetaBuffer, active: active)
              report.outcome = .diverged(iteration: iteration + 1, loss: batchLoss,
                                         rolledBackTo: restored)
              break
            }
            rollback.saveIfDue(iteration: iteration, thetaBuffer, active: active,
                               firstLayerWeights: layers[0].weightOffset)
            backward(parameters: parameters, input: input, count: batchSize, workspace: workspace,
                     target: .descend(parameters: parameters, learningRate: learningRate),
                     active: active)

            let step = TrainingStep(
              loss: Float(batchLoss), accuracy: Float(pass.correct) / Float(batchSize),
              examplesSeen: examplesBefore + (iteration + 1) * batchSize,
              epoch: epochsBefore + Double(iteration + 1) / Double(batchesPerEpoch))
            steps.append(step)
            report.iterations = iteration + 1
            report.lastStep = step
            progress?(TrainingProgress(iteration: iteration + 1, totalIterations: total, step: step))
          }
        }
      }
    }
    return report
  }
}

/// A copy of the parameters taken every few iterations, so that a run whose loss stops being
/// finite can go back to parameters known to give a finite loss. (The newest ones may be
/// finite yet so large that the activations overflow.) Copying every iteration would cost a
/// tenth of a step; every `interval` iterations it costs nothing measurable.
private final class RollbackPoint {
  let interval = 32
  private let saved: UnsafeMutableBufferPointer<Float>
  private(set) var iteration = 0

  init(copying parameters: [Float]) {
    saved = .allocate(capacity: parameters.count)
    _ = saved.initialize(from: parameters)
  }

  deinit { saved.deallocate() }

  /// Copies `parameters` when `iteration` is a multiple of the interval. Called only after
  /// the iteration's forward pass gave a finite loss, so what is saved is finite. With
  /// `active`, the first layer's weights (at offset `firstLayerWeights`) are permuted; the
  /// copy keeps them in their natural order.
  func saveIfDue(iteration: Int, _ parameters: UnsafeMutableBufferPointer<Float>,
                 active: ActiveColumns?, firstLayerWeights: Int) {
    guard iteration % interval == 0 else { return }
    _ = saved.update(fromContentsOf: parameters)
    active?.copyInNaturalOrder(parameters.baseAddress! + firstLayerWeights,
                               to: saved.baseAddress! + firstLayerWeights)
    self.iteration = iteration
  }

  /// Puts back the saved copy and says which iteration it came from (1-based: the
  /// parameters as they were before that iteration's step). The first layer's weights come
  /// back in their natural order, which `active` is told.
  func restore(_ parameters: UnsafeMutableBufferPointer<Float>, active: ActiveColumns?) -> Int {
    _ = parameters.update(fromContentsOf: saved)
    active?.forgetOrder()
    return iteration + 1
  }
}
