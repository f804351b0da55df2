import Foundation
import Testing

/// `mlpsh FILE`, `mlpsh -c`, a script on standard input: output, diagnostics and exit codes.
@Suite struct ScriptModeTests {
  struct Run {
    var status: Int32
    var output: String
    var errors: String
  }

  func mlpsh(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: PseudoTerminal.binary)
    process.arguments = arguments
    var variables = ProcessInfo.processInfo.environment
    for (key, value) in environment { variables[key] = value }
    process.environment = variables
    let output = Pipe(), errors = Pipe(), stdin = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try stdin.fileHandleForWriting.close()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
               errors: String(decoding: err, as: UTF8.self))
  }

  func script(_ text: String) throws -> String {
    let path = NSTemporaryDirectory() + "mlpsh-script-\(UUID().uuidString).mlp"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func aScriptThatRunsToTheEndExitsZero() throws {
    let path = try script("m = mlp [2,3]\n# expect: parameters = 9\nsummary\n")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let run = try mlpsh([path])
    #expect(run.status == 0)
    #expect(run.output.hasPrefix("m: mlp 2-3 relu"))
    #expect(run.errors.isEmpty)
  }

  @Test func aSyntaxErrorExits65AndRunsNothing() throws {
    let path = try script("mlp [2,3]\ntrain batch=\n")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let run = try mlpsh([path])
    #expect(run.status == 65)
    #expect(run.output.isEmpty)
    #expect(run.errors == """
      error: expected a value after 'batch='
       --> \(path):2:13
      2 | train batch=
        |             ^

      """)
  }

  @Test func aRuntimeErrorExits70AfterWhatRan() throws {
    let run = try mlpsh(["-c", "mlp [2,3]; mlp [2,3] rleu; summary"])
    #expect(run.status == 70)
    #expect(run.output.hasPrefix("mlp1: "))
    #expect(!run.output.contains("(mlp):"))
    #expect(run.errors.hasPrefix("error: unknown activation 'rleu'\n --> <command line>:1:22\n"))
  }

  @Test func aFailedExpectationExits1() throws {
    let run = try mlpsh(["-c", "mlp [2,3]\n# expect: parameters = 10"])
    #expect(run.status == 1)
    #expect(run.errors.hasPrefix("error: expected parameters = 10, got 9"))
  }

  @Test func aScriptOnStandardInput() throws {
    let run = try mlpsh([], input: "set lr=0.5\nmlp [3,2]\nquit\nmlp [1,1]\n")
    #expect(run.status == 0)
    #expect(run.output == "lr = 0.5\nmlp1: mlp 3-2 relu, lr 0.5, init seed, seed 0, 8 parameters, 0 iterations trained\n")
  }

  @Test func aMissingFileExits66() throws {
    let run = try mlpsh(["/no/such/file.mlp"])
    #expect(run.status == 66)
    #expect(run.errors == "error: cannot read '/no/such/file.mlp': no such file\n")
  }

  @Test func noColourWhenNotATerminal() throws {
    let run = try mlpsh(["-c", "trian"], environment: ["TERM": "xterm"])
    #expect(!run.errors.contains("\u{1B}["))
  }

  @Test func versionAndHelp() throws {
    #expect(try mlpsh(["--version"]).output == "0.1.0\n")
    let help = try mlpsh(["--help"])
    #expect(help.status == 0)
    #expect(help.output.contains("USAGE: mlpsh [<file>] [-c <commands>]"))
  }
}
