import Crypto

/// SHA-256 (FIPS 180-4) comes from swift-crypto, the library that also signs the kernel's
/// messages; a download is checked against the digest a `KnownFile` lists.
extension SHA256 {
  /// The lower-case hex digest of `bytes`, as `sha256sum` prints it.
  public static func hexDigest(of bytes: [UInt8]) -> String {
    hash(data: bytes).map { byte in
      let digits = String(byte, radix: 16)
      return byte < 16 ? "0" + digits : digits
    }.joined()
  }
}
