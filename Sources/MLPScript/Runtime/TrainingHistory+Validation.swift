import MLPCore

extension TrainingHistory {
  /// The held-out point of highest accuracy (the first of equals), for `compare`, `sweep` and
  /// `show`.
  var mostAccurateValidation: ValidationPoint? {
    validation.reduce(nil) { best, point in best.map { point.accuracy > $0.accuracy ? point : $0 } ?? point }
  }
}

extension ValidationPoint {
  /// "0.9810 at epoch 7", as the tables print a best point.
  var accuracyAndEpoch: String { "\(fixed(accuracy)) at epoch \(format(epoch))" }
}
