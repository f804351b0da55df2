import MLPCore

/// A labelled data set: one sample a row of a Float32 matrix, one class label per sample.
///
/// Sample `i` is row `i` of `features` (row-major, `count` x `featureCount`), and its class is
/// `labels[i]`, an index into `classNames`. A data set is a value; every transformation
/// (`scaledToUnitRange()`, `standardized()`, `split(testFraction:seed:)`, `prefix(_:)`)
/// returns a new one.
public struct Dataset: Sendable, Equatable {
  /// A short name for messages: "mnist", "fashion-mnist", "digits", "xor", the CSV file's name.
  public var name: String
  /// The samples, one a row.
  public var features: Matrix
  /// The class of each sample, in `0 ..< classCount`.
  public var labels: [Int]
  /// The name of each class, e.g. "0" … "9" for MNIST, "T-shirt/top" … for Fashion-MNIST.
  public var classNames: [String]
  /// The picture each row holds, for images (28x28 for MNIST, 8x8 for digits), else `nil`.
  public var imageShape: ImageShape?
  /// The range the raw features are known to lie in (0...255 for MNIST pixels, 0...16 for
  /// digits), used by `scaledToUnitRange()`; `nil` when it is not known in advance.
  public var valueRange: ClosedRange<Float>?

  /// A data set from its parts.
  ///
  /// - Precondition: one label per row, every label in `0 ..< classNames.count`, and an image
  ///   shape (if any) with `featureCount` pixels.
  public init(
    name: String,
    features: Matrix,
    labels: [Int],
    classNames: [String],
    imageShape: ImageShape? = nil,
    valueRange: ClosedRange<Float>? = nil
  ) {
    precondition(features.rows == labels.count,
                 "\(features.rows) samples but \(labels.count) labels")
    precondition(labels.allSatisfy { $0 >= 0 && $0 < classNames.count },
                 "a label outside the \(classNames.count) classes")
    if let imageShape {
      precondition(imageShape.pixelCount == features.columns,
                   "image shape \(imageShape) for \(features.columns) features")
    }
    self.name = name
    self.features = features
    self.labels = labels
    self.classNames = classNames
    self.imageShape = imageShape
    self.valueRange = valueRange
  }

  /// The number of samples.
  public var count: Int { labels.count }

  /// The number of features of each sample.
  public var featureCount: Int { features.columns }

  /// The number of classes (some may have no sample in this set).
  public var classCount: Int { classNames.count }

  /// How many samples each class has, indexed by class.
  public func classCounts() -> [Int] {
    var counts = Array(repeating: 0, count: classCount)
    for label in labels { counts[label] += 1 }
    return counts
  }

  /// The samples at `indices`, in that order, as a new data set.
  public func subset(_ indices: some Collection<Int>) -> Dataset {
    var result = self
    result.features = features.rows(at: indices)
    result.labels = indices.map { labels[$0] }
    return result
  }
}

/// The height and width of the image each sample holds, row by row.
public struct ImageShape: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// The number of pixel rows.
  public var rows: Int
  /// The number of pixel columns.
  public var columns: Int

  public init(rows: Int, columns: Int) {
    self.rows = rows
    self.columns = columns
  }

  /// `rows * columns`.
  public var pixelCount: Int { rows * columns }

  /// "28x28".
  public var description: String { "\(rows)x\(columns)" }
}

extension Dataset: CustomStringConvertible {
  /// "mnist: 60000 samples, 784 features (28x28 images), 10 classes".
  public var description: String {
    let shape = imageShape.map { " (\($0) images)" } ?? ""
    return "\(name): \(count) samples, \(featureCount) features\(shape), \(classCount) classes"
  }
}
