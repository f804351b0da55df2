/// Keeps the first layer's weight rows ordered so that the input columns a training batch
/// actually uses come first, and gathers the batch's used columns in that order.
///
/// A column that is zero in every row of a batch adds nothing to the first layer's forward
/// product, and the gradient of its weight row is zero (`∇W₁ = Xᵀ · δ`, and that column of `X`
/// is zero). So both of the first layer's products can leave it out and give the same numbers,
/// up to the order of the floating-point sums. A batch of 64 raw MNIST images has a nonzero in
/// about 486 of its 784 pixels: the first layer, 88% of an epoch's multiplications, does 38%
/// fewer of them.
///
/// Copying the used weight rows out and back for every batch cost half of what it saved
/// (docs/performance.md). Instead the rows stay in the parameters, permuted: `arrange` swaps rows so that the
/// batch's used columns occupy rows `0 ..< count`, and the products run on that prefix in
/// place. Consecutive MNIST batches differ in about 32 columns, so a batch costs about 32 row
/// swaps. `restoreNaturalOrder` puts the rows back when training ends.
///
/// One thing the dense products did that must not be lost: a weight that is not finite,
/// multiplied by a zero input, makes the loss NaN, which stops the run. A row that leaves the
/// products would hide it, so `arrange` checks every row that leaves them.
final class ActiveColumns {
  /// Columns of the full input (the first layer's inputs).
  let features: Int
  /// The first layer's outputs: the length of a weight row.
  let outputs: Int
  /// The largest batch the buffers hold.
  let capacity: Int
  /// How many columns the batch last arranged for uses: the weight rows `0 ..< count`. Before
  /// the first batch, every row counts as used, so that the first `arrange` checks all the
  /// rows it leaves out.
  private(set) var count: Int
  /// `order[p]` is the input column whose weight row is row `p` of the permuted weights.
  private let order: UnsafeMutablePointer<Int>
  /// The batch's used columns, in the order of `order`: `rows x count`, row-major.
  let inputs: UnsafeMutablePointer<Float>
  /// Per column, the OR of its values' bit patterns; a column is used when some value is
  /// other than ±0 (the sign bit masked off).
  private let bits: UnsafeMutablePointer<UInt32>

  init(features: Int, outputs: Int, capacity: Int) {
    self.features = features
    self.outputs = outputs
    self.capacity = capacity
    count = features
    order = .allocate(capacity: features)
    for column in 0 ..< features { order[column] = column }
    inputs = .allocate(capacity: capacity * features)
    bits = .allocate(capacity: features)
  }

  deinit {
    order.deallocate()
    inputs.deallocate()
    bits.deallocate()
  }

  /// Whether leaving out unused columns pays for a batch like `input` (`rows x features`): it
  /// does when the batch uses at most 7/8 of its columns. Dense inputs (standardised
  /// features, a few toy columns) keep the plain products and pay nothing.
  func pays(for input: UnsafePointer<Float>, rows: Int) -> Bool {
    usedColumnCount(in: input, rows: rows) * 8 <= features * 7
  }

  /// Permutes the rows of `weights` (the first layer's, `features x outputs`, as permuted by
  /// earlier calls) so that the columns `input` uses come first, and gathers those columns of
  /// `input` (`rows x features`) into `inputs`.
  ///
  /// - Returns: `false` when a row that leaves the products holds a weight that is not
  ///   finite: dense products would have made this batch's loss NaN.
  ///
  /// `companions` are blocks laid out like the weights whose rows must travel with them (an
  /// optimizer's velocities and moments of the first layer).
  func arrange(
    for input: UnsafePointer<Float>, rows: Int, weights: UnsafeMutablePointer<Float>,
    companions: [UnsafeMutablePointer<Float>] = []
  ) -> Bool {
    let previous = count
    count = usedColumnCount(in: input, rows: rows)
    func isUsed(_ position: Int) -> Bool { bits[order[position]] != 0 }
    var leavingRowsAreFinite = true
    // Every unused column inside the prefix trades places with a used one outside it.
    var inside = 0
    var outside = count
    while true {
      while inside < count && isUsed(inside) { inside += 1 }
      guard inside < count else { break }
      while !isUsed(outside) { outside += 1 }
      leavingRowsAreFinite = isFinite(row: inside, of: weights) && leavingRowsAreFinite
      swapRows(inside, outside, of: weights)
      for block in companions { swapRows(inside, outside, of: block) }
      swap(&order[inside], &order[outside])
      inside += 1
      outside += 1
    }
    // Rows the last batch used that now sit past the prefix leave too.
    for position in count ..< max(count, previous) {
      leavingRowsAreFinite = isFinite(row: position, of: weights) && leavingRowsAreFinite
    }
    for row in 0 ..< rows {
      let source = input + row * features
      let target = inputs + row * count
      for position in 0 ..< count { target[position] = source[order[position]] }
    }
    return leavingRowsAreFinite
  }

