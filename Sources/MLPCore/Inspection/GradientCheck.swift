/// Checks backpropagation against central differences of the loss:
/// ```
/// ∂L/∂θᵢ ≈ (L(θ + h eᵢ) - L(θ - h eᵢ)) / 2h
/// ```
/// The loss is taken in double precision (`ReferenceLoss`), from the model's Float32
/// weights with `θᵢ ± h` kept in Double, so the difference quotient is good to about 1e-10
/// and `h` can be small (1e-5): what is left is the Float32 rounding of the analytic
/// gradient, a few parts in a million, against the 10% and more of a wrong derivative.
///
/// A parameter whose `θ ± h` puts some sample's ReLU unit on the other side of its kink has
/// no central difference worth comparing (the one-sided slopes differ): it is counted in
/// `atKinks` and left out, rather than reported as a disagreement.
///
/// Each parameter's error is relative to the size of its gradients,
/// ```
/// r = |a − n| / (|a| + |n| + 10⁻⁴ · s)
/// ```
/// where `s` is the largest `|n|` checked in the whole network: a gradient a
/// ten-thousandth of the largest is compared absolutely, so its Float32 noise (a saturated
/// sigmoid whose slope rounds to 0) is not taken for a mistake. The check passes when every
/// `r` is at most `tolerance`.
public struct GradientCheck: Sendable {
  /// The finite-difference step.
  public var step: Double
  /// Parameters checked per layer (weights and biases each); `nil` checks every one.
  public var samplesPerLayer: Int?
  /// Seeds the choice of sampled parameters.
  public var seed: UInt64

  /// The largest relative error that counts as agreement: Float32 gradients are good to
  /// about 1e-5 relative; the notebook's wrong derivatives are off by 0.1 to 1.
  public static let tolerance = 1e-2
  /// Gradients smaller than this share of the largest are compared absolutely.
  public static let floorShare = 1e-3

  public init(step: Double = 1e-5, samplesPerLayer: Int? = nil, seed: UInt64 = 0) {
    self.step = step
    self.samplesPerLayer = samplesPerLayer
    self.seed = seed
  }

  /// The comparison for one layer's weights or biases.
  public struct Entry: Sendable, Equatable {
    /// "W0", "b0", "W1", …
    public var name: String
    /// Parameters compared (not counting those at a kink).
    public var checked: Int
    /// Parameters left out because `θ ± h` crossed a ReLU kink.
    public var atKinks: Int
    /// The largest `|analytic - numeric|`.
    public var maxAbsoluteError: Double
    /// The largest relative error `r` (see `GradientCheck`).
    public var maxRelativeError: Double
  }

  /// The comparison for every layer.
  public struct Report: Sendable, Equatable {
    public var entries: [Entry]
    public var maxAbsoluteError: Double { entries.map(\.maxAbsoluteError).max() ?? 0 }
    public var maxRelativeError: Double { entries.map(\.maxRelativeError).max() ?? 0 }
    /// Parameters left out at kinks, in all.
    public var atKinks: Int { entries.reduce(0) { $0 + $1.atKinks } }

    /// True when every compared parameter's relative error is at most `tolerance`.
    public func passes(tolerance: Double = GradientCheck.tolerance) -> Bool {
      entries.allSatisfy { $0.maxRelativeError <= tolerance }
    }
  }

