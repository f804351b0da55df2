import Foundation
import Synchronization
@testable import MLPKernel

/// A kernel with no sockets: requests go in as signed frames, and what it sends comes out
/// decoded, channel by channel.
final class KernelHarness: @unchecked Sendable {
  static let key = "test-key"
  let wire = WireFormat(signer: MessageSigner(key: KernelHarness.key))
  private let lock = NSLock()
  private var sent: [(Channel, Message)] = []
  private var logged: [String] = []
  /// How many times the interpreter has asked whether to stop since the cell began; the
  /// interrupt is "pressed" once it reaches `interruptAfterPolls`.
  let polls = Atomic<Int>(0)
  let requested = Atomic<Bool>(false)
  var interruptAfterPolls: Int? = nil
  private(set) var kernel: Kernel!

  init() {
    let interrupts = InterruptControl(
      request: { [unowned self] in self.requested.store(true, ordering: .relaxed) },
      clear: { [unowned self] in
        self.requested.store(false, ordering: .relaxed)
        self.polls.store(0, ordering: .relaxed)
      },
      isPending: { [unowned self] in
        let count = self.polls.add(1, ordering: .relaxed).newValue
        if let limit = self.interruptAfterPolls, count >= limit { return true }
        return self.requested.load(ordering: .relaxed)
      })
    kernel = Kernel(
      key: Self.key, interrupts: interrupts,
      send: { [unowned self] frames, channel in
        let message = try! self.wire.decode(frames)
        self.lock.withLock { self.sent.append((channel, message)) }
      },
      log: { [unowned self] text in self.lock.withLock { self.logged.append(text) } })
  }

  /// Sends a request of `type` on `channel` and returns it.
  @discardableResult
  func request(_ type: String, _ content: [String: JSON] = [:], on channel: Channel = .shell) -> Message {
    var message = Message(type: type, session: "client", content: content)
    message.identities = [Data("client-1".utf8)]
    kernel.receive(wire.encode(message), on: channel)
    return message
  }

  /// Runs a cell, and returns its reply and what it published (busy and idle left out).
  func execute(_ code: String, silent: Bool = false) -> (reply: [String: JSON], published: [Message]) {
    let request = request("execute_request", ["code": .string(code), "silent": .bool(silent)])
    let replies = take(.shell)
    precondition(replies.count == 1, "\(replies.count) replies")
    let published = take(.iopub)
    precondition(published.allSatisfy { $0.parentHeader["msg_id"]?.string == request.id }, "a message with another parent")
    precondition(published.first?.content["execution_state"] == "busy" && published.last?.content["execution_state"] == "idle")
    return (replies[0].content, Array(published.dropFirst().dropLast()))
  }

  /// What was sent on `channel` since the last call, in order.
  func take(_ channel: Channel) -> [Message] {
    lock.withLock {
      let taken = sent.filter { $0.0 == channel }.map(\.1)
      sent.removeAll { $0.0 == channel }
      return taken
    }
  }

  var log: [String] { lock.withLock { logged } }
}

extension Message {
  /// A `stream`'s text, or nil.
  var streamText: String? { type == "stream" ? content["text"]?.string : nil }
}
