import Foundation
import Testing

/// `mlpsh --step` on a pseudo-terminal, as a teacher at the keyboard drives it.
@Suite(.serialized) struct StepModeTests {
  static let lesson = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/lessons/digits-lesson.mlp").path

  func start() throws -> (PseudoTerminal, String) {
    let history = NSTemporaryDirectory() + "mlpsh-step-history-\(UUID().uuidString)"
    let shell = try PseudoTerminal(arguments: ["--step", Self.lesson], environment: ["MLPSH_HISTORY": history])
    try shell.expect("walkthrough of digits-lesson.mlp in 3 steps")
    try shell.expect("step 1 of 3 · cells 1–3")
    try shell.expect("plot samples count=4")
    try shell.expect("step 1/3> ")
    return (shell, history)
  }

  @Test func enterBackRerunAndQuit() throws {
    let (shell, history) = try start()
    defer { try? FileManager.default.removeItem(atPath: history) }
    // Enter runs step 1 and shows step 2.
    shell.send("\r")
    try shell.expect("digits: 1438 training and 359 test samples")
    try shell.expect("✓ train samples = 1438")
    try shell.expect("step 2 of 3 · cells 4–5")
    try shell.expect("step 2/3> ")
    // b shows step 1 again, with the output it had; Enter comes back to step 2 without running.
    shell.send("b\r")
    try shell.expect("step 1 of 3 · cells 1–3")
    try shell.expect("output when it ran:")
    try shell.expect("digits: 1438 training and 359 test samples")
    try shell.expect("step 1/3> ")
    shell.send("\r")
    let shown = try shell.expect("step 2/3> ")
    #expect(shown.contains("Enter runs this step"))
    #expect(!shown.contains("digits: 1438 training"))
    // Enter runs step 2.
    shell.send("\r")
    try shell.expect("trained m: 66 iterations")
    try shell.expect("✓ iterations = 66")
    try shell.expect("step 3/3> ")
    // r runs step 2 again from where it started: 66 iterations again, not 132.
    shell.send("r\r")
    try shell.expect("running step 2 again, from the session it started with")
    try shell.expect("trained m: 66 iterations")
    try shell.expect("step 3/3> ")
    // A question in the sandbox trains m more; the lesson's m is untouched.
    shell.send("train m epochs=1 progress=false\r")
    try shell.expect("trained m: 22 iterations")
    try shell.expect("step 3/3> ")
    shell.send("\r")
    try shell.expect("test accuracy 0.8635 (310 of 359)")
    try shell.expect("✓ test accuracy ≥ 0.8 (0.8635)")
    try shell.expect("end of digits-lesson.mlp: every expectation held")
    try shell.expect("end> ")
    shell.send("q\r")
    #expect(try shell.waitForExit() == 0)
    // Only the sandbox command went into the history, not the keys.
    #expect(try String(contentsOfFile: history, encoding: .utf8) == "train m epochs=1 progress=false\n")
  }

  @Test func controlDLeavesAndQuestionMarkListsTheKeys() throws {
    let (shell, history) = try start()
    defer { try? FileManager.default.removeItem(atPath: history) }
    shell.send("?\r")
    try shell.expect("keep    makes what you tried part of the lesson")
    try shell.expect("step 1/3> ")
    shell.send("\u{4}")
    #expect(try shell.waitForExit() == 0)
  }
}