  /// Compares `analytic` (laid out like `model.parameters`; by default the model's own
  /// backpropagation) with central differences on `inputs` and `labels`.
  public func run(
    on model: MultilayerPerceptron, inputs: Matrix, labels: [Int], analytic: [Float]? = nil
  ) -> Report {
    let gradients = analytic ?? model.gradients(inputs: inputs, labels: labels)
    precondition(gradients.count == model.parameterCount,
                 "\(gradients.count) gradients for \(model.parameterCount) parameters")
    var reference = ReferenceLoss(model: model, inputs: inputs, labels: labels)
    var parameters = model.parameters.map(Double.init)
    _ = reference.evaluate(parameters, keep: true)
    var generator = SeededGenerator(seed: seed)

    // Every chosen parameter's numeric gradient first: the floor needs the largest.
    var chosen: [(name: String, indices: [Int])] = []
    for (index, layer) in model.layers.enumerated() {
      for (name, range) in [("W\(index)", layer.weightRange), ("b\(index)", layer.biasRange)] {
        var indices = Array(range)
        if let samples = samplesPerLayer, samples < indices.count {
          generator.shuffle(&indices)
          indices = Array(indices.prefix(samples))
        }
        chosen.append((name, indices))
      }
    }
    var numeric: [Int: Double] = [:]
    var kinks: Set<Int> = []
    for i in chosen.flatMap(\.indices) {
      let original = parameters[i]
      parameters[i] = original + step
      let plus = reference.evaluate(parameters)
      parameters[i] = original - step
      let minus = reference.evaluate(parameters)
      parameters[i] = original
      if plus.crossedKink || minus.crossedKink { kinks.insert(i) }
      numeric[i] = (plus.loss - minus.loss) / (2 * step)
    }
    let scale = numeric.filter { !kinks.contains($0.key) }.values.map(abs).max() ?? 0
    let floor = max(Self.floorShare * scale, 1e-12)

    return Report(entries: chosen.map { name, indices in
      var entry = Entry(name: name, checked: 0, atKinks: 0, maxAbsoluteError: 0, maxRelativeError: 0)
      for i in indices {
        guard !kinks.contains(i), let n = numeric[i] else {
          entry.atKinks += 1
          continue
        }
        let a = Double(gradients[i])
        let error = abs(a - n)
        entry.checked += 1
        entry.maxAbsoluteError = max(entry.maxAbsoluteError, error)
        entry.maxRelativeError = max(entry.maxRelativeError, error / (abs(a) + abs(n) + floor))
      }
      return entry
    })
  }
}

extension MultilayerPerceptron {
  /// The gradient of the mean loss on `inputs` and `labels` with respect to every parameter,
  /// laid out like `parameters`, by backpropagation over the whole set as one batch. With
  /// weight decay coupled to the gradient (`optimizer.l2`, every rule but adamw), the
  /// penalty's gradient `λ·W` is added to the weights', as the training step adds it.
  public func gradients(inputs: Matrix, labels: [Int]) -> [Float] {
    // A programmer error here: callers validate first, so only whether it throws matters.
    precondition((try? validate(inputs: inputs, labels: labels)) != nil && inputs.rows > 0,
                 "\(inputs.rows)x\(inputs.columns) inputs and \(labels.count) labels do not fit \(layerSizes)")
    var result = [Float](repeating: 0, count: parameterCount)
    let workspace = Workspace(layerSizes: layerSizes, capacity: inputs.rows)
    let last = layers.count
    inputs.storage.withUnsafeBufferPointer { x in
      labels.withUnsafeBufferPointer { y in
        parameters.withUnsafeBufferPointer { theta in
          result.withUnsafeMutableBufferPointer { gradient in
            forward(parameters: theta.baseAddress!, input: x.baseAddress!, count: inputs.rows,
                    workspace: workspace)
            _ = crossEntropyPass(probabilities: workspace.activations[last], labels: y.baseAddress!,
                                 rows: inputs.rows, columns: classCount,
                                 loss: CrossEntropy(epsilon: epsilon),
                                 deltas: workspace.deltas[last])
            backward(parameters: theta.baseAddress!, input: x.baseAddress!, count: inputs.rows,
                     workspace: workspace, target: .store(gradients: gradient.baseAddress!))
          }
        }
      }
    }
    if optimizer.l2 != 0 && optimizer.kind != .adamw {
      for layer in layers {
        for i in layer.weightRange { result[i] += optimizer.l2 * parameters[i] }
      }
    }
    return result
  }
}
