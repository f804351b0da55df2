import Foundation
import XCTest
@testable import MLPData

/// A fresh temporary folder, removed when the test ends.
func makeTemporaryFolder(_ test: XCTestCase) throws -> String {
  let path = (NSTemporaryDirectory() as NSString)
    .appendingPathComponent("mlpdata-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
  return path
}

/// Writes `bytes` to `name` inside `folder` and returns the path.
@discardableResult
func write(_ bytes: [UInt8], to name: String, in folder: String) throws -> String {
  let path = (folder as NSString).appendingPathComponent(name)
  try Data(bytes).write(to: URL(fileURLWithPath: path))
  return path
}

/// The folder of the real MNIST files, from `MLPSH_DATA`; skips the test when it is unset.
func mnistFolder() throws -> String {
  guard let folder = ProcessInfo.processInfo.environment["MLPSH_DATA"], !folder.isEmpty else {
    // CI sets MLPSH_REQUIRE_SHARED=1: there a missing data set fails rather than skips.
    guard ProcessInfo.processInfo.environment["MLPSH_REQUIRE_SHARED"] != "1" else {
      throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "MLPSH_DATA is not set (MLPSH_REQUIRE_SHARED=1)"])
    }
    throw XCTSkip("MLPSH_DATA is not set; point it at a folder with the four MNIST files")
  }
  // CI gives a relative path (../shared/data/mnist); links and messages need it absolute.
  return URL(fileURLWithPath: folder).standardizedFileURL.path
}

/// The project's shared data folder (`../shared/data` beside the package), if present.
func sharedDataFolder() -> String? {
  let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/data").path
  return FileManager.default.fileExists(atPath: root) ? root : nil
}

// MARK: - IDX fixtures

/// An IDX file: big-endian magic, big-endian sizes, then `body`.
func idxBytes(magic: UInt32, sizes: [UInt32], body: [UInt8]) -> [UInt8] {
  var bytes = bigEndian(magic)
  for size in sizes { bytes += bigEndian(size) }
  return bytes + body
}

private func bigEndian(_ value: UInt32) -> [UInt8] {
  [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
}

// MARK: - Gzip fixtures

/// A gzip member holding `content` in stored (uncompressed) deflate blocks, written here
/// from RFC 1951 and 1952 so that the tests do not use the code they test.
func gzipStored(_ content: [UInt8], blockSize: Int = 65_535) -> [UInt8] {
  var bytes: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]
  var start = 0
  repeat {
    let end = min(start + blockSize, content.count)
    let length = UInt16(end - start)
    bytes.append(end == content.count ? 1 : 0)
    bytes += [UInt8(length & 0xff), UInt8(length >> 8), UInt8(~length & 0xff), UInt8(~length >> 8)]
    bytes += content[start ..< end]
    start = end
  } while start < content.count
  bytes += littleEndian(crc32(content))
  bytes += littleEndian(UInt32(truncatingIfNeeded: content.count))
  return bytes
}

private func littleEndian(_ value: UInt32) -> [UInt8] {
  [UInt8(value & 0xff), UInt8(value >> 8 & 0xff), UInt8(value >> 16 & 0xff), UInt8(value >> 24)]
}

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), bit by bit.
func crc32(_ bytes: [UInt8]) -> UInt32 {
  var crc: UInt32 = 0xffff_ffff
  for byte in bytes {
    crc ^= UInt32(byte)
    for _ in 0 ..< 8 {
      crc = crc & 1 == 1 ? (crc >> 1) ^ 0xedb8_8320 : crc >> 1
    }
  }
  return ~crc
}

// MARK: - Errors

/// The `DatasetError` that `body` throws, failing the test if it throws none.
func datasetError<T>(
  file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> T
) -> DatasetError? {
  do {
    _ = try body()
    XCTFail("expected an error", file: file, line: line)
    return nil
  } catch let error as DatasetError {
    return error
  } catch {
    XCTFail("unexpected error \(error)", file: file, line: line)
    return nil
  }
}
