import Foundation

/// CRC-32 as gzip, zip and PNG compute it (IEEE 802.3, reflected polynomial 0xEDB88320,
/// initial value and final XOR 0xFFFFFFFF), to tell a damaged model file from a whole one.
///
/// Each byte is folded into the register through a 256-entry table:
/// ```
/// crc ← table[(crc ⊕ byte) ∧ 0xFF] ⊕ (crc ≫ 8)
/// ```
/// It catches every burst of up to 32 flipped bits and all but one in 2³² other damage; it
/// is no defence against a deliberate forgery, which a model file does not need.
struct CRC32 {
  private static let table: [UInt32] = (0 ..< 256).map { index in
    var value = UInt32(index)
    for _ in 0 ..< 8 {
      value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
    }
    return value
  }

  private var register: UInt32 = 0xFFFF_FFFF

  /// Folds `bytes` into the checksum.
  mutating func update(_ bytes: UnsafeRawBufferPointer) {
    var crc = register
    Self.table.withUnsafeBufferPointer { table in
      for byte in bytes {
        crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
      }
    }
    register = crc
  }

  /// The checksum of everything folded in so far.
  var value: UInt32 { register ^ 0xFFFF_FFFF }

  /// The checksum of `bytes` as eight lower-case hex digits.
  static func hex(of bytes: UnsafeRawBufferPointer) -> String {
    var crc = CRC32()
    crc.update(bytes)
    let digits = String(crc.value, radix: 16)
    return String(repeating: "0", count: 8 - digits.count) + digits
  }

  /// The checksum of `bytes` as eight lower-case hex digits.
  static func hex(of bytes: some ContiguousBytes) -> String {
    bytes.withUnsafeBytes { hex(of: $0) }
  }
}
