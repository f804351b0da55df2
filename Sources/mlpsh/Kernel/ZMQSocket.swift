import CZeroMQ
import Foundation
import MLPKernel

/// A ZeroMQ socket: bind, send and receive multipart messages, poll. The only file that
/// calls ZeroMQ.
///
/// ZeroMQ sockets are not thread-safe: each is used by one thread, except the iopub socket,
/// which the shell and control threads share under `lock`.
final class ZMQSocket: @unchecked Sendable {
  /// The process's one ZeroMQ context.
  final class Context: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer
    init() { handle = zmq_ctx_new() }
    /// Makes every blocking call on the context's sockets return with ETERM.
    func shutdown() { zmq_ctx_shutdown(handle) }
    /// Waits until every socket is closed and what they still had to send is sent (or
    /// their linger time has passed).
    func terminate() { while zmq_ctx_term(handle) != 0 && zmq_errno() == EINTR {} }
  }

  enum Kind {
    case router, publisher, reply
    var value: Int32 {
      switch self {
      case .router: return ZMQ_ROUTER
      case .publisher: return ZMQ_PUB
      case .reply: return ZMQ_REP
      }
    }
  }

  private let handle: UnsafeMutableRawPointer
  let lock = NSLock()
  private(set) var isClosed = false

  /// Why the last call failed: ZeroMQ's message for errno.
  static var lastError: String { String(cString: zmq_strerror(zmq_errno())) }

  /// A socket of `kind` bound to `endpoint`. A peer that sends a frame larger than
  /// `largestMessage` is disconnected by ZeroMQ before the frame is kept in memory; a
  /// message of many smaller frames is refused by `receive` as it reads it.
  init(_ kind: Kind, context: Context, endpoint: String, largestMessage: Int) throws(KernelError) {
    guard let handle = zmq_socket(context.handle, kind.value) else {
      throw .socket(endpoint: endpoint, reason: Self.lastError)
    }
    self.handle = handle
    var limit = Int64(largestMessage)
    zmq_setsockopt(handle, ZMQ_MAXMSGSIZE, &limit, MemoryLayout<Int64>.size)
    // Replies still queued when the kernel shuts down get a second to leave.
    var linger: Int32 = 1000
    zmq_setsockopt(handle, ZMQ_LINGER, &linger, MemoryLayout<Int32>.size)
    if endpoint.hasPrefix("tcp://[") {
      var on: Int32 = 1
      zmq_setsockopt(handle, ZMQ_IPV6, &on, MemoryLayout<Int32>.size)
    }
    guard zmq_bind(handle, endpoint) == 0 else {
      let reason = Self.lastError
      zmq_close(handle)
      throw .socket(endpoint: endpoint, reason: reason)
    }
  }

  /// Waits up to `milliseconds` for a message; false on a timeout, a signal or a closed
  /// context.
  func waitForInput(milliseconds: Int) -> Bool {
    var item = zmq_pollitem_t(socket: handle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)
    return zmq_poll(&item, 1, milliseconds) > 0 && item.revents & Int16(ZMQ_POLLIN) != 0
  }

  enum Received {
    case frames([Data])
    /// Nothing to read (non-blocking), or a signal interrupted the wait.
    case nothing
    /// The context is closing: stop using the socket.
    case terminated
    /// More frames than `WireFormat.mostFrames`, or more bytes than
    /// `WireFormat.largestMessage` in all: the rest was read and thrown away.
    case tooLarge
    /// Any other failure, with ZeroMQ's errno.
    case failed(Int32)
  }

  /// Receives one multipart message, keeping at most `WireFormat.mostFrames` frames and
  /// `WireFormat.largestMessage` bytes in memory.
  func receive(blocking: Bool = true) -> Received {
    var frames: [Data] = []
    var bytes = 0
    var overflow = false
    repeat {
      var message = zmq_msg_t()
      zmq_msg_init(&message)
      defer { zmq_msg_close(&message) }
      let flags: Int32 = blocking || !frames.isEmpty || overflow ? 0 : ZMQ_DONTWAIT
      if zmq_msg_recv(&message, handle, flags) < 0 {
        let error = zmq_errno()
        if error == ETERM { return .terminated }
        if error == EINTR && (!frames.isEmpty || overflow) { continue }
        if error == EINTR || error == EAGAIN { return .nothing }
        return .failed(error)
      }
      let size = zmq_msg_size(&message)
      if !overflow && frames.count < WireFormat.mostFrames && bytes + size <= WireFormat.largestMessage {
        frames.append(Data(bytes: zmq_msg_data(&message), count: size))
        bytes += size
      } else {
        overflow = true
        frames.removeAll()
      }
      if zmq_msg_more(&message) == 0 { break }
    } while true
    return overflow ? .tooLarge : .frames(frames)
  }

  /// Sends `frames` as one multipart message. Returns false if the socket is closing.
  @discardableResult
  func send(_ frames: [Data]) -> Bool {
    for (index, frame) in frames.enumerated() {
      let flags: Int32 = index < frames.count - 1 ? ZMQ_SNDMORE : 0
      var sent: Int32
      repeat {
        sent = frame.withUnsafeBytes { bytes in zmq_send(handle, bytes.baseAddress, bytes.count, flags) }
      } while sent < 0 && zmq_errno() == EINTR
      if sent < 0 { return false }
    }
    return true
  }

  func close() {
    guard !isClosed else { return }
    isClosed = true
    zmq_close(handle)
  }
}
