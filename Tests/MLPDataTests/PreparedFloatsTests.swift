import XCTest
@testable import MLPData

/// The floats another thread makes ready while a file inflates.
final class PreparedFloatsTests: XCTestCase {
  /// The array comes back with its pages already there, and writing to it neither copies it
  /// nor faults pages in.
  func testHandsOverTheArrayItPrepared() {
    let count = 30_000_001  // 120 MB, not a whole number of pages
    let prepared = PreparedFloats(count: count)
    var floats = prepared.take(count)
    XCTAssertEqual(floats.count, count)
    let before = floats.withUnsafeBufferPointer { $0.baseAddress }
    let faultsBefore = minorFaultsOfThisThread()
    floats.withUnsafeMutableBufferPointer { buffer in
      for index in stride(from: 0, to: count, by: 1024) { buffer[index] = Float(index) }  // every page
    }
    let faults = minorFaultsOfThisThread() - faultsBefore
    XCTAssertEqual(floats.withUnsafeBufferPointer { $0.baseAddress }, before, "the array was copied")
    XCTAssertEqual(floats[1024 * 3000], Float(1024 * 3000))
    #if os(Linux)
    // 29 297 pages written: an array nobody prepared takes a fault for each. Prepared, the
    // writes take almost none (AddressSanitizer's shadow memory adds one per 8 pages).
    XCTAssertLessThan(faults, 29_297 / 4, "\(faults) page faults while writing a prepared array")
    #endif
  }

  func testOnlyPlausibleSizesArePrepared() {
    XCTAssertTrue(PreparedFloats.isWorthPreparing(count: 47_040_000, compressedSize: 9_912_422))  // MNIST
    XCTAssertFalse(PreparedFloats.isWorthPreparing(count: 1000, compressedSize: 500))  // too small to pay
    // A 4 MB file whose trailer announces 4 GiB: a lie or a bomb, left to the plain path.
    XCTAssertFalse(PreparedFloats.isWorthPreparing(count: 1 << 32, compressedSize: 4 << 20))
    XCTAssertFalse(PreparedFloats.isWorthPreparing(count: 1 << 29, compressedSize: 1 << 28))  // over 1 GiB
  }

  private func minorFaultsOfThisThread() -> Int {
    #if os(Linux)
    var usage = rusage()
    getrusage(1, &usage)  // RUSAGE_THREAD: Linux, behind _GNU_SOURCE in the C headers
    return usage.ru_minflt
    #else
    return 0
    #endif
  }

  /// A file whose trailer announced another size gets an array of the size its header says.
  func testAnotherCountGetsAFreshArray() {
    let prepared = PreparedFloats(count: 2_000_000)
    XCTAssertEqual(prepared.take(1_500_000).count, 1_500_000)
  }

  /// Images big enough to be prepared read exactly as the bytes say, gzipped or not.
  func testLargeImageFilesConvertEveryPixel() throws {
    let count = 300
    let rows = 64
    let columns = 64  // 1.2 M pixels: more than `minimumPreparedFloats`
    XCTAssertTrue(PreparedFloats.isWorthPreparing(count: count * rows * columns, compressedSize: count * rows * columns))
    var bytes: [UInt8] = [0, 0, 8, 3]
    for size in [count, rows, columns] {
      bytes += [UInt8(size >> 24 & 0xff), UInt8(size >> 16 & 0xff), UInt8(size >> 8 & 0xff), UInt8(size & 0xff)]
    }
    bytes += (0 ..< count * rows * columns).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prepared-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let plain = folder.appendingPathComponent("images-idx3-ubyte")
    try Data(bytes).write(to: plain)
    let gzip = Process()
    gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
    gzip.arguments = ["-k", plain.path]
    try gzip.run()
    gzip.waitUntilExit()
    for path in [plain.path, plain.path + ".gz"] {
      let (pixels, shape) = try IDXReader.readImages(at: path)
      XCTAssertEqual(pixels.rows, count)
      XCTAssertEqual(shape.pixelCount, rows * columns)
      for index in [0, 1, 4095, 4096, 600_000, count * rows * columns - 1] {
        XCTAssertEqual(pixels.storage[index], Float(bytes[16 + index]), "\(path), pixel \(index)")
      }
      XCTAssertEqual(pixels.storage.reduce(0, +), bytes[16...].reduce(Float(0)) { $0 + Float($1) }, "\(path)")
    }
  }
}
