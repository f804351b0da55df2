import MLPScript

/// A whole lesson run: every cell's result, in order. Exporters draw it; `--check` reads
/// its expectations.
public struct LessonRun: Sendable {
  public var lesson: Lesson
  /// One result per cell of the lesson.
  public var cells: [CellResult]

  public init(lesson: Lesson, cells: [CellResult]) {
    precondition(cells.count == lesson.cells.count, "\(cells.count) results for \(lesson.cells.count) cells")
    self.lesson = lesson
    self.cells = cells
  }

  /// The runtime error that stopped the lesson, if one did.
  public var error: Diagnostic? { cells.lazy.compactMap(\.error).first }

  /// Every expectation that ran, in order.
  public var expectations: [ExpectationOutcome] { cells.flatMap(\.expectations) }

  /// The expectations that did not hold.
  public var failures: [ExpectationOutcome] { expectations.filter { !$0.holds } }

  /// Expectations written but never checked: after the error that stopped the lesson, or
  /// after `quit`.
  public var expectationsNotRun: Int {
    zip(lesson.cells, cells).reduce(0) { count, pair in
      let written = pair.0.statements.filter { if case .expectation = $0 { return true } else { return false } }
      return count + written.count - pair.1.expectations.count
    }
  }

  /// The status a script run would exit with: that of the error that stopped it (130 after
  /// Ctrl-C), else 1 when an expectation did not hold, else 0.
  public var exitStatus: Int32 {
    if let error { return error.id == .interrupted ? 130 : error.exitStatus }
    return failures.isEmpty ? 0 : 1
  }
}
