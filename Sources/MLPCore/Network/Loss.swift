import Foundation

/// How per-sample losses combine into one number.
public enum LossReduction: String, Sendable, Codable {
  /// The mean over the batch (the notebook's `sum / N`).
  case mean
  /// The plain sum over the batch.
  case sum
}

/// The row-wise softmax, shifted by the row maximum so that `exp` never overflows:
/// ```
/// softmax(z)ᵢ = exp(zᵢ - max z) / Σⱼ exp(zⱼ - max z)
/// ```
public func softmax(_ logits: Matrix) -> Matrix {
  var result = logits
  result.storage.withUnsafeMutableBufferPointer { buffer in
    for row in 0 ..< logits.rows {
      softmaxInPlace(buffer.baseAddress! + row * logits.columns, count: logits.columns)
    }
  }
  return result
}

/// Softmax over `count` contiguous floats, in place. The one implementation both the
/// reference `softmax(_:)` and the training loop use.
@inline(__always)
func softmaxInPlace(_ values: UnsafeMutablePointer<Float>, count: Int) {
  var maximum = values[0]
  for j in 1 ..< count where values[j] > maximum { maximum = values[j] }
  var total: Float = 0
  for j in 0 ..< count {
    let e = expf(values[j] - maximum)
    values[j] = e
    total += e
  }
  let scale = 1 / total
  for j in 0 ..< count { values[j] *= scale }
}

/// Cross-entropy between predicted class probabilities and true classes, with the seed
/// notebook's clipping:
/// ```
/// L = -(1/N) Σₙ Σₖ yₙₖ log(clip(ŷₙₖ, ε, 1 - ε))
/// ```
/// Unlike the notebook, the clip is applied to a copy of each probability: the cached forward
/// output that backpropagation reads is never rewritten.
public struct CrossEntropy: Sendable {
  /// The clipping bound ε (the notebook's 1e-6).
  public var epsilon: Float
  /// Mean over the batch (the default) or sum.
  public var reduction: LossReduction

  public init(epsilon: Float = 1e-6, reduction: LossReduction = .mean) {
    self.epsilon = epsilon
    self.reduction = reduction
  }

  /// The loss of `probabilities` (one row per sample) against one-hot (or soft) `targets`.
  public func callAsFunction(probabilities: Matrix, targets: Matrix) -> Double {
    precondition(probabilities.rows == targets.rows && probabilities.columns == targets.columns,
                 "probabilities \(probabilities.rows)x\(probabilities.columns) vs targets \(targets.rows)x\(targets.columns)")
    var total = 0.0
    for index in probabilities.storage.indices where targets.storage[index] != 0 {
      total -= Double(targets.storage[index]) * Double(logf(clipped(probabilities.storage[index])))
    }
    return reduce(total, count: probabilities.rows)
  }

  /// The loss of `probabilities` against class indices `labels`.
  public func callAsFunction(probabilities: Matrix, labels: [Int]) -> Double {
    precondition(probabilities.rows == labels.count,
                 "\(probabilities.rows) rows of probabilities for \(labels.count) labels")
    var total = 0.0
    for (row, label) in labels.enumerated() {
      total += sampleLoss(probabilityOfLabel: probabilities[row, label])
    }
    return reduce(total, count: labels.count)
  }

  /// One sample's loss, `-log(clip(p))`, from the probability it gave its true class.
  @inline(__always)
  func sampleLoss(probabilityOfLabel p: Float) -> Double {
    -Double(logf(clipped(p)))
  }

  @inline(__always)
  private func clipped(_ p: Float) -> Float {
    min(max(p, epsilon), 1 - epsilon)
  }

  private func reduce(_ total: Double, count: Int) -> Double {
    switch reduction {
    case .mean: return count == 0 ? 0 : total / Double(count)
    case .sum: return total
    }
  }
}

/// One-hot encoding: row `n` is all zeros but a 1 in column `labels[n]`.
public func oneHot(_ labels: [Int], classCount: Int) -> Matrix {
  var result = Matrix(rows: labels.count, columns: classCount)
  for (row, label) in labels.enumerated() {
    precondition(label >= 0 && label < classCount, "label \(label) outside 0..<\(classCount)")
    result[row, label] = 1
  }
  return result
}
