import Foundation
import Testing

/// `mlpsh --check`, `mlpsh --export`, `mlpsh run …`: the real binary on the lessons in
/// Tests/Fixtures/lessons, run from that folder so paths print as a teacher types them.
@Suite struct LessonModeTests {
  static let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/lessons")

  struct Run {
    var status: Int32
    var output: String
    var errors: String
  }

  func mlpsh(_ arguments: [String], in folder: URL = lessons) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: PseudoTerminal.binary)
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var variables = ProcessInfo.processInfo.environment
    variables["NO_COLOR"] = "1"
    process.environment = variables
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
               errors: String(decoding: err, as: UTF8.self))
  }

  func temporaryFolder() throws -> URL {
    let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("mlpsh-lessons-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func checkPassesOnAGoodLesson() throws {
    let run = try mlpsh(["--check", "digits-lesson.mlp"])
    #expect(run.status == 0)
    #expect(run.output == "check digits-lesson.mlp: all 5 expectations hold\n")
    #expect(run.errors.isEmpty)
  }

  @Test func checkFailsWithADiffOfEveryWrongExpectation() throws {
    let run = try mlpsh(["--check", "wrong-expectations.mlp"])
    #expect(run.status == 1)
    #expect(run.errors.isEmpty)
    #expect(run.output == """
      --- wrong-expectations.mlp:10, cell 3, after 'mlp'
      - # expect: parameters = 10
      + # got:    parameters = 9

      --- wrong-expectations.mlp:15, cell 4 "Printed text", after 'summary'
      - # expect: "sigmoid"
      + # got:    m (mlp):
      + #           layer  shape  activation  parameters
      + #           0      2 × 3  softmax              9
      + #           total                              9

      --- wrong-expectations.mlp:19, cell 5 "A quantity that is not reported", after 'mlp'
      - # expect: accuracy > 0.5
      + # got:    'mlp' did not report 'accuracy': it reported 'parameters'

      check wrong-expectations.mlp: 3 of 6 expectations do not hold

      """)
  }

  @Test func checkStopsAtARuntimeErrorAndSaysWhatDidNotRun() throws {
    let run = try mlpsh(["--check", "stops-early.mlp"])
    #expect(run.status == 70)
    #expect(run.errors == """
      error: unknown activation 'rleu'
       --> stops-early.mlp:8:11
      8 | mlp [2,3] rleu
        |           ^~~~ did you mean 'relu'? should be relu, sigmoid or tanh

      """)
    #expect(run.output == """
      check stops-early.mlp: 1 expectation holds; stopped by an error at stops-early.mlp:8 \
      (cell 3 "A typo in an option value"); 2 expectations after it did not run

      """)
  }

  @Test func exportWritesEachFormatFromOneRunAndShowsTheRun() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let targets = ["report.html", "lesson.ipynb", "notes.md"].map { folder.appendingPathComponent($0).path }
    // `run` before the file is optional; --export may be given more than once.
    let run = try mlpsh(["run", "digits-lesson.mlp"] + targets.flatMap { ["--export", $0] })
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.hasPrefix("digits: 1438 training and 359 test samples"))
    #expect(run.output.components(separatedBy: "training m on digits").count == 2)
    #expect(run.output.split(separator: "\n").suffix(3) == [
      "wrote \(targets[0]): 6 cells, 3 figures",
      "wrote \(targets[1]): 6 cells, 3 figures",
      "wrote \(targets[2]): 6 cells, 3 figures (in \(folder.appendingPathComponent("notes_files").path)/)",
    ])
    for target in targets { #expect(FileManager.default.fileExists(atPath: target)) }
    let figures = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("notes_files").path)
    #expect(figures.sorted() == ["cell-3-figure-1.svg", "cell-5-figure-1.svg", "cell-6-figure-1.svg"])
    let html = try String(contentsOfFile: targets[0], encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"))
    #expect(html.contains("<meta name=\"generator\" content=\"mlpsh 0.1.0\"/>"))
  }

  @Test func anExportIsWrittenEvenWhenTheLessonFails() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("r.html").path
    let run = try mlpsh(["stops-early.mlp", "--export", target, "--check"])
    #expect(run.status == 70)
    #expect(run.output.hasSuffix("did not run\nwrote \(target): 4 cells, 0 figures\n"))
    #expect(try String(contentsOfFile: target, encoding: .utf8).contains("Not run: the lesson stopped before this cell."))
  }

  @Test func usageErrors() throws {
    let noFile = try mlpsh(["--check"])
    #expect(noFile.status == 64)
    #expect(noFile.errors.hasPrefix("Error: --check needs a script file, such as 'mlpsh --check lesson.mlp'\n"))
    let format = try mlpsh(["digits-lesson.mlp", "--export", "report.pdf"])
    #expect(format.status == 64)
    #expect(format.errors.hasPrefix("Error: cannot tell the format of 'report.pdf': it should end in .html, .ipynb or .md\n"))
    let both = try mlpsh(["--step", "--check", "digits-lesson.mlp"])
    #expect(both.status == 64)
    #expect(both.errors.hasPrefix("Error: --step runs a lesson by hand; it cannot be combined with --export or --check\n"))
    let missing = try mlpsh(["--check", "no-such-lesson.mlp"])
    #expect(missing.status == 66)
    #expect(missing.errors == "error: cannot read 'no-such-lesson.mlp': no such file\n")
    let unwritable = try mlpsh(["digits-lesson.mlp", "--export", "/nonexistent/folder/r.html"])
    #expect(unwritable.status == 73)
    #expect(unwritable.errors == "error: cannot write '/nonexistent/folder/r.html': cannot create a file in '/nonexistent/folder': no such file or directory\n")
    // Checked before the lesson ran: nothing of it was printed.
    #expect(unwritable.output.isEmpty)
    let stepWithoutTerminal = try mlpsh(["--step", "digits-lesson.mlp"])
    #expect(stepWithoutTerminal.status == 64)
    #expect(stepWithoutTerminal.errors == """
      error: --step needs a terminal: it waits for Enter between steps
        = use --check or --export to run a lesson without one

      """)
  }

  @Test func aSyntaxErrorRunsNothing() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try "# %%\nmlp [2,3\n".write(to: folder.appendingPathComponent("bad.mlp"), atomically: true, encoding: .utf8)
    let run = try mlpsh(["--check", "bad.mlp"], in: folder)
    #expect(run.status == 65)
    #expect(run.output.isEmpty)
    #expect(run.errors.hasPrefix("error: "))
  }
}
