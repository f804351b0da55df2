import Foundation
import MLPKernel

/// The kernel's transport: the five ZeroMQ sockets of the connection file and the threads
/// that serve them.
///
/// - heartbeat: its own thread echoes every ping, so the front end sees the kernel alive
///   while a cell trains for minutes;
/// - control: its own thread answers interrupt, shutdown and kernel-info requests at once;
/// - shell: the main thread runs requests one at a time, as the interpreter is single-threaded;
/// - iopub: written by both, one message at a time;
/// - stdin: bound, as front ends expect, and never asked anything.
struct KernelServer {
  let connection: ConnectionInfo

  /// How long the shell thread waits for a request before it looks at the shutdown flags.
  static let pollMilliseconds = 100
  /// At most this many requests are taken off the shell socket when a cell fails.
  static let mostWaitingRequests = 256

  /// Runs until a shutdown request, SIGTERM or SIGHUP; returns the exit status.
  func run() throws(KernelError) -> Int32 {
    let context = ZMQSocket.Context()
    let limit = WireFormat.largestMessage
    let shell = try ZMQSocket(.router, context: context, endpoint: connection.endpoint(connection.shellPort), largestMessage: limit)
    let control = try ZMQSocket(.router, context: context, endpoint: connection.endpoint(connection.controlPort), largestMessage: limit)
    let stdin = try ZMQSocket(.router, context: context, endpoint: connection.endpoint(connection.stdinPort), largestMessage: limit)
    let iopub = try ZMQSocket(.publisher, context: context, endpoint: connection.endpoint(connection.iopubPort), largestMessage: limit)
    // A ping is a few bytes; anything much larger is not one.
    let heartbeat = try ZMQSocket(.reply, context: context, endpoint: connection.endpoint(connection.heartbeatPort), largestMessage: 64 * 1024)

    let sockets: [Channel: ZMQSocket] = [.shell: shell, .control: control, .stdin: stdin, .iopub: iopub]
    let kernel = Kernel(
      key: connection.key,
      interrupts: InterruptControl(request: { Interrupts.request() }, clear: { Interrupts.clear() },
                                   isPending: { Interrupts.isPending }),
      send: { frames, channel in
        guard let socket = sockets[channel] else { return }
        socket.lock.withLock { if !socket.isClosed { socket.send(frames) } }
      })

    kernel.takeWaitingShellRequests = {
      var waiting: [[Data]] = []
      while waiting.count < Self.mostWaitingRequests, case let .frames(frames) = shell.receive(blocking: false) {
        waiting.append(frames)
      }
      return waiting
    }
    // Jupyter starts the kernel; if Jupyter dies without shutting it down, the kernel ends
    // too rather than running on alone.
    let parent = getppid()

    Thread.detachNewThread { Self.echo(heartbeat) }
    let controlDone = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      Self.serve(control, kernel: kernel)
      controlDone.signal()
    }

    while !kernel.isShuttingDown && Interrupts.endingSignal == nil {
      if getppid() != parent {
        Self.log("the process that started the kernel has ended; shutting down")
        break
      }
      guard shell.waitForInput(milliseconds: Self.pollMilliseconds) else { continue }
      let received = shell.receive(blocking: false)
      if case .tooLarge = received { Self.log("dropped a message on the shell channel: too many frames or bytes") }
      guard case let .frames(frames) = received else { continue }
      kernel.receive(frames, on: .shell)
      kernel.handleRequestsWaitingBehindFailure()
    }

    // Close what this thread owns, wake the other threads with ETERM (they close theirs),
    // and wait for the last replies to leave.
    for socket in [shell, stdin, iopub] { socket.lock.withLock { socket.close() } }
    context.shutdown()
    controlDone.wait()
    context.terminate()
    if let signal = Interrupts.endingSignal { return 128 + signal }
    return 0
  }

  /// Answers requests on the control socket until the context closes or a shutdown request.
  private static func serve(_ control: ZMQSocket, kernel: Kernel) {
    while !kernel.isShuttingDown {
      switch control.receive() {
      case let .frames(frames): kernel.receive(frames, on: .control)
      case .terminated: control.lock.withLock { control.close() }; return
      case .tooLarge: log("dropped a message on the control channel: too many frames or bytes")
      case .nothing: continue
      case let .failed(error):
        log("the control socket failed: \(String(cString: strerror(error)))")
        usleep(10_000)
      }
    }
    control.lock.withLock { control.close() }
  }

  static func log(_ text: String) {
    FileHandle.standardError.write(Data("mlpsh kernel: \(text)\n".utf8))
  }

  /// Sends every heartbeat ping straight back.
  private static func echo(_ heartbeat: ZMQSocket) {
    while true {
      switch heartbeat.receive() {
      case let .frames(frames): heartbeat.send(frames)
      case .terminated: heartbeat.close(); return
      case .nothing: continue
      case .tooLarge:
        // A reply socket must answer before it can receive again.
        heartbeat.send([Data()])
      case let .failed(error):
        log("the heartbeat socket failed: \(String(cString: strerror(error)))")
        usleep(10_000)
      }
    }
  }
}
