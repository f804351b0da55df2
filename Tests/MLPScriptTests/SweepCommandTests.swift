import Foundation
import MLPCore
import Testing
@testable import MLPScript

/// `sweep` and `compare` on small data: their tables verbatim (with a clock that stands
/// still, so the seconds read 0.00), the same first weights for every run, and the same
/// results whether the runs go side by side or one after another.
@Suite struct SweepCommandTests {
  /// An interpreter with the fixtures' data sets and a clock that always reads 0.
  static func interpreter(style: OutputStyle = .plain) -> (Interpreter, CollectingSink) {
    let (interpreter, sink) = Fixtures.interpreter(style: style)
    interpreter.environment.clock = { 0 }
    return (interpreter, sink)
  }

  static func parameters(_ interpreter: Interpreter, _ name: String) -> [Float]? {
    guard case let .mlp(model)? = interpreter.session.models[name] else { return nil }
    return model.network.parameters
  }

  @Test func aSweepPrintsOneRowPerRunAndKeepsEveryRun() {
    let (interpreter, sink) = Self.interpreter()
    #expect(interpreter.run(line: "m = mlp [2,8,3] lr=0.5 init=xavier") == nil)
    sink.clear()
    #expect(interpreter.run(line: "sweep m quadrants batch=20,40 lr=0.5,1 epochs=2 plot=false") == nil)
    #expect(sink.text == """
      sweep of m on quadrants: 4 runs, batch = 20, 40 × lr = 0.5, 1, same first weights, 2 at a time
        run              batch   lr    loss  accuracy  test accuracy  updates  seconds
        m_batch20_lr0_5     20  0.5  0.1902    0.9400         0.9633      120     0.00
        m_batch20_lr1       20    1  0.1577    0.9355         0.9633      120     0.00
        m_batch40_lr0_5     40  0.5  0.4098    0.8783         0.9667       60     0.00
        m_batch40_lr1       40    1  0.3019    0.8967         0.9600       60     0.00
      loss and accuracy: means over the last 100 iterations of each run; 0.00 s in all
      best test accuracy: m_batch40_lr0_5, 0.9667

      """)
    let report = interpreter.session.lastReport
    #expect(report?.quantity("runs") == 4)
    #expect(report?.quantity("updates m_batch40_lr1") == 60)
    #expect(report?.quantity("best test accuracy") == report?.quantity("test accuracy m_batch40_lr0_5"))
    for name in ["m_batch20_lr0_5", "m_batch20_lr1", "m_batch40_lr0_5", "m_batch40_lr1"] {
      #expect(interpreter.session.models[name] != nil, "\(name) is kept")
    }
    // The template itself is not trained.
    guard case let .mlp(template)? = interpreter.session.models["m"] else { return }
    #expect(template.network.history.iterations == 0)
  }

  /// Every run starts from the first weights `m` was made with: training a copy by hand
  /// gives bit-identical weights.
  @Test func everyRunStartsFromTheModelsFirstWeights() {
    let (interpreter, _) = Self.interpreter()
    interpreter.run(line: "m = mlp [2,8,3] lr=0.5 seed=4; train m iterations=3 progress=false")
    #expect(interpreter.run(line: "sweep m lr=0.5,0.25 activation=relu,tanh iterations=7 plot=false") == nil)
    for (lr, activation) in [("0.5", "relu"), ("0.25", "tanh")] {
      #expect(interpreter.run(line: "a = mlp [2,8,3] \(activation) lr=\(lr) seed=4; train a iterations=7 progress=false") == nil)
      let run = "m_lr\(lr.replacingOccurrences(of: ".", with: "_"))_\(activation)"
      #expect(Self.parameters(interpreter, run) != nil)
      #expect(Self.parameters(interpreter, run) == Self.parameters(interpreter, "a"), "\(run)")
    }
  }

  @Test func sideBySideGivesTheSameRunsAsOneAfterAnother() {
    let (parallel, parallelSink) = Self.interpreter()
    let (sequential, sequentialSink) = Self.interpreter()
    for (interpreter, flag) in [(parallel, "true"), (sequential, "false")] {
      #expect(interpreter.run(line: "m = mlp [2,16,3] tanh lr=0.3; sweep batch=10,30,50 shuffle=true,false epochs=3 parallel=\(flag) plot=false") == nil)
    }
    let names = parallel.session.modelNames.filter { $0.hasPrefix("m_") }
    #expect(names.count == 6)
    for name in names {
      #expect(Self.parameters(parallel, name) == Self.parameters(sequential, name), "\(name)")
    }
    #expect(parallelSink.lines.dropFirst(2) == sequentialSink.lines.dropFirst(2))
    #expect(parallelSink.lines.contains { $0.hasSuffix("2 at a time") } || ParallelRuns.coreCount == 1)
    #expect(sequentialSink.lines.contains { $0.hasSuffix("one at a time") })
  }

  @Test func compareSetsNetworksSideBySide() {
    let (interpreter, sink) = Self.interpreter()
    interpreter.run(line: "m = mlp [2,8,3] lr=0.5 init=xavier; sweep batch=20,40 plot=false")
    sink.clear()
    #expect(interpreter.run(line: "compare m_batch20 m_batch40 plot=false") == nil)
    #expect(sink.text == """
                                   m_batch20  m_batch40
        layers                         2-8-3      2-8-3
        activation                      relu       relu
        lr                               0.5        0.5
        init                          xavier     xavier
        seed                               0          0
        batch                             20         40
        iterations                        60         30
        epochs                             1          1
        loss (last 100)               0.4225     0.6126
        accuracy (last 100)           0.8675     0.8133
        test accuracy (quadrants)     0.9567     0.9567

      """)
    #expect(interpreter.session.lastReport?.quantity("test accuracy m_batch40") == 287.0 / 300)
  }

  @Test func sweepAndCompareSayWhatIsWrong() {
    let (interpreter, _) = Self.interpreter()
    interpreter.run(line: "m = mlp [2,8,3]")
    #expect(interpreter.run(line: "sweep batch=32")?.message == "'sweep' needs an option with two or more values")
    #expect(interpreter.run(line: "sweep batch=16,16")?.message == "batch=16 is given twice")
    #expect(interpreter.run(line: "sweep lr=0.1,-1")?.message == "lr must be greater than 0, not -1")
    #expect(interpreter.run(line: "sweep batch=16,5000")?.message == "batch size 5000 is larger than the 1200 samples of 'quadrants'")
    interpreter.run(line: "w = mlp [3,4,2]")
    // The one mapping of the core's errors, as `train` says it (sweep had its own wording).
    let mismatch = interpreter.run(line: "sweep w quadrants lr=0.1,0.2")
    #expect(mismatch?.message == "'w' takes 3 inputs but 'quadrants' has 2 features")
    #expect(mismatch?.hint == "make a model for it, such as 'mlp [2,4,2]'")
    #expect(interpreter.run(line: "sweep lr=0.1,0.2 epochs=2 iterations=3")?.message == "give epochs= or iterations=, not both")
    interpreter.run(line: "p = perceptron 2")
    #expect(interpreter.run(line: "sweep p lr=0.1,0.2")?.message == "sweep trains networks; 'p' is a perceptron")
    #expect(interpreter.run(line: "compare m")?.message == "'compare' needs two or more networks")
    #expect(interpreter.run(line: "compare m p")?.message == "compare works on networks; 'p' is a perceptron")
    #expect(interpreter.run(line: "compare m mm")?.message == "no model or data set named 'mm'")
  }
}
