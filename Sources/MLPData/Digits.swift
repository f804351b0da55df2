import MLPCore

/// The UCI 8x8 handwritten digits, compiled into mlpsh: a real data set with no network and
/// no files.
///
/// 1797 samples of 64 pixels with values 0…16 (counts of set pixels in 4x4 blocks of the
/// original 32x32 bitmaps), 10 classes. E. Alpaydin and C. Kaynak, "Optical Recognition of
/// Handwritten Digits", UCI Machine Learning Repository, CC BY 4.0. The samples are in
/// `Generated/DigitsData.swift`, written by `Generated/generate-digits.py` from the CSV.
///
/// The set has no official split, so `load` makes a seeded one.
public enum Digits {
  /// The name the language uses.
  public static let name = "digits"
  /// Each sample is an 8x8 image.
  public static let imageShape = ImageShape(rows: 8, columns: 8)
  /// The pixel values run from 0 to 16.
  public static let valueRange: ClosedRange<Float> = 0 ... 16
  /// The default share of the test set.
  public static let defaultTestFraction = 0.2

  /// All 1797 samples, in the order of the original file.
  public static let all: Dataset = decode()

  /// The samples split into a training and a test set with `Dataset.split(testFraction:seed:)`.
  ///
  /// - Parameters:
  ///   - testFraction: the share of samples held out (default 0.2: 1438 to train, 359 to test).
  ///   - seed: the seed of the split.
  /// - Throws: `DatasetError.invalidArgument` for a fraction outside (0, 1).
  public static func load(testFraction: Double = defaultTestFraction, seed: UInt64 = 0) throws(DatasetError) -> LoadedData {
    let (train, test) = try all.split(testFraction: testFraction, seed: seed)
    return LoadedData(train: train, test: test, origin: .embedded)
  }

  /// Decodes `encodedSamples`: one line a sample, 64 pixel characters then the label, each a
  /// character of "0123456789abcdefg".
  static func decode() -> Dataset {
    let width = imageShape.pixelCount
    var pixels = [Float]()
    pixels.reserveCapacity(sampleCount * width)
    var labels = [Int]()
    labels.reserveCapacity(sampleCount)
    var column = 0
    for character in encodedSamples.utf8 {
      if character == UInt8(ascii: "\n") {
        precondition(column == width + 1, "embedded digits: a line of \(column) values")
        column = 0
        continue
      }
      let value = character <= UInt8(ascii: "9")
        ? Int(character - UInt8(ascii: "0")) : Int(character - UInt8(ascii: "a")) + 10
      if column < width {
        pixels.append(Float(value))
      } else {
        labels.append(value)
      }
      column += 1
    }
    precondition(labels.count == sampleCount, "embedded digits: \(labels.count) samples")
    return Dataset(
      name: name,
      features: Matrix(rows: sampleCount, columns: width, storage: pixels),
      labels: labels,
      classNames: (0 ... 9).map(String.init),
      imageShape: imageShape,
      valueRange: valueRange
    )
  }
}
