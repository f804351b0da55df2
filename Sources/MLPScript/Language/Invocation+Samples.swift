/// The `sample=N` option of the commands that look at one sample (`predict`, `explain`).
extension Invocation {
  /// The number `sample=` names, checked against the samples it indexes and the model that
  /// will read it.
  func sampleIndex(
    in samples: any LabeledSamples, part: String, data dataName: String, model name: String, inputs: Int
  ) throws(Diagnostic) -> Int {
    let index = try integer("sample", default: 0)
    guard index < samples.count else {
      throw error(.badValue, "sample \(index) is past the end: '\(dataName)' has \(samples.count) \(part) samples",
                  at: option("sample")?.range, hint: "should be 0 to \(max(samples.count - 1, 0))")
    }
    guard samples.features.columns == inputs else {
      throw error(.dataMismatch, "'\(name)' takes \(inputs) inputs but '\(dataName)' has \(samples.features.columns) features")
    }
    return index
  }
}
