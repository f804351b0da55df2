import MLPCore

// MARK: - Scaling to [0, 1]

extension Dataset {
  /// The data set with every feature mapped to `[0, 1]`.
  ///
  /// ```
  /// x' = (x − lo) / (hi − lo)
  /// ```
  /// where `lo...hi` is `valueRange` when the raw range is known (MNIST and Fashion-MNIST:
  /// 0...255, so this is the familiar `x / 255`; digits: 0...16), and otherwise the smallest and
  /// largest value over all the features of this data set (one range for the whole set, so
  /// the relative sizes of the features are kept; use `standardized()` for per-feature scaling).
  /// A set whose values are all equal becomes all zeros.
  public func scaledToUnitRange() -> Dataset {
    guard let range = valueRange ?? observedRange() else { return self }
    return scaled(from: range)
  }

  /// The data set with `range` mapped linearly onto `[0, 1]`: `x' = (x − lo) / (hi − lo)`,
  /// divided (not multiplied by the reciprocal) so that MNIST gives exactly numpy's `x / 255`;
  /// an empty range (lo = hi) maps everything to 0.
  ///
  /// Use it to scale a test set with the range of its training set.
  public func scaled(from range: ClosedRange<Float>) -> Dataset {
    let width = range.upperBound - range.lowerBound
    let offset = range.lowerBound
    var result = self
    result.features.storage.withUnsafeMutableBufferPointer { values in
      guard width > 0 else {
        values.update(repeating: 0)
        return
      }
      guard width.isFinite else {
        // A range wider than Float holds (features near ±3e38): mapped in Double, whose
        // range has room, rather than divided by infinity into NaN.
        let (low, wide) = (Double(offset), Double(range.upperBound) - Double(offset))
        for i in values.indices { values[i] = Float((Double(values[i]) - low) / wide) }
        return
      }
      for i in values.indices {
        values[i] = (values[i] - offset) / width
      }
    }
    result.valueRange = 0 ... 1
    return result
  }

  /// The smallest and largest feature values of this data set, or `nil` for an empty one.
  public func observedRange() -> ClosedRange<Float>? {
    features.storage.withUnsafeBufferPointer { values in
      guard var low = values.first else { return nil }
      var high = low
      for value in values {
        low = min(low, value)
        high = max(high, value)
      }
      return low ... high
    }
  }
}

// MARK: - Standardising

/// The mean and standard deviation of each feature, as `standardized()` uses them.
public struct FeatureStatistics: Equatable, Sendable {
  /// The mean of each feature.
  public var means: [Float]
  /// The population standard deviation of each feature (divided by n, not n − 1).
  public var standardDeviations: [Float]

  public init(means: [Float], standardDeviations: [Float]) {
    precondition(means.count == standardDeviations.count,
                 "\(means.count) means but \(standardDeviations.count) standard deviations")
    self.means = means
    self.standardDeviations = standardDeviations
  }
}

extension Dataset {
  /// The mean and standard deviation of each feature over this data set, summed in Double.
  ///
  /// ```
  /// μⱼ = (1/n) Σᵢ xᵢⱼ        σⱼ = √((1/n) Σᵢ (xᵢⱼ − μⱼ)²)
  /// ```
  public func featureStatistics() -> FeatureStatistics {
    let columns = featureCount
    var sums = [Double](repeating: 0, count: columns)
    var squares = [Double](repeating: 0, count: columns)
    features.storage.withUnsafeBufferPointer { values in
      for row in 0 ..< count {
        let base = row * columns
        for column in 0 ..< columns {
          sums[column] += Double(values[base + column])
        }
      }
      let n = Double(max(count, 1))
      for column in 0 ..< columns { sums[column] /= n }
      for row in 0 ..< count {
        let base = row * columns
        for column in 0 ..< columns {
          let deviation = Double(values[base + column]) - sums[column]
          squares[column] += deviation * deviation
        }
      }
      for column in 0 ..< columns { squares[column] = (squares[column] / n).squareRoot() }
    }
    return FeatureStatistics(means: sums.map { Float($0) }, standardDeviations: squares.map { Float($0) })
  }

