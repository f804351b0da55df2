import Testing
@testable import MLPScript

/// Scripts that fail while running, and the exact diagnostic each renders.
@Suite struct RuntimeDiagnosticTests {
  static let cases: [(script: String, rendering: String)] = [
    ("# the notebook's network\n\nmlp [784,128,64,10] rleu", """
      error: unknown activation 'rleu'
       --> lesson.mlp:3:21
      3 | mlp [784,128,64,10] rleu
        |                     ^~~~ did you mean 'relu'? should be relu, sigmoid or tanh
      """),
    ("mlp [2,2] ReLU", """
      error: unknown activation 'ReLU'
       --> lesson.mlp:1:11
      1 | mlp [2,2] ReLU
        |           ^~~~ did you mean 'relu'? should be relu, sigmoid or tanh
      """),
    ("mlp [2,2] swish", """
      error: unknown activation 'swish'
       --> lesson.mlp:1:11
      1 | mlp [2,2] swish
        |           ^~~~~ should be relu, sigmoid or tanh
      """),
    ("data blobs\nm = mlp [2,2]\ntrain m shuffle", """
      error: no model or data set named 'shuffle'
       --> lesson.mlp:3:9
      3 | train m shuffle
        |         ^~~~~~~ did you mean 'shuffle=true'? an option takes its value after '='
      """),
    ("trian", """
      error: unknown command 'trian'
       --> lesson.mlp:1:1
      1 | trian
        | ^~~~~ did you mean 'train'?
      """),
    ("frobnicate", """
      error: unknown command 'frobnicate'
       --> lesson.mlp:1:1
      1 | frobnicate
        | ^~~~~~~~~~ type 'help' for the list of commands
      """),
    ("mlp [2,3]; train bach=16", """
      error: 'train' has no option 'bach'
       --> lesson.mlp:1:18
      1 | mlp [2,3]; train bach=16
        |                  ^~~~ did you mean 'batch'?
      """),
    ("summary depth=2", """
      error: 'summary' has no option 'depth'
       --> lesson.mlp:1:9
      1 | summary depth=2
        |         ^~~~~ 'summary' takes no options
      """),
    ("m16 = mlp [2,3]\ntrain m61", """
      error: no model or data set named 'm61'
       --> lesson.mlp:2:7
      2 | train m61
        |       ^~~ did you mean 'm16'?
      """),
    ("train", """
      error: no model yet
       --> lesson.mlp:1:1
      1 | train
        | ^~~~~ make one with 'mlp [784,128,64,10] relu' or 'perceptron'
      """),
    ("mlp [784]", """
      error: a network needs at least two layer sizes, got 1
       --> lesson.mlp:1:5
      1 | mlp [784]
        |     ^~~~~ the input size first and the number of classes last
      """),
    ("mlp [784,12.5,10]", """
      error: a layer size should be a whole number, not 12.5
       --> lesson.mlp:1:10
      1 | mlp [784,12.5,10]
        |          ^~~~ such as 13
      """),
    ("mlp relu", """
      error: 'mlp' needs layer sizes
       --> lesson.mlp:1:1
      1 | mlp relu
        | ^~~ such as 'mlp [784,128,64,10] relu'
      """),
    ("mlp [2,3] init=glorot", """
      error: unknown initializer 'glorot'
       --> lesson.mlp:1:16
      1 | mlp [2,3] init=glorot
        |                ^~~~~~ should be seed, xavier or he
      """),
    ("set lr=-1", """
      error: lr must be greater than 0, not -1
       --> lesson.mlp:1:8
      1 | set lr=-1
        |        ^~
      """),
    ("set batch=0", """
      error: batch must be at least 1, not 0
       --> lesson.mlp:1:11
      1 | set batch=0
        |           ^
      """),
    ("set shuffle=maybe", """
      error: shuffle should be true or false, not maybe
       --> lesson.mlp:1:13
      1 | set shuffle=maybe
        |             ^~~~~ should be true or false
      """),
    ("m = train", """
      error: 'train' makes nothing to name
       --> lesson.mlp:1:1
      1 | m = train
        | ^ names are given to what 'load', 'data', 'scale', 'split', 'mlp' or 'perceptron' make
      """),
    ("train = mlp [2,2]", """
      error: 'train' is a command
       --> lesson.mlp:1:1
      1 | train = mlp [2,2]
        | ^~~~~ choose another name, such as 'train1'
      """),
    ("help trian", """
      error: unknown command 'trian'
       --> lesson.mlp:1:6
      1 | help trian
        |      ^~~~~ did you mean 'train'?
      """),
    ("help train summary", """
      error: unexpected argument summary
       --> lesson.mlp:1:12
      1 | help train summary
        |            ^~~~~~~ usage: help [COMMAND]
      """),
    ("reset lrr", """
      error: no setting called 'lrr'
       --> lesson.mlp:1:7
      1 | reset lrr
        |       ^~~ did you mean 'lr'?
      """),
    ("mlp [2,3]\n# expect: parameters ≈ 10 ± 0.5", """
      error: expected parameters ≈ 10 ± 0.5, got 9
       --> lesson.mlp:2:1
      2 | # expect: parameters ≈ 10 ± 0.5
        | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
      """),
    ("mlp [2,3]\n# expect: paramters = 9", """
      error: 'mlp' did not report 'paramters'
       --> lesson.mlp:2:11
      2 | # expect: paramters = 9
        |           ^~~~~~~~~ did you mean 'parameters'?
      """),
    ("mlp [2,3]\n# expect: \"12 parameters\"", """
      error: expected the output of 'mlp' to contain "12 parameters"
       --> lesson.mlp:2:1
      2 | # expect: "12 parameters"
        | ^~~~~~~~~~~~~~~~~~~~~~~~~
      """),
    ("gradcheck", """
      error: no model yet
       --> lesson.mlp:1:1
      1 | gradcheck
        | ^~~~~~~~~ make one with 'mlp [784,128,64,10] relu' or 'perceptron'
      """),
    ("perceptron 2\ngradcheck", """
      error: 'perceptron1' is a perceptron, whose step output has no gradient
       --> lesson.mlp:2:1
      2 | gradcheck
        | ^~~~~~~~~ gradcheck an mlp
      """),
    ("run \"/no/such/lesson.mlp\"", """
      error: cannot read '/no/such/lesson.mlp': no such file
       --> lesson.mlp:1:5
      1 | run "/no/such/lesson.mlp"
        |     ^~~~~~~~~~~~~~~~~~~~~
      """),
  ]

