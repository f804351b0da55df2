import Foundation
import Testing

/// The real shell on a pseudo-terminal. Each test has its own history file.
@Suite(.serialized) struct ShellTests {
  let prompt = "mlpsh> "

  func historyFile() -> String {
    NSTemporaryDirectory() + "mlpsh-history-\(getpid())-\(UUID().uuidString)"
  }

  func start(history: String) throws -> PseudoTerminal {
    let shell = try PseudoTerminal(environment: ["MLPSH_HISTORY": history])
    try shell.expect(prompt)
    return shell
  }

  @Test func historySurvivesARestart() throws {
    let history = historyFile()
    defer { try? FileManager.default.removeItem(atPath: history) }
    do {
      let shell = try start(history: history)
      shell.send("set seed=5\r")
      try shell.expect("seed = 5")
      try shell.expect(prompt)
      shell.send("set batch=32\r")
      try shell.expect(prompt)
      shell.send("\u{4}")
      #expect(try shell.waitForExit() == 0)
    }
    let saved = try String(contentsOfFile: history, encoding: .utf8)
    #expect(saved.contains("set seed=5\nset batch=32\n"))
    let shell = try start(history: history)
    // Up twice recalls the first line of the earlier session.
    shell.send("\u{1B}[A\u{1B}[A\r")
    try shell.expect("seed = 5")
    try shell.expect(prompt)
    shell.send("quit\r")
    #expect(try shell.waitForExit() == 0)
  }

  @Test func tabCompletesCommandsAndModelNames() throws {
    let history = historyFile()
    defer { try? FileManager.default.removeItem(atPath: history) }
    let shell = try start(history: history)
    shell.send("m16 = mlp [2,3]\r")
    try shell.expect("m16: mlp 2-3")
    try shell.expect(prompt)
    // "summ" + Tab is "summary ", "m1" + Tab is "m16": the line that runs is "summary m16".
    shell.send("summ\tm1\t\r")
    try shell.expect("m16 (mlp):")
    try shell.expect(prompt)
    // "tr" + Tab is "train": it runs, and says what it lacks.
    shell.send("tr\t\r")
    try shell.expect("train")
    try shell.expect("no data set yet")
    try shell.expect(prompt)
    shell.send("\u{4}")
    #expect(try shell.waitForExit() == 0)
  }

  @Test func anErrorLeavesTheSessionUsable() throws {
    let history = historyFile()
    defer { try? FileManager.default.removeItem(atPath: history) }
    let shell = try start(history: history)
    shell.send("m = mlp [4,5,3] tanh\r")
    try shell.expect(prompt)
    shell.send("mlp [4,5,3] rleu\r")
    try shell.expect("unknown activation 'rleu'")
    try shell.expect("should be relu, sigmoid or tanh")
    try shell.expect(prompt)
    shell.send("trian\r")
    try shell.expect("did you mean 'train'?")
    try shell.expect(prompt)
    shell.send("summary\r")
    try shell.expect("m (mlp):")
    try shell.expect("tanh")
    try shell.expect(prompt)
    shell.send("\u{4}")
    #expect(try shell.waitForExit() == 0)
  }

  @Test func ctrlCAtThePromptClearsTheLine() throws {
    let history = historyFile()
    defer { try? FileManager.default.removeItem(atPath: history) }
    let shell = try start(history: history)
    shell.send("set seed=9")
    try shell.expect("set seed=9")
    shell.send("\u{3}")
    try shell.expect("^C")
    try shell.expect(prompt)
    // An empty line does nothing, and the cleared line never ran.
    shell.send("\r")
    try shell.expect(prompt)
    shell.send("show settings\r")
    let shown = try shell.expect(prompt)
    #expect(shown.contains("seed        0 "))
    shell.send("\u{4}")
    #expect(try shell.waitForExit() == 0)
  }

  @Test func ctrlCDuringTrainingKeepsTheModelTrainedSoFar() throws {
    let history = historyFile()
    defer { try? FileManager.default.removeItem(atPath: history) }
    let shell = try start(history: history)
    shell.send("load digits; m = mlp [64,256,256,10]\r")
    try shell.expect("m: mlp 64-256-256-10")
    try shell.expect(prompt)
    // 179 iterations an epoch: far longer than the test waits.
    shell.send("train epochs=5000 batch=8\r")
    try shell.expect("training m on digits: 895000 iterations")
    // The progress bar is up: let it run a little, then stop it.
    try shell.expect("ETA")
    Thread.sleep(forTimeInterval: 0.5)
    shell.send("\u{3}")
    try shell.expect("stopped m after ")
    let count = try shell.expect(" of 895000 iterations (Ctrl-C); it keeps what it learnt")
    let stoppedAt = try #require(Int(count))
    #expect(stoppedAt > 1 && stoppedAt < 895000)
    try shell.expect(prompt)
    // The model keeps those iterations, and the session goes on.
    shell.send("show m\r")
    try shell.expect("trained \(stoppedAt) iterations")
    try shell.expect(prompt)
    shell.send("train iterations=3 progress=false\r")
    try shell.expect("trained m: 3 iterations")
    try shell.expect(prompt)
    shell.send("show m\r")
    try shell.expect("trained \(stoppedAt + 3) iterations")
    try shell.expect(prompt)
    shell.send("\u{4}")
    #expect(try shell.waitForExit() == 0)
  }
}
