import Foundation
import Testing
@testable import MLPScript
import TestSupport

/// docs/commands.md must be what the command table generates. To regenerate it after
/// changing a command: `MLPSH_RECORD=1 swift test --filter CommandDocsTests`.
@Suite struct CommandDocsTests {
  static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/commands.md")

  @Test func commandsDocMatchesTheTable() throws {
    let generated = CommandSpec.markdownReference()
    if Recording.isOn {
      try FileManager.default.createDirectory(at: Self.path.deletingLastPathComponent(),
                                              withIntermediateDirectories: true)
      try generated.write(to: Self.path, atomically: true, encoding: .utf8)
    }
    let onDisk = try String(contentsOf: Self.path, encoding: .utf8)
    #expect(onDisk == generated, "docs/commands.md is stale: run MLPSH_RECORD=1 swift test --filter CommandDocsTests")
  }

  @Test func everyCommandIsDocumentedAndCompletable() {
    let doc = CommandSpec.markdownReference()
    for spec in CommandSpec.all {
      #expect(doc.contains("### `\(spec.name)`"))
      #expect(Completer.candidates(before: "", word: spec.name, session: Session()).contains(spec.name))
      #expect(!spec.summary.isEmpty && !spec.example.isEmpty && !spec.details.isEmpty)
      #expect(spec.summary.first?.isLowercase == true && spec.summary.last != ".")
    }
  }

  @Test func helpListsEveryCommandAndExplainsOne() {
    let sink = CollectingSink()
    let interpreter = Interpreter(environment: Environment(sink: sink))
    interpreter.run(line: "help")
    for name in CommandSpec.names {
      #expect(sink.lines.contains { $0.hasPrefix("  \(name) ") })
    }
    sink.clear()
    interpreter.run(line: "set batch=32")
    sink.clear()
    interpreter.run(line: "help train")
    let usage = "usage: train [MODEL] [DATA] [batch=N] [lr=X] [epochs=N] [iterations=N] "
      + "[shuffle=true|false] [seed=N] [progress=true|false] [health=true|false] "
      + "[optimizer=sgd|momentum|nesterov|adam|adamw] "
      + "[momentum=X] [beta1=X] [beta2=X] [eps=X] [l2=X] [dropout=X] [schedule=constant|step|cosine|exponential] "
      + "[every=N] [gamma=X] [min_lr=X] [warmup=X] [validate=validation|test|none] [validate_every=N] [patience=N]"
    #expect(sink.lines.first == usage)
    let batch = sink.lines.first { $0.hasPrefix("  batch=N ") }
    #expect(batch?.hasSuffix(" samples per mini-batch (default: the batch setting, 64; now 32)") == true)
    #expect(sink.lines.suffix(4) == ["example:", "  train", "  train m16 batch=16", "  train epochs=5 shuffle=true lr=0.05"])
  }
}
