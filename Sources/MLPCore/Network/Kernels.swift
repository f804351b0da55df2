import Foundation

// The element-wise passes of the training loop. Each is one flat loop over a contiguous
// batch buffer with at most two pointers, so the compiler vectorises the ReLU cases (a loop
// that also accumulated column sums through a third pointer stayed scalar and cost 17% of an
// epoch; the column sums are a BLAS matrix-vector product now, see `Workspace.swift`).

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
    // One loop per case, each calling the formula of `Activation` with the case known, so
    // the function the tests check is the one training runs and each loop stays simple.
    switch activation {
    case .relu:
      for j in 0 ..< columns { z[j] = Activation.relu(z[j] + bias[j]) }
    case .sigmoid:
      for j in 0 ..< columns { z[j] = Activation.sigmoid(z[j] + bias[j]) }
    case .tanh:
      for j in 0 ..< columns { z[j] = Activation.tanh(z[j] + bias[j]) }
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
/// its pre-activation `o`, in place, over `count` contiguous elements:
/// ```
/// δ ← δ ⊙ f'(a)
/// ```
/// `f'` is taken from the output `a` (see `Activation.derivative(fromOutput:)`), once.
func multiplyByDerivative(
  _ deltas: UnsafeMutablePointer<Float>, outputs: UnsafePointer<Float>, count: Int,
  activation: Activation
) {
  // As in `addBiasAndActivate`, one loop per case with the case known. For ReLU the
  // derivative is a 0/1 select, so the product compiles to vector code rather than a branch
  // that mispredicts on half the units.
  switch activation {
  case .relu:
    for i in 0 ..< count { deltas[i] *= Activation.relu.derivative(fromOutput: outputs[i]) }
  case .sigmoid:
    for i in 0 ..< count { deltas[i] *= Activation.sigmoid.derivative(fromOutput: outputs[i]) }
  case .tanh:
    for i in 0 ..< count { deltas[i] *= Activation.tanh.derivative(fromOutput: outputs[i]) }
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
/// gradient of the summed loss with respect to the logits:
/// ```
/// δₙ = ŷₙ - onehot(yₙ)        (softmax and cross-entropy together)
/// ```
/// The probabilities themselves are only read: the clip applies to a copy.
func crossEntropyPass(
  probabilities: UnsafePointer<Float>, labels: UnsafePointer<Int>, rows: Int, columns: Int,
  loss: CrossEntropy, deltas: UnsafeMutablePointer<Float>?
) -> OutputPass {
  var result = OutputPass()
  for row in 0 ..< rows {
    let p = probabilities + row * columns
    let label = labels[row]
    result.lossSum += loss.sampleLoss(probabilityOfLabel: p[label])
    if argmax(p, count: columns) == label { result.correct += 1 }
    if let deltas {
      let d = deltas + row * columns
      d.update(from: p, count: columns)
      d[label] -= 1
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
