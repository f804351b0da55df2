import Foundation
import MLPCore
import XCTest
@testable import MLPData

final class IDXReaderTests: XCTestCase {
  // MARK: - The real MNIST files

  /// Reference figures computed independently with numpy (gzip.open + frombuffer) on the
  /// same files: counts, first labels, per-class counts and integer pixel sums.
  func testReadsTheRealMNISTFilesThroughMLPSHData() throws {
    let folder = try mnistFolder()
    func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name + ".gz") }
    let names = (0 ... 9).map(String.init)
    let train = try IDXReader.readDataset(
      images: path("train-images-idx3-ubyte"), labels: path("train-labels-idx1-ubyte"),
      name: "mnist", classNames: names)
    let test = try IDXReader.readDataset(
      images: path("t10k-images-idx3-ubyte"), labels: path("t10k-labels-idx1-ubyte"),
      name: "mnist", classNames: names)
    XCTAssertEqual(train.count, 60_000)
    XCTAssertEqual(test.count, 10_000)
    XCTAssertEqual(train.featureCount, 784)
    XCTAssertEqual(train.imageShape, ImageShape(rows: 28, columns: 28))
    XCTAssertEqual(train.classNames, (0 ... 9).map(String.init))
    XCTAssertEqual(train.valueRange, 0 ... 255)
    XCTAssertEqual(Array(train.labels.prefix(10)), [5, 0, 4, 1, 9, 2, 1, 3, 1, 4])
    XCTAssertEqual(Array(test.labels.prefix(10)), [7, 2, 1, 0, 4, 1, 4, 9, 5, 9])
    XCTAssertEqual(train.classCounts(), [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949])
    XCTAssertEqual(test.classCounts(), [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009])
    XCTAssertEqual(pixelSum(train.features.row(0)), 27_525)
    XCTAssertEqual(pixelSum(train.features.row(59_999)), 20_920)
    XCTAssertEqual(pixelSum(test.features.row(0)), 18_454)
    XCTAssertEqual(pixelSum(train.features.storage[...]), 1_567_298_545)
    XCTAssertEqual(pixelSum(test.features.storage[...]), 264_923_200)
    XCTAssertEqual(Array(train.features.row(0)[150 ..< 160]), [0, 0, 3, 18, 18, 18, 126, 136, 175, 26])
  }

  func testPlainAndGzippedFilesGiveTheSameData() throws {
    let folder = try makeTemporaryFolder(self)
    let pixels = (0 ..< 3 * 2 * 2).map { UInt8($0 * 20) }
    let images = idxBytes(magic: 0x803, sizes: [3, 2, 2], body: pixels)
    let labels = idxBytes(magic: 0x801, sizes: [3], body: [2, 0, 1])
    // The gzipped copies carry names without ".gz" and the plain ones names with it:
    // gzip is recognised by content, not by name.
    let plainImages = try write(images, to: "images.gz", in: folder)
    let plainLabels = try write(labels, to: "labels.gz", in: folder)
    let gzImages = try write(gzipStored(images, blockSize: 5), to: "images", in: folder)
    let gzLabels = try write(gzipStored(labels), to: "labels", in: folder)
    let plain = try IDXReader.readDataset(images: plainImages, labels: plainLabels, name: "t",
                                          classNames: ["a", "b", "c"])
    let gzipped = try IDXReader.readDataset(images: gzImages, labels: gzLabels, name: "t",
                                            classNames: ["a", "b", "c"])
    XCTAssertEqual(plain, gzipped)
    XCTAssertEqual(plain.labels, [2, 0, 1])
    XCTAssertEqual(plain.imageShape, ImageShape(rows: 2, columns: 2))
    XCTAssertEqual(plain.features.storage, pixels.map(Float.init))
  }

  func testReadsAGzipFileOfSeveralMembers() throws {
    let folder = try makeTemporaryFolder(self)
    let labels = idxBytes(magic: 0x801, sizes: [4], body: [3, 1, 4, 1])
    let path = try write(gzipStored(Array(labels[..<6])) + gzipStored(Array(labels[6...])),
                         to: "labels", in: folder)
    XCTAssertEqual(try IDXReader.readLabels(at: path), [3, 1, 4, 1])
  }

  // MARK: - Malformed files

  func testMissingFile() {
    let error = datasetError { try IDXReader.readLabels(at: "/nonexistent/labels.gz") }
    XCTAssertEqual(error, .fileNotFound(path: "/nonexistent/labels.gz"))
    XCTAssertEqual(error?.description, "no such file '/nonexistent/labels.gz'")
  }

  func testAFolderIsNotAFile() throws {
    let folder = try makeTemporaryFolder(self)
    let error = datasetError { try IDXReader.readLabels(at: folder) }
    XCTAssertEqual(error, .unreadable(path: folder, reason: "not a regular file"))
  }

  func testWrongMagicNumber() throws {
    let folder = try makeTemporaryFolder(self)
    // A labels file given where images are expected.
    let path = try write(idxBytes(magic: 0x801, sizes: [1], body: [7]), to: "labels", in: folder)
    let error = datasetError { try IDXReader.readImages(at: path) }
    XCTAssertEqual(error, .badMagic(path: path, expected: 0x803, found: 0x801))
    XCTAssertEqual(error?.description,
                   "'\(path)' is not an IDX file of the expected kind: magic number 0x00000801, expected 0x00000803")
  }

  func testTruncatedData() throws {
    let folder = try makeTemporaryFolder(self)
    let path = try write(idxBytes(magic: 0x803, sizes: [2, 3, 3], body: Array(repeating: 1, count: 10)),
                         to: "images", in: folder)
    let error = datasetError { try IDXReader.readImages(at: path) }
    XCTAssertEqual(error, .truncated(path: path, expectedBytes: 34, foundBytes: 26))
    XCTAssertEqual(error?.description, "'\(path)' is truncated: its header announces 34 bytes but it has 26")
  }

  func testTruncatedHeader() throws {
    let folder = try makeTemporaryFolder(self)
    let path = try write([0, 0, 8, 3, 0, 0], to: "images", in: folder)
    XCTAssertEqual(datasetError { try IDXReader.readImages(at: path) },
                   .truncated(path: path, expectedBytes: 16, foundBytes: 6))
    let empty = try write([], to: "empty", in: folder)
    XCTAssertEqual(datasetError { try IDXReader.readLabels(at: empty) },
                   .truncated(path: empty, expectedBytes: 8, foundBytes: 0))
  }

  func testDataPastTheAnnouncedSize() throws {
    let folder = try makeTemporaryFolder(self)
    let path = try write(idxBytes(magic: 0x801, sizes: [2], body: [1, 2, 3]), to: "labels", in: folder)
    let error = datasetError { try IDXReader.readLabels(at: path) }
    XCTAssertEqual(error, .trailingData(path: path, expectedBytes: 10, foundBytes: 11))
    XCTAssertEqual(error?.description, "'\(path)' has 1 bytes past the 10 its header announces")
  }

  func testAbsurdSizesDoNotOverflow() throws {
    let folder = try makeTemporaryFolder(self)
    let path = try write(idxBytes(magic: 0x803, sizes: [.max, .max, .max], body: []), to: "images", in: folder)
    XCTAssertEqual(datasetError { try IDXReader.readImages(at: path) },
                   .truncated(path: path, expectedBytes: .max, foundBytes: 16))
  }

  func testSizesBeyondWhatTheFileCanHoldFailBeforeAllocating() throws {
    let folder = try makeTemporaryFolder(self)
    let path = try write(idxBytes(magic: 0x803, sizes: [1_000_000, 28, 28], body: [1, 2]), to: "images", in: folder)
    XCTAssertEqual(datasetError { try IDXReader.readImages(at: path) },
                   .truncated(path: path, expectedBytes: 784_000_016, foundBytes: 18))
    let gzipped = try write(gzipStored(idxBytes(magic: 0x801, sizes: [4_000_000_000], body: [1])),
                            to: "labels.gz", in: folder)
    XCTAssertEqual(datasetError { try IDXReader.readLabels(at: gzipped) },
                   .truncated(path: gzipped, expectedBytes: 4_000_000_008, foundBytes: 9))
  }

  func testTruncatedGzip() throws {
    let folder = try makeTemporaryFolder(self)
    let gzip = gzipStored(idxBytes(magic: 0x801, sizes: [100], body: Array(repeating: 1, count: 100)))
    let path = try write(Array(gzip.prefix(60)), to: "labels.gz", in: folder)
    let error = datasetError { try IDXReader.readLabels(at: path) }
    XCTAssertEqual(error, .badGzip(path: path, reason: "the compressed data ends early (truncated file)"))
  }

  func testCorruptGzipFailsItsChecksum() throws {
    let folder = try makeTemporaryFolder(self)
    var gzip = gzipStored(idxBytes(magic: 0x801, sizes: [100], body: Array(repeating: 1, count: 100)))
    gzip[40] ^= 0xff
    let path = try write(gzip, to: "labels.gz", in: folder)
    let error = datasetError { try IDXReader.readLabels(at: path) }
    XCTAssertEqual(error, .badGzip(path: path, reason: "incorrect data check"))
    XCTAssertEqual(error?.description, "'\(path)' is not a valid gzip file: incorrect data check")
  }

  func testGarbageAfterTheGzipStream() throws {
    let folder = try makeTemporaryFolder(self)
    let labels = idxBytes(magic: 0x801, sizes: [1], body: [1])
    let padded = try write(gzipStored(labels) + [0, 0, 0], to: "padded", in: folder)
    XCTAssertEqual(try IDXReader.readLabels(at: padded), [1])
    let garbage = try write(gzipStored(labels) + [1, 2], to: "garbage", in: folder)
    XCTAssertEqual(datasetError { try IDXReader.readLabels(at: garbage) },
                   .badGzip(path: garbage, reason: "2 bytes of garbage after the compressed data"))
  }

  func testImagesAndLabelsCountsMustMatch() throws {
    let folder = try makeTemporaryFolder(self)
    let images = try write(idxBytes(magic: 0x803, sizes: [2, 1, 1], body: [0, 255]), to: "images", in: folder)
    let labels = try write(idxBytes(magic: 0x801, sizes: [3], body: [0, 1, 0]), to: "labels", in: folder)
    let error = datasetError {
      try IDXReader.readDataset(images: images, labels: labels, name: "t", classNames: ["a", "b"])
    }
    XCTAssertEqual(error, .countMismatch(imagesPath: images, images: 2, labelsPath: labels, labels: 3))
    XCTAssertEqual(error?.description, "'\(images)' has 2 images but '\(labels)' has 3 labels")
  }

  func testLabelsMustBeClasses() throws {
    let folder = try makeTemporaryFolder(self)
    let images = try write(idxBytes(magic: 0x803, sizes: [2, 1, 1], body: [0, 255]), to: "images", in: folder)
    let labels = try write(idxBytes(magic: 0x801, sizes: [2], body: [1, 10]), to: "labels", in: folder)
    let error = datasetError {
      try IDXReader.readDataset(images: images, labels: labels, name: "t", classNames: (0 ... 9).map(String.init))
    }
    XCTAssertEqual(error, .labelOutOfRange(path: labels, index: 1, label: 10, classCount: 10))
  }

  private func pixelSum(_ values: ArraySlice<Float>) -> Int {
    Int(values.reduce(0.0) { $0 + Double($1) })
  }
}
