import Foundation
import Testing
@testable import MLPKernel

@Suite struct WireFormatTests {
  static let key = "a0436f6c-1916-498b-8eb9-e81ab9368e84"
  static let parts = [#"{"msg_id":"1","msg_type":"kernel_info_request"}"#, "{}", "{}", "{}"].map { Data($0.utf8) }

  @Test func signsAsPythonsHMACDoes() {
    // python3: hmac.new(key, b"".join(parts), hashlib.sha256).hexdigest()
    let signer = MessageSigner(key: Self.key)
    #expect(signer.signature(of: Self.parts) == "23d21ade63d42fc48bbe2721cd9045ceffb260c3521b7d246495f23adfca79a0")
  }

  @Test func signsTheRFC4231Example() {
    // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?", split in two.
    let signer = MessageSigner(key: "Jefe")
    let signature = signer.signature(of: [Data("what do ya want ".utf8), Data("for nothing?".utf8)])
    #expect(signature == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
  }

  @Test func verifiesInEitherCaseAndRejectsAnyOtherSignature() {
    let signer = MessageSigner(key: Self.key)
    let good = signer.signature(of: Self.parts)
    #expect(signer.isValid(Data(good.utf8), of: Self.parts))
    #expect(signer.isValid(Data(good.uppercased().utf8), of: Self.parts))
    var flipped = Array(good.utf8)
    flipped[63] = flipped[63] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
    #expect(!signer.isValid(Data(flipped), of: Self.parts))
    #expect(!signer.isValid(Data(), of: Self.parts))
    #expect(!signer.isValid(Data(good.prefix(62).utf8), of: Self.parts))
    #expect(!signer.isValid(Data(("zz" + good.dropFirst(2)).utf8), of: Self.parts))
    // Signed with another key.
    #expect(!signer.isValid(Data(MessageSigner(key: "other").signature(of: Self.parts).utf8), of: Self.parts))
  }

  @Test func anEmptyKeyNeitherSignsNorChecks() {
    let signer = MessageSigner(key: "")
    #expect(!signer.isSigning)
    #expect(signer.signature(of: Self.parts) == "")
    #expect(signer.isValid(Data(), of: Self.parts))
  }

  @Test func framesARoundTrip() throws {
    let wire = WireFormat(signer: MessageSigner(key: Self.key))
    var message = Message(type: "execute_request", session: "s", content: ["code": "echo \"a\"", "silent": false])
    message.identities = [Data([0, 1, 2, 3]), Data("client".utf8)]
    message.buffers = [Data([9, 9])]
    let frames = wire.encode(message)
    #expect(frames.count == 2 + 1 + 1 + 4 + 1)
    #expect(frames[2] == WireFormat.delimiter)
    #expect(frames[3].count == 64)
    let decoded = try wire.decode(frames)
    #expect(decoded == message)
    #expect(decoded.type == "execute_request")
  }

  @Test func rejectsABadSignatureBeforeParsing() {
    let wire = WireFormat(signer: MessageSigner(key: Self.key))
    let frames = [Data("id".utf8), WireFormat.delimiter, Data(String(repeating: "0", count: 64).utf8)] + Self.parts
    #expect(throws: KernelError.badSignature) { try wire.decode(frames) }
    // Not JSON either: the signature is what is checked first.
    let garbage = [WireFormat.delimiter, Data(String(repeating: "0", count: 64).utf8), Data("{not json".utf8),
                   Data(), Data(), Data()]
    #expect(throws: KernelError.badSignature) { try wire.decode(garbage) }
    let forged = WireFormat(signer: MessageSigner(key: "guess")).encode(Message(type: "execute_request", session: "s", content: [:]))
    #expect(throws: KernelError.badSignature) { try wire.decode(forged) }
  }

  @Test func rejectsMalformedMessages() {
    let wire = WireFormat(signer: MessageSigner(key: ""))
    #expect(throws: KernelError.malformed("no <IDS|MSG> delimiter")) { try wire.decode([Data("x".utf8)]) }
    #expect(throws: KernelError.malformed("3 frames after the delimiter, not at least 5")) {
      try wire.decode([WireFormat.delimiter, Data(), Data("{}".utf8), Data("{}".utf8)])
    }
    #expect(throws: KernelError.malformed("the header is not a JSON object")) {
      try wire.decode([WireFormat.delimiter, Data(), Data("{no".utf8), Data("{}".utf8), Data("{}".utf8), Data("{}".utf8)])
    }
    #expect(throws: KernelError.malformed("the header has no msg_type")) {
      try wire.decode([WireFormat.delimiter, Data(), Data("{}".utf8), Data("{}".utf8), Data("{}".utf8), Data("{}".utf8)])
    }
    #expect(throws: KernelError.malformed("the content is not a JSON object")) {
      try wire.decode([WireFormat.delimiter, Data(), Data(#"{"msg_type":"x"}"#.utf8), Data("{}".utf8), Data("{}".utf8), Data("[]".utf8)])
    }
  }

  @Test func boundsSizeAndFramesFirst() {
    let wire = WireFormat(signer: MessageSigner(key: ""))
    let huge = Data(count: WireFormat.largestMessage + 1)
    #expect(throws: KernelError.oversized(bytes: WireFormat.largestMessage + 1, limit: WireFormat.largestMessage)) {
      try wire.decode([huge])
    }
    let many = [Data](repeating: Data(), count: WireFormat.mostFrames + 1)
    #expect(throws: KernelError.malformed("\(WireFormat.mostFrames + 1) frames, more than \(WireFormat.mostFrames)")) {
      try wire.decode(many)
    }
  }

  @Test func jsonKeepsWholeNumbersWholeAndEscapesText() {
    let value: JSON = ["count": 3, "rate": .number(0.5), "whole": .number(2), "text": "a\"b\\c\n\u{1}", "none": nil, "on": true]
    let text = String(decoding: value.encoded(), as: UTF8.self)
    #expect(text == #"{"count":3,"none":null,"on":true,"rate":0.5,"text":"a\"b\\c\n\u0001","whole":2}"#)
    #expect(JSON.decode(value.encoded()) == ["count": 3, "rate": .number(0.5), "whole": 2, "text": "a\"b\\c\n\u{1}", "none": nil, "on": true])
    #expect(JSON.decode(Data("[1, 2.5, true, \"x\"]".utf8)) == [1, .number(2.5), true, "x"])
    #expect(JSON.decode(Data("{".utf8)) == nil)
  }
}
