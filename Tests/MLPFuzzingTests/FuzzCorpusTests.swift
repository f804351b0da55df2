import Foundation
import TestSupport
import XCTest
@testable import MLPFuzzing

/// Replays every input the fuzzers kept (`Tests/Fuzz/Corpus/<target>`) and every input that
/// once crashed one of them (`Tests/Fuzz/Regressions/<target>`) through the same code the
/// fuzzers run. A crash here is a regression; `.ci/fuzz` grows the corpus. Each regression
/// `NAME.mlp` also has its expected rendering beside it, `NAME.expected`, compared exactly
/// (`MLPSH_RECORD=1` writes it).
///
/// XCTest, not Swift Testing, on purpose: the interpreter's sandbox changes the process's
/// working directory and its HOME, XDG_CACHE_HOME and MLPSH_DATA while an input runs, and
/// XCTest's tests run one at a time, before Swift Testing's concurrent ones begin; among
/// those, a test reading MLPSH_DATA could see the sandbox's folder.
final class FuzzCorpusTests: XCTestCase {
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

  func testCorpusRunsWithoutACrash() throws {
    for target in [FuzzTarget.lexer, .parser, .interpreter] {
      let corpus = try Self.inputs(of: target, in: "Corpus")
      XCTAssertGreaterThanOrEqual(corpus.count, 20, "the \(target) corpus has shrunk to \(corpus.count) inputs")
      for file in corpus {
        target.run(Array(try Data(contentsOf: file)))
      }
    }
  }

  /// Every regression, with the exact rendering it gives now that its bug is fixed.
  func testRegressionsRenderAsExpected() throws {
    for target in FuzzTarget.allCases {
      let regressions = try Self.inputs(of: target, in: "Regressions")
      XCTAssertFalse(regressions.isEmpty, "no regressions kept for \(target)")
      for file in regressions {
        let rendering = target.run(Array(try Data(contentsOf: file)))
        let expected = file.deletingPathExtension().appendingPathExtension("expected")
        if let failure = SnapshotFile.failure(rendering, at: expected) {
          XCTFail("\(target) \(file.lastPathComponent): \(failure)")
        }
      }
    }
  }
}
