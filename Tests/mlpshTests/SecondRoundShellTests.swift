import Foundation
import Glibc
import Testing

/// Issue 17 through the real binary: a reader that leaves, a full disk, a FIFO as the
/// history file, `quit` in a script the shell runs, and SIGTERM during an export.
@Suite(.serialized) struct SecondRoundShellTests {
  func folder() throws -> String {
    let folder = NSTemporaryDirectory() + "mlpsh-round2-\(getpid())-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  /// D5: `mlpsh long.mlp | head -1`. The reader leaves after one line; the script carries
  /// on without output (no SIGPIPE death, exit 0) and its save happens.
  @Test func aReaderThatLeavesDoesNotStopTheSave() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // Far more than a pipe's buffer of help text between the first line and the save.
    let script = "load digits\nm = mlp [64,10]\n" + String(repeating: "help train\n", count: 200)
      + "train m digits iterations=20 progress=false\nsave m \"m.json\"\n"
    try script.write(toFile: folder + "/long.mlp", atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: PseudoTerminal.binary)
    process.arguments = ["long.mlp"]
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Like `head -1`: read the first line, then close the pipe.
    var first = Data()
    while !first.contains(UInt8(ascii: "\n")) {
      let byte = output.fileHandleForReading.readData(ofLength: 1)
      if byte.isEmpty { break }
      first += byte
    }
    try output.fileHandleForReading.close()
    process.waitUntilExit()
    #expect(String(decoding: first, as: UTF8.self).hasPrefix("digits: 1438 training"))
    #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    let saved = try String(contentsOfFile: folder + "/m.json", encoding: .utf8)
    #expect(saved.contains("\"format\" : \"mlpsh-model\""))
  }

  /// Cosmetic: output that cannot be written (`> /dev/full`) is an error, exit 74.
  @Test func aFullDiskOnStandardOutputExits74() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: PseudoTerminal.binary)
    process.arguments = ["-c", "help"]
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let reported = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 74)
    #expect(String(decoding: reported, as: UTF8.self) == "error: cannot write to standard output: no space left on device\n")
  }

  /// Cosmetic: `~` in a path is `$HOME`, as in every shell, not the account's folder.
  @Test func aTildeFollowsHOME() throws {
    let home = try folder()
    defer { try? FileManager.default.removeItem(atPath: home) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: PseudoTerminal.binary)
    process.arguments = ["-c", "m = mlp [2,2]; save m \"~/m.json\"; load \"~/m.json\""]
    var environment = ProcessInfo.processInfo.environment
    environment["HOME"] = home
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(FileManager.default.fileExists(atPath: home + "/m.json"))
  }

  /// H2: a FIFO as the history file is named and left alone; the shell starts.
  @Test func aFIFOAsTheHistoryFileIsNamedAndTheShellStarts() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let fifo = folder + "/history"
    #expect(mkfifo(fifo, 0o600) == 0)
    let shell = try PseudoTerminal(environment: ["MLPSH_HISTORY": fifo])
    try shell.expect("warning: history file '\(fifo)' cannot be used: it is a FIFO, not a regular file; history is off for this session")
    try shell.expect("mlpsh> ")
    shell.send("mlp [2,2]\r")
    try shell.expect("mlp1: mlp 2-2")
    try shell.expect("mlpsh> ")
    shell.send("quit\r")
    #expect(try shell.waitForExit() == 0)
  }

  /// D3: `quit` in a script the shell runs ends that script; the shell and its unsaved
  /// models go on.
  @Test func quitInARunScriptEndsOnlyThatScript() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "quit\nmlp [3,3]\n".write(toFile: folder + "/q.mlp", atomically: true, encoding: .utf8)
    let shell = try PseudoTerminal(environment: ["MLPSH_HISTORY": folder + "/history"])
    try shell.expect("mlpsh> ")
    shell.send("m = mlp [2,2]\r")
    try shell.expect("mlpsh> ")
    shell.send("run \"\(folder)/q.mlp\"\r")
    try shell.expect("mlpsh> ")
    shell.send("summary m\r")
    try shell.expect("total                              6")
    try shell.expect("mlpsh> ")
    shell.send("quit\r")
    #expect(try shell.waitForExit() == 0)
  }

  /// M1: SIGTERM during `--export` says SIGTERM and exits 143, not "(Ctrl-C)" and 130.
  @Test func sigtermDuringAnExportSaysSoAndExits143() throws {
    let child = try SignalTests.Child(
      script: "load digits\nm = mlp [64,64,10]\ntrain m iterations=5000000 batch=1 progress=false\n",
      arguments: ["lesson.mlp", "--export", "out.html"])
    try child.waitFor("training m on digits: 5000000 iterations")
    Thread.sleep(forTimeInterval: 0.3)
    child.send(SIGTERM)
    #expect(try child.exitStatus() == 143)
    #expect(child.printed.contains(" of 5000000 iterations (SIGTERM); it keeps what it learnt"))
    #expect(!child.printed.contains("Ctrl-C"))
  }

  /// M2: `--export` into a missing folder fails before the lesson runs: no training first.
  @Test func anExportThatCannotBeWrittenFailsBeforeRunning() throws {
    let child = try SignalTests.Child(script: "load digits\nm = mlp [64,10]\ntrain m iterations=10 progress=false\n",
                                      arguments: ["lesson.mlp", "--export", "/nonexistent/x.html"])
    #expect(try child.exitStatus() == 73)
    #expect(child.printed.isEmpty)
    #expect(child.reported == "error: cannot write '/nonexistent/x.html': cannot create a file in '/nonexistent': no such file or directory\n")
  }
}
