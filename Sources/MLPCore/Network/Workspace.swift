/// The buffers one forward and backward pass over a batch needs, allocated once for a batch
/// size so that the forward and backward passes allocate nothing.
final class Workspace {
  /// The largest batch these buffers hold.
  let capacity: Int
  /// The layer sizes they were made for.
  let layerSizes: [Int]
  /// `activations[l]` holds a batch of layer `l`'s outputs (`capacity x layerSizes[l]`);
  /// `activations[0]` is where a shuffled batch of inputs is gathered.
  let activations: [UnsafeMutablePointer<Float>]
  /// `deltas[l]`, for `l ≥ 1`, holds the gradient of the summed loss with respect to layer
  /// `l`'s pre-activation; `deltas[0]` is never used (the input needs no gradient).
  let deltas: [UnsafeMutablePointer<Float>]
  /// `capacity` ones: summing a batch over its rows is a product with this vector.
  let ones: UnsafeMutablePointer<Float>
  /// The labels of the current batch, when they had to be gathered.
  let labels: UnsafeMutablePointer<Int>

  init(layerSizes: [Int], capacity: Int) {
    self.capacity = capacity
    self.layerSizes = layerSizes
    activations = layerSizes.map { .allocate(capacity: capacity * $0) }
    deltas = layerSizes.map { .allocate(capacity: capacity * $0) }
    ones = .allocate(capacity: capacity)
    ones.initialize(repeating: 1, count: capacity)
    labels = .allocate(capacity: capacity)
  }

  deinit {
    for buffer in activations + deltas + [ones] { buffer.deallocate() }
    labels.deallocate()
  }
}