  @Test(arguments: cases.indices)
  func rendering(_ index: Int) {
    let (script, rendering) = Self.cases[index]
    let sink = CollectingSink()
    let interpreter = Interpreter(environment: Environment(sink: sink))
    let error = interpreter.run(script: Source(name: "lesson.mlp", text: script))
    #expect(error.map { DiagnosticRenderer(color: false).render($0) } == rendering, "script: \(script)")
  }

  @Test func dataErrorsNameBothSides() {
    let (interpreter, _) = Fixtures.interpreter()
    let error = interpreter.run(script: Source(name: "d.mlp", text: "mlp [784,128,64,10]\ntrain blobs batch=16"))
    #expect(error?.description == """
      error: 'mlp1' takes 784 inputs but 'blobs' has 2 features
       --> d.mlp:2:1
      2 | train blobs batch=16
        | ^~~~~ make a model for it, such as 'mlp [2,128,64,10]'
      """)
    #expect(error?.exitStatus == 70)
  }

  @Test func batchLargerThanTheData() {
    let (interpreter, _) = Fixtures.interpreter()
    let error = interpreter.run(script: Source(name: "d.mlp", text: "mlp [2,2]; train blobs batch=500"))
    #expect(error?.description == """
      error: batch size 500 is larger than the 200 samples of 'blobs'
       --> d.mlp:1:30
      1 | mlp [2,2]; train blobs batch=500
        |                              ^~~ use batch=200 or less
      """)
  }

  @Test func expectationFailuresExitWith1() {
    let interpreter = Interpreter(environment: Environment(sink: CollectingSink()))
    let error = interpreter.run(script: Source(name: "e.mlp", text: "mlp [2,3]\n# expect: parameters < 5"))
    #expect(error?.exitStatus == 1)
  }
}

/// Data commands with the built-in digits and a missing MNIST folder.
@Suite struct DataCommandTests {
  @Test func aMissingFolderSaysWhereItLooked() {
    let interpreter = Interpreter(environment: Environment(sink: CollectingSink()))
    let error = interpreter.run(script: Source(name: "l.mlp", text: "load mnist from=/no/such/folder"))
    #expect(error?.description == """
      error: mnist not found; looked in '/no/such/folder (missing train-images-idx3-ubyte.gz, \
      train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz)'
       --> l.mlp:1:17
      1 | load mnist from=/no/such/folder
        |                 ^~~~~~~~~~~~~~~ give the folder with from="…" or set MLPSH_DATA
      """)
  }

  @Test func scaleMapsTrainingAndTestSetsWithTheTrainingRange() throws {
    let interpreter = Interpreter(environment: Environment(sink: CollectingSink()))
    #expect(interpreter.run(line: "load digits; scale") == nil)
    let entry = try #require(interpreter.session.datasets["digits"])
    #expect(entry.train.features.storage.max() == 1 && entry.train.features.storage.min() == 0)
    #expect(entry.test!.features.storage.allSatisfy { $0 >= 0 && $0 <= 1 })
    #expect(interpreter.run(line: "scale to=standard") == nil)
    let standard = try #require(interpreter.session.datasets["digits"]?.train.features)
    // Column 20 of the training set: mean 0 and standard deviation 1 after standardising.
    let column = (0 ..< standard.rows).map { Double(standard[$0, 20]) }
    let mean = column.reduce(0, +) / Double(column.count)
    let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(column.count)
    #expect(abs(mean) < 1e-5 && abs(variance - 1) < 1e-3)
  }

  @Test func splitRefusesToDropATestSetUnlessAsked() {
    let interpreter = Interpreter(environment: Environment(sink: CollectingSink()))
    interpreter.run(line: "load digits")
    let error = interpreter.run(script: Source(name: "s.mlp", text: "split test=0.3"))
    #expect(error?.description == """
      error: 'digits' already has a test set
       --> s.mlp:1:1
      1 | split test=0.3
        | ^~~~~ split replace=true to split its training set anew
      """)
    #expect(interpreter.run(line: "split test=0.5 replace=true") == nil)
    #expect(interpreter.session.datasets["digits"]?.test?.count == 719)
  }
}
