import MLPCore
import MLPPlot

extension CommandSpec {
  /// The held-out measurements of `history` as two more curves of `plot curves`: the
  /// validation loss on the loss axis and the validation accuracy on the accuracy axis, at
  /// the x of the iteration each was measured after, so a training loss that goes on falling
  /// while the validation loss rises (overfitting) shows on one chart. Empty when the model
  /// was never validated.
  static func validationSeries(_ history: TrainingHistory, _ axis: XAxis) -> [Series] {
    guard let part = history.validation.last?.part else { return [] }
    let x = history.validation.map { point -> Double in
      switch axis {
      case .iterations: return Double(point.iteration)
      case .examples: return Double(point.examplesSeen)
      case .epochs: return point.epoch
      }
    }
    return [
      Series(name: "\(part) loss", x: x, y: history.validation.map(\.loss), axis: .left),
      Series(name: "\(part) accuracy", x: x, y: history.validation.map(\.accuracy), axis: .right),
    ]
  }
}
