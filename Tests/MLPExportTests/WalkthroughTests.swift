import Foundation
import MLPCore
import MLPScript
import Testing
@testable import MLPExport

/// The walkthrough's steps, keys and sandbox, driven line by line with a collecting sink.
@Suite struct WalkthroughTests {
  func start(_ name: String = "digits-lesson.mlp") throws -> (Walkthrough, CollectingSink) {
    let sink = CollectingSink()
    let walkthrough = Walkthrough(lesson: try LessonFixtures.lesson(name), output: sink)
    walkthrough.start()
    return (walkthrough, sink)
  }

  /// How many iterations model `m` has in `session`, -1 when there is no such model.
  func iterations(_ session: Session) -> Int {
    guard case let .mlp(model)? = session.models["m"] else { return -1 }
    return model.network.history.iterations
  }

  /// The test accuracy of the last `evaluate` in `sink`'s lines.
  func lastAccuracy(_ sink: CollectingSink) -> String? {
    sink.lines.last { $0.hasPrefix("m on digits (test): test loss") }?.components(separatedBy: "test accuracy ").last
  }

  @Test func stepsAreMarkdownThenACodeCell() throws {
    let (walkthrough, sink) = try start()
    // The comment-only first cell joins the first step; the markdown before each code cell too.
    #expect(walkthrough.steps.map(\.cells) == [0 ..< 3, 3 ..< 5, 5 ..< 6])
    #expect(walkthrough.prompt == "step 1/3> ")
    #expect(sink.lines == [
      "walkthrough of digits-lesson.mlp in 3 steps: Enter runs a step, b goes back, r runs it again, q leaves, ? lists the keys",
      "",
      "── step 1 of 3 · cells 1–3 ─────────────────────────────────────────────",
      "  │ # A small lesson on the built-in 8×8 digits, for the export, --check and --step tests:",
      "  │ # markdown with every construct lessons use, text output, three kinds of figures.",
      "",
      "Digits, *end to end*",
      "A network learns the **8×8 digits** in a few seconds. Each step shows what to look for.",
      "",
      "- the data: `load digits`",
      "- the model: a hidden layer of 32, see [the notebook](https://example.org/notebook)",
      "- the loss: $L = -\\sum_k y_k \\log p_k$, averaged over a batch",
      "",
      "▸ Load the data",
      "  │ load digits",
      "  │ # expect: train samples = 1438",
      "  │ # expect: classes = 10",
      "  │ plot samples count=4",
      "Enter runs this step · b back · r again · q quits · ? keys",
    ])
  }

  /// Ctrl-C in a step is the teacher's choice, not a failure: no error, no check of a run
  /// that was stopped, and a line saying what did not run.
  @Test func ctrlCInAStepSaysWhatDidNotRunWithoutAnError() throws {
    let pressed = Flag()
    let sink = CollectingSink()
    let walkthrough = Walkthrough(lesson: try LessonFixtures.lesson("digits-lesson.mlp"), output: sink,
                                  shouldStop: { pressed.ask() })
    walkthrough.start()
    walkthrough.handle("")
    sink.clear()
    // Pressed during training: the 66 iterations stop early, `plot m` and one check are left.
    pressed.askedBeforePress = 10
    walkthrough.handle("")
    #expect(!sink.lines.contains { $0.hasPrefix("error:") || $0.hasPrefix("note:") || $0.hasPrefix("✗") })
    #expect(sink.lines.contains { $0.hasPrefix("stopped m after ") })
    #expect(sink.lines.contains(
      "stopped by Ctrl-C (training keeps what it learnt): 1 command and 1 check of this step did not run; "
        + "Enter goes on, r runs the step again"))
    #expect(walkthrough.next == 2)

    // Pressed between two commands: the step stops before the next one, without an error.
    pressed.askedBeforePress = 0
    walkthrough.handle("b")
    walkthrough.handle("r")
    #expect(sink.lines.last { $0.hasPrefix("stopped by Ctrl-C") }
      == "stopped by Ctrl-C (training keeps what it learnt): 4 commands and 2 checks of this step did not run; "
        + "Enter goes on, r runs the step again")
  }

  @Test func markdownInColourDropsBackticksAndStars() throws {
    #expect(Walkthrough.spans(in: "run `mlpsh` **now**", marker: "`", code: "<c>")
      == "run <c>mlpsh\u{1B}[0m **now**")
    #expect(Walkthrough.spans(in: "an odd ` stays", marker: "`", code: "<c>") == "an odd ` stays")
  }

  @Test func enterRunsTheStepAndShowsTheNext() throws {
    let (walkthrough, sink) = try start()
    sink.clear()
    walkthrough.handle("")
    #expect(walkthrough.next == 1 && walkthrough.viewing == 1)
    #expect(sink.lines.first == "digits: 1438 training and 359 test samples, 64 features, 10 classes (built into mlpsh)")
    #expect(sink.lines.contains("✓ train samples = 1438"))
    #expect(sink.lines.contains("── step 2 of 3 · cells 4–5 ─────────────────────────────────────────────"))
    #expect(walkthrough.prompt == "step 2/3> ")
    walkthrough.handle("")
    walkthrough.handle("")
    #expect(lastAccuracy(sink) == "0.8635 (310 of 359)")
    #expect(walkthrough.prompt == "end> ")
    #expect(sink.lines.suffix(2) == ["── end of digits-lesson.mlp: every expectation held ────────────────────",
                                      "q leaves, b goes back; commands still run in the sandbox"])
    sink.clear()
    walkthrough.handle("")
    #expect(sink.lines == ["this is the end of the lesson: q leaves, b goes back"])
    walkthrough.handle("q")
    #expect(walkthrough.finished)
  }

  @Test func questionsRunInASandboxThatTheLessonDoesNotSee() throws {
    let (walkthrough, sink) = try start()
    walkthrough.handle("")
    walkthrough.handle("")
    #expect(iterations(walkthrough.runner.interpreter.session) == 66)
    // A question from the class: train some more. The sandbox's m learns, the lesson's does not.
    walkthrough.handle("train m epochs=2 progress=false")
    #expect(iterations(walkthrough.sandbox.session) == 110)
    #expect(iterations(walkthrough.runner.interpreter.session) == 66)
    walkthrough.handle("set lr=5")
    #expect(walkthrough.runner.interpreter.session.settings.learningRate == Settings().learningRate)
    walkthrough.handle("")
    #expect(lastAccuracy(sink) == "0.8635 (310 of 359)")
  }

  @Test func keepCarriesTheSandboxIntoTheLesson() throws {
    let (walkthrough, sink) = try start()
    walkthrough.handle("")
    walkthrough.handle("")
    walkthrough.handle("train m epochs=2 progress=false")
    sink.clear()
    walkthrough.handle("keep")
    #expect(sink.lines == ["kept: the lesson goes on from the sandbox's session (models m; data digits)"])
    #expect(iterations(walkthrough.runner.interpreter.session) == 110)
    walkthrough.handle("")
    #expect(lastAccuracy(sink) != "0.8635 (310 of 359)")
  }

  @Test func backShowsAnEarlierStepWithItsOutputAndEnterComesForward() throws {
    let (walkthrough, sink) = try start()
    walkthrough.handle("")
    walkthrough.handle("")
    sink.clear()
    walkthrough.handle("b")
    #expect(walkthrough.viewing == 1 && walkthrough.next == 2)
    #expect(walkthrough.prompt == "step 2/3> ")
    #expect(sink.lines[1] == "── step 2 of 3 · cells 4–5 ─────────────────────────────────────────────")
    #expect(sink.lines.contains("  output when it ran:"))
    #expect(sink.lines.contains { $0.hasPrefix("trained m: 66 iterations (3 epochs, 4224 samples) in ") })
    // The sandbox now starts where step 2 started: no model yet.
    #expect(iterations(walkthrough.sandbox.session) == -1)
    walkthrough.handle("b")
    walkthrough.handle("b")
    #expect(sink.lines.last == "this is the first step")
    walkthrough.handle("")
    walkthrough.handle("")
    #expect(walkthrough.viewing == 2 && walkthrough.next == 2)
    #expect(sink.lines.last == "Enter runs this step · b back · r again · q quits · ? keys")
    #expect(iterations(walkthrough.sandbox.session) == 66)
  }

  @Test func rerunReplaysAStepFromTheSessionItStartedWith() throws {
    let (walkthrough, sink) = try start()
    sink.clear()
    walkthrough.handle("r")
    #expect(sink.lines == ["nothing has run yet: Enter runs this step"])
    walkthrough.handle("")
    walkthrough.handle("")
    // r at step 3 (not run yet) runs step 2 again: m is made afresh and trained 66 times,
    // not 132.
    sink.clear()
    walkthrough.handle("r")
    #expect(sink.lines.first == "running step 2 again, from the session it started with")
    #expect(iterations(walkthrough.runner.interpreter.session) == 66)
    #expect(walkthrough.next == 2 && walkthrough.viewing == 2)
    // After b to step 1, r runs step 1 again and step 2 must run again too.
    walkthrough.handle("b")
    walkthrough.handle("b")
    walkthrough.handle("r")
    #expect(walkthrough.next == 1 && walkthrough.viewing == 1)
    #expect(walkthrough.results[1] == nil)
  }

  @Test func keepAfterGoingBackRewindsTheLesson() throws {
    let (walkthrough, sink) = try start()
    walkthrough.handle("")
    walkthrough.handle("")
    walkthrough.handle("b")
    // Step 2 starts without a model; make a different one and keep it: step 2 runs again.
    walkthrough.handle("set seed=3")
    sink.clear()
    walkthrough.handle("keep")
    #expect(sink.lines.first == "kept: step 2 and the steps after it will run again, from the sandbox's session (data digits)")
    #expect(walkthrough.next == 1 && walkthrough.viewing == 1)
    #expect(walkthrough.runner.interpreter.session.settings.seed == 3)
    walkthrough.handle("")
    #expect(walkthrough.next == 2)
  }

  @Test func quitInTheSandboxOrTheLessonEndsTheWalkthrough() throws {
    let (walkthrough, _) = try start()
    walkthrough.handle("quit")
    #expect(walkthrough.finished)
    let sink = CollectingSink()
    let lesson = try Lesson(source: Source(name: "q.mlp", text: "# %%\nm = mlp [2,3]\nquit\n# %%\nsummary m\n"))
    let second = Walkthrough(lesson: lesson, output: sink)
    second.start()
    second.handle("")
    #expect(second.finished)
    #expect(sink.lines.last == "the lesson ran 'quit'")
  }

  @Test func keysParse() {
    #expect(Walkthrough.Action("") == .advance)
    #expect(Walkthrough.Action("  ") == .advance)
    #expect(Walkthrough.Action("b") == .back)
    #expect(Walkthrough.Action("r") == .rerun)
    #expect(Walkthrough.Action("q") == .quit)
    #expect(Walkthrough.Action("keep") == .keep)
    #expect(Walkthrough.Action("?") == .help)
    #expect(Walkthrough.Action("plot confusion") == .command("plot confusion"))
  }
}

/// A Ctrl-C that a test presses.
private final class Flag: @unchecked Sendable {
  /// How many times the run may ask before the key is pressed; `nil`: never pressed.
  var askedBeforePress: Int?

  func ask() -> Bool {
    guard let left = askedBeforePress else { return false }
    askedBeforePress = left - 1
    return left <= 0
  }
}
