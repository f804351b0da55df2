import MLPCore
import Testing
@testable import MLPScript

/// Validation, early stopping, optimizers, schedules and dropout: bad values and missing
/// held-out data, each with its exact diagnostic.
@Suite struct GeneralisationDiagnosticTests {
  static let cases: [(script: String, rendering: String)] = [
    ("load digits; mlp [64,10]\ntrain patience=3", """
      error: patience=3 needs held-out data to watch
       --> lesson.mlp:2:16
      2 | train patience=3
        |                ^ split validation=0.1 holds out a validation set; or validate=test
      """),
    ("load digits; mlp [64,10]\ntrain validate=validation", """
      error: 'digits' has no validation set
       --> lesson.mlp:2:16
      2 | train validate=validation
        |                ^~~~~~~~~~ split validation=0.1 holds one out of its training set, or validate=test
      """),
    ("load digits; mlp [64,10]\nevaluate on=validation", """
      error: 'digits' has no validation set
       --> lesson.mlp:2:13
      2 | evaluate on=validation
        |             ^~~~~~~~~~ split validation=0.1 holds one out of its training set
      """),
    ("load digits\nsplit validation=0", """
      error: validation must be a share between 0 and 1 or a count of samples, not 0
       --> lesson.mlp:2:18
      2 | split validation=0
        |                  ^
      """),
    ("load digits\nsplit validation=2.5", """
      error: validation must be a share below 1 or a whole count of samples, not 2.5
       --> lesson.mlp:2:18
      2 | split validation=2.5
        |                  ^~~
      """),
    ("load digits\nsplit validation=1438", """
      error: validation=1438 leaves no samples on one side of the 1438 training samples
       --> lesson.mlp:2:18
      2 | split validation=1438
        |                  ^~~~ hold out between 1 and 1437 samples
      """),
    ("load digits\nsplit validation=100\nsplit validation=100", """
      error: 'digits' already has a validation set
       --> lesson.mlp:3:1
      3 | split validation=100
        | ^~~~~ split replace=true to hold out a new one
      """),
    ("load digits; mlp [64,10]\ntrain validate=tset", """
      error: unknown part 'tset'
       --> lesson.mlp:2:16
      2 | train validate=tset
        |                ^~~~ did you mean 'test'? should be validation, test or none
      """),
    ("load digits; mlp [64,10]\ntrain dropout=1", """
      error: dropout must be at least 0 and below 1, not 1
       --> lesson.mlp:2:15
      2 | train dropout=1
        |               ^ the share of hidden units dropped in training; 0.2 to 0.5 is usual
      """),
    ("mlp [64,10] optimizer=adamm", """
      error: unknown optimizer 'adamm'
       --> lesson.mlp:1:23
      1 | mlp [64,10] optimizer=adamm
        |                       ^~~~~ did you mean 'adam'? should be sgd, momentum, nesterov, adam or adamw
      """),
    ("load digits; mlp [64,10]\ntrain momentum=1.2", """
      error: momentum must be at least 0 and below 1, not 1.2
       --> lesson.mlp:2:16
      2 | train momentum=1.2
        |                ^~~ the share of the last step kept; 0.9 is usual
      """),
    ("load digits; mlp [64,10]\ntrain schedule=cosine gamma=0.5", """
      error: gamma= goes with schedule=step or schedule=exponential, not schedule=cosine
       --> lesson.mlp:2:29
      2 | train schedule=cosine gamma=0.5
        |                             ^~~ such as 'schedule=step gamma=0.5'
      """),
    ("load digits; mlp [64,10]\ntrain schedule=stepp", """
      error: unknown schedule 'stepp'
       --> lesson.mlp:2:16
      2 | train schedule=stepp
        |                ^~~~~ did you mean 'step'? should be constant, step, cosine or exponential
      """),
    ("set l2=-1", """
      error: l2 must be 0 or more, not -1
       --> lesson.mlp:1:8
      1 | set l2=-1
        |        ^~
      """),
    ("load digits; mlp [64,10]\nsweep optimizer=sgd,adamm", """
      error: unknown optimizer 'adamm'
       --> lesson.mlp:2:21
      2 | sweep optimizer=sgd,adamm
        |                     ^~~~~ did you mean 'adam'? should be sgd, momentum, nesterov, adam or adamw
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

  /// `split validation=` keeps the test set and carves the validation set out of the
  /// training set; `replace=true` carves a new one; `scale` maps it with the training range.
  /// `set` makes the optimizer the default of new networks; `train optimizer=` overrides the
  /// model's for one run; the model's state goes on across `train` calls.
  @Test func theOptimizerIsTheModelsDefaultAndARunsChoice() {
    let (interpreter, _) = Fixtures.interpreter()
    #expect(interpreter.run(line: "set optimizer=momentum momentum=0.8 l2=0.001; m = mlp [2,5,3]") == nil)
    guard case let .mlp(made)? = interpreter.session.models["m"] else {
      Issue.record("no model")
      return
    }
    #expect(made.network.optimizer == Optimizer(.momentum, momentum: 0.8, l2: 0.001))
    #expect(interpreter.run(line: "train m quadrants iterations=6 optimizer=adam beta2=0.99 progress=false") == nil)
    guard case let .mlp(trained)? = interpreter.session.models["m"] else { return }
    #expect(trained.network.optimizer.kind == .momentum)  // the run's choice, not the model's
    #expect(trained.network.optimizerState?.kind == .adam && trained.network.optimizerState?.steps == 6)
    #expect(trained.network.history.segments.last?.optimizer == "adam (β₁ 0.9, β₂ 0.99, ε 1e-08), l2 0.001")
    #expect(interpreter.run(line: "k = mlp [2,5,3] optimizer=sgd") == nil)
    guard case let .mlp(plain)? = interpreter.session.models["k"] else { return }
    #expect(plain.network.optimizer == Optimizer(.sgd, momentum: 0.8, l2: 0.001))
  }

  /// A sweep over optimizers starts every run from the same first weights and reports each
  /// run's best validation accuracy and its epoch.
  @Test func aSweepOverOptimizers() {
    let sink = CollectingSink()
    let interpreter = Interpreter(environment: Environment(sink: sink))
    let script = """
      load digits; scale; split validation=0.2
      m = mlp [64,32,10] init=he lr=0.05
      sweep optimizer=sgd,momentum,adam epochs=4 shuffle=true plot=false
      """
    #expect(interpreter.run(script: Source(name: "s.mlp", text: script)) == nil)
    let report = interpreter.session.lastReport
    for run in ["m_sgd", "m_momentum", "m_adam"] {
      let best = report?.quantity("best validation accuracy \(run)") ?? 0
      let epoch = report?.quantity("best epoch \(run)") ?? 0
      #expect(best > 0.5, "\(run)")
      #expect((1 ... 4).contains(epoch), "\(run)")
    }
    // Momentum and Adam learn faster than plain SGD at this rate.
    let momentum = report?.quantity("best validation accuracy m_momentum") ?? 0
    let sgd = report?.quantity("best validation accuracy m_sgd") ?? 1
    #expect(momentum > sgd)
    #expect(sink.lines.contains { $0.hasPrefix("  run ") && $0.contains("best validation") })
    guard case let .mlp(adam)? = interpreter.session.models["m_adam"] else { return }
    #expect(adam.network.optimizer.kind == .adam && adam.network.history.validation.count == 4)
  }

  @Test func aValidationSetComesOutOfTheTrainingSet() {
    let sink = CollectingSink()
    let interpreter = Interpreter(environment: Environment(sink: sink))
    #expect(interpreter.run(script: Source(name: "s.mlp", text: "load digits\nsplit validation=200")) == nil)
    #expect(interpreter.session.lastReport?.quantity("train samples") == 1238)
    #expect(interpreter.session.lastReport?.quantity("validation samples") == 200)
    #expect(interpreter.session.lastReport?.quantity("test samples") == 359)
    #expect(interpreter.run(line: "split validation=0.5 replace=true") == nil)
    #expect(interpreter.session.lastReport?.quantity("validation samples") == 619)
    #expect(interpreter.run(line: "scale") == nil)
    let validation = interpreter.session.datasets["digits"]?.validation
    #expect(validation?.features.storage.max() ?? 2 <= 1)
    #expect(interpreter.run(line: "evaluate mlp1 on=validation") != nil)  // no model yet
    #expect(interpreter.run(line: "mlp [64,10]; evaluate on=validation confusion=false") == nil)
    #expect(interpreter.session.lastReport?.quantity("samples") == 619)
  }
}
