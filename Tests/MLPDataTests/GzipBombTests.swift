import CZlib
import Foundation
import XCTest
@testable import MLPData

/// Gzip streams that inflate to far more than any data set (issue 17, C5): inflation stops
/// at what the IDX header promises, or at `FileBytes.largestContent`, whichever is first.
/// Memory under a hard limit is checked through the binary in `BoundedMemoryTests`.
final class GzipBombTests: XCTestCase {
  var folder = ""

  override func setUpWithError() throws {
    folder = try makeTemporaryFolder(self)
  }

  override func tearDown() {
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// 300 MB of zeros as the first file of MNIST: the magic number is read from the first
  /// four inflated bytes, and nothing more is inflated.
  func testABombOfZerosFailsAtItsMagicNumber() throws {
    let path = try write(gzip(prefix: [], zeros: 300 << 20), to: "train-images-idx3-ubyte.gz", in: folder)
    XCTAssertThrowsError(try IDXReader.readImages(at: path)) { error in
      XCTAssertEqual(error as? DatasetError, .badMagic(path: path, expected: IDXReader.imagesMagic, found: 0))
    }
  }

  /// A valid header for one pixel, then 300 MB of zeros: the pixel is read, and the bytes
  /// past it are counted only up to the limit.
  func testABombAfterAValidHeaderIsRefusedAtTheLimit() throws {
    let header = idxBytes(magic: 0x803, sizes: [1, 1, 1], body: [7])
    let path = try write(gzip(prefix: header, zeros: 300 << 20), to: "images.gz", in: folder)
    XCTAssertThrowsError(try IDXReader.readImages(at: path)) { error in
      XCTAssertEqual(error as? DatasetError, .contentTooLarge(path: path, limit: FileBytes.largestContent))
      XCTAssertEqual("\(error)", "'\(path)' holds more than the 268435456 bytes mlpsh reads from one data file")
    }
  }

  /// A header announcing 2²⁹ pixels, in a gzip file large enough to hold them at deflate's
  /// best ratio, is refused before anything is inflated or allocated.
  func testAHeaderAnnouncingMoreThanTheLimitIsRefusedFirst() throws {
    var generator = SystemRandomNumberGenerator()
    let noise = (0 ..< 600_000).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
    let header = idxBytes(magic: 0x803, sizes: [2, 16384, 16384], body: noise)
    let path = try write(gzip(prefix: header, zeros: 0), to: "images.gz", in: folder)
    XCTAssertThrowsError(try IDXReader.readImages(at: path)) { error in
      XCTAssertEqual(error as? DatasetError,
                     .announcedTooLarge(path: path, announcedBytes: 16 + (1 << 29), limit: FileBytes.largestContent))
    }
  }

  /// A CSV file gzipped from 300 MB of zeros: inflation stops at the limit.
  func testACSVBombIsRefusedAtTheLimit() throws {
    let path = try write(gzip(prefix: Array("1,2,0\n".utf8), zeros: 300 << 20), to: "data.csv.gz", in: folder)
    XCTAssertThrowsError(try CSVReader.read(path)) { error in
      XCTAssertEqual(error as? DatasetError, .contentTooLarge(path: path, limit: FileBytes.largestContent))
    }
  }

  /// A plain file past the limit (sparse: it takes no disk) is refused by its size, unread.
  func testAPlainFilePastTheLimitIsRefusedByItsSize() throws {
    let path = folder + "/data.csv"
    XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
    XCTAssertEqual(truncate(path, off_t(FileBytes.largestContent + 1)), 0)
    XCTAssertThrowsError(try CSVReader.read(path)) { error in
      XCTAssertEqual(error as? DatasetError, .contentTooLarge(path: path, limit: FileBytes.largestContent))
    }
  }

  /// An MNIST-sized file still goes through: the limit is five times the largest we know.
  func testContentJustUnderTheLimitIsRead() throws {
    let header = idxBytes(magic: 0x801, sizes: [UInt32(FileBytes.largestContent - 8)], body: [])
    let path = try write(gzip(prefix: header, zeros: FileBytes.largestContent - 8), to: "labels.gz", in: folder)
    XCTAssertEqual(try IDXReader.readLabels(at: path).count, FileBytes.largestContent - 8)
  }

  // MARK: - Making bombs

  /// `prefix` then `zeros` zero bytes, gzipped by zlib at its best ratio, in 1 MiB steps.
  func gzip(prefix: [UInt8], zeros: Int) throws -> [UInt8] {
    var stream = z_stream()
    XCTAssertEqual(deflateInit2_(&stream, 9, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY,
                                 zlibVersion(), Int32(MemoryLayout<z_stream>.size)), Z_OK)
    defer { deflateEnd(&stream) }
    var output: [UInt8] = []
    var out = [UInt8](repeating: 0, count: 1 << 20)
    func pump(_ input: [UInt8], finish: Bool) {
      var input = input
      input.withUnsafeMutableBufferPointer { bytes in
        stream.next_in = bytes.baseAddress
        stream.avail_in = UInt32(bytes.count)
        repeat {
          out.withUnsafeMutableBufferPointer { buffer in
            stream.next_out = buffer.baseAddress
            stream.avail_out = UInt32(buffer.count)
            _ = deflate(&stream, finish ? Z_FINISH : Z_NO_FLUSH)
            output += buffer[..<(buffer.count - Int(stream.avail_out))]
          }
        } while stream.avail_out == 0 || (finish && stream.avail_in > 0)
      }
    }
    pump(prefix, finish: false)
    let chunk = [UInt8](repeating: 0, count: 1 << 20)
    var left = zeros
    while left > 0 {
      pump(Array(chunk.prefix(left)), finish: false)
      left -= min(left, chunk.count)
    }
    pump([], finish: true)
    return output
  }
}
