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
    ("load digits; mlp [64,10]\nsplit validation=0.1\ntrain validate=tset", """
      error: unknown part 'tset'
       --> lesson.mlp:3:16
      3 | train validate=tset
        |                ^~~~ should be validation, test or none
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
