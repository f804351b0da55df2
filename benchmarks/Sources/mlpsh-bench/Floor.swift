import MLPCore

/// The matrix products of one training epoch of `layerSizes` at `batchSize`, and nothing else:
/// the floor that the whole training step is measured against. Per batch of `n`, for layer `l`
/// (`n_l` inputs, `n_{l+1}` outputs), the same calls the training loop makes:
/// ```
/// forward      n x n_l      · n_l x n_{l+1}
/// input grads  n x n_{l+1}  · (n_l x n_{l+1})ᵀ     (not for the first layer)
/// weight step  (n x n_l)ᵀ   · n x n_{l+1}          (beta = 1, into the weights)
/// ```
/// The first layer reads its batches one after another from a whole epoch of inputs
/// (60 000 x 784 floats, 188 MB), as training does: a single cached batch would leave out
/// the memory traffic that the same calls on the real data cannot avoid.
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
    // Pixel-like values 0-255; their distribution does not change a dense product's speed.
    let inputs = Matrix(rows: batches * batchSize, columns: layerSizes[0],
                        storage: (0 ..< batches * batchSize * layerSizes[0]).map { Float(($0 &* 2_654_435_761) >> 8 & 255) })
    var outputs = pairs.map { random(batchSize, $0.1) }
    let deltas = pairs.map { random(batchSize, $0.1) }
    var inputDeltas = pairs.map { random(batchSize, $0.0) }
    let clock = ContinuousClock()
    let elapsed = inputs.storage.withUnsafeBufferPointer { all in
      clock.measure {
        for batch in 0 ..< batches {
          let input = all.baseAddress! + batch * batchSize * layerSizes[0]
          for l in pairs.indices {
            if l == 0 {
              multiply(input, rows: batchSize, by: weights[0], into: &outputs[0])
            } else {
              Matrix.multiply(outputs[l - 1], weights[l], into: &outputs[l])
            }
          }
          for l in pairs.indices.reversed() {
            if l > 0 {
              Matrix.multiply(deltas[l], weights[l], transposingB: true, into: &inputDeltas[l])
              Matrix.multiply(outputs[l - 1], transposingA: true, deltas[l],
                              into: &weights[l], alpha: -1e-6, beta: 1)
            } else {
              step(&weights[0], input: input, rows: batchSize, deltas: deltas[0])
            }
          }
        }
      }
    }
    return elapsed.seconds
  }
}

/// `result = a · w` for `rows` rows of `a` read in place.
private func multiply(_ a: UnsafePointer<Float>, rows: Int, by w: Matrix, into result: inout Matrix) {
  w.storage.withUnsafeBufferPointer { weights in
    result.storage.withUnsafeMutableBufferPointer { c in
      BLAS.gemm(transposeA: false, transposeB: false, m: rows, n: w.columns, k: w.rows,
                alpha: 1, a: a, lda: w.rows, b: weights.baseAddress!, ldb: w.columns,
                beta: 0, c: c.baseAddress!, ldc: w.columns)
    }
  }
}

/// The weight step `w += -1e-6 · aᵀ · δ` for `rows` rows of `a` read in place.
private func step(_ w: inout Matrix, input a: UnsafePointer<Float>, rows: Int, deltas: Matrix) {
  let (inputs, outputs) = (w.rows, w.columns)
  deltas.storage.withUnsafeBufferPointer { d in
    w.storage.withUnsafeMutableBufferPointer { weights in
      BLAS.gemm(transposeA: true, transposeB: false, m: inputs, n: outputs, k: rows,
                alpha: -1e-6, a: a, lda: inputs, b: d.baseAddress!, ldb: outputs,
                beta: 1, c: weights.baseAddress!, ldc: outputs)
    }
  }
}

extension Duration {
  var seconds: Double {
    let (whole, fraction) = components
    return Double(whole) + Double(fraction) * 1e-18
  }
}
