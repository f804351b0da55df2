import Crypto
import Foundation

/// Signs and checks Jupyter messages: the signature is the hex HMAC-SHA256, under the
/// connection file's key, of the header, parent header, metadata and content frames in that
/// order. With an empty key messages are neither signed nor checked, as the protocol says.
public struct MessageSigner: Sendable {
  private let keyBytes: Data?

  public init(key: String) {
    keyBytes = key.isEmpty ? nil : Data(key.utf8)
  }

  private var key: SymmetricKey? { keyBytes.map { SymmetricKey(data: $0) } }

  /// Whether messages are signed at all.
  public var isSigning: Bool { keyBytes != nil }

  /// The signature of `parts`, as lower-case hex; empty when there is no key.
  public func signature(of parts: [Data]) -> String {
    guard let key else { return "" }
    var hmac = HMAC<SHA256>(key: key)
    for part in parts { hmac.update(data: part) }
    return Data(hmac.finalize()).map { Self.hexDigits[Int($0)] }.joined()
  }

  /// Whether `signature` is the signature of `parts`. The comparison takes the same time
  /// wherever the first wrong byte is (swift-crypto compares in constant time), so a forger
  /// learns nothing from timing.
  public func isValid(_ signature: Data, of parts: [Data]) -> Bool {
    guard let key else { return true }
    guard let code = Self.bytes(fromHex: signature), code.count == SHA256.byteCount else { return false }
    var hmac = HMAC<SHA256>(key: key)
    for part in parts { hmac.update(data: part) }
    return hmac.finalize() == code
  }

  private static let hexDigits = (0..<256).map { String(format: "%02x", $0) }

  /// The bytes of a hex string, either case; `nil` when it is not hex.
  static func bytes(fromHex text: Data) -> Data? {
    guard text.count % 2 == 0 else { return nil }
    func value(_ digit: UInt8) -> UInt8? {
      switch digit {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
      default: return nil
      }
    }
    var bytes = Data(capacity: text.count / 2)
    var index = text.startIndex
    while index < text.endIndex {
      guard let high = value(text[index]), let low = value(text[text.index(after: index)]) else { return nil }
      bytes.append(high << 4 | low)
      index = text.index(index, offsetBy: 2)
    }
    return bytes
  }
}
