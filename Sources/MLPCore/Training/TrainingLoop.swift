/// One `train` call at work: the parameters and the optimizer's state copied out of the
/// model into buffers of their own, the batch source, and the buffers of the passes. Its
/// `step` is the lesson's loop body; `finish` puts everything back into the model.
final class TrainingLoop {
  /// What one iteration did.
  enum Outcome {
    case stepped(loss: Double, correct: Int)
    /// The loss was not finite: the parameters went back to those saved before iteration
    /// `rolledBackTo` (1-based).
    case diverged(loss: Double, rolledBackTo: Int)
  }

  private let network: MultilayerPerceptron
  private let optimizer: Optimizer
  private let schedule: LearningRateSchedule
  private let baseRate: Float
  private let plan: TrainingPlan
  /// The parameters, in the first layer's permuted row order while the run uses
  /// `ActiveColumns`.
  private let theta: UnsafeMutableBufferPointer<Float>
  /// The gradient, when the optimizer needs it stored.
  private let gradient: UnsafeMutablePointer<Float>?
  /// The optimizer's buffers, laid out (and permuted) like `theta`.
  private let state: [UnsafeMutableBufferPointer<Float>]
  /// Where the buffers start, and where their first layer's block starts (made once: a
  /// step allocates nothing).
  private let statePointers: [UnsafeMutablePointer<Float>]
  private let stateFirstLayerBlocks: [UnsafeMutablePointer<Float>]
  private var optimizerSteps: Int
  /// Whether any iteration of this run took a step.
  private var steppedAny = false
  private var batches: BatchSource
  private let workspace: Workspace
  private let activeColumns: ActiveColumns
  /// Whether this run leaves out the input columns a batch does not use (decided on the first batch).
  private var skipsUnusedColumns: Bool
  private let dropout: Dropout?
  private let rollback: RollbackPoint
  private let loss: CrossEntropy
  /// The observer that measures unit health, when the run records it.
  private let health: HealthRecorder?
  /// Iterations the model had trained before this run.
  private let iterationsBefore: Int

  init(
    model: MultilayerPerceptron, inputs: UnsafePointer<Float>, labels: UnsafePointer<Int>,
    samples: Int, options: TrainingOptions, plan: TrainingPlan
  ) {
    let optimizer = options.optimizer ?? model.optimizer
    network = model
    self.optimizer = optimizer
    schedule = options.schedule
    baseRate = options.learningRate ?? model.learningRate
    self.plan = plan
    theta = .allocate(capacity: model.parameterCount)
    _ = theta.initialize(from: model.parameters)
    gradient = optimizer.gradientDelivery == .stored ? .allocate(capacity: model.parameterCount) : nil
    // A state goes on only with its own rule and buffers the size of these parameters
    // (anything else starts afresh: the loop's pointers rely on those sizes).
    let saved = model.optimizerState.flatMap { state in
      state.kind == optimizer.kind && state.buffers.count == optimizer.stateBufferCount
        && state.buffers.allSatisfy { $0.count == model.parameterCount } ? state : nil
    } ?? optimizer.freshState(parameterCount: model.parameterCount)
    state = saved.buffers.map { buffer in
      let copy = UnsafeMutableBufferPointer<Float>.allocate(capacity: buffer.count)
      _ = copy.initialize(from: buffer)
      return copy
    }
    statePointers = state.map { $0.baseAddress! }
    stateFirstLayerBlocks = statePointers.map { $0 + model.layers[0].weightOffset }
    optimizerSteps = saved.steps
    workspace = Workspace(layerSizes: model.layerSizes, capacity: plan.batchSize)
    // Mixing in the iterations already trained gives a later `train` call its own orders,
    // as if one longer run went on; the first call keeps the seed's own order.
    let iterationsBefore = UInt64(model.history.steps.count)
    batches = BatchSource(inputs: inputs, labels: labels, samples: samples, features: model.inputSize,
                          batchSize: plan.batchSize, shuffles: options.shuffle,
                          seed: options.seed &+ iterationsBefore &* 0x9E37_79B9_7F4A_7C15,
                          gatheringInto: workspace)
    activeColumns = ActiveColumns(features: model.inputSize, outputs: model.layers[0].outputSize,
                                  capacity: plan.batchSize)
    skipsUnusedColumns = options.skipsUnusedColumns
    dropout = options.dropout > 0
      ? Dropout(probability: options.dropout, layerSizes: model.layerSizes, capacity: plan.batchSize,
                seed: options.seed &+ iterationsBefore &+ 0xD509)
      : nil
    rollback = RollbackPoint(copying: model.parameters)
    loss = CrossEntropy(epsilon: model.epsilon)
    health = options.recordsHealth ? HealthRecorder(network: model, interval: options.healthInterval) : nil
    self.iterationsBefore = model.history.steps.count
  }

  deinit {
    theta.deallocate()
    gradient?.deallocate()
    for buffer in state { buffer.deallocate() }
  }

  /// The health measurement of the last iteration, if it was measured.
  func takeHealth() -> HealthPoint? { health?.takeMeasurement() }

  /// Whether the run leaves out the columns its batches do not use.
  var leavesOutUnusedColumns: Bool { skipsUnusedColumns }

  /// The learning rate of iteration `iteration`.
  func learningRate(at iteration: Int) -> Float {
    schedule.rate(base: baseRate, iteration: iteration, iterationsPerEpoch: plan.batchesPerEpoch,
                  totalIterations: plan.totalIterations)
  }

