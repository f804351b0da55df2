import Foundation
import Synchronization
import Testing
@testable import MLPScript

/// Issue 17, M1: what stopped a run is named by the environment, not assumed to be Ctrl-C.
@Suite struct StopReasonTests {
  @Test func aSweepStoppedBySIGTERMSaysSIGTERM() {
    // Raised once the sweep has begun: the interpreter's own look before the statement
    // passes, every later one (the sweep's runs) is told to stop.
    final class Flag: Sendable {
      let raised = Atomic<Bool>(false)
      let looks = Atomic<Int>(0)
      func shouldStop() -> Bool {
        raised.load(ordering: .relaxed) && looks.add(1, ordering: .relaxed).newValue > 1
      }
    }
    let flag = Flag()
    let sink = CollectingSink()
    var environment = Environment(sink: sink, shouldStop: { flag.shouldStop() })
    environment.stopReason = { "SIGTERM" }
    let interpreter = Interpreter(environment: environment)
    #expect(interpreter.run(line: "load digits; m = mlp [64,10]") == nil)
    flag.raised.store(true, ordering: .relaxed)
    _ = interpreter.run(line: "sweep m lr=0.1,0.01 plot=false")
    #expect(sink.lines.contains("stopped (SIGTERM): the runs keep what they learnt"))
    #expect(!sink.lines.contains { $0.contains("Ctrl-C") })
  }

  /// D3 in a session: `quit` inside a script run with `run` ends that script only.
  @Test func quitInARunScriptLeavesTheSessionRunning() throws {
    let path = NSTemporaryDirectory() + "mlpsh-quit-\(UUID().uuidString).mlp"
    try "quit\nmlp [3,3]\n".write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let interpreter = Interpreter(environment: Environment(sink: CollectingSink()))
    #expect(interpreter.run(line: "m = mlp [2,2]; run \"\(path)\"") == nil)
    #expect(!interpreter.session.quitRequested)
    #expect(interpreter.session.models.keys.sorted() == ["m"])
  }
}
