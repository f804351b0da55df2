import Foundation
import MLPData

/// Shows a data set download as it happens. The catalog calls `receive` from a background
/// thread while `load` waits, so every write to the sink happens under a lock.
///
/// On a terminal the status line is a progress bar, redrawn at most ten times a second:
/// ```
/// [██████████░░░░░░░░░░]  train-images-idx3-ubyte.gz  4.7 of 9.9 MB
/// ```
/// Anywhere else one line says where each file comes from. A mirror that fails is always
/// reported, with the reason, before the next is tried.
final class DownloadRelay: @unchecked Sendable {
  private let environment: Environment
  private let lock = NSLock()
  private var lastDraw = -Double.infinity
  private var statusShown = false
  private var lines: [String] = []

  init(environment: Environment) {
    self.environment = environment
  }

  /// The lines printed so far, for the command's report.
  var printed: [String] { lock.withLock { lines } }

  /// Receives one event from the catalog (on any thread).
  @Sendable func receive(_ event: DownloadEvent) {
    lock.withLock {
      let terminal = environment.style.showsStatus
      switch event {
      case let .started(file, url):
        if terminal {
          show(status: "downloading \(file) from \(Self.host(url))…")
        } else {
          say("downloading \(file) from \(url)")
        }
      case let .progress(file, received, expected):
        guard terminal else { return }
        let now = environment.clock()
        guard now - lastDraw >= 0.1 || received == expected else { return }
        lastDraw = now
        show(status: bar(file: file, received: received, expected: expected))
      case let .rejected(file, url, reason):
        say("warning: \(url) did not give \(file): \(reason); trying the next mirror")
      case let .verified(file, url):
        say("downloaded \(file) from \(Self.host(url)) (checksum verified)")
      }
    }
  }

  /// Removes the status line, if one is shown.
  func finish() {
    lock.withLock {
      if statusShown { environment.sink.clearStatus() }
      statusShown = false
    }
  }

  private func show(status text: String) {
    environment.sink.status(text)
    statusShown = true
  }

  private func say(_ line: String) {
    if statusShown {
      environment.sink.clearStatus()
      statusShown = false
    }
    environment.sink.line(line)
    lines.append(line)
  }

  /// The progress bar: filled in proportion when the size is known, else just the count.
  func bar(file: String, received: Int, expected: Int?) -> String {
    let amount = Self.megabytes(received)
    guard let expected, expected > 0 else { return "\(file)  \(amount) MB" }
    let text = "  \(file)  \(amount) of \(Self.megabytes(expected)) MB"
    let width = max(10, min(40, environment.style.width - text.count - 3))
    let filled = min(width, width * received / expected)
    return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "]" + text
  }

  /// Bytes as megabytes with one decimal: "4.7".
  static func megabytes(_ bytes: Int) -> String {
    String(format: "%.1f", Double(bytes) / 1_000_000)
  }

  /// The host of an address, for short status lines.
  static func host(_ url: String) -> String {
    URL(string: url)?.host ?? url
  }
}
