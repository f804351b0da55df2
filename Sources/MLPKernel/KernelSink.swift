import Foundation
import MLPPlot
import MLPScript

/// The interpreter's output as Jupyter shows it, published on the iopub channel as the cell
/// runs:
/// - printed lines: `stream` messages on stdout, a few lines at a time;
/// - figures: `display_data` with the SVG (`image/svg+xml`) and the text drawing
///   (`text/plain`);
/// - training's status line: one `display_data` with a `display_id`, then
///   `update_display_data` at most a few times a second, ending as the line the command
///   prints right after its progress (the run's summary), or else on the last status;
/// - diagnostics: an `error` message whose traceback is the shell's rendering (caret, hint,
///   colour).
///
/// Sweeps report progress from their worker threads, so every method takes a lock.
final class KernelSink: OutputSink, @unchecked Sendable {
  /// Sends one iopub message of a type with its content, as an answer to the cell's request.
  typealias Publish = (_ type: String, _ content: [String: JSON]) -> Void

  private let lock = NSLock()
  private let publish: Publish
  private let clock: () -> Double
  /// A prefix no other kernel's figures share, so SVG ids stay unique in one page.
  private let figurePrefix: String
  private var figuresShown = 0

  /// Lines printed and not yet sent.
  private var pending: [String] = []
  private var lastStreamSent = -Double.infinity
  /// The live display of the status line, while one is shown.
  private var statusDisplay: String?
  private var lastStatusSent = -Double.infinity
  private var unsentStatus: String?
  /// The display whose progress just ended: the next printed line (the run's summary)
  /// replaces it rather than following it.
  private var summaryDisplay: String?
  /// When on, nothing is published (a `silent` execute request).
  private var isSilent = false
  /// The last diagnostic reported during the cell, as published.
  private(set) var lastError: [String: JSON]?
  /// Sends held lines while a cell runs, so a line printed before a long silent step is not
  /// held back until the step ends.
  private var flushTimer: DispatchSourceTimer?

  /// Lines are sent at least this often while a command runs.
  static let streamInterval = 0.1
  /// The live display is updated at most this often.
  static let statusInterval = 0.25

  init(figurePrefix: String, clock: @escaping () -> Double = { ProcessInfo.processInfo.systemUptime },
       publish: @escaping Publish) {
    self.figurePrefix = figurePrefix
    self.clock = clock
    self.publish = publish
  }

  /// Starts a cell: forgets the last error; `silent` publishes nothing.
  func begin(silent: Bool) {
    lock.withLock {
      isSilent = silent
      lastError = nil
      summaryDisplay = nil
      pending.removeAll()
    }
    let timer = DispatchSource.makeTimerSource(queue: .global())
    timer.schedule(deadline: .now() + Self.streamInterval, repeating: Self.streamInterval)
    timer.setEventHandler { [weak self] in
      guard let self else { return }
      self.lock.withLock { self.flushLines() }
    }
    timer.resume()
    flushTimer = timer
  }

  /// Ends a cell: sends what is left.
  func finish() {
    flushTimer?.cancel()
    flushTimer = nil
    lock.withLock {
      flushLines()
      endStatus()
      summaryDisplay = nil
    }
  }

  // MARK: - OutputSink

  func line(_ text: String) {
    lock.withLock {
      if let display = summaryDisplay {
        summaryDisplay = nil
        send("update_display_data", Self.statusContent(text, display: display))
        return
      }
      pending.append(text)
      if clock() - lastStreamSent >= Self.streamInterval { flushLines() }
    }
  }

  func figure(_ figure: Figure, drawing: String) {
    lock.withLock {
      flushLines()
      summaryDisplay = nil
      figuresShown += 1
      let svg = figure.svg(idPrefix: "\(figurePrefix)-\(figuresShown)-")
      send("display_data", ["data": ["image/svg+xml": .string(svg), "text/plain": .string(drawing)],
                            "metadata": [:], "transient": [:]])
    }
  }

  func status(_ text: String) {
    lock.withLock {
      guard let display = statusDisplay else {
        flushLines()
        summaryDisplay = nil
        let display = "mlpsh-status-" + UUID().uuidString.lowercased()
        statusDisplay = display
        lastStatusSent = clock()
        send("display_data", Self.statusContent(text, display: display))
        return
      }
      let now = clock()
      guard now - lastStatusSent >= Self.statusInterval else {
        unsentStatus = text
        return
      }
      lastStatusSent = now
      unsentStatus = nil
      send("update_display_data", Self.statusContent(text, display: display))
    }
  }

  func clearStatus() {
    lock.withLock { endStatus() }
  }

  func diagnostic(_ diagnostic: Diagnostic) {
    // A cell stopped between two statements by an interrupt is reported by the kernel,
    // which knows what the interrupted command kept (`interrupted(_:)`).
    guard diagnostic.id != .interrupted else { return }
    lock.withLock {
      flushLines()
      endStatus()
      summaryDisplay = nil
      let content = Self.errorContent(diagnostic)
      lastError = content
      send("error", content)
    }
  }

  /// `clear`: the cell's output so far is cleared (`clear_output`).
  func clearOutput() {
    lock.withLock {
      pending.removeAll()
      endStatus()
      summaryDisplay = nil
      send("clear_output", ["wait": false])
    }
  }

  /// Reports an interrupted cell as Python's kernel does: `KeyboardInterrupt`, with what
  /// the command said it kept.
  func interrupted(_ what: String) {
    lock.withLock {
      flushLines()
      endStatus()
      summaryDisplay = nil
      let content: [String: JSON] = [
        "ename": "KeyboardInterrupt", "evalue": .string(what),
        "traceback": .array([.string(Self.red("KeyboardInterrupt") + ": " + what)]),
      ]
      lastError = content
      send("error", content)
    }
  }

  // MARK: - Messages

  /// The content of an `error` message (and of the error reply) for `diagnostic`: its id
  /// as the name, its message as the value, and the shell's coloured rendering, line by
  /// line, as the traceback.
  static func errorContent(_ diagnostic: Diagnostic) -> [String: JSON] {
    let rendered = DiagnosticRenderer(color: true).render(diagnostic)
    return [
      "ename": .string(diagnostic.id.name), "evalue": .string(diagnostic.message),
      "traceback": .array(rendered.split(separator: "\n", omittingEmptySubsequences: false).map { .string(String($0)) }),
    ]
  }

  private static func statusContent(_ text: String, display: String) -> [String: JSON] {
    ["data": ["text/plain": .string(text)], "metadata": [:], "transient": ["display_id": .string(display)]]
  }

  private static func red(_ text: String) -> String { "\u{1B}[31m" + text + "\u{1B}[0m" }

  // MARK: - Under the lock

  private func flushLines() {
    lastStreamSent = clock()
    guard !pending.isEmpty else { return }
    let text = pending.joined(separator: "\n") + "\n"
    pending.removeAll()
    send("stream", ["name": "stdout", "text": .string(text)])
  }

  private func endStatus() {
    guard let display = statusDisplay else { return }
    if let text = unsentStatus {
      send("update_display_data", Self.statusContent(text, display: display))
    }
    summaryDisplay = display
    statusDisplay = nil
    unsentStatus = nil
  }

  private func send(_ type: String, _ content: [String: JSON]) {
    guard !isSilent else { return }
    publish(type, content)
  }
}
