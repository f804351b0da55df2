import Crypto
import Foundation
import Testing
@testable import MLPData

/// The digests are the FIPS 180-2 appendix B test vectors (and the well-known digest of the
/// empty message).
@Suite struct SHA256Tests {
  @Test func fipsVectors() {
    #expect(SHA256.hexDigest(of: Array("abc".utf8))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hexDigest(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(SHA256.hexDigest(of: Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    #expect(SHA256.hexDigest(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }

  @Test func paddingAtTheBlockBoundaries() {
    // 55 bytes fit one padded block, 56 need two: both sides of the boundary, from
    // `printf 'a%.0s' $(seq 55) | sha256sum` and the same with 56 and 64.
    #expect(SHA256.hexDigest(of: Array(repeating: UInt8(ascii: "a"), count: 55))
            == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
    #expect(SHA256.hexDigest(of: Array(repeating: UInt8(ascii: "a"), count: 56))
            == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
    #expect(SHA256.hexDigest(of: Array(repeating: UInt8(ascii: "a"), count: 64))
            == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
  }

  /// A digest of a message fed in pieces (as a download arrives) is the digest of the whole.
  @Test func updatesInPiecesGiveTheSameDigest() {
    let message = (0 ..< 1000).map { UInt8(truncatingIfNeeded: $0 * 7 + 3) }
    var hasher = SHA256()
    var start = 0
    for size in [1, 63, 64, 65, 0, 200, 7] {
      hasher.update(data: Array(message[start ..< start + size]))
      start += size
    }
    hasher.update(data: Array(message[start...]))
    let pieces = hasher.finalize().map { String(format: "%02x", $0) }.joined()
    #expect(pieces == SHA256.hexDigest(of: message))
  }

  /// Runs where MLPSH_DATA names the MNIST folder, and fails where it must but does not
  /// (MLPSH_REQUIRE_SHARED=1).
  @Test(.enabled(if: ProcessInfo.processInfo.environment["MLPSH_DATA"] != nil
                   || ProcessInfo.processInfo.environment["MLPSH_REQUIRE_SHARED"] == "1", "needs MLPSH_DATA"))
  func theRealMNISTLabelsMatchTheKnownSum() throws {
    let folder = try mnistFolder()
    let path = (folder as NSString).appendingPathComponent("t10k-labels-idx1-ubyte.gz")
    let content = try FileBytes.readContent(path).bytes
    #expect(SHA256.hexDigest(of: content) == KnownDataset.mnist.testLabels.sha256)
  }
}
