import CDeflate
import Foundation

// The one file of the package that calls libdeflate: whole-file gzip inflation for MLPData,
// and CRC-32 for the model files' checksum (MLPScript).

extension Gzip {
  /// The content of a gzip file of exactly one member, by libdeflate; `nil` when the file is
  /// anything else or libdeflate finds it corrupt (zlib then says why).
  static func inflateSingleMember(_ compressed: [UInt8]) -> [UInt8]? {
    guard let announced = announcedSize(compressed),
          let decompressor = libdeflate_alloc_decompressor() else { return nil }
    defer { libdeflate_free_decompressor(decompressor) }
    var succeeded = false
    let content = [UInt8](unsafeUninitializedCapacity: announced) { buffer, count in
      count = 0
      var consumed = 0
      var produced = 0
      let status = compressed.withUnsafeBytes { input in
        libdeflate_gzip_decompress_ex(decompressor, input.baseAddress, input.count,
                                      buffer.baseAddress, announced, &consumed, &produced)
      }
      guard status == LIBDEFLATE_SUCCESS, consumed == compressed.count, produced == announced else { return }
      count = produced
      succeeded = true
    }
    return succeeded ? content : nil
  }
}

/// CRC-32 as gzip, zip and PNG compute it (IEEE 802.3, reflected polynomial 0xEDB88320,
/// initial value and final XOR 0xFFFFFFFF), by libdeflate's `libdeflate_crc32`, to tell a
/// damaged model file from a whole one.
///
/// Each byte is folded into the register as
/// ```
/// crc ← table[(crc ⊕ byte) ∧ 0xFF] ⊕ (crc ≫ 8)
/// ```
/// (libdeflate does it several bytes at a time, with carry-less multiplication where the
/// processor has it). It catches every burst of up to 32 flipped bits and all but one in 2³²
/// other damage; it is no defence against a deliberate forgery, which a model file does not
/// need.
public struct CRC32: Sendable {
  /// The checksum of everything folded in so far (libdeflate takes it back to go on).
  public private(set) var value: UInt32 = 0

  public init() {}

  /// Folds `bytes` into the checksum.
  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    guard let start = bytes.baseAddress, !bytes.isEmpty else { return }
    value = libdeflate_crc32(value, start, bytes.count)
  }

  /// The checksum of `bytes` as eight lower-case hex digits.
  public static func hex(of bytes: some ContiguousBytes) -> String {
    var crc = CRC32()
    bytes.withUnsafeBytes { crc.update($0) }
    let digits = String(crc.value, radix: 16)
    return String(repeating: "0", count: 8 - digits.count) + digits
  }
}
