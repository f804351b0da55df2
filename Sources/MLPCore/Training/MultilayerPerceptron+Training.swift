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

  /// Trains by mini-batch gradient descent. Each iteration takes the next `batchSize`
  /// samples (in order, or in a per-epoch shuffled order), runs them forward, records the
  /// batch's loss and accuracy, backpropagates, and lets the optimizer step:
  /// ```
  /// θ ← θ − η ∇θ L        (plain SGD; momentum and Adam in `Optimizer`)
  /// ```
  /// The passes allocate nothing: their buffers are sized once, for the batch size.
  ///
  /// - Parameters:
  ///   - progress: called after every iteration.
  ///   - shouldStop: asked before every iteration; `true` ends the run, keeping what was
  ///     learnt (Ctrl-C in the shell).
  ///   - atCheckpoint: called at every checkpoint (`options.checkpointEvery`, or each
  ///     epoch's end) with the model as it is; `false` ends the run there (early stopping).
  /// - Throws: `TrainingError` when the data does not fit the model or an option is out of range.
  @discardableResult
  public mutating func train(
    inputs: Matrix, labels: [Int], options: TrainingOptions = TrainingOptions(),
    progress: ((TrainingProgress) -> Void)? = nil, shouldStop: (() -> Bool)? = nil,
    atCheckpoint: ((TrainingCheckpoint) -> Bool)? = nil
  ) throws(TrainingError) -> TrainingReport {
    try validate(inputs: inputs, labels: labels)
    let plan = try TrainingPlan(options: options, samples: inputs.rows)
    guard options.healthInterval >= 1 else {
      throw .notPositive(option: "health interval", value: options.healthInterval)
    }
    let optimizer = options.optimizer ?? self.optimizer
    history.segments.append(TrainingSegment(
      firstIteration: history.steps.count, batchSize: plan.batchSize,
      learningRate: options.learningRate ?? learningRate, optimizer: optimizer.description,
      schedule: options.schedule.description))
    // Room for the run, up to a bound: a huge run that Ctrl-C will stop must not reserve
    // memory for iterations it never makes.
    history.steps.reserveCapacity(history.steps.count + min(plan.totalIterations, 1 << 16))
    let examplesBefore = history.steps.last?.examplesSeen ?? 0
    let epochsBefore = history.steps.last?.epoch ?? 0
    var report = TrainingReport(iterations: 0, outcome: .completed, lastStep: nil)

    inputs.storage.withUnsafeBufferPointer { x in
      labels.withUnsafeBufferPointer { y in
        let loop = TrainingLoop(model: self, inputs: x.baseAddress!, labels: y.baseAddress!,
                                samples: inputs.rows, options: options, plan: plan)
        defer {
          loop.finish(into: &self)
          report.leftOutUnusedColumns = loop.leavesOutUnusedColumns
        }
        for iteration in 0 ..< plan.totalIterations {
          if shouldStop?() == true {
            report.outcome = .interrupted
            break
          }
          let (loss, correct): (Double, Int)
          switch loop.step(iteration) {
          case let .stepped(stepLoss, stepCorrect):
            (loss, correct) = (stepLoss, stepCorrect)
          case let .diverged(stepLoss, rolledBackTo):
            report.outcome = .diverged(iteration: iteration + 1, loss: stepLoss, rolledBackTo: rolledBackTo)
            return
          }
          let rate = loop.learningRate(at: iteration)
          let step = TrainingStep(
            loss: Float(loss), accuracy: Float(correct) / Float(plan.batchSize),
            examplesSeen: examplesBefore + (iteration + 1) * plan.batchSize,
            epoch: epochsBefore + Double(iteration + 1) / Double(plan.batchesPerEpoch),
            learningRate: options.schedule.isConstant ? nil : rate)
          history.steps.append(step)
          if let point = loop.takeHealth() { history.health.append(point) }
          report.iterations = iteration + 1
          report.lastStep = step
          progress?(TrainingProgress(iteration: iteration + 1, totalIterations: plan.totalIterations,
                                     step: step, learningRate: rate,
                                     health: options.recordsHealth ? history.health.last : nil))
          if let atCheckpoint, plan.isCheckpoint(after: iteration, every: options.checkpointEvery) {
            var model = self
            model.parameters = loop.parametersInNaturalOrder()
            model.optimizerState = loop.optimizerStateInNaturalOrder()
            // A stop asked for at the last iteration stops nothing: the run is complete.
            if !atCheckpoint(TrainingCheckpoint(iteration: iteration + 1, step: step, model: model)),
               iteration + 1 < plan.totalIterations {
              report.outcome = .stoppedAtCheckpoint(iteration: iteration + 1)
              return
            }
          }
        }
      }
    }
    // A call that stepped no iteration leaves no settings behind.
    if report.iterations == 0 { history.segments.removeLast() }
    return report
  }
}
