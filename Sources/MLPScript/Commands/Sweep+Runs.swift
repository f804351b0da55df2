import Foundation
import MLPCore
import MLPPlot

/// What one run of a sweep did.
struct SweepOutcome: Sendable {
  var network: MultilayerPerceptron
  /// What training did, or why the core refused to train.
  var report: Result<TrainingReport, TrainingError>
  var seconds: Double
  /// The accuracy on the data set's test set, if it has one.
  var testAccuracy: Double?
  /// The run's most accurate point on the validation set, if the data set has one.
  var bestValidation: ValidationPoint?

  /// The iterations it ran: none when the core refused to train.
  var iterations: Int {
    if case let .success(report) = report { report.iterations } else { 0 }
  }
}

extension CommandSpec {
  /// Trains every run, side by side unless `parallel=false`, keeps them as models, and
  /// prints the table and the overlaid curves.
  static func runSweep(
    _ runs: [SweepRun], grid: SweepGrid, of name: String, on data: DataEntry, named dataName: String,
    _ invocation: inout Invocation
  ) throws(Diagnostic) {
    let parallel = try invocation.boolean("parallel", default: true)
    let workers = parallel ? min(ParallelRuns.coreCount, runs.count) : 1
    announceSweep(runs, grid: grid, of: name, on: dataName, workers: workers, &invocation)
    let start = invocation.environment.clock()
    let outcomes = trainRuns(runs, on: data, workers: workers, environment: invocation.environment)
    let elapsed = invocation.environment.clock() - start

    // Keep every run as a model, then report: a later failure (the chart's file) keeps them.
    for (run, outcome) in zip(runs, outcomes) {
      invocation.session.models[run.name] = .mlp(NetworkModel(network: outcome.network, initializer: run.initializer,
                                                              seed: run.seed))
    }
    invocation.keepsSessionOnError = true
    reportSweep(runs, outcomes, grid: grid, on: data, named: dataName, seconds: elapsed, &invocation)
    try plotSweep(runs, outcomes, of: name, on: dataName, &invocation)
  }

  /// The sweep's first line: what varies, and how many runs train at a time.
  private static func announceSweep(
    _ runs: [SweepRun], grid: SweepGrid, of name: String, on dataName: String, workers: Int,
    _ invocation: inout Invocation
  ) {
    let swept = grid.sweptKeys
    let description = swept.map { key in
      let values = grid.axes.first { $0.key == key }!.values.map(\.display)
      return "\(key) = \(values.joined(separator: ", "))"
    }.joined(separator: " × ")
    invocation.print("sweep of \(name) on \(dataName): \(plural(runs.count, "run")), \(description), "
      + "same first weights\(swept.contains("init") || swept.contains("seed") ? " per init and seed" : ""), "
      + (workers > 1 ? "\(workers) at a time" : "one at a time"))
  }

  /// Trains each run on `data`'s training set, `workers` at a time, measuring each on the
  /// validation set at its epochs' ends and on the test set at its end; results in the
  /// runs' order.
  private static func trainRuns(
    _ runs: [SweepRun], on data: DataEntry, workers: Int, environment: Environment
  ) -> [SweepOutcome] {
    let (samples, test, validation) = (data.train, data.test, data.validation)
    let perEpoch = samples.count
    let total = runs.reduce(0) { $0 + ($1.options.iterations ?? $1.options.epochs * (perEpoch / $1.options.batchSize)) }
    let tracker = SweepTracker(environment: environment, runs: runs.count, iterations: total)
    let clock = environment.clock
    let shouldStop = environment.shouldStop
    let outcomes = ParallelRuns.map(runs, concurrency: workers) { run -> SweepOutcome in
      var network = run.network
      let began = clock()
      let monitor = validation.map {
        ValidationMonitor(part: "validation", samples: $0, patience: nil, iterationsBefore: network.history.iterations)
      }
      let report = Result { () throws(TrainingError) -> TrainingReport in
        try network.train(inputs: samples.features, labels: samples.labels, options: run.options,
                          progress: { _ in tracker.advance() }, shouldStop: { shouldStop() },
                          atCheckpoint: monitor.map { monitor in { monitor.measure($0) } })
      }
      let seconds = clock() - began
      tracker.finishRun()
      _ = monitor?.finish(&network)
      // `evaluate` refuses only data that does not fit the model, which training refused
      // first: that run's note says why, and its test accuracy shows "-".
      let accuracy = test.flatMap { try? network.evaluate(inputs: $0.features, labels: $0.labels).accuracy }
      return SweepOutcome(network: network, report: report, seconds: seconds, testAccuracy: accuracy,
                          bestValidation: monitor?.mostAccurate)
    }
    tracker.finish()
    return outcomes
  }

