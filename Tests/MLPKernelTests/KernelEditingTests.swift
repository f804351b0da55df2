import Foundation
import Testing
@testable import MLPKernel

/// Completion, inspection, is_complete and history: what a notebook asks while one types.
@Suite struct KernelEditingTests {
  func reply(_ harness: KernelHarness, _ type: String, _ content: [String: JSON]) throws -> [String: JSON] {
    harness.request(type, content)
    return try #require(harness.take(.shell).first).content
  }

  @Test func completesAsTheShellsTabDoes() throws {
    let harness = KernelHarness()
    _ = harness.execute("data xor n=64; net = mlp [2,4,2]")
    let command = try reply(harness, "complete_request", ["code": "tra", "cursor_pos": 3])
    #expect(command["matches"] == ["train"])
    #expect(command["cursor_start"] == 0 && command["cursor_end"] == 3)
    let option = try reply(harness, "complete_request", ["code": "echo x\ntrain b", "cursor_pos": 14])
    #expect(option["matches"] == ["batch=", "beta1=", "beta2="])
    #expect(option["cursor_start"] == 13 && option["cursor_end"] == 14)
    let model = try reply(harness, "complete_request", ["code": "evaluate n", "cursor_pos": 10])
    #expect(model["matches"] == ["net"])
    let kind = try reply(harness, "complete_request", ["code": "data sp", "cursor_pos": 7])
    #expect(kind["matches"] == ["spiral"])
    // The cursor counts Unicode scalars.
    let after = try reply(harness, "complete_request", ["code": "echo \"é\"; ev", "cursor_pos": 12])
    #expect(after["matches"] == ["evaluate"])
    #expect(after["cursor_start"] == 10)
  }

  @Test func inspectionShowsTheCommandsHelp() throws {
    let harness = KernelHarness()
    let found = try reply(harness, "inspect_request", ["code": "train epochs=3", "cursor_pos": 2, "detail_level": 0])
    #expect(found["found"] == true)
    #expect(found["data"]?["text/plain"]?.string?.hasPrefix("usage: train [MODEL] [DATA]") == true)
    #expect(found["data"]?["text/markdown"]?.string?.hasPrefix("**train**: train a model on a data set") == true)
    let option = try reply(harness, "inspect_request", ["code": "m = train epochs=3", "cursor_pos": 14])
    #expect(option["data"]?["text/plain"]?.string?.hasPrefix("usage: train") == true)
    let nothing = try reply(harness, "inspect_request", ["code": "# a comment", "cursor_pos": 5])
    #expect(nothing["found"] == false)
  }

  @Test func anOpenBracketOrStringIsIncompleteOtherErrorsInvalid() throws {
    let harness = KernelHarness()
    for (code, status) in [("mlp [784,128", "incomplete"), ("echo \"half", "incomplete"), ("mlp [2,4]\ntrain", "complete"),
                           ("", "complete"), ("mlp ]", "invalid"), ("train batch==3", "invalid")] {
      #expect(try reply(harness, "is_complete_request", ["code": .string(code)])["status"] == .string(status), "\(code)")
    }
  }

  @Test func historyByTailRangeAndSearch() throws {
    let harness = KernelHarness()
    for code in ["data xor n=64", "mlp [2,4,2]", "train epochs=1", "echo a", "echo a"] { _ = harness.execute(code) }
    let tail = try reply(harness, "history_request", ["hist_access_type": "tail", "n": 2, "output": false, "raw": true])
    #expect(tail["history"] == [[1, 4, "echo a"], [1, 5, "echo a"]])
    let range = try reply(harness, "history_request", ["hist_access_type": "range", "session": 0, "start": 2, "stop": 4,
                                                       "output": false, "raw": true])
    #expect(range["history"] == [[1, 2, "mlp [2,4,2]"], [1, 3, "train epochs=1"]])
    let search = try reply(harness, "history_request", ["hist_access_type": "search", "pattern": "echo*", "unique": true,
                                                        "output": false, "raw": true])
    #expect(search["history"] == [[1, 5, "echo a"]])
    let last = try reply(harness, "history_request", ["hist_access_type": "search", "pattern": "*", "n": 1, "output": true,
                                                      "raw": true])
    #expect(last["history"] == [[1, 5, ["echo a", nil]]])
    // The `history` command lists the same lines.
    #expect(harness.kernel.interpreter.session.history.suffix(2) == ["echo a", "echo a"])
  }
}
