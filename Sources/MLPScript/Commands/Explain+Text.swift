import Foundation
import MLPCore

/// `explain`'s text: a step of training written out with docs/numerics.md's symbols.
///
/// ```
/// forward: o_{l+1} = a_l · W_l + b_l, a_{l+1} = relu(o_{l+1}), ŷ = softmax(o_L)
///   a₀ = x             2
///       [3.141, 2.172]
///   o₁ = a₀ · W₀ + b₀  1×2 · 2×4 + 4
///       [1.368, -1.015, -0.8899, -0.9192]
///     one unit: o₁[0] = Σₖ a₀[k]·W₀[k,0] + b₀[0] = 3.141×0.2604 + 2.172×0.2547 + (-0.003358) = 1.368
/// ```
/// Vectors longer than fit are cut with "… N more"; a sum over more than 8 inputs shows its
/// largest terms.
struct StepExplanationText {
  let step: StepExplanation
  let activation: Activation
  /// The columns a line may take.
  let width: Int

  /// Inputs of a sum written out in full up to this many; beyond, the largest terms.
  static let termsInFull = 4
  static let largestTerms = 3

  func lines(title: String) -> [String] {
    let rows = [Row.text(title), .text("")] + forward() + [.text("")] + backward() + [.text("")] + update()
    // Values start in one column, after the longest formula and shape (at most half the width).
    let labelWidth = rows.compactMap { if case let .values(label, _, _, _) = $0 { return label.count } else { return nil } }
      .max() ?? 0
    return rows.flatMap { row -> [String] in
      switch row {
      case let .text(text): return [text]
      case let .values(label, shape, values, suffix):
        let formula = "  " + label.padded(to: labelWidth) + "  " + shape
        guard let values else { return [formula + "  " + suffix] }
        let indent = "      "
        return [formula, indent + vector(values, room: width - indent.count - suffix.count) + suffix]
      }
    }
  }

  /// A line of the explanation: text as it is, or a formula, its shapes and its values.
  private enum Row {
    case text(String)
    case values(String, shape: String, [Float]?, suffix: String)
  }

  // MARK: - The three parts

  private func forward() -> [Row] {
    let f = activation.rawValue
    var rows = [Row.text("forward: o_{l+1} = a_l · W_l + b_l, a_{l+1} = \(f)(o_{l+1}), ŷ = softmax(o_L)")]
    let first = step.layers[0]
    let blank = first.input.filter { $0 == 0 }.count
    rows.append(.values("a₀ = x", shape: "\(first.input.count)", first.input,
                        suffix: blank * 2 > first.input.count ? "  (\(blank) of \(first.input.count) are 0)" : ""))
    for layer in step.layers {
      let l = layer.index, next = l + 1
      let n = layer.input.count, m = layer.preactivation.count
      rows.append(.values("o\(sub(next)) = a\(sub(l)) · W\(sub(l)) + b\(sub(l))", shape: "1×\(n) · \(n)×\(m) + \(m)",
                          layer.preactivation, suffix: ""))
      if l == 0 { rows += sumWrittenOut(layer).map { .text($0) } }
      if l == step.layers.count - 1 {
        rows.append(.values("ŷ = softmax(o\(sub(next)))", shape: "\(m)", layer.output, suffix: ""))
      } else {
        let zeros = activation == .relu ? "  (\(layer.output.filter { $0 == 0 }.count) of \(m) are 0)" : ""
        rows.append(.values("a\(sub(next)) = \(f)(o\(sub(next)))", shape: "\(m)", layer.output, suffix: zeros))
      }
    }
    let y = step.label
    rows.append(.text("  L = -log ŷ[\(y)] = -log \(number(step.probabilities[y])) = \(fixed(step.loss));"
      + " predicts \(step.prediction) with probability \(number(step.probabilities[step.prediction]))"))
    return rows
  }

  private func backward() -> [Row] {
    let f = activation.rawValue
    var rows = [Row.text("backward: δ_L = ŷ - onehot(y), δ_l = (δ_{l+1} · W_lᵀ) ⊙ \(f)′(a_l)"),
                .text("          ∇W_l = a_lᵀ · δ_{l+1}, ∇b_l = δ_{l+1}")]
    for layer in step.layers.reversed() {
      let l = layer.index, next = l + 1
      let n = layer.input.count, m = layer.delta.count
      let delta = l == step.layers.count - 1
        ? "δ\(sub(next)) = ŷ - onehot(\(step.label))"
        : "δ\(sub(next)) = (δ\(sub(next + 1)) · W\(sub(next))ᵀ) ⊙ \(f)′(a\(sub(next)))"
      rows.append(.values(delta, shape: "\(m)", layer.delta, suffix: ""))
      rows.append(.text("  ∇W\(sub(l)) = a\(sub(l))ᵀ · δ\(sub(next))   \(n)×1 · 1×\(m)   ‖∇W\(sub(l))‖ = \(fixed(layer.weightGradientNorm)),"
        + " ‖∇b\(sub(l))‖ = \(fixed(layer.biasGradientNorm))"))
    }
    return rows
  }

