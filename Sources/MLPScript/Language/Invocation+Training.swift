import MLPCore

// The one mapping from the core's `TrainingError` to diagnostics, and the one check that
// a batch fits its data set: `train` and `sweep` both say it this way.

extension Invocation {
  /// Refuses a batch of `size` larger than the `samples` of the data set `data`, under the
  /// `batch=` that asked for it (or at `value`, one element of a list of sizes).
  func checkBatch(_ size: Int, fits samples: Int, data: String, at value: Value? = nil) throws(Diagnostic) {
    guard size > samples else { return }
    throw batchTooLarge(size, samples: samples, data: data, at: value)
  }

  /// A `TrainingError` as a diagnostic under the command, with a hint at the fix.
  ///
  /// - Parameters:
  ///   - model: the model's name; `network` its network, whose sizes the hint reuses.
  ///   - data: the data set's name.
  func diagnostic(for error: TrainingError, model: String, network: MultilayerPerceptron, data: String) -> Diagnostic {
    switch error {
    case let .featureCountMismatch(inputs, features):
      var sizes = network.layerSizes
      sizes[0] = features
      return self.error(.dataMismatch, "'\(model)' takes \(inputs) inputs but '\(data)' has \(features) features",
                        hint: "make a model for it, such as 'mlp [\(sizes.map(String.init).joined(separator: ","))]'")
    case let .labelOutOfRange(label, classes):
      return self.error(.dataMismatch, "'\(data)' has label \(label) but '\(model)' has only \(classes) outputs",
                        hint: "the last layer needs one unit per class")
    case let .batchTooLarge(batch, samples):
      return batchTooLarge(batch, samples: samples, data: data)
    case .labelCountMismatch, .notPositive, .outOfRange:
      return self.error(.badValue, error.description)
    }
  }

  private func batchTooLarge(_ size: Int, samples: Int, data: String, at value: Value? = nil) -> Diagnostic {
    error(.badValue, "batch size \(size) is larger than the \(samples) samples of '\(data)'",
          at: (value ?? option("batch"))?.range, hint: "use batch=\(samples) or less")
  }
}
