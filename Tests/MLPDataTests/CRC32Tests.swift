import Foundation
import Testing
@testable import MLPData

/// CRC-32 through libdeflate, against the standard check value and against the bit-by-bit
/// definition the gzip fixtures use (`crc32` in TestSupport.swift of this target).
@Suite struct CRC32Tests {
  @Test func standardCheckValue() {
    // The check value of the CRC-32 catalogue (reveng): the digits 1 to 9 in ASCII.
    #expect(CRC32.hex(of: Data("123456789".utf8)) == "cbf43926")
    #expect(CRC32.hex(of: Data()) == "00000000")
  }

  @Test func piecesGiveTheChecksumOfTheWhole() {
    let bytes = (0 ..< 10_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    var crc = CRC32()
    var start = 0
    for size in [0, 1, 15, 16, 17, 4096, 1000] {
      bytes[start ..< start + size].withUnsafeBytes { crc.update($0) }
      start += size
    }
    bytes[start...].withUnsafeBytes { crc.update($0) }
    #expect(crc.value == crc32(bytes))
    #expect(CRC32.hex(of: bytes) == String(format: "%08x", crc32(bytes)))
  }
}
