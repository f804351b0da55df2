/// Checks backpropagation against central differences of the loss:
/// ```
/// ∂L/∂θᵢ ≈ (L(θ + h eᵢ) - L(θ - h eᵢ)) / 2h
/// ```
/// The network runs in single precision, so `h` cannot be tiny: the loss carries a rounding
/// error near 1e-7, which the difference divides by `2h`. With `h = 1e-3` that is about 5e-5,
/// while the truncation error `O(h²)` is near 1e-6; a larger `h` also steps across ReLU kinks
/// more often (measured: 2e-2 errors at `h = 1e-2`). The loss is summed in double precision.
public struct GradientCheck: Sendable {
  /// The finite-difference step.
  public var step: Double
  /// Parameters checked per layer (weights and biases each); `nil` checks every one.
  public var samplesPerLayer: Int?
  /// Seeds the choice of sampled parameters.
  public var seed: UInt64

  public init(step: Double = 1e-3, samplesPerLayer: Int? = nil, seed: UInt64 = 0) {
    self.step = step
    self.samplesPerLayer = samplesPerLayer
    self.seed = seed
  }

  /// The comparison for one layer's weights or biases.
  public struct Entry: Sendable, Equatable {
    /// "W0", "b0", "W1", …
    public var name: String
    /// Parameters compared.
    public var checked: Int
    /// The largest `|analytic - numeric|`.
    public var maxAbsoluteError: Double
    /// The largest `|analytic - numeric| / max(|analytic| + |numeric|, 1e-3)`.
    public var maxRelativeError: Double
  }

  /// The comparison for every layer.
  public struct Report: Sendable, Equatable {
    public var entries: [Entry]
    public var maxAbsoluteError: Double { entries.map(\.maxAbsoluteError).max() ?? 0 }
    public var maxRelativeError: Double { entries.map(\.maxRelativeError).max() ?? 0 }

    /// True when every parameter is within `absolute` or `relative` of its numeric estimate.
    public func passes(absolute: Double = 1e-3, relative: Double = 1e-2) -> Bool {
      entries.allSatisfy { $0.maxAbsoluteError <= absolute || $0.maxRelativeError <= relative }
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
    var generator = SeededGenerator(seed: seed)
    var probe = model
    var entries: [Entry] = []
    for (index, layer) in model.layers.enumerated() {
      for (name, range) in [("W\(index)", layer.weightRange), ("b\(index)", layer.biasRange)] {
        var indices = Array(range)
        if let samples = samplesPerLayer, samples < indices.count {
          generator.shuffle(&indices)
          indices = Array(indices.prefix(samples))
        }
        var entry = Entry(name: name, checked: indices.count, maxAbsoluteError: 0, maxRelativeError: 0)
        for i in indices {
          let original = probe.parameters[i]
          probe.parameters[i] = Float(Double(original) + step)
          let plus = probe.loss(inputs: inputs, labels: labels)
          probe.parameters[i] = Float(Double(original) - step)
          let minus = probe.loss(inputs: inputs, labels: labels)
          probe.parameters[i] = original
          let numeric = (plus - minus) / (2 * step)
          let error = abs(Double(gradients[i]) - numeric)
          entry.maxAbsoluteError = max(entry.maxAbsoluteError, error)
          entry.maxRelativeError = max(entry.maxRelativeError,
                                       error / max(abs(Double(gradients[i])) + abs(numeric), 1e-3))
        }
        entries.append(entry)
      }
    }
    return Report(entries: entries)
  }
}

extension MultilayerPerceptron {
  /// The gradient of the mean loss on `inputs` and `labels` with respect to every parameter,
  /// laid out like `parameters`, by backpropagation over the whole set as one batch.
  public func gradients(inputs: Matrix, labels: [Int]) -> [Float] {
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
    return result
  }
}