  private func update() -> [Row] {
    let eta = "\(step.learningRate)"
    var rows = [Row.text("step: W_l ← W_l - η ∇W_l, b_l ← b_l - η ∇b_l, η = \(eta); the largest changes:")]
    for layer in step.layers {
      let m = layer.delta.count
      let gradient = layer.weightGradient
      guard let largest = gradient.indices.max(by: { abs(gradient[$0]) < abs(gradient[$1]) }) else { continue }
      let (k, j) = (largest / m, largest % m)
      let before = layer.weights[largest], change = -step.learningRate * gradient[largest]
      rows.append(.text("  W\(sub(layer.index))[\(k),\(j)] ← \(number(before)) - \(eta)×\(factor(layer.input[k]))×\(factor(layer.delta[j]))"
        + " = \(number(before + change))   (a\(sub(layer.index))[\(k)]·δ\(sub(layer.index + 1))[\(j)])"))
    }
    return rows
  }

  // MARK: - Pieces

  /// One unit of the first layer written out: the unit with the largest |o₁|, its sum
  /// term by term, or by its largest terms when the layer has many inputs.
  private func sumWrittenOut(_ layer: StepExplanation.Layer) -> [String] {
    let j = layer.preactivation.indices.max { abs(layer.preactivation[$0]) < abs(layer.preactivation[$1]) } ?? 0
    let terms = contributions(layer, unit: j)
    let end = " + \(factor(layer.bias[j])) = " + number(layer.preactivation[j])
    func written(_ shown: [(input: Float, weight: Float, value: Float)], more: Int) -> String {
      "      = " + shown.map { "\(factor($0.input))×\(factor($0.weight))" }.joined(separator: " + ")
        + (more > 0 ? " + … \(more) more" : "") + end
    }
    var line = written(terms, more: 0)
    if terms.count > Self.termsInFull {
      // The largest terms, as many as fit (at least one), then how many nonzero ones are left.
      let nonzero = terms.filter { $0.value != 0 }.sorted { abs($0.value) > abs($1.value) }
      var count = min(Self.largestTerms, nonzero.count)
      repeat {
        line = written(Array(nonzero.prefix(count)), more: nonzero.count - count)
        count -= 1
      } while line.count > width && count >= 1
    }
    return ["    one unit: o₁[\(j)] = Σₖ a₀[k]·W₀[k,\(j)] + b₀[\(j)]", line]
  }

  /// Each input's term `a_k · W[k, j]` of unit `j`'s sum.
  private func contributions(_ layer: StepExplanation.Layer, unit j: Int) -> [(input: Float, weight: Float, value: Float)] {
    let m = layer.preactivation.count
    return layer.input.indices.map { k in
      let w = layer.weights[k * m + j]
      return (layer.input[k], w, layer.input[k] * w)
    }
  }

  /// `[0.12, -0.4, 0.88, … 124 more; min -47.69, max 70.02]`: as many values as fit in
  /// `room` columns, and the range of them all when some are left out.
  private func vector(_ values: [Float], room: Int) -> String {
    let range = "; min \(number(values.min() ?? 0)), max \(number(values.max() ?? 0))"
    var shown: [String] = []
    var used = 2
    for (index, value) in values.enumerated() {
      let text = number(value)
      let left = values.count - index - 1
      let reserve = left > 0 ? ", … \(left) more".count + range.count : 0
      if used + text.count + 2 + reserve > room && index > 0 {
        return "[" + shown.joined(separator: ", ") + ", … \(values.count - index) more" + range + "]"
      }
      shown.append(text)
      used += text.count + 2
    }
    return "[" + shown.joined(separator: ", ") + "]"
  }

  /// Four significant digits: `0.6237`, `-47.69`, `253`, `0`.
  private func number(_ value: Float) -> String {
    value == 0 ? "0" : String(format: "%.4g", Double(value))
  }

  /// A factor in a written-out sum: negative numbers in parentheses.
  private func factor(_ value: Float) -> String {
    value < 0 ? "(\(number(value)))" : number(value)
  }

  /// `12` → `₁₂`.
  private func sub(_ number: Int) -> String {
    String(String(number).map { Character(UnicodeScalar(0x2080 + UInt32($0.wholeNumberValue!))!) })
  }
}

extension String {
  func padded(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }

  func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text + " "
  }
}
