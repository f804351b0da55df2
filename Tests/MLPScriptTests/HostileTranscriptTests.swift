import Foundation
import Testing
@testable import MLPScript
import TestSupport

/// A golden REPL session (Tests/Fixtures/transcripts/hostile-session.txt): hostile lines
/// typed one after another, each answered by its error, with the model and the data used
/// between them to show the session intact. `MLPSH_RECORD=1` rewrites the file from its
/// `mlpsh> ` lines. `/tmp/mlpsh-XXXXXX` stands for a fresh folder of a name that long, so
/// that carets stay where they are.
@Suite struct HostileTranscriptTests {
  static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/transcripts/hostile-session.txt")

  /// Types each `mlpsh> ` line of `transcript` into a fresh session and writes down what
  /// comes back, as the REPL shows it.
  static let placeholder = "/tmp/mlpsh-XXXXXX"

  static func replay(_ transcript: String, in folder: String) -> String {
    let sink = CollectingSink()
    let interpreter = Interpreter(environment: Environment(sink: sink))
    var output: [String] = []
    for line in transcript.split(separator: "\n", omittingEmptySubsequences: false) where line.hasPrefix("mlpsh> ") {
      let input = String(line.dropFirst(7))
      output.append("mlpsh> " + input)
      sink.clear()
      interpreter.run(line: input.replacingOccurrences(of: placeholder, with: folder))
      output += sink.lines
    }
    return output.map { $0.replacingOccurrences(of: folder, with: placeholder) }.joined(separator: "\n") + "\n"
  }

  @Test func theSessionSurvivesEveryHostileLine() throws {
    var template = Array(Self.placeholder.utf8CString)
    let folder = try #require(mkdtemp(&template).map { String(cString: $0) })
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // A model file cut in half, and one from a future mlpsh.
    try Data(HostileInput.modelFile().prefix(300)).write(to: URL(fileURLWithPath: folder + "/cut.json"))
    try Data(HostileInput.modelFile(resign: true) { $0.replacingOccurrences(of: "\"version\" : 3", with: "\"version\" : 7") })
      .write(to: URL(fileURLWithPath: folder + "/future.json"))
    let golden = try String(contentsOf: Self.path, encoding: .utf8)
    let replayed = Self.replay(golden, in: folder)
    if Recording.isOn {
      try replayed.write(to: Self.path, atomically: true, encoding: .utf8)
    }
    #expect(replayed == golden, "run MLPSH_RECORD=1 swift test --filter HostileTranscriptTests after checking the change")
  }
}