  /// The results table (one row a run), its quantities, and the best run.
  private static func reportSweep(
    _ runs: [SweepRun], _ outcomes: [SweepOutcome], grid: SweepGrid, on data: DataEntry, named dataName: String,
    seconds elapsed: Double, _ invocation: inout Invocation
  ) {
    var rows: [[String]] = []
    var best: (name: String, accuracy: Double)?
    for (run, outcome) in zip(runs, outcomes) {
      rows.append(row(run, outcome, validated: data.validation != nil, data: dataName, &invocation))
      if let accuracy = outcome.testAccuracy, best == nil || accuracy > best!.accuracy { best = (run.name, accuracy) }
    }
    var header = ["run"] + grid.sweptKeys + ["loss", "accuracy"] + (data.validation == nil ? [] : ["best validation"])
      + [data.test == nil ? "no test set" : "test accuracy", "updates", "seconds"]
    if rows.contains(where: { !$0.last!.isEmpty }) {
      header.append("note")
    } else {
      rows = rows.map { Array($0.dropLast()) }
    }
    invocation.print(RunCurves.table(header: header, rows: rows).joined(separator: "\n"))
    invocation.print("loss and accuracy: means over the last \(RunCurves.window) iterations of each run; "
      + "\(String(format: "%.2f", elapsed)) s in all")
    if let best { invocation.print("best test accuracy: \(best.name), \(fixed(best.accuracy))") }
    invocation.record("runs", Double(runs.count))
    if let best { invocation.record("best test accuracy", best.accuracy) }
    invocation.record("seconds", elapsed)
    if invocation.environment.shouldStop() {
      invocation.print("stopped (\(invocation.environment.stopReason())): the runs keep what they learnt")
    }
  }

  /// One run's row of the table (its note last, empty when it completed), and its quantities.
  private static func row(
    _ run: SweepRun, _ outcome: SweepOutcome, validated: Bool, data dataName: String, _ invocation: inout Invocation
  ) -> [String] {
    let means = outcome.network.history.recentMeans(window: RunCurves.window)
    let updates = outcome.iterations
    var note = ""
    switch outcome.report {
    case .success(let report) where report.outcome == .interrupted: note = "stopped"
    case .success(let report) where report.outcome != .completed: note = "diverged"
    case .success: break
    case let .failure(error):
      note = "failed: " + invocation.diagnostic(for: error, model: run.name, network: run.network, data: dataName).message
    }
    if let best = outcome.bestValidation {
      invocation.record("best validation accuracy \(run.name)", best.accuracy)
      invocation.record("best epoch \(run.name)", best.epoch)
    }
    if let means {
      invocation.record("loss \(run.name)", means.loss)
      invocation.record("accuracy \(run.name)", means.accuracy)
    }
    if let accuracy = outcome.testAccuracy { invocation.record("test accuracy \(run.name)", accuracy) }
    invocation.record("updates \(run.name)", Double(updates))
    invocation.record("seconds \(run.name)", outcome.seconds)
    return [run.name] + run.values + [
      means.map { fixed($0.loss) } ?? "-", means.map { fixed($0.accuracy) } ?? "-",
    ] + (validated ? [outcome.bestValidation?.accuracyAndEpoch ?? "-"] : []) + [
      outcome.testAccuracy.map { fixed($0) } ?? "-", String(updates), String(format: "%.2f", outcome.seconds),
      note,
    ]
  }

  /// The runs' curves overlaid, unless `plot=false`.
  private static func plotSweep(
    _ runs: [SweepRun], _ outcomes: [SweepOutcome], of name: String, on dataName: String,
    _ invocation: inout Invocation
  ) throws(Diagnostic) {
    guard try invocation.boolean("plot", default: true) else { return }
    let trained = zip(runs, outcomes).filter { !$0.1.network.history.steps.isEmpty }
      .map { (name: $0.0.name, history: $0.1.network.history) }
    guard !trained.isEmpty else { return }
    try presentOverlay(of: trained, title: { "sweep of \(name) on \(dataName): \($0)" }, &invocation)
  }
}

/// Counts the iterations and runs done across the workers of a sweep, and on a terminal
/// redraws one status line for all of them (at most ten times a second). Workers call it
/// from their own threads, so it writes to the sink under a lock.
final class SweepTracker: @unchecked Sendable {
  private let environment: Environment
  private let runs: Int
  private let iterations: Int
  private let lock = NSLock()
  private let start: Double
  private var iterationsDone = 0
  private var runsDone = 0
  private var lastDraw = -Double.infinity
  private var shown = false

  init(environment: Environment, runs: Int, iterations: Int) {
    self.environment = environment
    self.runs = runs
    self.iterations = max(iterations, 1)
    self.start = environment.clock()
  }

  /// One more iteration done, by any run.
  func advance() {
    lock.withLock {
      iterationsDone += 1
      draw()
    }
  }

  /// One more run done.
  func finishRun() {
    lock.withLock {
      runsDone += 1
      lastDraw = -Double.infinity
      draw()
    }
  }

  /// Clears the status line.
  func finish() {
    lock.withLock {
      if shown { environment.sink.clearStatus() }
      shown = false
    }
  }

  private func draw() {
    guard environment.style.showsStatus else { return }
    let now = environment.clock()
    guard now - lastDraw >= 0.1 else { return }
    lastDraw = now
    let elapsed = now - start
    let remaining = iterationsDone > 0 ? elapsed / Double(iterationsDone) * Double(iterations - iterationsDone) : 0
    let text = "  \(runsDone)/\(runs) runs  \(iterationsDone)/\(iterations) iterations  ETA \(ProgressReporter.clock(max(remaining, 0)))"
    let width = max(10, min(40, environment.style.width - text.count - 3))
    let filled = min(width, width * iterationsDone / iterations)
    environment.sink.status("[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "]" + text)
    shown = true
  }
}
