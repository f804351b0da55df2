import Testing
@testable import MLPScript

/// `perceptron weights=… bias=…`: starting where another run started.
@Suite struct PerceptronCommandTests {
  @Test func givenWeightsAreTheStartingPoint() {
    let interpreter = Interpreter(environment: Environment(sink: CollectingSink()))
    #expect(interpreter.run(line: "data blobs; p = perceptron weights=[-0.5747,-0.4215] bias=0.25") == nil)
    guard case let .perceptron(model)? = interpreter.session.models["p"] else {
      Issue.record("no perceptron")
      return
    }
    #expect(model.perceptron.weights == [-0.5747, -0.4215])
    #expect(model.perceptron.bias == 0.25)
    #expect(model.learningRate == 0.001)
  }

  /// The notebook's cell from the notebook's start: 100% by the third epoch.
  @Test func fromTheNotebooksStartTheBlobsAreSeparatedInThreeEpochs() {
    let interpreter = Interpreter(environment: Environment(sink: CollectingSink()))
    #expect(interpreter.run(line: "data blobs; p = perceptron weights=[-0.5747,-0.4215]; train p epochs=3") == nil)
    guard case let .perceptron(model)? = interpreter.session.models["p"] else { return }
    #expect(model.epochAccuracies.count == 3)
    #expect(model.epochAccuracies.last == 1)
    #expect(model.epochAccuracies[0] < 0.5)
  }

  @Test func weightsMustMatchTheInputs() {
    let interpreter = Interpreter(environment: Environment(sink: CollectingSink()))
    let error = interpreter.run(script: Source(name: "p.mlp", text: "perceptron 3 weights=[1,2]"))
    #expect(error?.description == """
      error: 2 weights for 3 inputs
       --> p.mlp:1:22
      1 | perceptron 3 weights=[1,2]
        |                      ^~~~~ give one weight per input
      """)
    #expect(interpreter.run(line: "perceptron weights=[1,x]")?.message == "each of weights should be a number, not x")
  }
}
