/// The learning rates mlpsh accepts: one rule for `lr=` options, `set lr=` and `sweep lr=`
/// on the way in and for model files on the way back, so that whatever saves also loads.
///
/// A rate must be a positive number a Float32 holds as an ordinary (normal, finite) value:
/// `lr=1e-46` would become 0 and `lr=3.5e38` infinity, a model that neither learns nor
/// saves. The bounds leave every rate a lesson could want (the divergence lesson uses 1e6).
enum LearningRate {
  /// The rates accepted, as written.
  static let range: ClosedRange<Double> = 1e-30 ... 1e30

  /// Whether `rate`, as an option gives it, is accepted. NaN is not.
  static func accepts(_ rate: Double) -> Bool { range.contains(rate) }

  /// Whether `rate`, as a network stores it (Float32), is accepted: the Float32 nearest to
  /// a rate in `range` may lie just outside it (`Float(1e30)` is a little above 10³⁰).
  static func accepts(_ rate: Float) -> Bool {
    (Float(range.lowerBound) ... Float(range.upperBound)).contains(rate)
  }
}

extension Converter {
  /// A learning rate: a number greater than 0 within `LearningRate.range`.
  public func learningRate(_ value: Value, key: String = "lr") throws(Diagnostic) -> Double {
    let rate = try positiveNumber(value, key: key)
    guard rate >= LearningRate.range.lowerBound else {
      throw error(.badValue, "\(key) must be at least 1e-30, not \(written(value))", at: value,
                  hint: "a rate this small would be 0 in the model's 32-bit numbers")
    }
    guard rate <= LearningRate.range.upperBound else {
      throw error(.badValue, "\(key) must be at most 1e30, not \(written(value))", at: value,
                  hint: "a rate this large would be infinite in the model's 32-bit numbers")
    }
    return rate
  }
}

extension Invocation {
  /// The `lr=` option as a learning rate, or `value` when it is not given.
  public func learningRate(default value: Double) throws(Diagnostic) -> Double {
    guard let given = option("lr") else { return value }
    if case let .number(rate)? = options["lr"], LearningRate.accepts(rate) { return rate }
    return try convert.learningRate(given)
  }
}
