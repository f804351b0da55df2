import MLPPlot

/// Where the interpreter's output goes. The language knows nothing of terminals: the
/// executable passes a sink that writes to standard output, tests pass one that collects,
/// an exporter one that keeps figures as pictures.
public protocol OutputSink: AnyObject {
  /// Writes one line of output (without its newline).
  func line(_ text: String)
  /// Shows a figure; `drawing` is the figure drawn as text for this output's style (lines
  /// separated by newlines, its summary last). A sink that can show pictures keeps `figure`;
  /// the default writes `drawing` line by line.
  func figure(_ figure: Figure, drawing: String)
  /// Shows `text` as the transient status line, replacing the previous one. Only called
  /// when the style says the output is a terminal.
  func status(_ text: String)
  /// Removes the status line, if one is shown.
  func clearStatus()
  /// Reports a diagnostic.
  func diagnostic(_ diagnostic: Diagnostic)
  /// Clears what the output has shown so far, where it can (`clear`); a terminal is
  /// cleared with escape codes by the command itself, so the default does nothing.
  func clearOutput()
}

extension OutputSink {
  public func clearOutput() {}

  public func figure(_ figure: Figure, drawing: String) {
    for line in drawing.split(separator: "\n", omittingEmptySubsequences: false) { self.line(String(line)) }
  }
}

/// What the output can do, decided by the executable: whether it is a terminal (cursor
/// tricks, a progress bar) and whether to use colour (off with `NO_COLOR`).
public struct OutputStyle: Sendable, Equatable {
  public var isTerminal: Bool
  /// Whether a status line (training's progress) can be shown and replaced in place: on a
  /// terminal, and in a notebook's live display. Elsewhere progress is printed as lines.
  public var showsStatus: Bool
  public var color: Bool
  /// Columns available.
  public var width: Int
  /// Lines the terminal shows at once; figures fit within them.
  public var height: Int

  public init(isTerminal: Bool = false, color: Bool = false, width: Int = 80, height: Int = 24,
              showsStatus: Bool? = nil) {
    self.isTerminal = isTerminal
    self.showsStatus = showsStatus ?? isTerminal
    self.color = color && isTerminal
    self.width = max(width, 20)
    self.height = max(height, 10)
  }

  /// Plain output: not a terminal, no colour, 80 × 24.
  public static let plain = OutputStyle()
}

/// A sink that keeps everything, for tests and captured runs.
public final class CollectingSink: OutputSink {
  /// Every line and rendered diagnostic, in order.
  public private(set) var lines: [String] = []
  /// The diagnostics reported.
  public private(set) var diagnostics: [Diagnostic] = []
  /// How many status updates were shown.
  public private(set) var statusUpdates = 0
  private let renderer = DiagnosticRenderer(color: false)

  public init() {}

  public func line(_ text: String) { lines.append(text) }
  public func status(_ text: String) { statusUpdates += 1 }
  public func clearStatus() {}
  public func diagnostic(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
    lines.append(contentsOf: renderer.render(diagnostic).split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
  }

  /// Everything, one line each, ending with a newline when not empty.
  public var text: String { lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n" }

  /// Forgets what was collected.
  public func clear() {
    lines.removeAll()
    diagnostics.removeAll()
    statusUpdates = 0
  }
}
