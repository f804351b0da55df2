import MLPCore
import MLPPlot

/// Where a model's training settings changed between two `train` calls, as `plot` and
/// `compare` mark it on their curves: "lr 0.1 → 0.01", "batch 64 → 16, sgd → adam".
enum TrainingChanges {
  /// One marker per call whose learning rate, batch size, optimizer or schedule differs from
  /// the call before it, at the x where the earlier call's last step is drawn on `axis`.
  /// `name` starts each label (compare overlays several runs).
  static func markers(_ history: TrainingHistory, axis: XAxis, name: String? = nil) -> [ChartMarker] {
    zip(history.segments, history.segments.dropFirst()).compactMap { before, after in
      let changes = describe(from: before, to: after)
      let last = after.firstIteration - 1
      guard !changes.isEmpty, history.steps.indices.contains(last) else { return nil }
      let x = RunCurves.xValue(of: last, in: history, axis)
      return ChartMarker(x: x, label: (name.map { $0 + ": " } ?? "") + changes)
    }
  }

  /// "lr 0.1 → 0.01, batch 64 → 16": each setting that differs, in that order; "" for none.
  static func describe(from before: TrainingSegment, to after: TrainingSegment) -> String {
    var parts: [String] = []
    if before.learningRate != after.learningRate {
      parts.append("lr \(number(before.learningRate)) → \(number(after.learningRate))")
    }
    if before.batchSize != after.batchSize { parts.append("batch \(before.batchSize) → \(after.batchSize)") }
    if before.optimizer != after.optimizer { parts.append("\(before.optimizer) → \(after.optimizer)") }
    if before.schedule != after.schedule { parts.append("\(before.schedule) → \(after.schedule)") }
    return parts.joined(separator: ", ")
  }

  /// A rate as it was written: 0.1, not 0.100000001 (the Float's shortest form).
  private static func number(_ value: Float) -> String {
    format(Double("\(value)") ?? Double(value))
  }
}
