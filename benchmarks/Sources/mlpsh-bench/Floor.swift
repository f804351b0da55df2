import MLPCore

/// The matrix products of one training epoch of `layerSizes` at `batchSize`, and nothing else:
/// the floor that the whole training step is measured against. Per batch of `n`, for layer `l`
/// (`k_l` inputs read, `n_{l+1}` outputs), the same calls the training loop makes:
/// ```
/// forward      n x k_l      · k_l x n_{l+1}
/// input grads  n x n_{l+1}  · (n_l x n_{l+1})ᵀ     (not for the first layer)
/// weight step  (n x k_l)ᵀ   · n x n_{l+1}          (beta = 1, into the weights)
/// ```
/// `k_l` is `n_l`, except that the first layer reads only the columns each batch uses when
/// training leaves the others out (`TrainingOptions.skipsUnusedColumns`): `firstLayerColumns`
/// holds each batch's count, and the products then run on that many weight rows, as training's do.
/// The first layer reads its batches one after another from a whole epoch of inputs, as
/// training does: a single cached batch would leave out the memory traffic that the same calls
/// on the real data cannot avoid.
struct ProductFloor {
  let layerSizes: [Int]
  let batchSize: Int
  /// The first layer's input columns in each batch.
  let firstLayerColumns: [Int]

  /// The dense products: every batch reads all of the first layer's inputs.
  init(layerSizes: [Int], batchSize: Int, batches: Int) {
    self.init(layerSizes: layerSizes, batchSize: batchSize,
              firstLayerColumns: Array(repeating: layerSizes[0], count: batches))
  }

  init(layerSizes: [Int], batchSize: Int, firstLayerColumns: [Int]) {
    self.layerSizes = layerSizes
    self.batchSize = batchSize
    self.firstLayerColumns = firstLayerColumns
  }

  /// Floating-point operations of one epoch: 2·m·n·k for each product.
  var flops: Double {
    var total = 0.0
    let pairs = zip(layerSizes, layerSizes.dropFirst())
    for columns in firstLayerColumns {
      for (index, (input, output)) in pairs.enumerated() {
        total += index == 0
          ? 2 * 2.0 * Double(batchSize * columns * output)
          : 3 * 2.0 * Double(batchSize * input * output)
      }
    }
    return total
  }

  /// Runs the products of one epoch and returns the seconds they took. `inputs` holds the
  /// first layer's inputs of every batch one after another, batch `b` as `batchSize` rows of
  /// `firstLayerColumns[b]` floats.
  func run(inputs: UnsafePointer<Float>) -> Double {
    var generator = SeededGenerator(seed: 1)
    func random(_ rows: Int, _ columns: Int) -> Matrix {
      Matrix(rows: rows, columns: columns,
             storage: (0 ..< rows * columns).map { _ in Float(generator.nextNormal(standardDeviation: 0.01)) })
    }
    let pairs = Array(zip(layerSizes, layerSizes.dropFirst()))
    var weights = pairs.map { random($0.0, $0.1) }
    var outputs = pairs.map { random(batchSize, $0.1) }
    let deltas = pairs.map { random(batchSize, $0.1) }
    var inputDeltas = pairs.map { random(batchSize, $0.0) }
    let clock = ContinuousClock()
    return clock.measure {
      var input = inputs
      for columns in firstLayerColumns {
        for l in pairs.indices {
          if l == 0 {
            multiply(input, rows: batchSize, columns: columns, by: weights[0], into: &outputs[0])
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
            step(&weights[0], input: input, rows: batchSize, columns: columns, deltas: deltas[0])
          }
        }
        input += batchSize * columns
      }
    }.seconds
  }
}

/// `result = a · w[0 ..< columns]` for `rows x columns` of `a` read in place.
private func multiply(_ a: UnsafePointer<Float>, rows: Int, columns: Int, by w: Matrix,
                      into result: inout Matrix) {
  w.storage.withUnsafeBufferPointer { weights in
    result.storage.withUnsafeMutableBufferPointer { c in
      BLAS.gemm(transposeA: false, transposeB: false, m: rows, n: w.columns, k: columns,
                alpha: 1, a: a, lda: columns, b: weights.baseAddress!, ldb: w.columns,
                beta: 0, c: c.baseAddress!, ldc: w.columns)
    }
  }
}

/// The weight step `w[0 ..< columns] += -1e-6 · aᵀ · δ` for `rows x columns` of `a` read in place.
private func step(_ w: inout Matrix, input a: UnsafePointer<Float>, rows: Int, columns: Int,
                  deltas: Matrix) {
  let outputs = w.columns
  deltas.storage.withUnsafeBufferPointer { d in
    w.storage.withUnsafeMutableBufferPointer { weights in
      BLAS.gemm(transposeA: true, transposeB: false, m: columns, n: outputs, k: rows,
                alpha: -1e-6, a: a, lda: columns, b: d.baseAddress!, ldb: outputs,
                beta: 1, c: weights.baseAddress!, ldc: outputs)
    }
  }
}

/// Each batch's used columns of `inputs` (`rows x columns`, batches of `batchSize` rows one
/// after another), gathered: the first layer's operands when training leaves the unused
/// columns out. A column is used when some row holds a value other than ±0, as in training.
func gatherUsedColumns(of inputs: Matrix, batchSize: Int) -> (columns: [Int], gathered: [Float]) {
  let features = inputs.columns
  var counts: [Int] = []
  var gathered: [Float] = []
  gathered.reserveCapacity(inputs.storage.count)
  inputs.storage.withUnsafeBufferPointer { all in
    for batch in 0 ..< inputs.rows / batchSize {
      let rows = UnsafeBufferPointer(rebasing: all[batch * batchSize * features ..< (batch + 1) * batchSize * features])
      var isUsed = [Bool](repeating: false, count: features)
      for (index, value) in rows.enumerated() where value != 0 { isUsed[index % features] = true }
      let used = isUsed.indices.filter { isUsed[$0] }
      counts.append(used.count)
      for row in 0 ..< batchSize { gathered += used.map { rows[row * features + $0] } }
    }
  }
  return (counts, gathered)
}

extension Duration {
  var seconds: Double {
    let (whole, fraction) = components
    return Double(whole) + Double(fraction) * 1e-18
  }
}
