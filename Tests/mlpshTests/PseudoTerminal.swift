import Foundation
import Glibc

/// The real `mlpsh` binary running on a pseudo-terminal that the test opens itself, so
/// that readline, Ctrl-C and Tab behave as they do for a person at a keyboard.
final class PseudoTerminal {
  enum Failure: Error, CustomStringConvertible {
    case timeout(waitingFor: String, output: String)
    case spawn(String)

    var description: String {
      switch self {
      case let .timeout(text, output): return "timed out waiting for \(text.debugDescription); output so far:\n\(output)"
      case let .spawn(reason): return "could not start mlpsh: \(reason)"
      }
    }
  }

  /// The built `mlpsh`, next to the test bundle (or `MLPSH_BINARY`).
  static var binary: String {
    if let path = ProcessInfo.processInfo.environment["MLPSH_BINARY"] { return path }
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    // The test bundle may be a folder (xctest bundle) inside the build directory.
    for _ in 0 ..< 4 {
      let candidate = directory.appendingPathComponent("mlpsh").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      directory.deleteLastPathComponent()
    }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(".build/debug/mlpsh").path
  }

  let master: Int32
  let pid: pid_t
  /// Everything the shell wrote, escapes included.
  private(set) var output = ""
  /// Where the next `expect` starts looking.
  private var mark: String.Index

  init(arguments: [String] = [], environment: [String: String]) throws {
    let path = Self.binary
    guard FileManager.default.isExecutableFile(atPath: path) else { throw Failure.spawn("no binary at \(path)") }
    var variables = ProcessInfo.processInfo.environment
    variables.removeValue(forKey: "NO_COLOR")
    variables["TERM"] = "xterm"
    variables["HOME"] = NSTemporaryDirectory()
    for (key, value) in environment { variables[key] = value }
    // Everything the child needs is made before the fork: after it, only execve runs.
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var descriptor: Int32 = 0
    var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
    let child = forkpty(&descriptor, nil, nil, &size)
    if child == 0 {
      execve(path, argv, envp)
      _exit(127)
    }
    guard child > 0 else { throw Failure.spawn(String(cString: strerror(errno))) }
    master = descriptor
    pid = child
    mark = output.startIndex
  }

  deinit {
    kill(pid, SIGKILL)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    close(master)
  }

  /// Types `text` (use "\r" for Enter, "\t" for Tab, "\u{3}" for Ctrl-C, "\u{4}" for Ctrl-D).
  func send(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
  }

  /// Waits until `text` appears after the previous match; returns what came before it.
  @discardableResult
  func expect(_ text: String, timeout: Double = 20) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      if let range = output.range(of: text, range: mark ..< output.endIndex) {
        let before = String(output[mark ..< range.lowerBound])
        mark = range.upperBound
        return before
      }
      let remaining = deadline.timeIntervalSinceNow
      guard remaining > 0, readMore(waitingMilliseconds: Int32(min(remaining, 0.2) * 1000)) else {
        if remaining <= 0 { throw Failure.timeout(waitingFor: text, output: output) }
        continue
      }
    }
  }

  /// Reads what is available; false when the shell has closed the terminal.
  private func readMore(waitingMilliseconds: Int32) -> Bool {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, waitingMilliseconds) > 0 else { return true }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = read(master, &buffer, buffer.count)
    guard count > 0 else { return false }
    output += String(decoding: buffer[0 ..< count], as: UTF8.self)
    return true
  }

  /// Waits for the shell to exit and returns its status.
  func waitForExit(timeout: Double = 20) throws -> Int32 {
    let deadline = Date().addingTimeInterval(timeout)
    var status: Int32 = 0
    while Date() < deadline {
      _ = readMore(waitingMilliseconds: 50)
      if waitpid(pid, &status, WNOHANG) == pid {
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
      }
    }
    throw Failure.timeout(waitingFor: "exit", output: output)
  }
}
