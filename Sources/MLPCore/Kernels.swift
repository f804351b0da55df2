import Foundation

// The fused element-wise passes of the training loop. Each walks a batch buffer once,
// so that bias, activation, derivative and bias-gradient cost one pass each instead of
// three. The switch on the activation sits outside the loops so each loop stays simple
// enough for the compiler to vectorise.

/// Adds `bias` to every row of the `rows x columns` buffer `values`, then applies
/// `activation` to every element:
/// ```
/// a = f(z + b)
/// ```
func addBiasAndActivate(
  _ values: UnsafeMutablePointer<Float>, rows: Int, columns: Int,
  bias: UnsafePointer<Float>, activation: Activation
) {
  for row in 0 ..< rows {
    let z = values + row * columns
    switch activation {
    case .relu:
      for j in 0 ..< columns { z[j] = max(z[j] + bias[j], 0) }
    case .sigmoid:
      for j in 0 ..< columns { z[j] = 1 / (1 + expf(-(z[j] + bias[j]))) }
    case .tanh:
      for j in 0 ..< columns { z[j] = tanhf(z[j] + bias[j]) }
    }
  }
}

/// Adds `bias` to every row of `values`, then turns each row into probabilities by softmax.
func addBiasAndSoftmax(
  _ values: UnsafeMutablePointer<Float>, rows: Int, columns: Int, bias: UnsafePointer<Float>
) {
  for row in 0 ..< rows {
    let z = values + row * columns
    for j in 0 ..< columns { z[j] += bias[j] }
    softmaxInPlace(z, count: columns)
  }
}

/// Turns the gradient with respect to a layer's output `a` into the gradient with respect to
/// its pre-activation `o`, in place, and sums the result over the batch:
/// ```
/// δ ← δ ⊙ f'(a)        columnSums[j] = Σₙ δₙⱼ
/// ```
/// `f'` is taken from the output `a` (see `Activation.derivative(fromOutput:)`), once.
func multiplyByDerivative(
  _ deltas: UnsafeMutablePointer<Float>, outputs: UnsafePointer<Float>, rows: Int, columns: Int,
  activation: Activation, columnSums: UnsafeMutablePointer<Float>
) {
  columnSums.update(repeating: 0, count: columns)
  for row in 0 ..< rows {
    let d = deltas + row * columns
    let a = outputs + row * columns
    switch activation {
    case .relu:
      for j in 0 ..< columns {
        d[j] = a[j] > 0 ? d[j] : 0
        columnSums[j] += d[j]
      }
    case .sigmoid:
      for j in 0 ..< columns {
        d[j] *= a[j] * (1 - a[j])
        columnSums[j] += d[j]
      }
    case .tanh:
      for j in 0 ..< columns {
        d[j] *= 1 - a[j] * a[j]
        columnSums[j] += d[j]
      }
    }
  }
}

/// What one pass over a batch of softmax outputs finds.
struct OutputPass {
  /// The summed (not yet averaged) cross-entropy over the batch.
  var lossSum: Double = 0
  /// How many rows put their largest probability on the true class.
  var correct: Int = 0
}

/// Reads the softmax output of a batch against its labels once, and in that pass sums the
/// clipped cross-entropy, counts correct predictions, and, when `deltas` is given, writes the
/// gradient of the summed loss with respect to the logits and its column sums:
/// ```
/// δₙ = ŷₙ - onehot(yₙ)        (softmax and cross-entropy together)
/// ```
/// The probabilities themselves are only read: the clip applies to a copy.
func crossEntropyPass(
  probabilities: UnsafePointer<Float>, labels: UnsafePointer<Int>, rows: Int, columns: Int,
  loss: CrossEntropy, deltas: UnsafeMutablePointer<Float>?, columnSums: UnsafeMutablePointer<Float>?
) -> OutputPass {
  var result = OutputPass()
  columnSums?.update(repeating: 0, count: columns)
  for row in 0 ..< rows {
    let p = probabilities + row * columns
    let label = labels[row]
    result.lossSum += loss.sampleLoss(probabilityOfLabel: p[label])
    if argmax(p, count: columns) == label { result.correct += 1 }
    if let deltas, let columnSums {
      let d = deltas + row * columns
      for j in 0 ..< columns {
        d[j] = p[j] - (j == label ? 1 : 0)
        columnSums[j] += d[j]
      }
    }
  }
  return result
}

/// The index of the largest of `count` floats; the first one on a tie, as numpy's `argmax`.
@inline(__always)
func argmax(_ values: UnsafePointer<Float>, count: Int) -> Int {
  var best = 0
  for j in 1 ..< count where values[j] > values[best] { best = j }
  return best
}
