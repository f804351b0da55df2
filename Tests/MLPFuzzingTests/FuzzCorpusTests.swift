import Foundation
import Testing
import TestSupport
@testable import MLPFuzzing

/// Replays every input the fuzzers kept (`Tests/Fuzz/Corpus/<target>`) and every input that
/// once crashed one of them (`Tests/Fuzz/Regressions/<target>`) through the same code the
/// fuzzers run. A crash here is a regression; `.ci/fuzz` grows the corpus. Each regression
/// `NAME.mlp` also has its expected rendering beside it, `NAME.expected`, compared exactly
/// (`MLPSH_RECORD=1` writes it).
@Suite struct FuzzCorpusTests {
  static let fuzzFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz")

  /// The kept inputs of `target` in `kind` (Corpus or Regressions), sorted by path.
  static func inputs(of target: FuzzTarget, in kind: String) throws -> [URL] {
    let folder = fuzzFolder.appendingPathComponent(kind).appendingPathComponent(target.rawValue)
    guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
    return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { !$0.lastPathComponent.hasPrefix(".") && $0.pathExtension != "expected" }
      .sorted { $0.path < $1.path }
  }

  @Test(arguments: [(FuzzTarget.lexer, 20), (.parser, 20), (.interpreter, 20)])
  func corpusRunsWithoutACrash(_ target: FuzzTarget, minimum: Int) throws {
    let corpus = try Self.inputs(of: target, in: "Corpus")
    #expect(corpus.count >= minimum, "the \(target) corpus has shrunk to \(corpus.count) inputs")
    for file in corpus {
      target.run(Array(try Data(contentsOf: file)))
    }
  }

  /// Every regression, with the exact rendering it gives now that its bug is fixed.
  @Test(arguments: FuzzTarget.allCases)
  func regressionsRenderAsExpected(_ target: FuzzTarget) throws {
    let regressions = try Self.inputs(of: target, in: "Regressions")
    #expect(!regressions.isEmpty, "no regressions kept for \(target)")
    for file in regressions {
      let rendering = target.run(Array(try Data(contentsOf: file)))
      let expected = file.deletingPathExtension().appendingPathExtension("expected")
      if let failure = SnapshotFile.failure(rendering, at: expected) {
        Issue.record(Comment(rawValue: "\(target) \(file.lastPathComponent): \(failure)"))
      }
    }
  }
}
