import Foundation
import Glibc
import Testing

/// SIGTERM and SIGHUP end mlpsh cleanly: the running command stops at the end of its batch,
/// nothing after it runs, the exit status is 128 + the signal, a file being saved is whole
/// (or was never begun), and the history file keeps every line.
@Suite(.serialized) struct SignalTests {
  /// `mlpsh` on a script in its own folder, with output going to files the test can watch.
  final class Child {
    let folder: String
    let process = Process()
    let output: String
    let errors: String

    init(script: String, arguments: [String] = ["lesson.mlp"]) throws {
      folder = NSTemporaryDirectory() + "mlpsh-signal-\(getpid())-\(UUID().uuidString)"
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try script.write(toFile: folder + "/lesson.mlp", atomically: true, encoding: .utf8)
      output = folder + "/.out"
      errors = folder + "/.err"
      _ = FileManager.default.createFile(atPath: output, contents: nil)
      _ = FileManager.default.createFile(atPath: errors, contents: nil)
      process.executableURL = URL(fileURLWithPath: PseudoTerminal.binary)
      process.arguments = arguments
      process.currentDirectoryURL = URL(fileURLWithPath: folder)
      var environment = ProcessInfo.processInfo.environment
      environment["SWIFT_BACKTRACE"] = "enable=no"
      process.environment = environment
      process.standardOutput = FileHandle(forWritingAtPath: output)
      process.standardError = FileHandle(forWritingAtPath: errors)
      process.standardInput = FileHandle.nullDevice
      try process.run()
    }

    deinit {
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      try? FileManager.default.removeItem(atPath: folder)
    }

    var printed: String { (try? String(contentsOfFile: output, encoding: .utf8)) ?? "" }
    var reported: String { (try? String(contentsOfFile: errors, encoding: .utf8)) ?? "" }

    /// Waits until standard output holds `text`.
    func waitFor(_ text: String, timeout: Double = 60) throws {
      let deadline = Date().addingTimeInterval(timeout)
      while !printed.contains(text) {
        guard Date() < deadline, process.isRunning else {
          throw PseudoTerminal.Failure.timeout(waitingFor: text, output: printed + reported)
        }
        Thread.sleep(forTimeInterval: 0.02)
      }
    }

    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Seconds of processor time the child has used (user and system, all its threads),
    /// from /proc: it grows only while the child computes, however busy the machine is.
    var processorSeconds: Double {
      guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")") else { return 0 }
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      // Fields 14 and 15 (utime, stime) are the 12th and 13th after the name.
      guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
      return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Waits until the child has computed `seconds` more than it had.
    func waitForWork(_ seconds: Double, timeout: Double = 60) {
      let start = processorSeconds
      let deadline = Date().addingTimeInterval(timeout)
      while processorSeconds - start < seconds && Date() < deadline && process.isRunning {
        Thread.sleep(forTimeInterval: 0.01)
      }
    }

    /// The exit status, or 128 + the signal that killed it.
    func exitStatus(timeout: Double = 60) throws -> Int32 {
      let deadline = Date().addingTimeInterval(timeout)
      while process.isRunning {
        guard Date() < deadline else { throw PseudoTerminal.Failure.timeout(waitingFor: "exit", output: printed) }
        Thread.sleep(forTimeInterval: 0.02)
      }
      return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    /// The files in its folder other than the script and the output.
    var files: [String] {
      ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { ![".out", ".err", "lesson.mlp"].contains($0) }.sorted()
    }
  }

  let training = """
    load digits
    m = mlp [64,64,10]
    train m iterations=5000000 batch=1 progress=false
    save m "m.json"

    """

