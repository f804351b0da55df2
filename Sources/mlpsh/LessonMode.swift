import Foundation
import MLPExport
import MLPScript

/// `mlpsh --check FILE` and `mlpsh FILE --export OUT`: runs a lesson cell by cell, going on
/// past expectations that do not hold, then prints the check's diff or writes the exports
/// (all from the one run).
struct LessonMode {
  let file: String
  let exports: [String]
  let check: Bool
  let terminal: Terminal

  /// What the exports say made them.
  static var generator: String { Release.nameAndVersion }

  /// Runs the lesson and returns the exit status: that of a script run (0, 1 when an
  /// expectation did not hold, 70 after a runtime error, 130 after Ctrl-C, 143 or 129 after
  /// SIGTERM or SIGHUP), 65 or 66 when it cannot be read or parsed, 73 when an export's
  /// destination cannot be written (checked before the lesson runs).
  func run() -> Int32 {
    let sink = StandardOutputSink(terminal: terminal)
    let lesson: Lesson
    switch Lesson.opened(file, reportingTo: sink) {
    case let .success(opened): lesson = opened
    case let .failure(failure): return failure.exitStatus
    }
    // Every destination before the lesson runs: a typo in a folder must not cost a whole
    // training run first.
    for export in exports {
      if let refusal = AtomicFile.refusal(for: Paths.expandingTilde(export)) {
        sink.diagnostic(Diagnostic(.fileError, "\(ExportError.cannotWrite(path: export, reason: refusal.description))"))
        return 73
      }
    }
    // Exports hold plain text (no colour, no progress bar); --check shows only its report,
    // an export run shows the script's output as it comes.
    let runner = LessonRunner(lesson: lesson, style: OutputStyle(width: 80), forwardingTo: check ? nil : sink,
                              shouldStop: { Interrupts.isPending }, stopReason: { Interrupts.reason })
    let run = runner.runAll()
    if check {
      if let error = run.error { sink.diagnostic(error) }
      Console.write(CheckReport(run: run, color: terminal.style.color).render())
    }
    for export in exports {
      do {
        let written = try Exporter.write(run, to: export, generator: Self.generator)
        let figures = run.cells.reduce(0) { $0 + $1.figures.count }
        var line = "wrote \(export): \(plural(run.cells.count, "cell")), \(plural(figures, "figure"))"
        if written.count > 1 { line += " (in \((written[1] as NSString).deletingLastPathComponent)/)" }
        Console.write(line + "\n")
      } catch {
        sink.diagnostic(Diagnostic(.fileError, "\(error)"))
        return 73
      }
    }
    // SIGTERM or SIGHUP: 128 + its number, as a script run ends (Ctrl-C is 130).
    if let signal = Interrupts.endingSignal { return 128 + signal }
    if run.error == nil && Interrupts.isPending { return 130 }
    return run.exitStatus
  }
}
