import Foundation
import MLPScript
import Testing
@testable import MLPExport

/// What --check prints, verbatim.
@Suite struct CheckReportTests {
  @Test func everyFailedExpectationIsADiffHunk() throws {
    let run = try LessonFixtures.run("wrong-expectations.mlp")
    let path = LessonFixtures.path("wrong-expectations.mlp")
    #expect(CheckReport(run: run).render() == """
      --- \(path):10, cell 3, after 'mlp'
      - # expect: parameters = 10
      + # got:    parameters = 9

      --- \(path):15, cell 4 "Printed text", after 'summary'
      - # expect: "sigmoid"
      + # got:    m (mlp):
      + #           layer  shape  activation  parameters
      + #           0      2 × 3  softmax              9
      + #           total                              9

      --- \(path):19, cell 5 "A quantity that is not reported", after 'mlp'
      - # expect: accuracy > 0.5
      + # got:    'mlp' did not report 'accuracy': it reported 'parameters'

      check \(path): 3 of 6 expectations do not hold

      """)
    #expect(!CheckReport(run: run).passed)
  }

  @Test func aLessonThatHoldsIsOneLine() throws {
    let run = try LessonFixtures.run("digits-lesson.mlp")
    let report = CheckReport(run: run)
    #expect(report.render() == "check \(LessonFixtures.path("digits-lesson.mlp")): all 5 expectations hold\n")
    #expect(report.passed)
  }

  @Test func anErrorSaysWhereItStoppedAndWhatDidNotRun() throws {
    let run = try LessonFixtures.run("stops-early.mlp")
    let path = LessonFixtures.path("stops-early.mlp")
    #expect(CheckReport(run: run).render() == """
      check \(path): 1 expectation holds; stopped by an error at \(path):8 (cell 3 "A typo in an option value"); \
      2 expectations after it did not run

      """)
  }

  @Test func longOutputIsCutAndColourIsOptional() throws {
    let text = "# %%\nm = mlp [2,3]\nshow settings\n# expect: \"no such line\"\n# expect: parameters ≈ 9.5 ± 0.1\n"
    let run = LessonRunner(lesson: try Lesson(source: Source(name: "s.mlp", text: text))).runAll()
    var report = CheckReport(run: run)
    report.lineLimit = 2
    let lines = report.render().split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "--- s.mlp:4, cell 1, after 'show'")
    #expect(lines[1] == "- # expect: \"no such line\"")
    #expect(lines[2] == "+ # got:    settings:")
    #expect(lines[4] == "+ #         … \(settingsLineCount(run) - 2) more lines")
    // A tolerance that does not hold, where the quantity belongs to an earlier command.
    #expect(lines[6] == "--- s.mlp:5, cell 1, after 'show'")
    #expect(lines[8] == "+ # got:    'show' reports no numbers: check its text with '# expect: \"…\"'")
    let coloured = CheckReport(run: run, color: true).render()
    #expect(coloured.contains("\u{1B}[31m- # expect: \"no such line\"\u{1B}[0m"))
    #expect(coloured.contains("\u{1B}[32m+ # got:    settings:\u{1B}[0m"))
  }

  private func settingsLineCount(_ run: LessonRun) -> Int {
    guard case let .lines(lines) = run.failures[0].observed else { return -1 }
    return lines.count
  }
}
