/// What the x axis of a training curve counts. The notebook's batch-size sweep compared runs
/// with 3750 and 468 updates: against iterations they look unequal, against examples seen or
/// epochs they line up.
public enum XAxis: String, Sendable, CaseIterable {
  /// One step per mini-batch.
  case iterations
  /// Training samples seen so far.
  case examples
  /// Passes over the training set, fractional within an epoch.
  case epochs

  /// The axis label.
  public var label: String {
    switch self {
    case .iterations: "iterations"
    case .examples: "examples seen"
    case .epochs: "epochs"
    }
  }
}
