import Foundation
import Synchronization
import MLPScript

/// What standard output and standard error are: terminals or not, colour or not, how wide.
struct Terminal {
  var style: OutputStyle
  /// Whether diagnostics on standard error get colour.
  var colorErrors: Bool

  /// Reads the environment: colour only on a terminal, never with `NO_COLOR` set or
  /// `TERM=dumb`; cursor tricks only on a terminal that is not dumb.
  static func current() -> Terminal {
    let environment = ProcessInfo.processInfo.environment
    let dumb = environment["TERM"] == "dumb"
    let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    let outIsTerminal = isatty(STDOUT_FILENO) != 0 && !dumb
    let errIsTerminal = isatty(STDERR_FILENO) != 0 && !dumb
    var size = winsize()
    let known = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
    let width = known ? Int(size.ws_col) : 80
    let height = known && size.ws_row > 0 ? Int(size.ws_row) : 24
    return Terminal(style: OutputStyle(isTerminal: outIsTerminal, color: outIsTerminal && !noColor, width: width,
                                       height: height),
                    colorErrors: errIsTerminal && !noColor)
  }
}

/// Writes output lines to standard output and diagnostics to standard error; on a
/// terminal, draws the status line in place with a carriage return and erase-to-end.
final class StandardOutputSink: OutputSink {
  private let terminal: Terminal
  private var statusShown = false

  init(terminal: Terminal) {
    self.terminal = terminal
  }

  func line(_ text: String) {
    clearStatus()
    Console.write(text + "\n")
  }

  func status(_ text: String) {
    let width = terminal.style.width - 1
    let shown = text.count > width ? String(text.prefix(width)) : text
    Console.write("\r" + shown + "\u{1B}[K")
    statusShown = true
  }

  func clearStatus() {
    guard statusShown else { return }
    Console.write("\r\u{1B}[K")
    statusShown = false
  }

  func diagnostic(_ diagnostic: Diagnostic) {
    clearStatus()
    Console.write(DiagnosticRenderer(color: terminal.colorErrors).render(diagnostic) + "\n", to: STDERR_FILENO)
  }
}

/// Unbuffered writes to a file descriptor, so that output, diagnostics and readline's own
/// drawing reach the terminal in the order they were made.
///
/// A write that fails is dropped and the script goes on: its training and saves matter more
/// than its printing. A reader that has gone (`mlpsh long.mlp | head -1`: EPIPE, SIGPIPE
/// being ignored) is the reader's choice and is not an error; any other failure of standard
/// output (a full disk, `> /dev/full`) is remembered, and the run then ends with status 74.
enum Console {
  /// The first error (errno) writing standard output other than EPIPE, or 0.
  private static let failure = Atomic<Int32>(0)

  static func write(_ text: String, to descriptor: Int32 = STDOUT_FILENO) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { buffer in
        Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else {
        if descriptor == STDOUT_FILENO && written < 0 && errno != EPIPE {
          _ = failure.compareExchange(expected: 0, desired: errno, ordering: .relaxed)
        }
        return
      }
      offset += written
    }
  }

  /// "cannot write to standard output: no space left on device", once a write other than to
  /// a closed pipe has failed; `nil` otherwise.
  static var outputFailure: String? {
    let code = failure.load(ordering: .relaxed)
    return code == 0 ? nil : "cannot write to standard output: " + String(cString: strerror(code)).lowercased()
  }
}
