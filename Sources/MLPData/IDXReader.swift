import MLPCore

/// Reads the IDX files of MNIST and Fashion-MNIST, gzipped or plain.
///
/// The format (LeCun et al.): a big-endian 32-bit magic number whose last byte is the number
/// of dimensions and whose third byte is the element type (`0x08`, unsigned byte), then one
/// big-endian 32-bit size per dimension, then the elements, row-major:
/// ```
/// images  0x00000803  count rows columns  count·rows·columns bytes
/// labels  0x00000801  count               count bytes
/// ```
/// Gzip is detected by the content (magic `1f 8b`), not by the file name. Pixels become ONE
/// Float32 copy of the raw 0–255 values, converted in a single vectorisable pass.
public enum IDXReader {
  /// The magic number of an IDX file of unsigned bytes in three dimensions (images).
  public static let imagesMagic: UInt32 = 0x0000_0803
  /// The magic number of an IDX file of unsigned bytes in one dimension (labels).
  public static let labelsMagic: UInt32 = 0x0000_0801

  /// The images of an IDX file, one flattened image a row, raw values 0–255 as floats.
  ///
  /// - Throws: `DatasetError.fileNotFound`, `.unreadable`, `.badGzip`, `.badMagic`,
  ///   `.truncated` or `.trailingData`, each naming the file.
  public static func readImages(at path: String) throws(DatasetError) -> (pixels: Matrix, shape: ImageShape) {
    let bytes = try FileBytes.readContent(path).bytes
    let header = try readHeader(bytes, path: path, magic: imagesMagic, dimensions: 3)
    let shape = ImageShape(rows: header.sizes[1], columns: header.sizes[2])
    let count = header.sizes[0]
    let pixelCount = shape.pixelCount
    let storage = [Float](unsafeUninitializedCapacity: count * pixelCount) { buffer, initialized in
      bytes.withUnsafeBufferPointer { source in
        let from = source.baseAddress! + header.length
        let to = buffer.baseAddress!
        for index in 0 ..< count * pixelCount {
          to[index] = Float(from[index])
        }
      }
      initialized = count * pixelCount
    }
    return (Matrix(rows: count, columns: pixelCount, storage: storage), shape)
  }

  /// The labels of an IDX file.
  ///
  /// - Throws: as `readImages(at:)`.
  public static func readLabels(at path: String) throws(DatasetError) -> [Int] {
    let bytes = try FileBytes.readContent(path).bytes
    let header = try readHeader(bytes, path: path, magic: labelsMagic, dimensions: 1)
    return bytes[header.length...].map { Int($0) }
  }

  /// A data set from an images file and its labels file.
  ///
  /// - Throws: as `readImages(at:)`, plus `DatasetError.countMismatch` when the files hold
  ///   different numbers of samples and `.labelOutOfRange` for a label that is not a class.
  public static func readDataset(
    images imagesPath: String,
    labels labelsPath: String,
    name: String,
    classNames: [String],
    valueRange: ClosedRange<Float>? = 0 ... 255
  ) throws(DatasetError) -> Dataset {
    let labels = try readLabels(at: labelsPath)
    let (pixels, shape) = try readImages(at: imagesPath)
    guard pixels.rows == labels.count else {
      throw .countMismatch(imagesPath: imagesPath, images: pixels.rows, labelsPath: labelsPath, labels: labels.count)
    }
    if let index = labels.firstIndex(where: { $0 >= classNames.count }) {
      throw .labelOutOfRange(path: labelsPath, index: index, label: labels[index], classCount: classNames.count)
    }
    return Dataset(name: name, features: pixels, labels: labels, classNames: classNames,
                   imageShape: shape, valueRange: valueRange)
  }

  // MARK: - Header

  /// The dimension sizes and the header's length in bytes, after checking the magic number
  /// and that the data that follows has exactly the announced size.
  static func readHeader(
    _ bytes: [UInt8], path: String, magic: UInt32, dimensions: Int
  ) throws(DatasetError) -> (sizes: [Int], length: Int) {
    let length = 4 + 4 * dimensions
    guard bytes.count >= 4 else {
      throw .truncated(path: path, expectedBytes: length, foundBytes: bytes.count)
    }
    let found = bigEndianWord(bytes, at: 0)
    guard found == magic else {
      throw .badMagic(path: path, expected: magic, found: found)
    }
    guard bytes.count >= length else {
      throw .truncated(path: path, expectedBytes: length, foundBytes: bytes.count)
    }
    let sizes = (0 ..< dimensions).map { Int(bigEndianWord(bytes, at: 4 + 4 * $0)) }
    var elements = 1
    for size in sizes {
      let (product, overflow) = elements.multipliedReportingOverflow(by: size)
      guard !overflow && product <= Int.max - length else {
        throw .truncated(path: path, expectedBytes: .max, foundBytes: bytes.count)
      }
      elements = product
    }
    let expected = length + elements
    if bytes.count < expected {
      throw .truncated(path: path, expectedBytes: expected, foundBytes: bytes.count)
    }
    if bytes.count > expected {
      throw .trailingData(path: path, expectedBytes: expected, foundBytes: bytes.count)
    }
    return (sizes, length)
  }

  private static func bigEndianWord(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
      | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
  }
}
