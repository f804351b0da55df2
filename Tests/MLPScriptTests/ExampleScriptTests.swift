import Foundation
import MLPCore
import Testing
@testable import MLPScript

/// Runs every script in examples/ and holds it to its `# expect:` lines. The examples that
/// load MNIST train on all of it, so they run in the release suite
/// (`swift test -c release -Xswiftc -enable-testing`) with `MLPSH_DATA` naming the folder of
/// the MNIST files; the others run in every build.
@Suite(.serialized) struct ExampleScriptTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")

  /// The file names in examples/, sorted.
  static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
    .filter { $0.hasSuffix(".mlp") }.sorted()

  static func text(_ name: String) -> String {
    (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
  }

  static func needsMNIST(_ name: String) -> Bool { text(name).contains("load mnist") }

  static let offline = files.filter { !needsMNIST($0) }
  static let mnist = files.filter(needsMNIST)

  /// Whether the MNIST examples can run: an optimised build and the data.
  static var canTrainOnMNIST: Bool {
    #if DEBUG
    return false
    #else
    return !(ProcessInfo.processInfo.environment["MLPSH_DATA"] ?? "").isEmpty
    #endif
  }

  @Test func theExamplesAreTheNotebooksCells() {
    #expect(Self.files == [
      "01-perceptron.mlp", "02-mlp-mnist.mlp", "03-batch-sizes.mlp", "04-learning-rates.mlp",
      "05-activations.mlp", "06-what-the-notebook-missed.mlp", "07-decision-boundaries.mlp",
    ])
  }

  /// Every example is a notebook: it parses, opens with a markdown cell, explains each code
  /// cell in a markdown cell before it, and checks itself.
  @Test(arguments: files) func exampleIsANotebookThatChecksItself(_ name: String) throws {
    let script = try Parser.parse(Source(name: name, text: Self.text(name)))
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

  @Test(arguments: offline) func exampleHoldsItsExpectations(_ name: String) {
    run(name)
  }

  @Test(.enabled(if: canTrainOnMNIST, "needs a release build and MLPSH_DATA"), arguments: mnist)
  func mnistExampleHoldsItsExpectations(_ name: String) {
    run(name)
  }

  private func run(_ name: String) {
    BLAS.useRecommendedKernels()
    let sink = CollectingSink()
    let interpreter = Interpreter(environment: Environment(sink: sink))
    let start = ProcessInfo.processInfo.systemUptime
    let error = interpreter.run(file: Self.folder.appendingPathComponent(name).path)
    let seconds = ProcessInfo.processInfo.systemUptime - start
    print("example \(name): \(String(format: "%.2f", seconds)) s")
    #expect(error == nil, "\(name) failed:\n\(sink.text.split(separator: "\n").suffix(40).joined(separator: "\n"))")
  }
}
