import MLPScript

/// `mlpsh --step`: a lesson shown and run one step at a time, with a sandbox for questions.
///
/// A step is the markdown cells before a code cell and that code cell (a code cell with
/// only comments joins the next step; markdown at the end is a last step of its own). The
/// walkthrough shows a step's Markdown and source, runs it when the teacher presses Enter
/// (its output appears as it comes), then shows the next.
///
/// The lesson runs in a session of its own. Whatever the teacher types between steps runs
/// in a *sandbox*: a copy of the session the step on screen starts from (after `b`, the
/// session that earlier step started from). So answering a question from the class
/// (`plot confusion`, `train m epochs=5`, `set lr=1`) never changes what the lesson does;
/// moving to another step starts a fresh sandbox. `keep` is for when the teacher means the
/// change to carry on: the step on screen, and the steps after it, then run from the
/// sandbox's session (after `b` this rewinds the lesson to that step).
///
/// Keys, each followed by Enter: nothing runs the step shown (or, after `b`, moves forward
/// again); `b` goes back and shows the previous step with the output it had; `r` runs the
/// step shown (or, when it has not run, the step before it) again from the session it
/// started from, so it shows the same thing again, and the steps after it will run again;
/// `keep` keeps the sandbox; `q` (or `quit`, or Ctrl-D) leaves; `?` lists the keys.
public final class Walkthrough {
  /// A run of cells: markdown, then at most one code cell with statements.
  public struct Step: Sendable, Equatable {
    /// The cells of the step, in order.
    public var cells: Range<Int>
  }

  public let lesson: Lesson
  public let steps: [Step]
  /// The step that Enter runs; `steps.count` once all have run.
  public private(set) var next = 0
  /// The step on screen; below `next` after `b`.
  public private(set) var viewing = 0
  /// Whether the walkthrough is over (`q`).
  public private(set) var finished = false
  /// The results of each step's cells, from its last run.
  public private(set) var results: [Int: [CellResult]] = [:]
  /// The lesson's own session, interpreter and output.
  public let runner: LessonRunner
  /// Where questions between steps run.
  public let sandbox: Interpreter
  /// The session each step started from, for `r`.
  private var snapshots: [Int: Session] = [:]
  let output: OutputSink
  let style: OutputStyle

  /// A walkthrough of `lesson` whose sessions start from `session`, writing to `output` in
  /// `style`; `shouldStop` is asked between batches and statements (Ctrl-C).
  public init(
    lesson: Lesson, session: Session = Session(), output: OutputSink, style: OutputStyle = .plain,
    shouldStop: @escaping @Sendable () -> Bool = { false }
  ) {
    self.lesson = lesson
    self.output = output
    self.style = style
    steps = Self.steps(of: lesson)
    runner = LessonRunner(lesson: lesson, session: session, style: style, forwardingTo: output, shouldStop: shouldStop)
    sandbox = Interpreter(session: session, environment: Environment(sink: output, style: style, shouldStop: shouldStop))
  }

  /// The steps of `lesson`.
  static func steps(of lesson: Lesson) -> [Step] {
    var steps: [Step] = []
    var start = 0
    for (index, cell) in lesson.cells.enumerated() where cell.kind == .code && !cell.statements.isEmpty {
      steps.append(Step(cells: start ..< index + 1))
      start = index + 1
    }
    if start < lesson.cells.count { steps.append(Step(cells: start ..< lesson.cells.count)) }
    return steps
  }

  /// What the prompt says: "step 2/7> ", "end> ".
  public var prompt: String {
    viewing < steps.count ? "step \(viewing + 1)/\(steps.count)> " : "end> "
  }

  // MARK: - Input

  /// What a line typed at the walkthrough's prompt asks for.
  public enum Action: Equatable, Sendable {
    case advance, back, rerun, keep, quit, help
    /// Anything else: a command for the sandbox.
    case command(String)

    public init(_ line: String) {
      switch line.trimming(" ") {
      case "": self = .advance
      case "b", "back": self = .back
      case "r", "rerun": self = .rerun
      case "keep": self = .keep
      case "q", "quit", "exit": self = .quit
      case "?": self = .help
      default: self = .command(line)
      }
    }
  }

  /// Shows the first step.
  public func start() {
    say("walkthrough of \(lesson.fileName) in \(steps.count) steps: Enter runs a step, b goes back, r runs it again, "
      + "q leaves, ? lists the keys")
    show(viewing)
  }

  /// Acts on one line typed at the prompt.
  public func handle(_ line: String) {
    perform(Action(line))
  }

