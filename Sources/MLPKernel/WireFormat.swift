import Foundation

/// A message as ZeroMQ frames, and back:
/// ```
/// [identities…, "<IDS|MSG>", signature, header, parent_header, metadata, content, buffers…]
/// ```
/// The signature is checked before anything is parsed, and every size is bounded first:
/// frames come from the network.
public struct WireFormat: Sendable {
  public let signer: MessageSigner

  /// The frame between the routing identities and the message.
  public static let delimiter = Data("<IDS|MSG>".utf8)
  /// At most this many bytes in all, frames together. A cell of code is text; 64 MiB is
  /// far more than any notebook sends.
  public static let largestMessage = 64 * 1024 * 1024
  /// At most this many frames: identities and buffers are few.
  public static let mostFrames = 1024

  public init(signer: MessageSigner) {
    self.signer = signer
  }

  /// Reads a message; throws when it is malformed, oversized or wrongly signed.
  public func decode(_ frames: [Data]) throws(KernelError) -> Message {
    guard frames.count <= Self.mostFrames else {
      throw .malformed("\(frames.count) frames, more than \(Self.mostFrames)")
    }
    let bytes = frames.reduce(0) { $0 + $1.count }
    guard bytes <= Self.largestMessage else { throw .oversized(bytes: bytes, limit: Self.largestMessage) }
    guard let split = frames.firstIndex(of: Self.delimiter) else { throw .malformed("no <IDS|MSG> delimiter") }
    let parts = Array(frames[(split + 1)...])
    guard parts.count >= 5 else { throw .malformed("\(parts.count) frames after the delimiter, not at least 5") }
    guard signer.isValid(parts[0], of: Array(parts[1...4])) else { throw .badSignature }
    func object(_ frame: Data, _ name: String) throws(KernelError) -> [String: JSON] {
      guard let object = JSON.decode(frame)?.object else { throw .malformed("the \(name) is not a JSON object") }
      return object
    }
    let header = try object(parts[1], "header")
    guard header["msg_type"]?.string != nil else { throw .malformed("the header has no msg_type") }
    return Message(
      identities: Array(frames[..<split]), header: header, parentHeader: try object(parts[2], "parent header"),
      metadata: try object(parts[3], "metadata"), content: try object(parts[4], "content"),
      buffers: Array(parts.dropFirst(5)))
  }

  /// The frames of `message`, signed.
  public func encode(_ message: Message) -> [Data] {
    let parts = [JSON.object(message.header).encoded(), JSON.object(message.parentHeader).encoded(),
                 JSON.object(message.metadata).encoded(), JSON.object(message.content).encoded()]
    return message.identities + [Self.delimiter, Data(signer.signature(of: parts).utf8)] + parts + message.buffers
  }
}
