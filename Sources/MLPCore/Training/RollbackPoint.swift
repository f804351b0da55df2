/// A copy of the parameters taken every few iterations, so that a run whose loss stops being
/// finite can go back to parameters known to give a finite loss. (The newest ones may be
/// finite yet so large that the activations overflow.) Copying every iteration would cost a
/// tenth of a step; every `interval` iterations it costs nothing measurable.
final class RollbackPoint {
  let interval = 32
  private let saved: UnsafeMutableBufferPointer<Float>
  private(set) var iteration = 0

  init(copying parameters: [Float]) {
    saved = .allocate(capacity: parameters.count)
    _ = saved.initialize(from: parameters)
  }

  deinit { saved.deallocate() }

  /// Copies `parameters` when `iteration` is a multiple of the interval. Called only after
  /// the iteration's forward pass gave a finite loss, so what is saved is finite. With
  /// `active`, the first layer's weights (at offset `firstLayerWeights`) are permuted; the
  /// copy keeps them in their natural order.
  func saveIfDue(iteration: Int, _ parameters: UnsafeMutableBufferPointer<Float>,
                 active: ActiveColumns?, firstLayerWeights: Int) {
    guard iteration % interval == 0 else { return }
    _ = saved.update(fromContentsOf: parameters)
    active?.copyInNaturalOrder(parameters.baseAddress! + firstLayerWeights,
                               to: saved.baseAddress! + firstLayerWeights)
    self.iteration = iteration
  }

  /// Puts back the saved copy and says which iteration it came from (1-based: the
  /// parameters as they were before that iteration's step). The first layer's weights come
  /// back in their natural order, which `active` is told.
  func restore(_ parameters: UnsafeMutableBufferPointer<Float>, active: ActiveColumns?) -> Int {
    _ = parameters.update(fromContentsOf: saved)
    active?.forgetOrder()
    return iteration + 1
  }
}