  func stopsTraining(with signal: Int32, named name: String) throws {
    let child = try Child(script: training)
    try child.waitFor("training m on digits: 5000000 iterations")
    Thread.sleep(forTimeInterval: 0.3)
    child.send(signal)
    #expect(try child.exitStatus() == 128 + signal)
    let stopped = try #require(child.printed.split(separator: "\n").last)
    #expect(stopped.hasPrefix("stopped m after "))
    #expect(stopped.contains(" of 5000000 iterations (\(name)); it keeps what it learnt; last 100: loss "))
    // Nothing after the training ran: the save never began, so there is no file at all.
    #expect(child.reported == """
      note: stopped before this (\(name))
       --> lesson.mlp:4:1
      4 | save m "m.json"
        | ^~~~~~~~~~~~~~~

      """)
    #expect(child.files.isEmpty)
  }

  @Test func sigtermStopsTrainingAtTheBatchAndExits143() throws {
    try stopsTraining(with: SIGTERM, named: "SIGTERM")
  }

  @Test func sighupStopsTrainingAtTheBatchAndExits129() throws {
    try stopsTraining(with: SIGHUP, named: "SIGHUP")
  }

  @Test func sigtermDuringSavesLeavesAWholeFileAndNoTemporary() throws {
    // A 1.6 MB model saved 400 times: the signal lands during one of the saves or
    // between two, and either way the file on the disk is a whole model.
    let child = try Child(script: "load digits\nm = mlp [64,512,512,10]\n"
      + String(repeating: "save m \"m.json\"\n", count: 400))
    try child.waitFor("saved m to m.json")
    Thread.sleep(forTimeInterval: 0.1)
    child.send(SIGTERM)
    #expect(try child.exitStatus() == 143)
    let saves = child.printed.components(separatedBy: "saved m to m.json").count - 1
    #expect(saves >= 1 && saves < 400)
    #expect(child.files == ["m.json"])
    let check = Process()
    check.executableURL = URL(fileURLWithPath: PseudoTerminal.binary)
    check.arguments = ["-c", "load \"\(child.folder)/m.json\""]
    check.standardOutput = FileHandle.nullDevice
    try check.run()
    check.waitUntilExit()
    #expect(check.terminationStatus == 0)
  }

  @Test func aSecondSigtermEndsAtOnce() throws {
    // One batch of the whole set through a wide network takes seconds; the first SIGTERM
    // waits for its end, the second does not.
    let child = try Child(script: "load digits\nm = mlp [64,4096,4096,10]\ntrain m batch=1438 iterations=50 progress=false\n")
    try child.waitFor("training m on digits")
    // Inside the first batch for certain: it has computed a while since training began
    // (on a busy machine a fixed sleep may end before the batch starts).
    child.waitForWork(0.15)
    child.send(SIGTERM)
    Thread.sleep(forTimeInterval: 0.05)
    child.send(SIGTERM)
    let started = Date()
    #expect(try child.exitStatus() == 128 + SIGTERM)
    #expect(Date().timeIntervalSince(started) < 1.5)
    #expect(!child.printed.contains("stopped m"))
  }

  @Test func sighupAtThePromptExits129WithTheHistoryWhole() throws {
    let history = NSTemporaryDirectory() + "mlpsh-history-\(getpid())-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: history) }
    let shell = try PseudoTerminal(environment: ["MLPSH_HISTORY": history])
    try shell.expect("mlpsh> ")
    for line in ["set seed=7", "m = mlp [2,3]", "show m"] {
      shell.send(line + "\r")
      try shell.expect("mlpsh> ")
    }
    kill(shell.pid, SIGHUP)
    #expect(try shell.waitForExit() == 129)
    #expect(try String(contentsOfFile: history, encoding: .utf8) == "set seed=7\nm = mlp [2,3]\nshow m\n")
  }

  @Test func sigtermDuringTrainingInTheShellStopsAndExits143() throws {
    let history = NSTemporaryDirectory() + "mlpsh-history-\(getpid())-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: history) }
    let shell = try PseudoTerminal(environment: ["MLPSH_HISTORY": history])
    try shell.expect("mlpsh> ")
    shell.send("load digits; m = mlp [64,64,10]; train iterations=5000000 batch=1\r")
    try shell.expect("ETA")
    kill(shell.pid, SIGTERM)
    try shell.expect("stopped m after ")
    try shell.expect(" of 5000000 iterations (SIGTERM); it keeps what it learnt")
    #expect(try shell.waitForExit() == 143)
    #expect(try String(contentsOfFile: history, encoding: .utf8)
      == "load digits; m = mlp [64,64,10]; train iterations=5000000 batch=1\n")
  }
}
