import MLPPlot
import MLPScript

/// One thing a cell showed, in the order it showed it.
public enum CellOutput: Sendable {
  /// Lines of text the commands printed, consecutive lines together.
  case text([String])
  /// A figure from `plot` or `show sample`, with its drawing as text (the plain-ASCII
  /// drawing for the exporter's style, its one-line summary last).
  case figure(Figure, drawing: String)
  /// An error (or an expectation that did not hold), rendered as the shell prints it.
  case diagnostic(Diagnostic, rendered: String)
}

/// How a cell's run ended.
public enum CellStatus: Sendable {
  /// Not run (yet): a cell after an error, or beyond where a walkthrough has gone.
  case notRun
  /// A markdown cell: nothing to run.
  case markdown
  /// Every statement ran (expectations may still have failed: see `CellResult.failures`).
  case completed
  /// A runtime error stopped the cell at a statement; the statements after it did not run.
  case stopped(Diagnostic)
}

/// What one cell did when it ran.
public struct CellResult: Sendable {
  /// The cell's position in the lesson, from 0.
  public var index: Int
  public var status: CellStatus
  /// What it showed, in order: text, figures, diagnostics.
  public var outputs: [CellOutput]
  /// Every `# expect:` line of the cell that ran, in order, held or not.
  public var expectations: [ExpectationOutcome]
  /// Set when Ctrl-C stopped a command of the cell: the statements after it (commands and
  /// expectations, which would only compare a stopped run with a whole one) did not run.
  public var interrupted: (commandsSkipped: Int, expectationsSkipped: Int)?

  public init(index: Int, status: CellStatus, outputs: [CellOutput] = [], expectations: [ExpectationOutcome] = []) {
    self.index = index
    self.status = status
    self.outputs = outputs
    self.expectations = expectations
  }

  /// The expectations that did not hold.
  public var failures: [ExpectationOutcome] { expectations.filter { !$0.holds } }

  /// The error that stopped the cell, if one did.
  public var error: Diagnostic? {
    if case let .stopped(diagnostic) = status { return diagnostic }
    return nil
  }

  /// Whether the cell ran (completely or up to an error).
  public var ran: Bool {
    switch status {
    case .completed, .stopped: return true
    case .notRun, .markdown: return false
    }
  }

  /// The figures it showed, in order.
  public var figures: [Figure] {
    outputs.compactMap { if case let .figure(figure, _) = $0 { return figure } else { return nil } }
  }

  /// Its outputs as plain text, figures drawn as text: what a terminal would have shown.
  public var text: String {
    outputs.map { output in
      switch output {
      case let .text(lines): lines.joined(separator: "\n")
      case let .figure(_, drawing): drawing
      case let .diagnostic(_, rendered): rendered
      }
    }.joined(separator: "\n")
  }
}
