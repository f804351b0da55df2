import MLPCore
import Testing
@testable import MLPScript

/// Options are converted and checked by their declared kind before the command runs: a
/// value of the wrong kind renders with its caret under the value, and nothing has run.
@Suite struct OptionCheckTests {
  /// Runs `script` (named o.mlp) in a fresh interpreter with the fixtures' data sets and
  /// `m = mlp [2,8,2]`, and renders the diagnostic it stops on.
  static func rendering(_ script: String) -> (String?, Interpreter, CollectingSink) {
    let (interpreter, sink) = Fixtures.interpreter()
    interpreter.environment.clock = { 0 }
    interpreter.run(line: "m = mlp [2,8,2]")
    sink.clear()
    let error = interpreter.run(script: Source(name: "o.mlp", text: script))
    return (error.map { DiagnosticRenderer(color: false).render($0) }, interpreter, sink)
  }

  @Test func aSweepFailsOnItsChartOptionBeforeTrainingAnyRun() {
    // Before: every run trained, then 'y=los' failed and the trained runs were thrown away.
    let (rendering, interpreter, sink) = Self.rendering("sweep m batch=16,32 y=los")
    #expect(rendering == """
      error: unknown curve 'los'
       --> o.mlp:1:23
      1 | sweep m batch=16,32 y=los
        |                       ^~~ did you mean 'loss'? should be loss or accuracy
      """)
    #expect(sink.lines == rendering?.split(separator: "\n").map(String.init),
            "nothing printed but the diagnostic: no 'sweep of' line, no table")
    #expect(interpreter.session.modelNames == ["m"])
    guard case let .mlp(model)? = interpreter.session.models["m"] else { Issue.record("m is gone"); return }
    #expect(model.network.history.iterations == 0)
  }

  static let wrongKinds: [(script: String, rendering: String)] = [
    ("train m blobs batch=1.5", """
      error: batch should be a whole number, not 1.5
       --> o.mlp:1:21
      1 | train m blobs batch=1.5
        |                     ^~~ such as 2
      """),
    ("train m epochs=0", """
      error: epochs must be at least 1, not 0
       --> o.mlp:1:16
      1 | train m epochs=0
        |                ^
      """),
    ("train m shuffle=maybe", """
      error: shuffle should be true or false, not maybe
       --> o.mlp:1:17
      1 | train m shuffle=maybe
        |                 ^~~~~ should be true or false
      """),
    // The kind is checked before the names: 'nosuch' is never looked up.
    ("train nosuch lr=-1", """
      error: lr must be greater than 0, not -1
       --> o.mlp:1:17
      1 | train nosuch lr=-1
        |                 ^~
      """),
    ("mlp [2,2] lr=fast", """
      error: lr should be a number, not fast
       --> o.mlp:1:14
      1 | mlp [2,2] lr=fast
        |              ^~~~
      """),
    ("mlp [2,2] init=xaver", """
      error: unknown initializer 'xaver'
       --> o.mlp:1:16
      1 | mlp [2,2] init=xaver
        |                ^~~~~ did you mean 'xavier'? should be seed, xavier or he
      """),
    ("set batch=32 shuffle=maybe", """
      error: shuffle should be true or false, not maybe
       --> o.mlp:1:22
      1 | set batch=32 shuffle=maybe
        |                      ^~~~~ should be true or false
      """),
    ("set seed=-3", """
      error: seed must be at least 0, not -3
       --> o.mlp:1:10
      1 | set seed=-3
        |          ^~
      """),
    ("plot m x=time", """
      error: unknown x axis 'time'
       --> o.mlp:1:10
      1 | plot m x=time
        |          ^~~~ should be iterations, examples or epochs
      """),
    ("plot m smooth=0", """
      error: smooth must be at least 1, not 0
       --> o.mlp:1:15
      1 | plot m smooth=0
        |               ^
      """),
    ("sweep m batch=16,x", """
      error: batch should be a whole number, not x
       --> o.mlp:1:18
      1 | sweep m batch=16,x
        |                  ^
      """),
  ]

  @Test(arguments: wrongKinds.indices)
  func anOptionOfTheWrongKind(_ index: Int) {
    let (script, expected) = Self.wrongKinds[index]
    let (rendering, _, sink) = Self.rendering(script)
    #expect(rendering == expected, "script: \(script)")
    #expect(sink.lines == expected.split(separator: "\n").map(String.init), "script: \(script) printed \(sink.lines)")
  }

  @Test func setChangesNothingWhenOneValueIsWrong() {
    let (_, interpreter, _) = Self.rendering("set batch=32 shuffle=maybe")
    #expect(interpreter.session.settings.batch == Settings().batch)
  }

  @Test func setWritesTheCheckedValuesInOrder() {
    let (rendering, interpreter, sink) = Self.rendering("set epochs=3 batch=16 lr=0.5 activation=tanh plots=\"figs\"")
    #expect(rendering == nil)
    #expect(sink.lines == ["epochs = 3", "batch = 16", "lr = 0.5", "activation = tanh", "plots = \"figs\""])
    let settings = interpreter.session.settings
    #expect(settings.epochs == 3 && settings.batch == 16 && settings.learningRate == 0.5)
    #expect(settings.activation == .tanh && settings.plotFolder == "figs")
  }

  // MARK: - The batch size against the data, said one way

  static let batchTooLarge = "error: batch size 500 is larger than the 200 samples of 'blobs'"

  @Test func trainAndSweepRefuseALargeBatchAlike() {
    #expect(Self.rendering("train m blobs batch=500").0 == """
      \(Self.batchTooLarge)
       --> o.mlp:1:21
      1 | train m blobs batch=500
        |                     ^~~ use batch=200 or less
      """)
    // The caret is under the size that does not fit, not the whole list.
    #expect(Self.rendering("sweep m blobs batch=16,500").0 == """
      \(Self.batchTooLarge)
       --> o.mlp:1:24
      1 | sweep m blobs batch=16,500
        |                        ^~~ use batch=200 or less
      """)
    // The batch setting: under the command.
    #expect(Self.rendering("set batch=500\nsweep m blobs lr=0.1,0.2").0 == """
      \(Self.batchTooLarge)
       --> o.mlp:2:1
      2 | sweep m blobs lr=0.1,0.2
        | ^~~~~ use batch=200 or less
      """)
  }

  @Test func theCoresBatchErrorMapsToTheSameDiagnostic() throws {
    let (interpreter, _) = Fixtures.interpreter()
    interpreter.run(line: "m = mlp [2,8,2]")
    let invocation = try Self.invocation("train m blobs batch=500", interpreter)
    guard case let .mlp(model)? = interpreter.session.models["m"] else { Issue.record("no m"); return }
    let mapped = invocation.diagnostic(for: .batchTooLarge(batchSize: 500, samples: 200), model: "m",
                                       network: model.network, data: "blobs")
    let render = DiagnosticRenderer(color: false)
    do {
      try invocation.checkBatch(500, fits: 200, data: "blobs")
      Issue.record("a batch of 500 fits 200 samples")
    } catch {
      #expect(render.render(error) == render.render(mapped))
    }
    #expect(render.render(mapped) == """
      \(Self.batchTooLarge)
       --> o.mlp:1:21
      1 | train m blobs batch=500
        |                     ^~~ use batch=200 or less
      """)
  }

  // MARK: - A sweep's session

  @Test func aSweepWhoseChartFailsKeepsItsRuns() {
    let (rendering, interpreter, _) = Self.rendering("sweep m blobs batch=16,32 to=\"/nonexistent-dir/x.svg\"")
    #expect(rendering?.hasPrefix("error: cannot write '/nonexistent-dir/x.svg'") == true)
    #expect(interpreter.session.modelNames == ["m", "m_batch16", "m_batch32"])
    guard case let .mlp(run)? = interpreter.session.models["m_batch16"] else { return }
    #expect(run.network.history.iterations == 12)
  }

  @Test func aRunTheCoreRefusesShowsWhy() throws {
    let (interpreter, sink) = SweepCommandTests.interpreter()
    interpreter.run(line: "m = mlp [2,8,3]")
    sink.clear()
    var invocation = try Self.invocation("sweep m quadrants batch=20,40 plot=false parallel=false", interpreter)
    let grid = try SweepGrid(invocation)
    guard case let .mlp(template)? = interpreter.session.models["m"] else { Issue.record("no m"); return }
    var runs = grid.runs(of: template, named: "m", settings: interpreter.session.settings)
    // Past the command's own checks, as only a bug would get: the core refuses it.
    runs[1].options.batchSize = 5000
    try CommandSpec.runSweep(runs, grid: grid, of: "m", on: interpreter.session.datasets["quadrants"]!,
                             named: "quadrants", &invocation)
    let row = sink.lines.first { $0.contains("m_batch40") }
    #expect(row?.hasSuffix("0     0.00  failed: batch size 5000 is larger than the 1200 samples of 'quadrants'") == true,
            "\(row ?? "no row")")
    #expect(invocation.report.quantity("updates m_batch40") == 0)
    #expect(invocation.report.quantity("updates m_batch20") == 60)
  }

  struct NotACommand: Error {}

  /// The invocation the interpreter would make for `line`, its options checked.
  static func invocation(_ line: String, _ interpreter: Interpreter) throws -> Invocation {
    let source = Source(name: "o.mlp", text: line)
    guard case let .command(command)? = try Parser.parse(source).statements.first,
          let spec = CommandSpec.named(command.name.text) else { throw NotACommand() }
    let options = try OptionValues(command, spec: spec, source: source, limits: interpreter.environment.limits)
    return Invocation(session: interpreter.session, command: command, spec: spec, source: source,
                      environment: interpreter.environment, options: options)
  }
}

/// The command table's options agree with their checks.
@Suite struct OptionSpecTableTests {
  @Test func everyChoiceCheckHasWordsAndEveryOptionOfAKindIsChecked() {
    for spec in CommandSpec.all {
      for option in spec.options {
        let name = "\(spec.name) \(option.key)="
        switch (option.kind, option.check) {
        case (.choice, .choice), (.choice, .byCommand): break
        case (_, .choice): Issue.record("\(name): a choice check on a \(option.kind.placeholder) option")
        case (.integer, .integer), (.integer, .iterations): break
        case (.number, .number), (.number, .positiveNumber), (.number, .learningRate): break
        case (.number, .nonNegativeNumber), (.number, .fraction): break
        case (.boolean, .boolean), (.numberList, .numbers): break
        // `ylim=` takes two numbers or the word log: the plot commands convert it.
        case (.numberList, .byCommand) where option.key == "ylim": break
        case (.integer, _), (.number, _), (.boolean, _), (.numberList, _):
          Issue.record("\(name): \(option.check) does not convert a \(option.kind.placeholder)")
        default: break
        }
      }
    }
  }

  @Test func seedsAreNeverNegativeAndBatchesAtLeastOne() {
    for spec in CommandSpec.all {
      if let seed = spec.option("seed") { #expect(seed.check == .integer(atLeast: 0), "\(spec.name)") }
      if let batch = spec.option("batch") { #expect(batch.check == .integer(atLeast: 1), "\(spec.name)") }
    }
    let sweepLists = CommandSpec.sweep.options.map(\.takesList)
    #expect(sweepLists == Array(repeating: true, count: SweepGrid.keys.count)
      + Array(repeating: false, count: sweepLists.count - SweepGrid.keys.count))
    #expect(CommandSpec.train.options.map(\.takesList) == Array(repeating: false, count: CommandSpec.train.options.count))
  }
}
