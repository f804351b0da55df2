import XCTest
@testable import MLPData

/// The floats another thread makes ready while a file inflates.
final class PreparedFloatsTests: XCTestCase {
  func testHandsOverTheArrayItPrepared() {
    let count = 3_000_001  // not a whole number of pages
    let prepared = PreparedFloats(count: count)
    var floats = prepared.take(count)
    XCTAssertEqual(floats.count, count)
    floats.withUnsafeMutableBufferPointer { buffer in
      for index in stride(from: 0, to: count, by: 997) { buffer[index] = Float(index) }
    }
    XCTAssertEqual(floats[997 * 3000], Float(997 * 3000))
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
    XCTAssertGreaterThan(count * rows * columns, IDXReader.minimumPreparedFloats)
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
