import Foundation
import MLPCore

/// The generators behind `Synthetic.make`. Each returns the points of class 0 then class 1
/// (xor: in drawing order), before the shuffle. The Playground's labels −1 and +1 are classes
/// 0 and 1.
extension Synthetic {
  /// The notebook's blobs: `n` standard-normal pairs `z` drawn ONCE (row by row, x then y)
  /// and shared by both classes,
  /// ```
  /// class 0: (−5, 5) + noise·zᵢ      class 1: (5, 5) + noise·zᵢ
  /// ```
  /// as `np.random.seed(42)` before each class makes the notebook do.
  static func blobs(_ first: Int, _ second: Int, noise: Double, using generator: inout SeededGenerator) -> [Point] {
    let shared = (0 ..< max(first, second)).map { _ in
      (generator.nextNormal(), generator.nextNormal())
    }
    let class0 = shared.prefix(first).map { Point(x: -5 + noise * $0.0, y: 5 + noise * $0.1, label: 0) }
    let class1 = shared.prefix(second).map { Point(x: 5 + noise * $0.0, y: 5 + noise * $0.1, label: 1) }
    return class0 + class1
  }

  /// The Playground's XOR: x, y uniform in [−5, 5] pushed 0.3 away from the axes; the label is
  /// the sign of x·y measured after adding uniform noise in ±5·noise (the point itself is kept
  /// without it, so noise shows as points of the wrong colour near the axes).
  static func xor(_ count: Int, noise: Double, using generator: inout SeededGenerator) -> [Point] {
    (0 ..< count).map { _ in
      var x = generator.nextUniform(from: -5, to: 5)
      x += x > 0 ? 0.3 : -0.3
      var y = generator.nextUniform(from: -5, to: 5)
      y += y > 0 ? 0.3 : -0.3
      let noisyX = x + generator.nextUniform(from: -5, to: 5) * noise
      let noisyY = y + generator.nextUniform(from: -5, to: 5) * noise
      return Point(x: x, y: y, label: noisyX * noisyY >= 0 ? 1 : 0)
    }
  }

  /// The Playground's circles: class 1 at radius r ∈ [0, 2.5), class 0 in a ring r ∈ [3.5, 5),
  /// at uniform angles; the label is re-read at the point moved by uniform noise in ±5·noise
  /// (inside radius 2.5: class 1).
  static func circles(_ first: Int, _ second: Int, noise: Double, using generator: inout SeededGenerator) -> [Point] {
    let radius = 5.0
    func point(radii: ClosedRange<Double>) -> Point {
      let r = generator.nextUniform(from: radii.lowerBound, to: radii.upperBound)
      let angle = generator.nextUniform(from: 0, to: 2 * Double.pi)
      let x = r * sin(angle)
      let y = r * cos(angle)
      let noisyX = x + generator.nextUniform(from: -radius, to: radius) * noise
      let noisyY = y + generator.nextUniform(from: -radius, to: radius) * noise
      let inside = (noisyX * noisyX + noisyY * noisyY).squareRoot() < radius * 0.5
      return Point(x: x, y: y, label: inside ? 1 : 0)
    }
    let inner = (0 ..< second).map { _ in point(radii: 0 ... radius * 0.5) }
    let outer = (0 ..< first).map { _ in point(radii: radius * 0.7 ... radius) }
    return outer + inner
  }

  /// The Playground's two Gaussians: class 1 around (2, 2), class 0 around (−2, −2), each
  /// coordinate normal with variance 0.5 + 7·noise (0.5 at noise 0, 4 at noise 0.5).
  static func gaussians(_ first: Int, _ second: Int, noise: Double, using generator: inout SeededGenerator) -> [Point] {
    let deviation = (0.5 + 7 * noise).squareRoot()
    func points(_ count: Int, center: Double, label: Int) -> [Point] {
      (0 ..< count).map { _ in
        Point(x: generator.nextNormal(mean: center, standardDeviation: deviation),
              y: generator.nextNormal(mean: center, standardDeviation: deviation), label: label)
      }
    }
    let negative = points(first, center: -2, label: 0)
    return negative + points(second, center: 2, label: 1)
  }

  /// The Playground's two spirals: for i = 0 … m−1,
  /// ```
  /// r = 5·i/m      t = 1.75·2π·i/m + δ      (x, y) = (r·sin t, r·cos t) + noise·(u₁, u₂)
  /// ```
  /// with u₁, u₂ uniform in [−1, 1], δ = 0 for class 1 and δ = π for class 0.
  static func spiral(_ first: Int, _ second: Int, noise: Double, using generator: inout SeededGenerator) -> [Point] {
    func arm(_ count: Int, delta: Double, label: Int) -> [Point] {
      (0 ..< count).map { i in
        let fraction = Double(i) / Double(count)
        let r = 5 * fraction
        let t = 1.75 * fraction * 2 * Double.pi + delta
        let x = r * sin(t) + generator.nextUniform(from: -1, to: 1) * noise
        let y = r * cos(t) + generator.nextUniform(from: -1, to: 1) * noise
        return Point(x: x, y: y, label: label)
      }
    }
    let negative = arm(first, delta: Double.pi, label: 0)
    return negative + arm(second, delta: 0, label: 1)
  }

  /// scikit-learn's moons: class 0 on the upper half circle (cos s, sin s), class 1 on the
  /// lower one (1 − cos s, 0.5 − sin s), s evenly spaced over [0, π], plus normal noise of
  /// standard deviation `noise` on each coordinate.
  static func moons(_ first: Int, _ second: Int, noise: Double, using generator: inout SeededGenerator) -> [Point] {
    func angle(_ i: Int, of count: Int) -> Double {
      count > 1 ? Double.pi * Double(i) / Double(count - 1) : 0
    }
    let upper = (0 ..< first).map { i in
      Point(x: cos(angle(i, of: first)), y: sin(angle(i, of: first)), label: 0)
    }
    let lower = (0 ..< second).map { i in
      Point(x: 1 - cos(angle(i, of: second)), y: 0.5 - sin(angle(i, of: second)), label: 1)
    }
    return (upper + lower).map { point in
      Point(x: point.x + generator.nextNormal(mean: 0, standardDeviation: noise),
            y: point.y + generator.nextNormal(mean: 0, standardDeviation: noise), label: point.label)
    }
  }
}
