import MLPCore

/// Toy two-dimensional data sets with two classes, to draw decision boundaries.
///
/// - `blobs`: the seed notebook's perceptron data: class 0 around (−5, 5), class 1 around
///   (5, 5), with the SAME standard-normal noise added to both (the notebook re-seeds numpy
///   with 42 before each class), then shuffled. `noise` scales that noise (default 1).
/// - `xor`, `circles`, `gaussians`, `spiral`: the TensorFlow Playground's generators, with its
///   meaning of `noise` (0…0.5 in its interface; default 0).
/// - `moons`: scikit-learn's two interleaving half circles; `noise` is the standard deviation
///   of the Gaussian noise added to each coordinate (default 0.1).
///
/// Every draw comes from `SeededGenerator(seed:)`, so the same `n`, `noise` and `seed` give the
/// same points on every platform; the samples are shuffled with the same generator, so any
/// prefix holds both classes.
public enum Synthetic: String, CaseIterable, Sendable {
  case blobs
  case xor
  case circles
  case gaussians
  case spiral
  case moons

  /// The seed used when none is given.
  public static let defaultSeed: UInt64 = 0

  /// The number of points when none is given: 200 (the notebook's 100 per class).
  public var defaultCount: Int { 200 }

  /// The noise when none is given.
  public var defaultNoise: Double {
    switch self {
    case .blobs: return 1
    case .moons: return 0.1
    case .xor, .circles, .gaussians, .spiral: return 0
    }
  }

  /// The two class names.
  public static let classNames = ["0", "1"]

  /// Generates the set.
  ///
  /// - Parameters:
  ///   - count: the number of points, at least 2; the classes get `count / 2` and the rest.
  ///   - noise: the noise level as described for each set, at least 0.
  ///   - seed: the seed of every draw.
  /// - Throws: `DatasetError.invalidArgument` for a count below 2 or a negative noise.
  public func make(count: Int? = nil, noise: Double? = nil, seed: UInt64 = defaultSeed) throws(DatasetError) -> Dataset {
    let count = count ?? defaultCount
    let noise = noise ?? defaultNoise
    guard count >= 2 else {
      throw .invalidArgument(name: "n", value: "\(count)", expected: "at least 2 points")
    }
    guard noise >= 0 && noise.isFinite else {
      throw .invalidArgument(name: "noise", value: "\(noise)", expected: "a number at least 0")
    }
    var generator = SeededGenerator(seed: seed)
    let first = count / 2
    let second = count - first
    let points: [Point]
    switch self {
    case .blobs: points = Self.blobs(first, second, noise: noise, using: &generator)
    case .xor: points = Self.xor(count, noise: noise, using: &generator)
    case .circles: points = Self.circles(first, second, noise: noise, using: &generator)
    case .gaussians: points = Self.gaussians(first, second, noise: noise, using: &generator)
    case .spiral: points = Self.spiral(first, second, noise: noise, using: &generator)
    case .moons: points = Self.moons(first, second, noise: noise, using: &generator)
    }
    let order = generator.permutation(of: points.count)
    var storage = [Float]()
    storage.reserveCapacity(2 * count)
    for index in order {
      storage.append(Float(points[index].x))
      storage.append(Float(points[index].y))
    }
    return Dataset(
      name: rawValue,
      features: Matrix(rows: count, columns: 2, storage: storage),
      labels: order.map { points[$0].label },
      classNames: Self.classNames
    )
  }

  /// A labelled point before shuffling.
  struct Point {
    var x: Double
    var y: Double
    var label: Int
  }
}