  /// The data set with each feature shifted to mean 0 and scaled to standard deviation 1.
  ///
  /// ```
  /// x'ᵢⱼ = (xᵢⱼ − μⱼ) / σⱼ      (x'ᵢⱼ = 0 where σⱼ = 0: a constant feature carries nothing)
  /// ```
  /// The statistics are this set's own (`featureStatistics()`).
  public func standardized() -> Dataset {
    standardized(using: featureStatistics())
  }

  /// The data set standardised with given statistics, e.g. those of its training set.
  ///
  /// - Precondition: one mean and one standard deviation per feature.
  public func standardized(using statistics: FeatureStatistics) -> Dataset {
    let columns = featureCount
    precondition(statistics.means.count == columns,
                 "statistics of \(statistics.means.count) features for \(columns) features")
    let scales = statistics.standardDeviations.map { $0 > 0 ? 1 / $0 : 0 }
    var result = self
    result.features.storage.withUnsafeMutableBufferPointer { values in
      for row in 0 ..< count {
        let base = row * columns
        for column in 0 ..< columns {
          values[base + column] = (values[base + column] - statistics.means[column]) * scales[column]
        }
      }
    }
    result.valueRange = nil
    return result
  }
}

// MARK: - Splitting and taking

extension Dataset {
  /// A seeded random split into a training set and a test set.
  ///
  /// The samples are put in the order of `SeededGenerator(seed:).permutation(of: count)`; the
  /// first `round(count × testFraction)` go to the test set and the rest, still in that
  /// shuffled order, to the training set. The same seed always gives the same split.
  ///
  /// - Throws: `DatasetError.invalidArgument` unless `0 < testFraction < 1` and both parts
  ///   get at least one sample.
  public func split(testFraction: Double, seed: UInt64 = 0) throws(DatasetError) -> (train: Dataset, test: Dataset) {
    guard testFraction > 0 && testFraction < 1 else {
      throw .invalidArgument(name: "test fraction", value: "\(testFraction)", expected: "between 0 and 1")
    }
    let testCount = Int((Double(count) * testFraction).rounded())
    guard testCount >= 1 && testCount < count else {
      throw .invalidArgument(
        name: "test fraction", value: "\(testFraction)",
        expected: "a fraction that leaves samples on both sides of the \(count)")
    }
    let parts = try split(holdingOut: testCount, seed: seed)
    return (train: parts.kept, test: parts.heldOut)
  }

  /// A seeded random split that holds out `heldOutCount` samples (a validation set): the
  /// samples in the order of `SeededGenerator(seed:).permutation(of: count)`, the first
  /// `heldOutCount` held out and the rest kept, as `split(testFraction:seed:)` does.
  ///
  /// - Throws: `DatasetError.invalidArgument` unless both parts get at least one sample.
  public func split(holdingOut heldOutCount: Int, seed: UInt64 = 0) throws(DatasetError) -> (kept: Dataset, heldOut: Dataset) {
    guard heldOutCount >= 1 && heldOutCount < count else {
      throw .invalidArgument(
        name: "held-out count", value: "\(heldOutCount)",
        expected: "a count that leaves samples on both sides of the \(count)")
    }
    var generator = SeededGenerator(seed: seed)
    let order = generator.permutation(of: count)
    return (kept: subset(order[heldOutCount...]), heldOut: subset(order[..<heldOutCount]))
  }

  /// The first `n` samples (all of them when there are fewer), for quick classroom runs.
  ///
  /// - Precondition: `n >= 0`.
  public func prefix(_ n: Int) -> Dataset {
    precondition(n >= 0, "cannot take \(n) samples")
    guard n < count else { return self }
    var result = self
    result.features = features.rows(in: 0 ..< n)
    result.labels = Array(labels[..<n])
    return result
  }
}
