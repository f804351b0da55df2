import Foundation
import MLPExport
import MLPScript

/// `mlpsh --step FILE`: the walkthrough at a readline prompt. Walkthrough keys (Enter, b, r,
/// keep, q, ?) drive the lesson; any other line runs in the sandbox, with the shell's
/// history and Tab completion.
struct StepMode {
  let file: String
  let terminal: Terminal

  func run() -> Int32 {
    let sink = StandardOutputSink(terminal: terminal)
    guard isatty(STDIN_FILENO) != 0 else {
      sink.diagnostic(Diagnostic(.needsTerminal, "--step needs a terminal: it waits for Enter between steps",
                                 hint: "use --check or --export to run a lesson without one"))
      return 64
    }
    let lesson: Lesson
    switch Lesson.opened(file, reportingTo: sink) {
    case let .success(opened): lesson = opened
    case let .failure(failure): return failure.exitStatus
    }
    let walkthrough = Walkthrough(lesson: lesson, output: sink, style: terminal.style,
                                  shouldStop: { Interrupts.isPending })
    let reader = LineReader(historyPath: HistoryFile.usable(HistoryFile.path).path, historyLimit: REPL.historyLimit) { prefix, word in
      Completer.candidates(before: prefix, word: word, session: walkthrough.sandbox.session)
    }
    walkthrough.start()
    while !walkthrough.finished {
      Interrupts.clear()
      switch reader.readLine(prompt: walkthrough.prompt) {
      case .end:
        Console.write("\n")
        return 0
      case .interrupted:
        continue
      case let .line(text):
        if case .command = Walkthrough.Action(text) { reader.remember(text) }
        walkthrough.handle(text)
      }
    }
    return 0
  }
}

extension DiagnosticID {
  /// `--step` with standard input that is not a terminal.
  static let needsTerminal = DiagnosticID("needs-terminal", .runtime)
}
