/// Measures unit health (`HealthPoint`) during training: the observer `TrainingLoop` calls
/// after a batch's forward and backward passes, every `interval` iterations.
///
/// It reads what the passes left in the workspace and changes nothing, so training goes the
/// same with it or without it. The inactive shares come from the hidden layers' outputs
/// `a_l`. The gradient norms come from `a_{l−1}` and `δ_l`: plain SGD fuses its step into the
/// backward products and never stores `∇W_l`, so the recorder forms `a_{l−1}ᵀ · δ_l / N`
/// itself, into a buffer of its own, the product the backward pass made. That product is
/// the cost of a measurement, which is why it is taken every `interval` iterations and not
/// every one.
final class HealthRecorder {
  /// Iterations between measurements; the first iteration of a run is always measured.
  let interval: Int
  private let network: MultilayerPerceptron
  /// Room for the largest layer's weight gradient.
  private let product: UnsafeMutableBufferPointer<Float>
  /// Per unit of the widest hidden layer, how many samples of the batch found it active
  /// (ReLU) or saturated (sigmoid, tanh).
  private let counts: UnsafeMutableBufferPointer<Int32>
  /// The last measurement, until `takeMeasurement` collects it.
  private var pending: HealthPoint?

  init(network: MultilayerPerceptron, interval: Int) {
    precondition(interval >= 1, "health is measured every 1 or more iterations, not \(interval)")
    self.interval = interval
    self.network = network
    product = .allocate(capacity: network.layers.map { $0.inputSize * $0.outputSize }.max()!)
    counts = .allocate(capacity: max(network.layerSizes.dropFirst().dropLast().max() ?? 1, 1))
  }

  deinit {
    product.deallocate()
    counts.deallocate()
  }

  /// Whether iteration `iteration` (0-based, in this run) is measured.
  func isDue(_ iteration: Int) -> Bool { iteration % interval == 0 }

  /// Measures the batch of `count` samples whose passes just ran; `number` is the
  /// iteration's 1-based number across the model's history.
  func measure(
    number: Int, input: UnsafePointer<Float>, count: Int, workspace: Workspace, firstLayer: FirstLayerShortcut
  ) {
    let layers = network.layers
    let inactive = (1 ..< layers.count).map { index in
      inactiveShare(workspace.activations[index], rows: count, units: network.layerSizes[index])
    }
    let norms = layers.indices.map { index in
      weightGradientNorm(of: index, input: input, count: count, workspace: workspace, firstLayer: firstLayer)
    }
    pending = HealthPoint(iteration: number, inactive: inactive, gradientNorms: norms)
  }

  /// The measurement made since the last call, if any.
  func takeMeasurement() -> HealthPoint? {
    defer { pending = nil }
    return pending
  }

  // MARK: - The measures

  /// `‖a_{l−1}ᵀ · δ_l / N‖` for layer `index` (0-based), the product `backward` made.
  private func weightGradientNorm(
    of index: Int, input: UnsafePointer<Float>, count: Int, workspace: Workspace, firstLayer: FirstLayerShortcut
  ) -> Float {
    let layer = network.layers[index]
    let delta = UnsafePointer(workspace.deltas[index + 1])
    let alpha = 1 / Float(count)
    let destination = product.baseAddress!
    if index == 0 {
      firstLayer.multiplyTransposed(input, by: delta, count: count, layer: layer,
                                    alpha: alpha, beta: 0, into: destination)
    } else {
      BLAS.gemm(transposeA: true, transposeB: false,
                m: layer.inputSize, n: layer.outputSize, k: count,
                alpha: alpha, a: workspace.activations[index], lda: layer.inputSize,
                b: delta, ldb: layer.outputSize,
                beta: 0, c: destination, ldc: layer.outputSize)
    }
    // A norm past a Float's range is kept as the largest Float, which a model file can hold.
    return min(BLAS.norm(destination, count: layer.inputSize * layer.outputSize), .greatestFiniteMagnitude)
  }

  /// The share of the `units` columns of a `rows x units` batch of hidden outputs that are
  /// inactive (`HealthPoint`). Counted row by row, as the outputs lie in memory.
  private func inactiveShare(_ outputs: UnsafePointer<Float>, rows: Int, units: Int) -> Float {
    guard rows > 0 else { return 0 }
    let tally = counts.baseAddress!
    tally.update(repeating: 0, count: units)
    let activation = network.activation
    for row in 0 ..< rows {
      let a = outputs + row * units
      switch activation {
      case .relu:
        for unit in 0 ..< units { tally[unit] &+= a[unit] != 0 ? 1 : 0 }
      case .sigmoid, .tanh:
        for unit in 0 ..< units { tally[unit] &+= HealthPoint.isSaturated(a[unit], activation) ? 1 : 0 }
      }
    }
    let needed = Int32((HealthPoint.saturatedBatchShare * Float(rows)).rounded(.up))
    var inactive = 0
    for unit in 0 ..< units {
      // A ReLU is dead when no sample made it fire; a sigmoid or tanh unit saturated when
      // enough of them pushed it to a flat end.
      inactive += activation == .relu ? (tally[unit] == 0 ? 1 : 0) : (tally[unit] >= needed ? 1 : 0)
    }
    return Float(inactive) / Float(units)
  }
}