  /// Acts on `action`.
  public func perform(_ action: Action) {
    switch action {
    case .advance:
      if viewing < next {
        viewing += 1
        resetSandbox()
        show(viewing)
      } else if next < steps.count {
        run(next)
      } else {
        say("this is the end of the lesson: q leaves, b goes back")
      }
    case .back:
      guard viewing > 0 else {
        say("this is the first step")
        return
      }
      viewing -= 1
      resetSandbox()
      show(viewing)
    case .rerun:
      let step = viewing < next ? viewing : next - 1
      guard step >= 0 else {
        say("nothing has run yet: Enter runs this step")
        return
      }
      runner.interpreter.session = snapshots[step] ?? runner.interpreter.session
      for later in step ..< steps.count { results[later] = nil }
      say("running step \(step + 1) again, from the session it started with")
      show(step, outputs: false)
      run(step)
    case .keep:
      var kept = sandbox.session
      kept.quitRequested = false
      runner.interpreter.session = kept
      if viewing < next {
        for later in viewing ..< steps.count { results[later] = nil }
        next = viewing
        say("kept: step \(viewing + 1) and the steps after it will run again, from the sandbox's session"
          + describe(kept))
        show(viewing)
      } else {
        say("kept: the lesson goes on from the sandbox's session" + describe(kept))
      }
    case .quit:
      finished = true
    case .help:
      say(Self.keys)
    case let .command(line):
      sandbox.run(line: line)
      if sandbox.session.quitRequested { finished = true }
    }
  }

  /// The keys, for `?`.
  static let keys = """
    Enter   runs the step shown (after b: goes forward again)
    b       goes back one step and shows it with the output it had
    r       runs the step shown (or the one before it) again, from the session it started with
    keep    makes what you tried part of the lesson: the step shown runs from it
    q       leaves (also Ctrl-D)
    other   a command, run in a sandbox: a copy of the session the step shown starts from
    """

  /// Makes the sandbox a fresh copy of the session the step on screen starts from.
  private func resetSandbox() {
    sandbox.session = viewing < next ? snapshots[viewing] ?? runner.interpreter.session : runner.interpreter.session
  }

  // MARK: - Running

  /// Runs step `step` from the lesson's session as it is, shows its checks and then the step
  /// after it.
  private func run(_ step: Int) {
    snapshots[step] = runner.interpreter.session
    var stepResults: [CellResult] = []
    for index in steps[step].cells {
      let result = runner.run(cellAt: index)
      stepResults.append(result)
      if result.error != nil || result.interrupted != nil || runner.quitRequested { break }
    }
    results[step] = stepResults
    for outcome in stepResults.flatMap(\.expectations) where outcome.holds {
      say("✓ " + outcome.expectation.display + Self.value(outcome))
    }
    if stepResults.contains(where: { $0.error != nil }) {
      say("the step stopped at an error: Enter goes on, r runs it again")
    } else if let skipped = stepResults.last?.interrupted {
      let last = stepResults.last!.index
      let cellsLeft = steps[step].cells.filter { $0 > last && lesson.cells[$0].kind == .code }.count
      say(Self.interruptedNote(skipped, cellsLeft: cellsLeft))
    }
    next = step + 1
    viewing = next
    resetSandbox()
    if runner.quitRequested {
      say("the lesson ran 'quit'")
      finished = true
      return
    }
    show(viewing)
  }

  /// "stopped by Ctrl-C (training keeps what it learnt): 1 command and 2 checks of this step
  /// did not run; Enter goes on, r runs the step again".
  static func interruptedNote(_ skipped: (commandsSkipped: Int, expectationsSkipped: Int), cellsLeft: Int) -> String {
    var parts: [String] = []
    if skipped.commandsSkipped > 0 { parts.append(plural(skipped.commandsSkipped, "command")) }
    if skipped.expectationsSkipped > 0 { parts.append(plural(skipped.expectationsSkipped, "check")) }
    if cellsLeft > 0 { parts.append(plural(cellsLeft, "more cell")) }
    let rest = parts.isEmpty ? "" : ": " + prose(parts) + " of this step did not run"
    return "stopped by Ctrl-C (training keeps what it learnt)\(rest); Enter goes on, r runs the step again"
  }

  private static func prose(_ parts: [String]) -> String {
    parts.count > 1 ? parts.dropLast().joined(separator: ", ") + " and " + parts.last! : parts.joined()
  }

  private static func value(_ outcome: ExpectationOutcome) -> String {
    guard case let .value(value) = outcome.observed, !outcome.expectation.isExact else { return "" }
    return " (\(format(value)))"
  }

  private func describe(_ session: Session) -> String {
    var parts: [String] = []
    if !session.modelNames.isEmpty { parts.append("models " + session.modelNames.joined(separator: ", ")) }
    if !session.dataNames.isEmpty { parts.append("data " + session.dataNames.joined(separator: ", ")) }
    return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
  }

  func say(_ text: String) {
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) { output.line(String(line)) }
  }
}
