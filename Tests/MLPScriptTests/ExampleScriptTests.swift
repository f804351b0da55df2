import Foundation
import MLPCore
import Testing
@testable import MLPScript
import TestSupport

/// Runs every script in examples/ and holds it to its `# expect:` lines (the MNIST ones in the
/// release suite; see `ExampleFiles`).
@Suite(.serialized) struct ExampleScriptTests {
  @Test func theExamplesAreTheNotebooksCells() {
    #expect(ExampleFiles.files == [
      "01-perceptron.mlp", "02-mlp-mnist.mlp", "03-batch-sizes.mlp", "04-learning-rates.mlp",
      "05-activations.mlp", "06-what-the-notebook-missed.mlp", "07-decision-boundaries.mlp",
      "08-beyond-the-notebook.mlp",
    ])
  }

  /// Every example is a notebook: it parses, opens with a markdown cell, explains each code
  /// cell in a markdown cell before it, and checks itself.
  @Test(arguments: ExampleFiles.files) func exampleIsANotebookThatChecksItself(_ name: String) throws {
    let script = try Parser.parse(Source(name: name, text: ExampleFiles.text(name)))
    #expect(script.cells.first?.kind == .markdown, "\(name) opens with a markdown cell")
    // Each code cell follows a markdown cell that says what it shows.
    var previous: Cell?
    for cell in script.cells where cell.kind == .markdown || !cell.statements.isEmpty {
      if cell.kind == .markdown {
        #expect(cell.markdown.contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty },
                "\(name): an empty markdown cell")
      } else {
        #expect(previous?.kind == .markdown, "\(name): a code cell without a markdown cell before it")
      }
      previous = cell
    }
    let expectations = script.statements.filter { if case .expectation = $0 { return true } else { return false } }
    #expect(expectations.count >= 3, "\(name) checks too little")
  }

  @Test(arguments: ExampleFiles.offline) func exampleHoldsItsExpectations(_ name: String) {
    run(name)
  }

  @Test(.enabled(if: ExampleFiles.canTrainOnMNIST, "needs a release build and MLPSH_DATA"), arguments: ExampleFiles.mnist)
  func mnistExampleHoldsItsExpectations(_ name: String) {
    run(name)
  }

  private func run(_ name: String) {
    let sink = CollectingSink()
    let interpreter = Interpreter(environment: Environment(sink: sink))
    let start = ProcessInfo.processInfo.systemUptime
    let error = interpreter.run(file: ExampleFiles.path(name))
    let seconds = ProcessInfo.processInfo.systemUptime - start
    print("example \(name): \(String(format: "%.2f", seconds)) s")
    #expect(error == nil, "\(name) failed:\n\(sink.text.split(separator: "\n").suffix(40).joined(separator: "\n"))")
  }
}
