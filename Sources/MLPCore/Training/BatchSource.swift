/// Where each iteration's mini-batch comes from: the next `batchSize` samples, in order or in
/// an order shuffled afresh every epoch. The last partial batch of an epoch is dropped.
struct BatchSource {
  /// One mini-batch: `count x features` inputs, row-major, and their labels.
  struct Batch {
    let inputs: UnsafePointer<Float>
    let labels: UnsafePointer<Int>
    let count: Int
  }

  private let inputs: UnsafePointer<Float>
  private let labels: UnsafePointer<Int>
  private let features: Int
  let batchSize: Int
  let batchesPerEpoch: Int
  private let shuffles: Bool
  private var generator: SeededGenerator
  private var order: [Int]
  /// Where a shuffled batch is gathered.
  private let gathered: Workspace

  /// - Parameters:
  ///   - seed: the seed of the shuffled orders.
  ///   - gatheringInto: the workspace whose input activations and labels hold a gathered batch.
  init(
    inputs: UnsafePointer<Float>, labels: UnsafePointer<Int>, samples: Int, features: Int,
    batchSize: Int, shuffles: Bool, seed: UInt64, gatheringInto workspace: Workspace
  ) {
    self.inputs = inputs
    self.labels = labels
    self.features = features
    self.batchSize = batchSize
    batchesPerEpoch = samples / batchSize
    self.shuffles = shuffles
    generator = SeededGenerator(seed: seed)
    order = shuffles ? generator.permutation(of: samples) : []
    gathered = workspace
  }

  /// The batch of iteration `iteration` (0-based, counted from the start of the run; called
  /// in order).
  mutating func batch(at iteration: Int) -> Batch {
    let batchIndex = iteration % batchesPerEpoch
    if shuffles && batchIndex == 0 && iteration > 0 { generator.shuffle(&order) }
    let start = batchIndex * batchSize
    guard shuffles else {
      return Batch(inputs: inputs + start * features, labels: labels + start, count: batchSize)
    }
    for row in 0 ..< batchSize {
      let sample = order[start + row]
      (gathered.activations[0] + row * features).update(from: inputs + sample * features, count: features)
      gathered.labels[row] = labels[sample]
    }
    return Batch(inputs: gathered.activations[0], labels: gathered.labels, count: batchSize)
  }
}