  /// Writes the permuted `weights` to `natural` with each column's row back in its place.
  func copyInNaturalOrder(_ weights: UnsafePointer<Float>, to natural: UnsafeMutablePointer<Float>) {
    for position in 0 ..< features {
      (natural + order[position] * outputs).update(from: weights + position * outputs, count: outputs)
    }
  }

  /// Puts the rows of `weights` and of each companion block back in their natural order,
  /// in place.
  func restoreNaturalOrder(_ weights: UnsafeMutablePointer<Float>, companions: [UnsafeMutablePointer<Float>] = []) {
    let permuted = UnsafeMutablePointer<Float>.allocate(capacity: features * outputs)
    defer { permuted.deallocate() }
    for block in [weights] + companions {
      permuted.initialize(from: block, count: features * outputs)  // Floats: no deinitialising needed
      copyInNaturalOrder(permuted, to: block)
    }
    forgetOrder()
  }

  /// Takes the rows of the weights to be in natural order again, as after they were replaced
  /// by a copy in natural order, and every row to be in use, as before the first batch.
  func forgetOrder() {
    for column in 0 ..< features { order[column] = column }
    count = features
  }

  /// Fills `bits` for `input` (`rows x features`) and counts the used columns.
  private func usedColumnCount(in input: UnsafePointer<Float>, rows: Int) -> Int {
    precondition(rows <= capacity, "a batch of \(rows) rows, buffers for \(capacity)")
    bits.initialize(repeating: 0, count: features)
    // Integer ORs of four rows at a time, the sign masked off once at the end: flat loops
    // that compile to vector code.
    input.withMemoryRebound(to: UInt32.self, capacity: rows * features) { words in
      var row = 0
      while row + 4 <= rows {
        let (a, b, c, d) = (words + row * features, words + (row + 1) * features,
                            words + (row + 2) * features, words + (row + 3) * features)
        for column in 0 ..< features { bits[column] |= a[column] | b[column] | c[column] | d[column] }
        row += 4
      }
      for rest in row ..< rows {
        let a = words + rest * features
        for column in 0 ..< features { bits[column] |= a[column] }
      }
    }
    var used = 0
    for column in 0 ..< features {
      bits[column] &= 0x7FFF_FFFF
      if bits[column] != 0 { used += 1 }
    }
    return used
  }

  /// Whether every weight in row `position` of `weights` is finite: no bit pattern, sign
  /// masked off, reaches the exponent of all ones that infinities and NaNs share.
  private func isFinite(row position: Int, of weights: UnsafePointer<Float>) -> Bool {
    var largest: UInt32 = 0
    (weights + position * outputs).withMemoryRebound(to: UInt32.self, capacity: outputs) { row in
      for j in 0 ..< outputs { largest = max(largest, row[j] & 0x7FFF_FFFF) }
    }
    return largest < 0x7F80_0000
  }

  private func swapRows(_ first: Int, _ second: Int, of weights: UnsafeMutablePointer<Float>) {
    let (a, b) = (weights + first * outputs, weights + second * outputs)
    for j in 0 ..< outputs { (a[j], b[j]) = (b[j], a[j]) }
  }
}
