import Dispatch
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
  /// While the content inflates, another thread gets the memory for the floats ready (its
  /// size is in the gzip trailer; see `PreparedFloats`); then as many threads as there are
  /// cores convert the bytes, each over its own share of the rows.
  ///
  /// - Throws: `DatasetError.fileNotFound`, `.unreadable`, `.badGzip`, `.badMagic`,
  ///   `.truncated` or `.trailingData`, each naming the file.
  public static func readImages(at path: String) throws(DatasetError) -> (pixels: Matrix, shape: ImageShape) {
    let raw = try FileBytes.read(path)
    let prepared = ContentStream.announcedSize(of: raw).flatMap { size in
      PreparedFloats.isWorthPreparing(count: size - 16, compressedSize: raw.count) ? PreparedFloats(count: size - 16) : nil
    }
    let stream = try ContentStream(raw: raw, path: path)
    let header = try readHeader(stream, magic: imagesMagic, dimensions: 3)
    let shape = ImageShape(rows: header.sizes[1], columns: header.sizes[2])
    let total = header.elements
    let storage = try stream.withNext(total) { bytes in
      var floats = prepared?.take(bytes.count)
        ?? [Float](unsafeUninitializedCapacity: bytes.count) { _, initialized in initialized = bytes.count }
      floats.withUnsafeMutableBufferPointer { convertInParallel(bytes, into: $0) }
      return floats
    }
    try checkEnd(stream, header: header, read: storage.count)
    return (Matrix(rows: header.sizes[0], columns: shape.pixelCount, storage: storage), shape)
  }

  /// `destination[i] = Float(source[i])`, split into one contiguous share per core.
  private static func convertInParallel(
    _ source: UnsafeBufferPointer<UInt8>, into destination: UnsafeMutableBufferPointer<Float>
  ) {
    let count = source.count
    guard count > 0 else { return }
    let shares = count < 1 << 20 ? 1 : ParallelRuns.coreCount
    let shareSize = (count + shares - 1) / shares
    let from = SharedPointer(source.baseAddress)
    let to = SharedPointer(destination.baseAddress)
    DispatchQueue.concurrentPerform(iterations: shares) { share in
      let start = share * shareSize
      let end = min(count, start + shareSize)
      guard start < end, let input = from.pointer.map({ $0 + start }), let output = to.pointer.map({ $0 + start }) else { return }
      for index in 0 ..< end - start { output[index] = Float(input[index]) }
    }
  }

  /// The labels of an IDX file.
  ///
  /// - Throws: as `readImages(at:)`.
  public static func readLabels(at path: String) throws(DatasetError) -> [Int] {
    let stream = try ContentStream(path: path)
    let header = try readHeader(stream, magic: labelsMagic, dimensions: 1)
    let bytes = try stream.read(count: header.elements)
    try checkEnd(stream, header: header, read: bytes.count)
    return bytes.map { Int($0) }
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

  /// What an IDX header announces.
  struct Header {
    /// The size of each dimension.
    var sizes: [Int]
    /// The header's length in bytes: 4 + 4 per dimension.
    var length: Int
    /// The number of elements that follow: the product of the sizes.
    var elements: Int
  }

  /// Reads and checks the header: the magic number, then one size per dimension.
  static func readHeader(_ stream: ContentStream, magic: UInt32, dimensions: Int) throws(DatasetError) -> Header {
    let path = stream.path
    let length = 4 + 4 * dimensions
    let magicBytes = try stream.read(count: 4)
    guard magicBytes.count == 4 else {
      throw .truncated(path: path, expectedBytes: length, foundBytes: magicBytes.count)
    }
    let found = bigEndianWord(magicBytes, at: 0)
    guard found == magic else {
      throw .badMagic(path: path, expected: magic, found: found)
    }
    let sizeBytes = try stream.read(count: 4 * dimensions)
    guard sizeBytes.count == 4 * dimensions else {
      throw .truncated(path: path, expectedBytes: length, foundBytes: 4 + sizeBytes.count)
    }
    let sizes = (0 ..< dimensions).map { Int(bigEndianWord(sizeBytes, at: 4 * $0)) }
    var elements = 1
    for size in sizes {
      let (product, overflow) = elements.multipliedReportingOverflow(by: size)
      guard !overflow else {
        throw .truncated(path: path, expectedBytes: .max, foundBytes: length + (try stream.skipToEnd()))
      }
      elements = product
    }
    // More than the file can hold is a truncation, found before allocating for it.
    if elements > stream.contentBound - length {
      throw .truncated(path: path, expectedBytes: length + elements, foundBytes: length + (try stream.skipToEnd()))
    }
    // Before a byte of it is inflated or allocated: a header is a promise from the file.
    guard elements <= FileBytes.largestContent else {
      throw .announcedTooLarge(path: path, announcedBytes: length + elements, limit: FileBytes.largestContent)
    }
    // A data set of no samples, or of images without pixels, is nothing to learn from, and
    // every later step (a sample's picture, a model's input count) would divide by it.
    if sizes[0] == 0 { throw .badHeader(path: path, reason: "its header announces no samples") }
    if dimensions == 3 && (sizes[1] == 0 || sizes[2] == 0) {
      throw .badHeader(path: path, reason: "its header announces images of \(sizes[1])x\(sizes[2]) pixels")
    }
    return Header(sizes: sizes, length: length, elements: elements)
  }

  /// Checks that the content held exactly the announced elements, after `read` of them.
  private static func checkEnd(_ stream: ContentStream, header: Header, read: Int) throws(DatasetError) {
    let expected = header.length + header.elements
    guard read == header.elements else {
      throw .truncated(path: stream.path, expectedBytes: expected, foundBytes: header.length + read)
    }
    let extra = try stream.skipToEnd()
    guard extra < FileBytes.largestContent else {
      throw .contentTooLarge(path: stream.path, limit: FileBytes.largestContent)
    }
    guard extra == 0 else {
      throw .trailingData(path: stream.path, expectedBytes: expected, foundBytes: expected + extra)
    }
  }

  private static func bigEndianWord(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
      | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
  }
}
