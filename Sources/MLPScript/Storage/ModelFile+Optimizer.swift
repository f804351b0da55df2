import MLPCore

/// A network's optimizer in a model file (format version 3): its settings as plain numbers
/// and its state (velocities, moments, step count) as base64 Float32, so that a loaded model
/// goes on training exactly as the saved one would.
extension ModelFile {
  /// The state an optimizer keeps between steps (`OptimizerState`).
  struct OptimizerStatePart: Codable, Equatable {
    /// The rule the buffers belong to.
    var kind: String
    /// Steps taken so far (Adam's `t`).
    var steps: Int
    /// Each buffer laid out like `parameters`: base64 of little-endian Float32.
    var buffers: [String]

    init(_ state: OptimizerState) {
      kind = state.kind.rawValue
      steps = state.steps
      buffers = state.buffers.map { ModelFile.base64($0) }
    }
  }

  /// The optimizer settings in a file, checked as `optimizer=` and its options check them
  /// (missing in files before version 3: plain SGD).
  static func checked(optimizer: Optimizer?) throws(ModelFileError) -> Optimizer {
    guard let optimizer else { return Optimizer() }
    let fractions = [("momentum", optimizer.momentum), ("beta1", optimizer.beta1), ("beta2", optimizer.beta2)]
    for (name, value) in fractions where !(value >= 0 && value < 1) {
      throw .invalid("its optimizer's \(name) \(value) is not in [0, 1)")
    }
    guard optimizer.epsilon > 0, optimizer.epsilon.isFinite else {
      throw .invalid("its optimizer's eps \(optimizer.epsilon) is not a positive number")
    }
    guard optimizer.l2 >= 0, optimizer.l2.isFinite else {
      throw .invalid("its optimizer's l2 \(optimizer.l2) is not a number from 0 up")
    }
    return optimizer
  }

  /// The optimizer state in a file: a known rule, a step count from 0, and as many buffers as
  /// the rule keeps, each with one value per parameter.
  static func checked(state: OptimizerStatePart?, parameters: Int) throws(ModelFileError) -> OptimizerState? {
    guard let state else { return nil }
    guard let kind = OptimizerKind(rawValue: state.kind) else { throw .unknownChoice("optimizer", state.kind) }
    guard state.steps >= 0 else { throw .invalid("its optimizer state has \(state.steps) steps") }
    let expected = Optimizer(kind).stateBufferCount
    guard state.buffers.count == expected else {
      throw .invalid("its \(kind.rawValue) state has \(state.buffers.count) buffers, not \(expected)")
    }
    var buffers: [[Float]] = []
    for (index, text) in state.buffers.enumerated() {
      guard let values = values(text, as: Float.self) else {
        throw .badArray("network.optimizerState.buffers[\(index)]", type: "Float32")
      }
      guard values.count == parameters else {
        throw .invalid("its optimizer state buffer \(index + 1) has \(values.count) values for \(parameters) parameters")
      }
      buffers.append(values)
    }
    return OptimizerState(kind: kind, steps: state.steps, buffers: buffers)
  }
}
