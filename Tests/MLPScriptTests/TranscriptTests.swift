import Foundation
import Testing
@testable import MLPScript

/// Runs the scripts in Tests/Fixtures/transcripts; their `# expect:` lines are the checks.
@Suite struct TranscriptTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/transcripts")

  static func run(_ name: String) -> (Interpreter, CollectingSink, Diagnostic?) {
    let (interpreter, sink) = Fixtures.interpreter()
    let error = interpreter.run(file: folder.appendingPathComponent(name).path)
    return (interpreter, sink, error)
  }

  @Test(arguments: ["perceptron.mlp", "mlp.mlp", "digits.mlp", "health.mlp", "validation.mlp"])
  func transcriptHoldsItsExpectations(_ name: String) {
    let (_, sink, error) = Self.run(name)
    #expect(error == nil, "\(sink.text)")
  }

  @Test func aFailingScriptStopsAtItsFirstErrorAndKeepsState() {
    let (interpreter, sink, error) = Self.run("errors-keep-state.mlp")
    let path = Self.folder.appendingPathComponent("errors-keep-state.mlp").path
    #expect(error.map { DiagnosticRenderer(color: false).render($0) } == """
      error: batch size 999 is larger than the 200 samples of 'blobs'
       --> \(path):5:21
      5 | train m blobs batch=999
        |                     ^~~ use batch=200 or less
      """)
    #expect(error?.exitStatus == 70)
    guard case let .mlp(model)? = interpreter.session.models["m"] else {
      Issue.record("model lost")
      return
    }
    // The three iterations before the error are kept, the line after it never ran.
    #expect(model.network.history.iterations == 3)
    #expect(!sink.lines.contains { $0.contains("training m on quadrants: 3 iterations") && $0 != sink.lines[1] })
  }

  @Test func aWrongExpectationIsReportedWhereItIsWritten() {
    let (interpreter, _) = Fixtures.interpreter()
    let error = interpreter.run(script: Source(name: "w.mlp", text: """
      m = mlp [2,16,3]
      train m quadrants iterations=2 progress=false
      # expect: iterations = 3
      """))
    #expect(error?.description == """
      error: expected iterations = 3, got 2
       --> w.mlp:3:1
      3 | # expect: iterations = 3
        | ^~~~~~~~~~~~~~~~~~~~~~~~
      """)
  }
}
