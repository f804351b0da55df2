import Foundation
import XCTest
@testable import MLPFuzzing

/// Replays every input the fuzzers kept (`Tests/Fuzz/Corpus/<target>`) and every input that
/// once crashed one of them (`Tests/Fuzz/Regressions/<target>`) through the same code the
/// fuzzers run. A crash here is a regression; `.ci/fuzz` grows the corpus.
final class FuzzCorpusTests: XCTestCase {
  static let fuzzFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz")

  /// The kept inputs of `target`, from the corpus and the regressions, sorted by path.
  static func inputs(of target: FuzzTarget, in kind: String) throws -> [URL] {
    let folder = fuzzFolder.appendingPathComponent(kind).appendingPathComponent(target.rawValue)
    guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
    return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { !$0.lastPathComponent.hasPrefix(".") }
      .sorted { $0.path < $1.path }
  }

  func replay(_ target: FuzzTarget, minimum: Int) throws {
    let corpus = try Self.inputs(of: target, in: "Corpus")
    let regressions = try Self.inputs(of: target, in: "Regressions")
    XCTAssertGreaterThanOrEqual(corpus.count, minimum, "the \(target) corpus has shrunk to \(corpus.count) inputs")
    for file in corpus + regressions {
      target.run(Array(try Data(contentsOf: file)))
    }
  }

  func testLexerCorpus() throws { try replay(.lexer, minimum: 20) }
  func testParserCorpus() throws { try replay(.parser, minimum: 20) }
  func testInterpreterCorpus() throws { try replay(.interpreter, minimum: 20) }
}
