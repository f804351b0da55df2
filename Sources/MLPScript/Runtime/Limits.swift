import Foundation

/// How much one command may ask for.
///
/// A typo such as `mlp [100000,100000,10]` (37 GiB of weights) or `train iterations=1e15`
/// (centuries of training) is refused before anything is allocated, with what it would
/// need, instead of exhausting memory in front of a class or running until killed. The
/// shell uses `standard`; the fuzzers run with much smaller limits so that no input can
/// train for long or allocate much.
public struct Limits: Sendable, Equatable {
  /// The most weights and biases one model may have.
  public var parameters: Int
  /// The most iterations one `train` may run: mini-batches for an mlp, sample updates
  /// (epochs × samples) for a perceptron.
  public var iterations: Int
  /// The most Float32 values a command may allocate for working data: the training
  /// workspace (batch × the layer sizes, twice), gradient-check inputs.
  public var workingValues: Int
  /// The most multiply-adds a command that cannot be stopped by Ctrl-C may take (a gradient
  /// check).
  public var operations: Int

  public init(parameters: Int, iterations: Int, workingValues: Int, operations: Int) {
    self.parameters = parameters
    self.iterations = iterations
    self.workingValues = workingValues
    self.operations = operations
  }

  /// The shell's limits: 2²⁸ parameters (1 GiB of Float32, the notebook's network has
  /// 109 386), 10⁷ iterations a run (a history of 240 MB; a full MNIST epoch at batch 1 is
  /// 60 000), 2²⁸ working values (1 GiB) and 10¹¹ multiply-adds (seconds to a minute).
  public static let standard = Limits(
    parameters: 1 << 28, iterations: 10_000_000, workingValues: 1 << 28, operations: 100_000_000_000)

  // MARK: - Sizes

  /// The number of weights and biases of a network with these layer sizes,
  /// ```
  /// Σ (nᵢ · nᵢ₊₁ + nᵢ₊₁)
  /// ```
  /// or `nil` when it does not fit in an `Int`.
  public static func parameterCount(layerSizes sizes: [Int]) -> Int? {
    var total = 0
    for (inputs, outputs) in zip(sizes, sizes.dropFirst()) {
      guard let fanIn = sum(inputs, 1), let layer = product(outputs, fanIn), let sum = sum(total, layer) else { return nil }
      total = sum
    }
    return total
  }

  /// `a · b`, or `nil` on overflow.
  public static func product(_ a: Int, _ b: Int) -> Int? {
    let (value, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? nil : value
  }

  /// `a + b`, or `nil` on overflow.
  public static func sum(_ a: Int, _ b: Int) -> Int? {
    let (value, overflow) = a.addingReportingOverflow(b)
    return overflow ? nil : value
  }

  /// Bytes in binary units, three significant figures: "37.3 GiB", "1 GiB", "12 bytes".
  public static func describe(bytes: Double) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
    var value = bytes
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    if unit == 0 { return "\(Int(value)) bytes" }
    let text = value >= 100 ? String(Int(value.rounded())) : String(format: "%.3g", value)
    return "\(text) \(units[unit])"
  }

  /// The memory of `count` Float32 values, described.
  public static func describe(floats count: Int) -> String {
    describe(bytes: Double(count) * 4)
  }
}

extension DiagnosticID {
  /// A model, a run or a buffer larger than `Limits` allows.
  public static let tooLarge = DiagnosticID("too-large", .runtime)
}
