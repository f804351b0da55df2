/// What a `load` gives: a training set, a test set when the data set has one, a validation
/// set once `split` holds one out of the training set, and where it came from.
///
/// MNIST and Fashion-MNIST come with their official test sets; the embedded digits get a
/// seeded split; a CSV file or a toy set has no test set until one is split off.
public struct LoadedData: Sendable, Equatable {
  /// The samples to train on.
  public var train: Dataset
  /// The held-out samples, if any.
  public var test: Dataset?
  /// Samples held out of the training set to watch a run on (`split validation=`), if any.
  public var validation: Dataset?
  /// Where the samples were read from, for messages.
  public var origin: DataOrigin

  public init(train: Dataset, test: Dataset? = nil, validation: Dataset? = nil, origin: DataOrigin) {
    self.train = train
    self.test = test
    self.validation = validation
    self.origin = origin
  }

  /// Every set mapped to `[0, 1]` with the training set's range.
  ///
  /// The range is `train.valueRange` when known (0...255 for MNIST), else the training set's
  /// smallest and largest values, so that both sets go through the same map
  /// `x' = (x − lo) / (hi − lo)`.
  public func scaledToUnitRange() -> LoadedData {
    guard let range = train.valueRange ?? train.observedRange() else { return self }
    var result = self
    result.train = train.scaled(from: range)
    result.test = test?.scaled(from: range)
    result.validation = validation?.scaled(from: range)
    return result
  }

  /// Every set standardised with the training set's per-feature mean and standard deviation.
  public func standardized() -> LoadedData {
    let statistics = train.featureStatistics()
    var result = self
    result.train = train.standardized(using: statistics)
    result.test = test?.standardized(using: statistics)
    result.validation = validation?.standardized(using: statistics)
    return result
  }

  /// The first `n` samples of the training set and the first `testCount` (default: `n`) of
  /// the test set (and of the validation set).
  public func prefix(_ n: Int, testCount: Int? = nil) -> LoadedData {
    var result = self
    result.train = train.prefix(n)
    result.test = test?.prefix(testCount ?? n)
    result.validation = validation?.prefix(testCount ?? n)
    return result
  }
}

/// Where a data set's samples came from.
public enum DataOrigin: Sendable, Equatable, CustomStringConvertible {
  /// Files in a folder the user named or set through `MLPSH_DATA`, or a system folder.
  case folder(String)
  /// Files already in the user cache.
  case cache(String)
  /// Files just downloaded, verified and saved into the user cache.
  case downloaded(String)
  /// A CSV (or other) file.
  case file(String)
  /// Data compiled into the program.
  case embedded
  /// Data generated from a seed.
  case generated(seed: UInt64)

  /// "from '/home/ann/.cache/mlpsh/mnist' (downloaded)".
  public var description: String {
    switch self {
    case let .folder(path): return "from '\(path)'"
    case let .cache(path): return "from the cache '\(path)'"
    case let .downloaded(path): return "downloaded into '\(path)'"
    case let .file(path): return "from '\(path)'"
    case .embedded: return "built into mlpsh"
    case let .generated(seed): return "generated with seed \(seed)"
    }
  }
}
