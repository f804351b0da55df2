import Foundation
import MLPScript
import Testing
@testable import MLPKernel

@Suite struct KernelTests {
  @Test func aCellPrintsBetweenBusyAndIdleAndCountsItself() {
    let harness = KernelHarness()
    let (reply, published) = harness.execute("echo \"hello, world\"")
    #expect(reply["status"] == "ok")
    #expect(reply["execution_count"] == 1)
    #expect(published.map(\.type) == ["execute_input", "stream"])
    #expect(published[0].content["code"] == "echo \"hello, world\"")
    #expect(published[1].content["name"] == "stdout")
    #expect(published[1].streamText == "hello, world\n")
    #expect(harness.execute("echo again").reply["execution_count"] == 2)
  }

  @Test func anErrorIsReportedWithTheShellsCaretAndTheSessionSurvives() throws {
    let harness = KernelHarness()
    _ = harness.execute("data xor n=64; mlp [2,4,2] seed=1")
    let (reply, published) = harness.execute("mlp [2,4,2]\ntrian")
    #expect(reply["status"] == "error")
    #expect(reply["ename"] == "unknown-command")
    #expect(reply["evalue"] == "unknown command 'trian'")
    let error = try #require(published.last)
    #expect(error.type == "error")
    #expect(error.content["traceback"] == reply["traceback"])
    let traceback = (reply["traceback"]?.array ?? []).compactMap(\.string).joined(separator: "\n")
    let plain = traceback.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    #expect(plain == """
      error: unknown command 'trian'
       --> In[2]:2:1
      2 | trian
        | ^~~~~ did you mean 'train'?
      """)
    // The first line ran and was kept; the model from the first cell is still there.
    #expect(harness.kernel.interpreter.session.modelNames == ["mlp1", "mlp2"])
  }

  @Test func aSyntaxErrorRunsNothingInTheCell() {
    let harness = KernelHarness()
    let (reply, published) = harness.execute("echo first\nmlp [2,4")
    #expect(reply["ename"] == "unclosed-list")
    #expect(published.map(\.type) == ["execute_input", "error"])
  }

  @Test func expectationsAreCheckedAndAFailingOneIsAnError() {
    let harness = KernelHarness()
    let passing = harness.execute("data xor n=64\n# expect: \"64 training samples\"")
    #expect(passing.reply["status"] == "ok")
    let failing = harness.execute("data xor n=64\n# expect: \"65 training samples\"")
    #expect(failing.reply["status"] == "error")
    #expect(failing.reply["ename"] == "expectation-failed")
  }

  @Test func theCellsResultIsWhatItsLastCommandReported() throws {
    let harness = KernelHarness()
    let (reply, published) = harness.execute("data xor n=64; mlp [2,8,2] seed=2\ntrain epochs=2\nevaluate on=train")
    #expect(reply["status"] == "ok")
    let result = try #require(published.last { $0.type == "execute_result" })
    #expect(result.content["execution_count"] == 1)
    let data = try #require(result.content["data"]?.object)
    let accuracy = try #require(harness.kernel.interpreter.session.lastReport?.quantity("train accuracy"))
    #expect(data["application/vnd.mlpsh.result+json"]?["train accuracy"] == .number(accuracy))
    #expect(data["text/plain"]?.string?.contains("train accuracy  \(String(format: "%.4f", accuracy))") == true)
    #expect(data["text/html"]?.string?.hasPrefix("<table class=\"mlpsh-result\"><tr><th") == true)
    // A cell that reports no numbers has no result, even after one that did.
    #expect(!harness.execute("echo done").published.contains { $0.type == "execute_result" })
  }

  @Test func figuresAreSVGWithTheirTextDrawingAndIdsThatDoNotRepeat() throws {
    let harness = KernelHarness()
    _ = harness.execute("data xor n=64; mlp [2,8,2]; train epochs=1")
    let figures = harness.execute("plot boundary\nplot boundary").published.filter { $0.type == "display_data" }
    #expect(figures.count == 2)
    let svgs = figures.compactMap { $0.content["data"]?["image/svg+xml"]?.string }
    #expect(svgs.count == 2 && svgs.allSatisfy { $0.hasPrefix("<?xml") && $0.contains("<svg") })
    #expect(figures.allSatisfy { ($0.content["data"]?["text/plain"]?.string ?? "").contains("64 points in 2 classes") })
    let ids = svgs.map { svg in svg.components(separatedBy: "id=\"").dropFirst().map { $0.prefix { $0 != "\"" } } }
    #expect(Set(ids[0]).isDisjoint(with: Set(ids[1])))
  }

  @Test func trainingShowsOneLiveDisplayThatEndsAsTheRunsSummary() throws {
    let harness = KernelHarness()
    let published = harness.execute("data xor; mlp [2,8,2]; train epochs=20").published
    let shown = published.filter { $0.type == "display_data" }
    let updates = published.filter { $0.type == "update_display_data" }
    #expect(shown.count == 1)
    let display = try #require(shown.first?.content["transient"]?["display_id"]?.string)
    #expect(updates.allSatisfy { $0.content["transient"]?["display_id"]?.string == display })
    // It ends as the run's summary, in place of the progress bar; the status before it
    // showed every iteration done.
    let texts = ([shown[0]] + updates).map { $0.content["data"]?["text/plain"]?.string ?? "" }
    #expect(texts.last?.hasPrefix("trained mlp1: 60 iterations") == true)
    #expect(texts.dropLast().last?.contains("60/60") == true)
    #expect(!published.contains { $0.streamText?.contains("trained mlp1") == true })
  }

  @Test func anInterruptStopsTrainingAtABatchAndKeepsWhatWasLearnt() throws {
    let harness = KernelHarness()
    _ = harness.execute("load digits; mlp [64,32,10] seed=1")
    harness.interruptAfterPolls = 40
    let (reply, published) = harness.execute("train epochs=200\necho not reached")
    harness.interruptAfterPolls = nil
    #expect(reply["status"] == "error")
    #expect(reply["ename"] == "KeyboardInterrupt")
    #expect(reply["evalue"]?.string?.hasPrefix("stopped mlp1 after") == true)
    #expect(reply["evalue"]?.string?.contains("(interrupted); it keeps what it learnt") == true)
    #expect(published.last?.type == "error")
    #expect(!published.contains { $0.streamText?.contains("not reached") == true })
    guard case let .mlp(model)? = harness.kernel.interpreter.session.models["mlp1"] else {
      Issue.record("the model is gone")
      return
    }
    #expect(model.network.history.iterations > 0)
    #expect(model.network.history.iterations < 200 * 24)
    // The next cell runs: the interrupt was for the cell it stopped.
    #expect(harness.execute("echo next").reply["status"] == "ok")
  }

  @Test func clearClearsTheCellsOutput() throws {
    let harness = KernelHarness()
    let published = harness.execute("echo gone\nclear\necho kept").published
    // "gone" may have been sent before the clear (lines go out as they come), never after.
    let clear = try #require(published.firstIndex { $0.type == "clear_output" })
    #expect(published[clear].content["wait"] == false)
    #expect(published[(clear + 1)...].compactMap(\.streamText) == ["kept\n"])
  }

  @Test func aSilentCellPublishesNothingAndIsNotCounted() {
    let harness = KernelHarness()
    let (reply, published) = harness.execute("echo quiet; data xor", silent: true)
    #expect(reply["status"] == "ok")
    #expect(published.isEmpty)
    #expect(harness.execute("echo loud").reply["execution_count"] == 1)
    #expect(harness.kernel.interpreter.session.dataNames == ["xor"])
  }

  @Test func executeRequestsWaitingBehindAFailedCellAreAbortedOthersAnswered() throws {
    let harness = KernelHarness()
    func waiting(_ type: String, _ content: [String: JSON]) -> [Data] {
      var message = Message(type: type, session: "client", content: content)
      message.identities = [Data("client-1".utf8)]
      return harness.wire.encode(message)
    }
    harness.kernel.takeWaitingShellRequests = {
      [waiting("execute_request", ["code": "data xor"]), waiting("complete_request", ["code": "tra", "cursor_pos": 3])]
    }
    #expect(harness.execute("trian").reply["status"] == "error")
    // Nothing waiting is answered before the failed cell's reply and idle.
    #expect(harness.take(.shell).isEmpty)
    harness.kernel.handleRequestsWaitingBehindFailure()
    let replies = harness.take(.shell)
    #expect(replies.map(\.type) == ["execute_reply", "complete_reply"])
    #expect(replies[0].content["status"] == "aborted")
    #expect(replies[1].content["matches"] == ["train"])
    #expect(harness.take(.iopub).map(\.type) == ["status", "status", "status", "status"])
    #expect(harness.kernel.interpreter.session.dataNames.isEmpty)
    // A cell sent later runs.
    harness.kernel.takeWaitingShellRequests = { [] }
    #expect(harness.execute("echo later").reply["status"] == "ok")
  }

  @Test func aSilentFailingCellAbortsNothing() {
    let harness = KernelHarness()
    var asked = false
    harness.kernel.takeWaitingShellRequests = {
      asked = true
      return []
    }
    #expect(harness.execute("trian", silent: true).reply["status"] == "error")
    #expect(!asked)
  }

  @Test func anExpectationAtTheTopOfACellChecksThePreviousCell() {
    let harness = KernelHarness()
    #expect(harness.execute("data xor n=64").reply["status"] == "ok")
    let (reply, published) = harness.execute("# expect: \"64 training samples\"\necho checked")
    #expect(reply["status"] == "ok")
    // Its result is its own command's (echo reports no numbers), never the earlier cell's.
    #expect(!published.contains { $0.type == "execute_result" })
    let only = harness.execute("# expect: \"checked\"")
    #expect(only.reply["status"] == "ok")
    #expect(!only.published.contains { $0.type == "execute_result" })
  }

  @Test func aForgedOrMalformedMessageIsDroppedAndLogged() {
    let harness = KernelHarness()
    let forger = WireFormat(signer: MessageSigner(key: "guessed"))
    var forged = Message(type: "execute_request", session: "evil", content: ["code": "data xor"])
    forged.identities = [Data("x".utf8)]
    harness.kernel.receive(forger.encode(forged), on: .shell)
    harness.kernel.receive([Data("junk".utf8)], on: .shell)
    harness.kernel.receive([WireFormat.delimiter, Data(), Data("{".utf8)], on: .control)
    #expect(harness.take(.shell).isEmpty && harness.take(.iopub).isEmpty && harness.take(.control).isEmpty)
    #expect(harness.kernel.interpreter.session.dataNames.isEmpty)
    #expect(harness.log == [
      "dropped a message on the shell channel: message with a missing or wrong signature",
      "dropped a message on the shell channel: malformed message: no <IDS|MSG> delimiter",
      "dropped a message on the control channel: malformed message: 2 frames after the delimiter, not at least 5",
    ])
  }

  @Test func anUnknownRequestGetsAnErrorReply() throws {
    let harness = KernelHarness()
    harness.request("frobnicate_request")
    let reply = try #require(harness.take(.shell).first)
    #expect(reply.type == "frobnicate_reply")
    #expect(reply.content["status"] == "error")
    #expect(reply.content["ename"] == "UnknownMessageType")
    #expect(harness.take(.iopub).map { $0.content["execution_state"] } == ["busy", "idle"])
  }

  @Test func kernelInfoNamesTheLanguageAsExportsDo() throws {
    let harness = KernelHarness()
    harness.request("kernel_info_request")
    let reply = try #require(harness.take(.shell).first)
    #expect(reply.content["protocol_version"] == "5.3")
    #expect(reply.content["language_info"]?["name"] == "mlpsh")
    #expect(reply.content["language_info"]?["file_extension"] == ".mlp")
    #expect(reply.content["language_info"]?["pygments_lexer"] == "bash")
  }

  @Test func shutdownAndInterruptAreAlsoAnsweredOnShell() throws {
    let harness = KernelHarness()
    harness.request("interrupt_request")
    #expect(harness.take(.shell).first?.type == "interrupt_reply")
    harness.request("shutdown_request", ["restart": true])
    let reply = try #require(harness.take(.shell).first)
    #expect(reply.type == "shutdown_reply" && reply.content["status"] == "ok" && reply.content["restart"] == true)
    #expect(harness.kernel.isShuttingDown)
  }

  @Test func shutdownAndInterruptAreAnsweredOnControl() throws {
    let harness = KernelHarness()
    harness.request("interrupt_request", on: .control)
    #expect(harness.take(.control).first?.type == "interrupt_reply")
    let requested = harness.requested.load(ordering: .relaxed)
    #expect(requested)
    #expect(!harness.kernel.isShuttingDown)
    harness.request("shutdown_request", ["restart": false], on: .control)
    let reply = try #require(harness.take(.control).first)
    #expect(reply.type == "shutdown_reply" && reply.content["restart"] == false)
    #expect(harness.take(.iopub).contains { $0.type == "shutdown_reply" })
    #expect(harness.kernel.isShuttingDown)
  }

  @Test func aCommOpenIsClosedAndCommInfoListsNone() throws {
    let harness = KernelHarness()
    harness.request("comm_open", ["comm_id": "c1", "target_name": "jupyter.widget", "data": [:]])
    #expect(harness.take(.iopub).contains { $0.type == "comm_close" && $0.content["comm_id"] == "c1" })
    harness.request("comm_info_request")
    #expect(harness.take(.shell).first?.content["comms"] == [:])
  }
}
