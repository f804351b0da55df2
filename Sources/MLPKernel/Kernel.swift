import Foundation
import MLPScript

/// The sockets a kernel answers on (the heartbeat never reaches here: it only echoes).
public enum Channel: String, Sendable {
  case shell, control, iopub, stdin
}

/// How the kernel asks a running command to stop and learns that it was asked: the
/// executable's signal flags (SIGINT) shared with the interrupt request.
public struct InterruptControl: Sendable {
  /// Asks the running command to stop at the end of its batch.
  public var request: @Sendable () -> Void
  /// Forgets a request (at the start of each cell).
  public var clear: @Sendable () -> Void
  /// Whether a stop has been asked for.
  public var isPending: @Sendable () -> Bool

  public init(request: @escaping @Sendable () -> Void, clear: @escaping @Sendable () -> Void,
              isPending: @escaping @Sendable () -> Bool) {
    self.request = request
    self.clear = clear
    self.isPending = isPending
  }
}

/// A Jupyter kernel for mlpsh: one interpreter and one session, answering the messaging
/// protocol's requests.
///
/// It knows messages, not sockets: the executable's transport hands it each message's
/// frames with the channel they came on, and sends the frames it gives back. Requests on
/// the shell channel are handled one at a time on one thread; those on the control channel
/// (interrupt, shutdown, kernel info) on another, so that they are answered while a cell
/// runs. Every request is bracketed by `status: busy` and `status: idle` on iopub.
public final class Kernel: @unchecked Sendable {
  /// Sends frames on a channel; the transport serialises sends on each socket.
  public typealias Send = @Sendable (_ frames: [Data], _ channel: Channel) -> Void

  /// This kernel's session id, in every header it writes.
  public let session = UUID().uuidString.lowercased()
  let wire: WireFormat
  let send: Send
  let interrupts: InterruptControl
  let log: @Sendable (String) -> Void
  let interpreter: Interpreter
  let sink: KernelSink
  let clock: @Sendable () -> Double

  // The state below is the shell thread's alone: only shell requests read or change it.

  /// Cells run so far with `store_history`: the `In[n]` of the next one is this plus one.
  var executionCount = 0
  /// Every cell stored, for history requests.
  var history: [HistoryEntry] = []
  /// Takes every request already waiting on the shell socket, without waiting for more
  /// (set by the transport). After a failed cell with `stop_on_error`, the execute requests
  /// among them are aborted.
  public var takeWaitingShellRequests: () -> [[Data]] = { [] }
  /// The requests that were waiting when a cell failed, taken before its reply went out
  /// (a request sent after the client saw that reply runs as usual).
  var waitingBehindFailure: [[Data]] = []

  private let shutdownLock = NSLock()
  private var shutdownAsked = false

  /// The request whose answers are being published (the parent of iopub messages).
  private let parentLock = NSLock()
  private var currentParent: Message?

