import CZlib
import Foundation

/// Writes 8-bit RGBA pixels as a PNG file: the signature, an IHDR, one zlib-compressed IDAT
/// (every row with filter 0) and an IEND, each chunk with zlib's CRC-32.
enum PNGEncoder {
  static func encode(rgba pixels: [UInt8], width: Int, height: Int) -> Data {
    precondition(pixels.count == width * height * 4, "\(pixels.count) bytes for \(width)×\(height) RGBA pixels")
    var rows = Data(capacity: height * (width * 4 + 1))
    for row in 0..<height {
      rows.append(0)
      rows.append(contentsOf: pixels[(row * width * 4)..<((row + 1) * width * 4)])
    }
    var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    var header = Data()
    header.append(bigEndian: UInt32(width))
    header.append(bigEndian: UInt32(height))
    header.append(contentsOf: [8, 6, 0, 0, 0])  // 8 bits, RGBA, deflate, filter set 0, no interlace
    append(chunk: "IHDR", header, to: &png)
    append(chunk: "IDAT", compressed(rows), to: &png)
    append(chunk: "IEND", Data(), to: &png)
    return png
  }

  private static func append(chunk type: String, _ body: Data, to png: inout Data) {
    var typed = Data(type.utf8)
    typed.append(body)
    png.append(bigEndian: UInt32(body.count))
    png.append(typed)
    let crc = typed.withUnsafeBytes { bytes in
      crc32(0, bytes.bindMemory(to: Bytef.self).baseAddress, uInt(bytes.count))
    }
    png.append(bigEndian: UInt32(crc))
  }

  private static func compressed(_ data: Data) -> Data {
    var size = compressBound(uLong(data.count))
    var output = [UInt8](repeating: 0, count: Int(size))
    let status = data.withUnsafeBytes { bytes in
      compress2(&output, &size, bytes.bindMemory(to: Bytef.self).baseAddress, uLong(data.count), Z_BEST_COMPRESSION)
    }
    precondition(status == Z_OK, "zlib's compress2 failed with status \(status) on an in-memory buffer")
    return Data(output.prefix(Int(size)))
  }
}

extension Data {
  mutating func append(bigEndian value: UInt32) {
    append(contentsOf: [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
  }
}
