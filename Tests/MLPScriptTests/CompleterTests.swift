import Foundation
import Testing
@testable import MLPScript

@Suite struct CompleterTests {
  func session() -> Session {
    var session = Session()
    session.models["m16"] = .perceptron(PerceptronModel(perceptron: .init(inputSize: 2), learningRate: 0.001, seed: 0))
    session.models["m32"] = session.models["m16"]
    session.datasets["blobs"] = Fixtures.blobs()
    return session
  }

  @Test func commandNames() {
    #expect(Completer.candidates(before: "", word: "tr", session: session()) == ["train"])
    #expect(Completer.candidates(before: "", word: "s", session: session()) == ["scale", "split", "save", "sweep", "show", "summary", "set"])
    #expect(Completer.candidates(before: "set seed=1; ", word: "he", session: session()) == ["help"])
    #expect(Completer.candidates(before: "m = ", word: "ml", session: session()) == ["mlp"])
  }

  @Test func optionKeysAndNames() {
    #expect(Completer.candidates(before: "train ", word: "b", session: session()) == ["batch=", "beta1=", "beta2=", "blobs"])
    #expect(Completer.candidates(before: "train ", word: "m", session: session()) == ["momentum=", "min_lr=", "m16", "m32"])
    #expect(Completer.candidates(before: "train batch=16 ", word: "ba", session: session()) == [])
    #expect(Completer.candidates(before: "evaluate ", word: "", session: session()) == [
      "on=", "confusion=", "m16", "m32", "blobs",
    ])
  }

  @Test func optionValues() {
    #expect(Completer.candidates(before: "mlp [2,3] ", word: "activation=t", session: session()) == ["activation=tanh"])
    #expect(Completer.candidates(before: "mlp [2,3] ", word: "init=", session: session()) == [
      "init=seed", "init=xavier", "init=he",
    ])
    #expect(Completer.candidates(before: "train ", word: "shuffle=", session: session()) == ["shuffle=true", "shuffle=false"])
    #expect(Completer.candidates(before: "help ", word: "ev", session: session()) == ["evaluate"])
    #expect(Completer.candidates(before: "reset ", word: "l", session: session()) == ["lr", "l2"])
    #expect(Completer.candidates(before: "mlp [2,3] ", word: "r", session: session()) == ["relu"])
  }

  @Test func filePaths() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mlpsh-complete-\(getpid())")
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("lessons"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try "".write(to: directory.appendingPathComponent("lesson1.mlp"), atomically: true, encoding: .utf8)
    try "".write(to: directory.appendingPathComponent(".hidden.mlp"), atomically: true, encoding: .utf8)
    let base = directory.path + "/"
    #expect(Completer.candidates(before: "run ", word: base + "less", session: session()) == [
      base + "lesson1.mlp", base + "lessons/",
    ])
    #expect(Completer.candidates(before: "run ", word: base + ".h", session: session()) == [base + ".hidden.mlp"])
  }

  @Test func suggestions() {
    #expect(Suggestions.editDistance("trian", "train") == 1)
    #expect(Suggestions.editDistance("kitten", "sitting") == 3)
    #expect(Suggestions.closest(to: "evalute", among: CommandSpec.names) == "evaluate")
    #expect(Suggestions.closest(to: "xyz", among: CommandSpec.names) == nil)
    #expect(Suggestions.closest(to: "grad", among: CommandSpec.names) == "gradcheck")
  }
}
