import Foundation
import Testing

/// Hostile text through the real binary: bytes that are not UTF-8 on standard input, in
/// `-c` and in a script file, and a line of several megabytes.
@Suite struct HostileScriptTests {
  struct Run {
    var status: Int32
    var output: String
    var errors: String
  }

  func mlpsh(_ arguments: [String], input: Data? = nil) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: PseudoTerminal.binary)
    process.arguments = arguments
    let output = Pipe(), errors = Pipe(), stdin = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = stdin
    try process.run()
    // Standard input is written from another thread: a large script fills the pipe.
    let writer = Thread {
      if let input { stdin.fileHandleForWriting.write(input) }
      try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
               errors: String(decoding: err, as: UTF8.self))
  }

  @Test func latin1OnStandardInputIsASyntaxErrorWithACaret() throws {
    let run = try mlpsh([], input: Data("mlp [2,2] ".utf8) + Data([0xE9, 0x0A]))
    #expect(run.status == 65)
    #expect(run.errors == """
      error: unexpected character U+FFFD
       --> <stdin>:1:11
      1 | mlp [2,2] \u{FFFD}
        |           ^ this is not UTF-8 text; mlpsh reads scripts as UTF-8

      """)
  }

  @Test func latin1InACommentIsHarmless() throws {
    let path = NSTemporaryDirectory() + "mlpsh-latin1-\(UUID().uuidString).mlp"
    try (Data("# caf".utf8) + Data([0xE9, 0x0A]) + Data("mlp [2,3]\n".utf8)).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let run = try mlpsh([path])
    #expect(run.status == 0)
    #expect(run.output.hasPrefix("mlp1: mlp 2-3 relu"))
  }

  @Test func anEscapeSequenceNeverReachesTheTerminal() throws {
    let run = try mlpsh(["-c", "train \u{1B}]0;pwned\u{7}"])
    #expect(run.status == 65)
    #expect(!run.errors.contains("\u{1B}") && !run.errors.contains("\u{7}"))
    #expect(run.errors.hasPrefix("error: unexpected character U+001B\n"))
  }

  @Test func aFourMegabyteLineRunsAndItsErrorIsShownInPart() throws {
    // A command, 4 MiB of spaces, and a mistake.
    let line = "mlp [2,3];" + String(repeating: " ", count: 4 << 20) + "set sed=2\n"
    let started = Date()
    let run = try mlpsh([], input: Data(line.utf8))
    #expect(Date().timeIntervalSince(started) < 20)
    #expect(run.status == 70)
    #expect(run.output.hasPrefix("mlp1: mlp 2-3 relu"))
    let lines = run.errors.split(separator: "\n")
    #expect(lines.first == "error: 'set' has no option 'sed'")
    #expect(lines.dropFirst().first == " --> <stdin>:1:4194319")
    #expect(lines.allSatisfy { $0.count < 200 })
    #expect(lines.dropFirst(2).first?.hasPrefix("1 | …") == true)
  }
}