  /// One iteration, as the lesson tells it: take a batch, run it forward, measure the loss
  /// and its gradient at the output, propagate it back, and step.
  func step(_ iteration: Int) -> Outcome {
    let batch = batches.batch(at: iteration)
    let firstLayer = arrangeFirstLayer(for: batch, iteration: iteration)
    let parameters = theta.baseAddress!
    network.forward(parameters: parameters, input: batch.inputs, count: batch.count,
                    workspace: workspace, firstLayer: firstLayer.shortcut, dropout: dropout)
    let output = crossEntropyPass(
      probabilities: workspace.activations[network.layers.count], labels: batch.labels,
      rows: batch.count, columns: network.classCount, loss: loss,
      deltas: workspace.deltas[network.layers.count])
    // A weight that is not finite makes the dense products' loss NaN, used or not.
    let batchLoss = firstLayer.leftOutRowsAreFinite ? output.lossSum / Double(batch.count) : .nan
    guard batchLoss.isFinite else { return .diverged(loss: batchLoss, rolledBackTo: rollBack(firstLayer)) }
    rollback.saveIfDue(iteration: iteration, theta, active: firstLayer.active,
                       firstLayerWeights: network.layers[0].weightOffset)
    let rate = learningRate(at: iteration)
    func backward(_ target: GradientTarget) {
      network.backward(parameters: parameters, input: batch.inputs, count: batch.count, workspace: workspace,
                       target: target, firstLayer: firstLayer.shortcut, dropout: dropout)
    }
    switch optimizer.gradientDelivery {
    case .fusedStep:
      backward(.descend(parameters: parameters, learningRate: rate))
    case .intoVelocity:
      backward(.accumulate(into: statePointers[0], scalingBy: optimizer.momentum))
      optimizer.stepAlongVelocity(parameters, velocity: statePointers[0], learningRate: rate, layers: network.layers)
    case .stored:
      backward(.store(gradients: gradient!))
      optimizer.step(parameters, gradient: gradient!, state: statePointers, steps: optimizerSteps,
                     learningRate: rate, layers: network.layers)
    }
    if let health, health.isDue(iteration) {
      health.measure(number: iterationsBefore + iteration + 1, input: batch.inputs, count: batch.count,
                     workspace: workspace, firstLayer: firstLayer.shortcut)
    }
    optimizerSteps += 1
    steppedAny = true
    return .stepped(loss: batchLoss, correct: output.correct)
  }

  /// The parameters reached so far, every row in its natural order (for a checkpoint).
  func parametersInNaturalOrder() -> [Float] {
    var natural = Array(theta)
    if skipsUnusedColumns {
      let offset = network.layers[0].weightOffset
      natural.withUnsafeMutableBufferPointer { buffer in
        activeColumns.copyInNaturalOrder(theta.baseAddress! + offset, to: buffer.baseAddress! + offset)
      }
    }
    return natural
  }

  /// The optimizer's state reached so far, every row in its natural order (for a checkpoint).
  func optimizerStateInNaturalOrder() -> OptimizerState? {
    guard optimizer.kind != .sgd else { return nil }
    let offset = network.layers[0].weightOffset
    let buffers = state.map { buffer in
      var natural = Array(buffer)
      if skipsUnusedColumns {
        natural.withUnsafeMutableBufferPointer { copy in
          activeColumns.copyInNaturalOrder(buffer.baseAddress! + offset, to: copy.baseAddress! + offset)
        }
      }
      return natural
    }
    return OptimizerState(kind: optimizer.kind, steps: optimizerSteps, buffers: buffers)
  }

  /// Puts the parameters and the optimizer's state, rows in their natural order, into `model`.
  /// A run that stepped no iteration leaves the model's optimizer state as it was.
  func finish(into model: inout MultilayerPerceptron) {
    if skipsUnusedColumns {
      activeColumns.restoreNaturalOrder(firstLayerBlock(of: theta), companions: stateFirstLayerBlocks)
    }
    model.parameters = Array(theta)
    guard steppedAny else { return }
    // Plain SGD remembers nothing between steps.
    model.optimizerState = optimizer.kind == .sgd
      ? nil : OptimizerState(kind: optimizer.kind, steps: optimizerSteps, buffers: state.map { Array($0) })
  }

  // MARK: - The first layer's shortcut

  private struct FirstLayerArrangement {
    var shortcut: FirstLayerShortcut
    var active: ActiveColumns?
    var leftOutRowsAreFinite: Bool
  }

  /// The first batch decides whether the run leaves out the columns a batch does not use;
  /// the rows of the first layer's weights (and of the optimizer's buffers) are then kept
  /// permuted, used columns first.
  private func arrangeFirstLayer(for batch: BatchSource.Batch, iteration: Int) -> FirstLayerArrangement {
    if iteration == 0 {
      skipsUnusedColumns = skipsUnusedColumns && activeColumns.pays(for: batch.inputs, rows: batch.count)
    }
    guard skipsUnusedColumns else { return FirstLayerArrangement(shortcut: .dense, active: nil, leftOutRowsAreFinite: true) }
    let finite = activeColumns.arrange(for: batch.inputs, rows: batch.count, weights: firstLayerBlock(of: theta),
                                       companions: stateFirstLayerBlocks)
    return FirstLayerArrangement(shortcut: .usedColumns(activeColumns), active: activeColumns,
                                 leftOutRowsAreFinite: finite)
  }

  private func firstLayerBlock(of buffer: UnsafeMutableBufferPointer<Float>) -> UnsafeMutablePointer<Float> {
    buffer.baseAddress! + network.layers[0].weightOffset
  }

  /// Goes back to the last saved parameters; the optimizer starts afresh from them (its
  /// velocities and moments are what carried the run off).
  private func rollBack(_ firstLayer: FirstLayerArrangement) -> Int {
    for buffer in state { buffer.update(repeating: 0) }
    optimizerSteps = 0
    return rollback.restore(theta, active: firstLayer.active)
  }
}
