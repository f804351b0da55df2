import Foundation

/// The learning-rate range test (Smith, 2015, "Cyclical Learning Rates for Training Neural
/// Networks"; fastai's `lr_find`): train a copy of the network one batch at a time while the
/// rate grows exponentially, and watch the loss.
/// ```
/// η_i = start · (end / start)^(i / (n - 1))           i = 0 … n-1, n = min(iterations, batches in an epoch)
/// s_i = β s_{i-1} + (1 - β) L_i,   ŝ_i = s_i / (1 - β^(i+1))     β = 0.98
/// ```
/// It stops early once the smoothed loss `ŝ` passes `4 ×` its lowest value (or is not
/// finite): past that the rate is too large to train at all. The suggested rate is a tenth
/// of the rate where `ŝ` was lowest, as fastai's `lr_min`: the lowest point is already
/// where the rate starts to hurt.
public struct LearningRateFinder: Sendable {
  /// One batch of the test.
  public struct Point: Sendable, Equatable {
    public var learningRate: Double
    /// The batch's loss before its step.
    public var loss: Double
    /// The bias-corrected moving average of the losses so far.
    public var smoothedLoss: Double
  }

  public var start: Double
  public var end: Double
  /// The number of batches (rates) at most.
  public var iterations: Int
  public var batchSize: Int
  /// The shuffle of the batches.
  public var seed: UInt64
  /// The smoothing factor β of the loss.
  public static let smoothing = 0.98
  /// The test stops when the smoothed loss passes this multiple of its lowest value.
  public static let divergence = 4.0

  public init(start: Double = 1e-6, end: Double = 10, iterations: Int = 100, batchSize: Int = 64, seed: UInt64 = 0) {
    precondition(start > 0 && end > start, "the rates must grow from a positive start: \(start) to \(end)")
    precondition(iterations >= 2 && batchSize >= 1, "\(iterations) iterations of batches of \(batchSize)")
    self.start = start
    self.end = end
    self.iterations = iterations
    self.batchSize = batchSize
    self.seed = seed
  }

  /// The rate of batch `i` of a test of `count` batches: from `start` at the first to `end`
  /// at the last.
  public func learningRate(at i: Int, of count: Int) -> Double {
    count < 2 ? start : start * Foundation.pow(end / start, Double(i) / Double(count - 1))
  }

  /// Runs the test on a copy of `network` over `inputs` (the batches in a shuffled order,
  /// each sample at most once); the network itself is not changed.
  public func run(on network: MultilayerPerceptron, inputs: Matrix, labels: [Int]) throws(TrainingError) -> [Point] {
    try network.validate(inputs: inputs, labels: labels)
    var copy = network
    var generator = SeededGenerator(seed: seed)
    var order = Array(0..<inputs.rows)
    generator.shuffle(&order)
    let batches = min(iterations, inputs.rows / batchSize)
    var points: [Point] = []
    var average = 0.0
    var lowest = Double.infinity
    for i in 0..<batches {
      let rows = Array(order[(i * batchSize)..<((i + 1) * batchSize)])
      let batch = inputs.rows(at: rows)
      var options = TrainingOptions()
      options.batchSize = batchSize
      options.iterations = 1
      options.learningRate = Float(learningRate(at: i, of: batches))
      let report = try copy.train(inputs: batch, labels: rows.map { labels[$0] }, options: options)
      let loss = Double(copy.history.steps.last?.loss ?? .nan)
      average = Self.smoothing * average + (1 - Self.smoothing) * loss
      let smoothed = average / (1 - Foundation.pow(Self.smoothing, Double(i + 1)))
      points.append(Point(learningRate: learningRate(at: i, of: batches), loss: loss, smoothedLoss: smoothed))
      lowest = min(lowest, smoothed)
      if !smoothed.isFinite || smoothed > Self.divergence * lowest || report.outcome != .completed { break }
    }
    return points
  }

  /// The rate with the lowest smoothed loss, and the suggested rate, a tenth of it.
  public static func suggestion(_ points: [Point]) -> (lowest: Point, suggested: Double)? {
    guard let lowest = points.filter({ $0.smoothedLoss.isFinite }).min(by: { $0.smoothedLoss < $1.smoothedLoss }) else {
      return nil
    }
    return (lowest, lowest.learningRate / 10)
  }
}
