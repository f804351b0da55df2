import Foundation
import MLPCore

/// Reports a training run as it goes: on a terminal, a status line redrawn at most ten
/// times a second,
/// ```
/// [█████████░░░░░░░░░░░]  421/937  loss 0.4123  acc 0.8750  ETA 3s
/// ```
/// and otherwise a plain line every tenth of the run, which reads well in a log. A run with
/// a schedule shows the current learning rate; a validation point gets a line of its own,
/// ```
///   epoch 3  validation loss 0.1234  accuracy 0.9700
/// ```
final class ProgressReporter {
  private let environment: Environment
  private let enabled: Bool
  /// Whether the lines show the learning rate (when a schedule changes it).
  var showsRate = false
  private let start: Double
  private var lastDraw = -Double.infinity
  /// What an inactive unit is called on the health figures: "dead" or "saturated".
  var healthWord = "dead"
  /// The plain lines printed, for the command's report.
  private(set) var printed: [String] = []

  init(environment: Environment, enabled: Bool) {
    self.environment = environment
    self.enabled = enabled
    self.start = environment.clock()
  }

  /// Seconds since the run started.
  var elapsed: Double { environment.clock() - start }

  func update(_ progress: TrainingProgress) {
    guard enabled else { return }
    let (done, total) = (progress.iteration, progress.totalIterations)
    if environment.style.showsStatus {
      let now = environment.clock()
      guard now - lastDraw >= 0.1 || done == total else { return }
      lastDraw = now
      environment.sink.status(statusLine(progress, elapsed: now - start))
    } else {
      let stride = max(total / 10, 1)
      guard done % stride == 0 || done == total else { return }
      let width = String(total).count
      let line = "  iteration \(String(done).leftPadded(to: width))/\(total)  "
        + "loss \(fixed(Double(progress.step.loss)))  accuracy \(fixed(Double(progress.step.accuracy)))"
        + (showsRate ? "  lr \(format(Double(progress.learningRate)))" : "") + healthFigures(progress)
      environment.sink.line(line)
      printed.append(line)
    }
  }

  /// A line for a validation point: "  epoch 3  validation loss 0.1234  accuracy 0.9700",
  /// ending "  (best)" when its loss is the least so far. Printed whether or not the
  /// progress is shown: it is what the run is watched for.
  func validated(_ point: ValidationPoint, isBest: Bool) {
    let line = "  epoch \(format(point.epoch))  \(point.part) loss \(fixed(point.loss))  accuracy \(fixed(point.accuracy))"
      + (isBest ? "  (best)" : "")
    environment.sink.line(line)
    printed.append(line)
  }

  /// Clears the status line before the summary is printed.
  func finish() {
    if enabled && environment.style.showsStatus { environment.sink.clearStatus() }
  }

  func statusLine(_ progress: TrainingProgress, elapsed: Double) -> String {
    let (done, total) = (progress.iteration, progress.totalIterations)
    let remaining = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
    let counts = "\(String(done).leftPadded(to: String(total).count))/\(total)"
    let figures = "  loss \(fixed(Double(progress.step.loss)))  acc \(fixed(Double(progress.step.accuracy)))"
      + (showsRate ? "  lr \(format(Double(progress.learningRate)))" : "") + healthFigures(progress)
      + "  ETA \(Self.clock(remaining))"
    let barWidth = max(environment.style.width - counts.count - figures.count - 5, 10)
    let filled = min(barWidth, barWidth * done / max(total, 1))
    return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
      + "]  " + counts + figures
  }

  /// "  dead 12% 3%  ‖∇W‖ 0.21 0.052 0.11": the latest health measurement, when the run
  /// records it.
  func healthFigures(_ progress: TrainingProgress) -> String {
    guard let health = progress.health else { return "" }
    let shares = health.inactive.map { String(Int((Double($0) * 100).rounded())) + "%" }
    let norms = health.gradientNorms.map { String(format: "%.2g", Double($0)) }
    return (shares.isEmpty ? "" : "  \(healthWord) " + shares.joined(separator: " "))
      + "  ‖∇W‖ " + norms.joined(separator: " ")
  }

  /// "4s", "1:05", "1:02:03".
  static func clock(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded(.up))
    if whole < 60 { return "\(whole)s" }
    if whole < 3600 { return String(format: "%d:%02d", whole / 60, whole % 60) }
    return String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
  }
}

extension String {
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
