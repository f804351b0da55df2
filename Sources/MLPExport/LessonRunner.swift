import MLPScript

/// Runs a lesson cell by cell in one session, keeping each cell's outputs and checking its
/// `# expect:` lines without stopping at the first that fails.
///
/// A runtime error still stops the cell at the statement that failed (what ran before it is
/// kept, as in a script); `runAll` then stops the lesson there too, since the cells after
/// it were written for a session in which it succeeded.
public final class LessonRunner {
  public let lesson: Lesson
  /// The lesson's interpreter and session.
  public let interpreter: Interpreter
  private let sink: CapturingSink

  /// A runner whose commands start from `session`, draw for `style`, and pass their output
  /// on to `forward` as well as keeping it.
  public init(
    lesson: Lesson, session: Session = Session(), style: OutputStyle = .plain, forwardingTo forward: OutputSink? = nil,
    shouldStop: @escaping @Sendable () -> Bool = { false }, stopReason: @escaping @Sendable () -> String = { "Ctrl-C" }
  ) {
    self.lesson = lesson
    sink = CapturingSink(forwardingTo: forward)
    var environment = Environment(sink: sink, style: style, shouldStop: shouldStop)
    // What stopped a run ("SIGTERM"), for "stopped … (SIGTERM)" rather than always Ctrl-C.
    environment.stopReason = stopReason
    interpreter = Interpreter(session: session, environment: environment)
  }

  /// Whether a cell has run `quit`.
  public var quitRequested: Bool { interpreter.session.quitRequested }

  /// Runs cell `index` in the session as it is now and returns what it showed.
  public func run(cellAt index: Int) -> CellResult {
    let cell = lesson.cells[index]
    guard cell.kind == .code else { return CellResult(index: index, status: .markdown) }
    _ = sink.take()
    var expectations: [ExpectationOutcome] = []
    var status = CellStatus.completed
    var interrupted: (commandsSkipped: Int, expectationsSkipped: Int)?
    for (position, statement) in cell.statements.enumerated() {
      if interpreter.session.quitRequested { break }
      switch statement {
      case .command:
        do {
          try Interpreter.execute([statement], source: lesson.source, session: &interpreter.session,
                                  environment: interpreter.environment)
        } catch where error.id == .interrupted {
          // Ctrl-C between two commands: this one did not start.
          interrupted = Self.skipped(after: position - 1, in: cell.statements)
        } catch {
          sink.diagnostic(error)
          status = .stopped(error)
        }
        if case .completed = status, interrupted == nil, interpreter.environment.shouldStop() {
          interrupted = Self.skipped(after: position, in: cell.statements)
        }
      case let .expectation(expectation):
        let outcome = ExpectationOutcome(checking: expectation, against: interpreter.session.lastReport,
                                         in: lesson.source)
        if let diagnostic = outcome.diagnostic { sink.diagnostic(diagnostic) }
        expectations.append(outcome)
      }
      if case .stopped = status { break }
      if interrupted != nil { break }
    }
    var result = CellResult(index: index, status: status, outputs: sink.take(), expectations: expectations)
    result.interrupted = interrupted
    return result
  }

  /// How many commands and expectations follow statement `position`.
  private static func skipped(after position: Int, in statements: [Statement]) -> (Int, Int) {
    let rest = statements.dropFirst(position + 1)
    let expectations = rest.filter { if case .expectation = $0 { true } else { false } }.count
    return (rest.count - expectations, expectations)
  }

  /// Runs every cell in order, until the end, a runtime error or `quit`; the cells after
  /// that are `notRun`.
  public func runAll() -> LessonRun {
    var results: [CellResult] = []
    var stopped = false
    for index in lesson.cells.indices {
      guard !stopped else {
        results.append(CellResult(index: index, status: lesson.cells[index].kind == .code ? .notRun : .markdown))
        continue
      }
      let result = run(cellAt: index)
      results.append(result)
      stopped = result.error != nil || quitRequested
    }
    return LessonRun(lesson: lesson, cells: results)
  }
}
