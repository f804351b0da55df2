extension Invocation {
  /// Refuses a model of `count` parameters (`nil`: more than an `Int` counts) when it is
  /// over `Limits.parameters`, before anything is allocated, saying how much memory it
  /// would need.
  ///
  /// - Parameter what: how the message names the model, "this network".
  func checkParameters(_ count: Int?, of what: String, at value: Value?) throws(Diagnostic) {
    let limit = environment.limits.parameters
    guard let count else {
      throw error(.tooLarge, "\(what) would have more parameters than mlpsh can count",
                  at: value?.range, hint: "use smaller layers")
    }
    guard count <= limit else {
      throw error(
        .tooLarge,
        "\(what) would have \(count) parameters, \(Limits.describe(floats: count)) of weights; "
          + "mlpsh makes models of at most \(limit) parameters (\(Limits.describe(floats: limit)))",
        at: value?.range, hint: "use smaller layers")
    }
  }

  /// Refuses a run of `count` iterations (`nil`: more than an `Int` counts) over
  /// `Limits.iterations`.
  ///
  /// - Parameters:
  ///   - what: how the run is described, "epochs=100000 of 937 iterations each".
  ///   - unit: "iterations", or "sample updates" for a perceptron.
  func checkIterations(_ count: Int?, _ what: String, unit: String, at value: Value?) throws(Diagnostic) {
    let limit = environment.limits.iterations
    if let count, count <= limit { return }
    let amount = count.map { " is \($0) \(unit)" } ?? " is more \(unit) than mlpsh can count"
    throw error(.tooLarge, "\(what)\(amount); train runs at most \(limit) at a time", at: value?.range,
                hint: "train again to go on: a model continues where it stopped")
  }

  /// Refuses working memory of `count` Float32 values (`nil`: more than an `Int` counts)
  /// over `Limits.workingValues`.
  ///
  /// - Parameter what: what needs it, "a batch of 60000 samples through 784-4096-10".
  func checkWorkingValues(_ count: Int?, for what: String, at value: Value?, hint: String) throws(Diagnostic) {
    let limit = environment.limits.workingValues
    if let count, count <= limit { return }
    let need = count.map { Limits.describe(floats: $0) } ?? "more memory than mlpsh can count"
    throw error(.tooLarge, "\(what) would need \(need) of working memory; the limit is "
                  + Limits.describe(floats: limit), at: value?.range, hint: hint)
  }
}
