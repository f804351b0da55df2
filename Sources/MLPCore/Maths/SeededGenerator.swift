import Foundation

/// A seedable random number generator that gives the same numbers on every platform.
///
/// The system generator cannot be seeded, and the standard library's helpers
/// (`Int.random(in:using:)`, `shuffle(using:)`) may change their algorithms between releases,
/// so every draw that affects a result (initial weights, shuffling, synthetic data) goes through
/// the methods here. The core is xoshiro256** (Blackman and Vigna, 2018), seeded through
/// SplitMix64 so that nearby seeds give unrelated streams.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: (UInt64, UInt64, UInt64, UInt64)
  /// The second normal deviate of the last Box-Muller pair, kept for the next call.
  private var spareNormal: Double?

  /// A generator whose whole stream is fixed by `seed`.
  public init(seed: UInt64) {
    var splitMix = seed
    func nextSplitMix() -> UInt64 {
      splitMix &+= 0x9E37_79B9_7F4A_7C15
      var z = splitMix
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotateLeft(state.1 &* 5, by: 7) &* 9
    let shifted = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= shifted
    state.3 = rotateLeft(state.3, by: 45)
    return result
  }

  // MARK: - Distributions

  /// A uniform draw from `[0, 1)` with 53 random bits.
  public mutating func nextUnit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform draw from `[lower, upper)`.
  public mutating func nextUniform(from lower: Double, to upper: Double) -> Double {
    lower + (upper - lower) * nextUnit()
  }

  /// A draw from the normal distribution with the given mean and standard deviation
  /// (Box-Muller transform).
  public mutating func nextNormal(mean: Double = 0, standardDeviation: Double = 1) -> Double {
    if let spare = spareNormal {
      spareNormal = nil
      return mean + standardDeviation * spare
    }
    var u = nextUnit()
    while u == 0 { u = nextUnit() }
    let v = nextUnit()
    let radius = (-2 * log(u)).squareRoot()
    let angle = 2 * Double.pi * v
    spareNormal = radius * sin(angle)
    return mean + standardDeviation * radius * cos(angle)
  }

  /// A uniform integer in `0 ..< bound`, without modulo bias (Lemire's method).
  public mutating func nextInt(below bound: Int) -> Int {
    precondition(bound > 0, "bound \(bound) must be positive")
    let range = UInt64(bound)
    var product = next().multipliedFullWidth(by: range)
    if product.low < range {
      let threshold = (0 &- range) % range
      while product.low < threshold {
        product = next().multipliedFullWidth(by: range)
      }
    }
    return Int(product.high)
  }

  /// A random permutation of `0 ..< count` (Fisher-Yates).
  public mutating func permutation(of count: Int) -> [Int] {
    var indices = Array(0 ..< count)
    shuffle(&indices)
    return indices
  }

  /// Shuffles `elements` in place (Fisher-Yates).
  public mutating func shuffle<Element>(_ elements: inout [Element]) {
    guard elements.count > 1 else { return }
    for i in stride(from: elements.count - 1, to: 0, by: -1) {
      elements.swapAt(i, nextInt(below: i + 1))
    }
  }
}

private func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
  (value << amount) | (value >> (64 - amount))
}