  public init(
    key: String, interrupts: InterruptControl, send: @escaping Send,
    log: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(("mlpsh kernel: " + $0 + "\n").utf8)) },
    session: Session = Session(),
    clock: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime }
  ) {
    wire = WireFormat(signer: MessageSigner(key: key))
    self.send = send
    self.interrupts = interrupts
    self.log = log
    self.clock = clock
    // The sink publishes through the kernel, which does not exist until every stored
    // property is set: the sink gets a closure that reaches the kernel once it does.
    var publishTarget: (@Sendable (String, [String: JSON]) -> Void)?
    let figurePrefix = "k" + String(UUID().uuidString.lowercased().prefix(8))
    sink = KernelSink(figurePrefix: figurePrefix, clock: clock) { type, content in publishTarget?(type, content) }
    var environment = Environment(sink: sink, style: Self.style, shouldStop: interrupts.isPending, clock: clock)
    environment.stopReason = { "interrupted" }
    interpreter = Interpreter(session: session, environment: environment)
    publishTarget = { [unowned self] type, content in self.publishForCurrentRequest(type, content) }
  }

  /// Output for a notebook: not a terminal (figures' text drawings in plain ASCII, no
  /// colour codes in printed lines), but with a live status display, and as wide as a
  /// notebook's output area.
  static let style = OutputStyle(isTerminal: false, color: false, width: 100, height: 24, showsStatus: true)

  /// Whether a shutdown request has been answered: the transport then stops.
  public var isShuttingDown: Bool { shutdownLock.withLock { shutdownAsked } }

  // MARK: - Receiving

  /// Handles one message that arrived on `channel`. A message that is malformed, too large
  /// or wrongly signed is logged and dropped: it never runs.
  public func receive(_ frames: [Data], on channel: Channel) {
    guard let message = decode(frames, on: channel) else { return }
    handle(message, on: channel)
  }

  /// The message in `frames`, or `nil`, logged, when it is malformed or wrongly signed.
  private func decode(_ frames: [Data], on channel: Channel) -> Message? {
    do {
      return try wire.decode(frames)
    } catch {
      log("dropped a message on the \(channel.rawValue) channel: \(error)")
      return nil
    }
  }

  private func handle(_ message: Message, on channel: Channel) {
    switch channel {
    case .shell: handleShell(message)
    case .control: handleControl(message)
    case .iopub, .stdin:
      // Nothing asks the kernel anything there: stdin carries answers to input requests,
      // which mlpsh never makes.
      log("ignored a \(message.type) on the \(channel.rawValue) channel")
    }
  }

  /// Handles the requests that were waiting when a cell failed with `stop_on_error`, as
  /// Python's kernel does: execute requests are answered `aborted` and not run; the others
  /// are answered as usual.
  public func handleRequestsWaitingBehindFailure() {
    while !waitingBehindFailure.isEmpty {
      guard let message = decode(waitingBehindFailure.removeFirst(), on: .shell) else { continue }
      guard message.type == "execute_request" else {
        handle(message, on: .shell)
        continue
      }
      busy(message, on: .shell) {
        reply(to: message, on: .shell, type: "execute_reply",
              content: ["status": "aborted", "execution_count": .integer(executionCount)])
      }
    }
  }

  private func handleShell(_ message: Message) {
    busy(message, on: .shell) {
      switch message.type {
      case "execute_request": execute(message)
      case "kernel_info_request": kernelInfo(message, on: .shell)
      case "complete_request": complete(message)
      case "inspect_request": inspect(message)
      case "is_complete_request": isComplete(message)
      case "history_request": historyRequest(message)
      case "interrupt_request", "shutdown_request":
        // Protocol 5.3 still allows both on the shell channel (5.4 moves them to control).
        controlRequest(message, on: .shell)
      case "comm_info_request":
        reply(to: message, on: .shell, type: "comm_info_reply", content: ["status": "ok", "comms": [:]])
      case "comm_open":
        // No comm targets exist: the protocol says to close the comm at once.
        publish("comm_close", ["comm_id": message.content["comm_id"] ?? "", "data": [:]], parent: message)
      case "comm_msg", "comm_close":
        log("ignored a \(message.type): mlpsh has no comms")
      default: unknown(message, on: .shell)
      }
    }
  }

  private func handleControl(_ message: Message) {
    busy(message, on: .control) {
      switch message.type {
      case "interrupt_request", "shutdown_request": controlRequest(message, on: .control)
      case "kernel_info_request": kernelInfo(message, on: .control)
      default: unknown(message, on: .control)
      }
    }
  }

  /// Interrupt and shutdown: answered at once, whichever channel they came on.
  private func controlRequest(_ message: Message, on channel: Channel) {
    if message.type == "interrupt_request" {
      interrupts.request()
      reply(to: message, on: channel, type: "interrupt_reply", content: ["status": "ok"])
      return
    }
    let restart = message.content["restart"]?.bool ?? false
    interrupts.request()
    let content: [String: JSON] = ["status": "ok", "restart": .bool(restart)]
    reply(to: message, on: channel, type: "shutdown_reply", content: content)
    publish("shutdown_reply", content, parent: message)
    shutdownLock.withLock { shutdownAsked = true }
  }

  /// A request this kernel does not know gets the protocol's error reply, so that no
  /// client waits for ever; anything else is logged.
  private func unknown(_ message: Message, on channel: Channel) {
    log("unknown message type '\(message.type)' on the \(channel.rawValue) channel")
    guard message.type.hasSuffix("_request") else { return }
    let type = String(message.type.dropLast("_request".count)) + "_reply"
    reply(to: message, on: channel, type: type, content: [
      "status": "error", "ename": "UnknownMessageType",
      "evalue": .string("mlpsh does not answer '\(message.type)'"), "traceback": [],
    ])
  }

  // MARK: - Sending

  /// Publishes `busy`, runs `body`, and publishes `idle`. A shell request is also the
  /// parent of the interpreter's output while it runs (control requests print nothing, and
  /// may come while a cell is printing).
  func busy(_ message: Message, on channel: Channel, _ body: () -> Void) {
    publish("status", ["execution_state": "busy"], parent: message)
    if channel == .shell { parentLock.withLock { currentParent = message } }
    body()
    publish("status", ["execution_state": "idle"], parent: message)
  }

  func reply(to request: Message, on channel: Channel, type: String, content: [String: JSON]) {
    send(wire.encode(Message(type: type, session: session, parent: request, content: content)), channel)
  }

  func publish(_ type: String, _ content: [String: JSON], parent: Message?) {
    var message = Message(type: type, session: session, parent: parent, content: content)
    // The topic, as IPython's kernel names it; clients subscribe to everything.
    message.identities = [Data("kernel.\(session).\(type)".utf8)]
    send(wire.encode(message), .iopub)
  }

  private func publishForCurrentRequest(_ type: String, _ content: [String: JSON]) {
    publish(type, content, parent: parentLock.withLock { currentParent })
  }
}
