import Foundation
import MLPPlot
import MLPScript
import Testing
@testable import MLPExport

/// Running a lesson cell by cell: outputs in order, figures as figures, every expectation
/// checked, a runtime error stopping the lesson.
@Suite struct LessonRunnerTests {
  @Test func cellsKeepTheirTextAndFiguresInOrder() throws {
    let run = try LessonFixtures.run("digits-lesson.mlp")
    #expect(run.cells.map(\.index) == Array(0 ..< 6))
    #expect(run.cells.map { "\($0.status)" } == ["completed", "markdown", "completed", "markdown", "completed", "completed"])
    // Cell 3 loads the digits (text) then draws four samples (a figure).
    let load = run.cells[2].outputs
    #expect(load.count == 2)
    guard case let .text(lines) = load[0], case let .figure(.digits(gallery), drawing) = load[1] else {
      Issue.record("unexpected outputs \(load)")
      return
    }
    #expect(lines == ["digits: 1438 training and 359 test samples, 64 features, 10 classes (built into mlpsh)"])
    #expect(gallery.images.count == 4)
    // The text drawing is the plain ASCII one, its summary last.
    #expect(drawing.split(separator: "\n").last.map(String.init) == "4 images of 8x8 pixels: #0: 6; #1: 0; #2: 3; #3: 4")
    #expect(drawing.unicodeScalars.allSatisfy { $0.isASCII })
    // Training curves, then a confusion matrix.
    #expect(run.cells[4].figures.map(\.title) == ["m: training loss and accuracy"])
    #expect(run.cells[5].figures.map(\.title) == ["m on digits (test)"])
    #expect(run.expectations.count == 5)
    #expect(run.failures.isEmpty)
    #expect(run.exitStatus == 0)
  }

  @Test func failedExpectationsAreCollectedAndTheLessonGoesOn() throws {
    let run = try LessonFixtures.run("wrong-expectations.mlp")
    #expect(run.expectations.map(\.holds) == [true, false, true, false, false, true])
    #expect(run.failures.map(\.line) == [10, 15, 19])
    #expect(run.failures.map(\.diagnostic?.id) == [.expectationFailed, .expectationFailed, .unknownQuantity])
    #expect(run.failures[0].observed == .value(9))
    #expect(run.failures[2].observed == .missing)
    #expect(run.error == nil)
    #expect(run.exitStatus == 1)
    // Each failure also shows in its cell's output, rendered as a script run prints it.
    guard case let .diagnostic(_, rendered)? = run.cells[2].outputs.last else {
      Issue.record("no diagnostic in \(run.cells[2].outputs)")
      return
    }
    #expect(rendered == """
      error: expected parameters = 10, got 9
        --> \(LessonFixtures.path("wrong-expectations.mlp")):10:1
      10 | # expect: parameters = 10
         | ^~~~~~~~~~~~~~~~~~~~~~~~~
      """)
  }

  @Test func aRuntimeErrorStopsTheLessonAndLaterCellsDoNotRun() throws {
    let run = try LessonFixtures.run("stops-early.mlp")
    #expect(run.cells.map { "\($0.status)".prefix(7) } == ["complet", "complet", "stopped", "notRun"])
    #expect(run.error?.id == .badValue)
    #expect(run.error?.message == "unknown activation 'rleu'")
    // The expectation after the failing command, and the one in the last cell, never ran.
    #expect(run.expectations.count == 1)
    #expect(run.expectationsNotRun == 2)
    #expect(run.exitStatus == 70)
  }

  @Test func quitEndsTheLessonWithoutAnError() throws {
    let lesson = try Lesson(source: Source(name: "q.mlp", text: "# %%\nm = mlp [2,3]\nquit\n# %%\nsummary m\n# expect: parameters = 9\n"))
    let run = LessonRunner(lesson: lesson).runAll()
    #expect(run.cells.map(\.ran) == [true, false])
    #expect(run.exitStatus == 0)
    #expect(run.expectationsNotRun == 1)
    #expect(CheckReport(run: run).verdict == "check q.mlp: no expectations to check; 1 expectation after 'quit' did not run")
  }

  @Test func theSourceOfACellIsItsLinesWithoutTheMarker() throws {
    let lesson = try LessonFixtures.lesson("digits-lesson.mlp")
    #expect(lesson.title == "Digits, end to end")
    #expect(lesson.lines(of: lesson.cells[2]) == [
      "load digits", "# expect: train samples = 1438", "# expect: classes = 10", "plot samples count=4",
    ])
    #expect(lesson.label(ofCell: 4) == "cell 5 \"Train the network\"")
    #expect(lesson.lines(of: lesson.cells[0]).count == 2)
  }

  @Test func aSyntaxErrorIsReportedBeforeAnythingRuns() {
    #expect(throws: Diagnostic.self) {
      try Lesson(source: Source(name: "bad.mlp", text: "# %%\nmlp [2,3\n"))
    }
    do {
      _ = try Lesson(path: "/nonexistent/lesson.mlp")
      Issue.record("read a file that does not exist")
    } catch {
      #expect(error.message == "cannot read '/nonexistent/lesson.mlp': no such file")
    }
  }
}
