import MLPCore

/// The matrix products of one training epoch of `layerSizes` at `batchSize`, and nothing else:
/// the floor that the whole training step is measured against. Per batch of `n`, for layer `l`
/// (`n_l` inputs, `n_{l+1}` outputs), the same calls the training loop makes:
/// ```
/// forward      n x n_l      · n_l x n_{l+1}
/// input grads  n x n_{l+1}  · (n_l x n_{l+1})ᵀ     (not for the first layer)
/// weight step  (n x n_l)ᵀ   · n x n_{l+1}          (beta = 1, into the weights)
/// ```
struct ProductFloor {
  let layerSizes: [Int]
  let batchSize: Int
  let batches: Int

  /// Floating-point operations of one epoch: 2·m·n·k for each product.
  var flops: Double {
    var perBatch = 0.0
    for (index, (input, output)) in zip(layerSizes, layerSizes.dropFirst()).enumerated() {
      let product = 2.0 * Double(batchSize * input * output)
      perBatch += index == 0 ? 2 * product : 3 * product
    }
    return perBatch * Double(batches)
  }

  /// Runs the products of one epoch and returns the seconds they took.
  func run() -> Double {
    var generator = SeededGenerator(seed: 1)
    func random(_ rows: Int, _ columns: Int) -> Matrix {
      Matrix(rows: rows, columns: columns,
             storage: (0 ..< rows * columns).map { _ in Float(generator.nextNormal(standardDeviation: 0.01)) })
    }
    let pairs = Array(zip(layerSizes, layerSizes.dropFirst()))
    var weights = pairs.map { random($0.0, $0.1) }
    let input = random(batchSize, layerSizes[0])
    var outputs = pairs.map { random(batchSize, $0.1) }
    let deltas = pairs.map { random(batchSize, $0.1) }
    var inputDeltas = pairs.map { random(batchSize, $0.0) }
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      for _ in 0 ..< batches {
        for l in pairs.indices {
          Matrix.multiply(l == 0 ? input : outputs[l - 1], weights[l], into: &outputs[l])
        }
        for l in pairs.indices.reversed() {
          if l > 0 {
            Matrix.multiply(deltas[l], weights[l], transposingB: true, into: &inputDeltas[l])
          }
          Matrix.multiply(l == 0 ? input : outputs[l - 1], transposingA: true, deltas[l],
                          into: &weights[l], alpha: -1e-6, beta: 1)
        }
      }
    }
    return elapsed.seconds
  }
}

extension Duration {
  var seconds: Double {
    let (whole, fraction) = components
    return Double(whole) + Double(fraction) * 1e-18
  }
}
