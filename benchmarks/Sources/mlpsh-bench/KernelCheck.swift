import MLPCore

/// Compares OpenBLAS products, at the shapes training uses and with every transpose flag,
/// against the definition computed in double precision; returns the worst error relative to
/// the largest element of the exact product. Run under a forced `OPENBLAS_CORETYPE`, it
/// shows whether that kernel family computes correctly on this processor.
func worstProductError() -> Double {
  var generator = SeededGenerator(seed: 7)
  func random(_ rows: Int, _ columns: Int) -> Matrix {
    Matrix(rows: rows, columns: columns,
           storage: (0 ..< rows * columns).map { _ in Float(generator.nextNormal()) })
  }
  // (m, n, k): forward, input-gradient and weight-gradient shapes of 784-128-64-10 at
  // batches 64 and 16, evaluation chunks, and odd sizes that exercise the kernels' edges.
  let shapes = [(64, 128, 784), (64, 64, 128), (64, 10, 64), (64, 128, 64), (64, 64, 10),
                (784, 128, 64), (128, 64, 64), (64, 10, 64), (16, 128, 784), (500, 10, 64),
                (1, 1, 1), (3, 5, 7), (17, 33, 65), (100, 1, 300)]
  var worst = 0.0
  for (m, n, k) in shapes {
    for (transposeA, transposeB) in [(false, false), (true, false), (false, true), (true, true)] {
      let a = random(transposeA ? k : m, transposeA ? m : k)
      let b = random(transposeB ? n : k, transposeB ? k : n)
      var c = random(m, n)
      let before = c
      Matrix.multiply(a, transposingA: transposeA, b, transposingB: transposeB, into: &c,
                      alpha: 0.5, beta: 1)
      // op(A) and op(B) spelled out in double precision, then Σₚ aᵢₚ bₚⱼ.
      let left = (0 ..< m * k).map { index in
        let (i, p) = (index / k, index % k)
        return Double(transposeA ? a.storage[p * m + i] : a.storage[i * k + p])
      }
      let right = (0 ..< k * n).map { index in
        let (p, j) = (index / n, index % n)
        return Double(transposeB ? b.storage[j * k + p] : b.storage[p * n + j])
      }
      var exact = before.storage.map(Double.init)
      for i in 0 ..< m {
        for p in 0 ..< k {
          let factor = 0.5 * left[i * k + p]
          for j in 0 ..< n { exact[i * n + j] += factor * right[p * n + j] }
        }
      }
      let scale = max(exact.map(abs).max() ?? 1, 1)
      for index in exact.indices {
        worst = max(worst, abs(Double(c.storage[index]) - exact[index]) / scale)
      }
    }
  }
  return worst
}
